#include "recoverystore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <algorithm>

namespace Gatehouse {

RecoveryStore::RecoveryStore(const QString &directory)
    : m_directory(directory)
{
}

QString RecoveryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

QList<RecoveryEntry> RecoveryStore::orphans() const
{
    QList<RecoveryEntry> entries;
    const QDir dir(m_directory);
    const QStringList metaFiles = dir.entryList({ QStringLiteral("*.json") }, QDir::Files);
    for (const QString &metaName : metaFiles) {
        const QString id = metaName.chopped(5);
        QLockFile lock(dir.filePath(id + QStringLiteral(".lock")));
        lock.setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
        if (!lock.tryLock(0))
            continue; // that session is still running (in this or another process)
        lock.unlock();

        QFile meta(dir.filePath(metaName));
        if (!meta.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(meta.readAll()).object();
        RecoveryEntry entry;
        entry.sessionId = id;
        entry.recoveryFile = dir.filePath(id + QStringLiteral(".gatehouse"));
        entry.originalFile = object.value(QStringLiteral("originalFile")).toString();
        entry.savedAt = QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
        if (QFile::exists(entry.recoveryFile))
            entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
        [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.savedAt > b.savedAt; });
    return entries;
}

LoadResult RecoveryStore::load(const RecoveryEntry &entry) const
{
    return ProjectFile::load(entry.recoveryFile);
}

void RecoveryStore::discard(const RecoveryEntry &entry) const
{
    const QDir dir(m_directory);
    QFile::remove(dir.filePath(entry.sessionId + QStringLiteral(".gatehouse")));
    QFile::remove(dir.filePath(entry.sessionId + QStringLiteral(".json")));
    QFile::remove(dir.filePath(entry.sessionId + QStringLiteral(".lock")));
}

} // namespace Gatehouse
