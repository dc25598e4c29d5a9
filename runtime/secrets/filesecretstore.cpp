#include "filesecretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <sys/stat.h>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

// Checks with stat() rather than QFileInfo::permissions(): we need the exact mode bits and the
// owner, and a symlink must not redirect secrets elsewhere.
bool checkPrivate(const QString &path, QString *error)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return true; // does not exist yet: created with 0600 on first write
    if (!S_ISREG(st.st_mode)) {
        *error = QStringLiteral("The secrets file %1 is not a regular file; refusing to use it.").arg(path);
        return false;
    }
    if (st.st_uid != ::geteuid()) {
        *error = QStringLiteral("The secrets file %1 belongs to another user; refusing to use it.").arg(path);
        return false;
    }
    if ((st.st_mode & 077) != 0) {
        *error = QStringLiteral("The secrets file %1 is accessible by other users (mode %2); refusing to "
                                "use it. Restrict it with: chmod 600 %1")
                     .arg(path, QString::number(st.st_mode & 0777, 8));
        return false;
    }
    return true;
}

} // namespace

FileSecretStore::FileSecretStore(const QString &filePath)
    : m_path(filePath)
{
}

QString FileSecretStore::backendName() const
{
    return QStringLiteral("file %1 (mode 0600)").arg(m_path);
}

bool FileSecretStore::load(QHash<QString, QString> *entries, QString *error) const
{
    if (!checkPrivate(m_path, error))
        return false;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the secrets file %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("The secrets file %1 is not a JSON object (%2).").arg(m_path, parseError.errorString());
        return false;
    }
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        entries->insert(it.key(), it.value().toString());
    return true;
}

bool FileSecretStore::save(const QHash<QString, QString> &entries, QString *error) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder %1 for the secrets file.").arg(info.absolutePath());
        return false;
    }
    QJsonObject object;
    for (auto it = entries.begin(); it != entries.end(); ++it)
        object.insert(it.key(), it.value());
    // QSaveFile writes a temp file next to the target and renames it; restrict the temp file
    // before any secret byte is written, so the secret is never world-readable, not even briefly.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write the secrets file %1: %2").arg(m_path, file.errorString());
        return false;
    }
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        *error = QStringLiteral("Cannot restrict the secrets file %1 to mode 0600.").arg(m_path);
        return false;
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("Cannot write the secrets file %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return checkPrivate(m_path, error);
}

SecretLookup FileSecretStore::read(const QString &key)
{
    QHash<QString, QString> entries;
    QString error;
    if (!load(&entries, &error))
        return SecretLookup::makeError(error);
    const auto it = entries.constFind(key);
    if (it == entries.constEnd())
        return SecretLookup::makeNotFound();
    return SecretLookup::makeFound(it.value());
}

bool FileSecretStore::write(const QString &key, const QString &value, QString *error)
{
    QString localError;
    QHash<QString, QString> entries;
    if (!load(&entries, &localError) || (entries.insert(key, value), !save(entries, &localError))) {
        if (error)
            *error = localError;
        return false;
    }
    return true;
}

bool FileSecretStore::remove(const QString &key, QString *error)
{
    QString localError;
    QHash<QString, QString> entries;
    if (!load(&entries, &localError)) {
        if (error)
            *error = localError;
        return false;
    }
    if (entries.remove(key) == 0)
        return true;
    if (!save(entries, &localError)) {
        if (error)
            *error = localError;
        return false;
    }
    return true;
}

} // namespace Gatehouse::Runtime
