#include "autosaver.h"

#include "model/projectfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>

namespace Gatehouse {

Q_LOGGING_CATEGORY(lcAutosave, "gatehouse.autosave")

Autosaver::Autosaver(const QString &directory, SnapshotProvider provider, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_provider(std::move(provider))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (const auto error = saveNow())
            Q_EMIT failed(*error);
    });
}

Autosaver::~Autosaver()
{
    // A normal teardown is a clean close: the owner calls clear() when the project is saved or
    // discarded, and an unsaved project whose window closed was answered by the user.
    clear();
}

void Autosaver::setDelay(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

int Autosaver::delay() const
{
    return m_timer.interval();
}

void Autosaver::scheduleSave()
{
    if (!m_timer.isActive())
        m_timer.start();
}

QString Autosaver::recoveryFile() const
{
    return QDir(m_directory).filePath(m_sessionId + QStringLiteral(".gatehouse"));
}

bool Autosaver::hasRecoveryFile() const
{
    return QFile::exists(recoveryFile());
}

std::optional<QString> Autosaver::saveNow()
{
    m_timer.stop();
    const QDir dir(m_directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return tr("Cannot create the recovery folder %1.").arg(QDir::toNativeSeparators(m_directory));
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(dir.filePath(m_sessionId + QStringLiteral(".lock")));
        m_lock->setStaleLockTime(0);
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            return tr("Cannot lock the recovery file in %1.").arg(QDir::toNativeSeparators(m_directory));
        }
    }

    const Snapshot snapshot = m_provider();
    if (const auto error = ProjectFile::save(recoveryFile(), snapshot.topology))
        return error;

    QSaveFile meta(dir.filePath(m_sessionId + QStringLiteral(".json")));
    const QJsonObject object {
        { QStringLiteral("originalFile"), snapshot.originalFile },
        { QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
    };
    if (!meta.open(QIODevice::WriteOnly) || meta.write(QJsonDocument(object).toJson()) < 0 || !meta.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(meta.fileName()), meta.errorString());

    qCDebug(lcAutosave) << "autosaved to" << recoveryFile();
    Q_EMIT saved(recoveryFile());
    return std::nullopt;
}

void Autosaver::clear()
{
    m_timer.stop();
    const QDir dir(m_directory);
    QFile::remove(recoveryFile());
    QFile::remove(dir.filePath(m_sessionId + QStringLiteral(".json")));
    if (m_lock) {
        m_lock->unlock(); // removes the lock file
        m_lock.reset();
    }
}

} // namespace Gatehouse
