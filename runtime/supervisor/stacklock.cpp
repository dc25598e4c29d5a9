#include "stacklock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

// The start time (clock ticks after boot) of a live process; empty when it is gone or a zombie
// (a zombie is dead already: nothing to kill, its parent or init reaps it).
QByteArray startTimeOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray content = stat.readAll();
    const QList<QByteArray> fields = content.mid(content.lastIndexOf(')') + 2).split(' ');
    if (fields.value(0) == "Z")
        return {};
    return fields.value(19);
}

} // namespace

StackLock::StackLock(const QString &dataDir)
    : m_dataDir(QDir::cleanPath(QDir(dataDir).absolutePath()))
{
}

StackLock::~StackLock()
{
    release();
}

QString StackLock::runDirectory() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("run"));
}

bool StackLock::acquire(QString *error)
{
    if (!QDir().mkpath(runDirectory())) {
        *error = QStringLiteral("cannot create the data directory %1 (check that its parent exists and is writable)").arg(m_dataDir);
        return false;
    }
    const QFileInfo info(m_dataDir);
    if (!info.isWritable() || ::access(QFile::encodeName(m_dataDir).constData(), W_OK) != 0) {
        *error = QStringLiteral("the data directory %1 is not writable").arg(m_dataDir);
        return false;
    }
    m_lock = std::make_unique<QLockFile>(QDir(m_dataDir).filePath(QStringLiteral("stack.lock")));
    m_lock->setStaleLockTime(0); // staleness is decided by the holder's pid only
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        if (m_lock->error() == QLockFile::LockFailedError) {
            *error = QStringLiteral("another gatehouse-runtime (pid %1) is already running the stack in %2").arg(pid).arg(m_dataDir);
        } else {
            *error = QStringLiteral("cannot write the lock file in %1").arg(m_dataDir);
        }
        m_lock.reset();
        return false;
    }
    QFile pidFile(QDir(m_dataDir).filePath(QStringLiteral("supervisor.pid")));
    if (!pidFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(pidFile.fileName(), pidFile.errorString());
        m_lock->unlock();
        m_lock.reset();
        return false;
    }
    pidFile.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    return true;
}

void StackLock::release()
{
    if (!m_lock)
        return;
    QFile::remove(QDir(m_dataDir).filePath(QStringLiteral("supervisor.pid")));
    m_lock->unlock();
    m_lock.reset();
}

QStringList StackLock::recoverOrphans()
{
    QStringList killed;
    QList<qint64> waitFor;
    const QDir run(runDirectory());
    const QStringList files = run.entryList({QStringLiteral("*.pid")}, QDir::Files);
    for (const QString &name : files) {
        QFile file(run.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
        file.close();
        const qint64 pid = fields.value(0).toLongLong();
        const QByteArray startTime = fields.value(1);
        if (pid > 1 && !startTime.isEmpty() && startTimeOf(pid) == startTime) {
            // The child leads its own process group: take the group so nothing it started survives.
            ::kill(static_cast<pid_t>(-pid), SIGKILL);
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            killed.append(QStringLiteral("%1 (pid %2)").arg(name.chopped(4)).arg(pid));
            waitFor.append(pid);
        }
        QFile::remove(run.filePath(name));
    }
    // Wait (bounded) until they are gone, so their ports are free for the new stack.
    QDeadlineTimer deadline(5000);
    for (qint64 pid : std::as_const(waitFor)) {
        while (!startTimeOf(pid).isEmpty() && !deadline.hasExpired())
            QThread::msleep(10);
    }
    return killed;
}

} // namespace Gatehouse::Runtime
