#include "processtools.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Gatehouse::Runtime::ProcessTools {

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

std::optional<SystemUser> lookupUser(const QString &name)
{
    const QByteArray n = name.toLocal8Bit();
    struct passwd pwd
    {
    };
    struct passwd *result = nullptr;
    QByteArray buffer(16384, Qt::Uninitialized);
    if (::getpwnam_r(n.constData(), &pwd, buffer.data(), size_t(buffer.size()), &result) != 0 || !result)
        return std::nullopt;
    return SystemUser { pwd.pw_uid, pwd.pw_gid, name };
}

void configureChild(QProcess &process, const std::optional<SystemUser> &user, int parentDeathSignal)
{
    // Only async-signal-safe calls between fork and exec; the user was looked up beforehand.
    const bool drop = user.has_value();
    const uid_t uid = drop ? user->uid : 0;
    const gid_t gid = drop ? user->gid : 0;
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([drop, uid, gid, parent, parentDeathSignal] {
        if (drop) {
            if (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(127);
        }
        // Set after setuid: a credential change clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, parentDeathSignal);
        if (::getppid() != parent)
            ::_exit(127); // the parent died between fork and prctl
    });
}

bool chownRecursive(const QString &path, const SystemUser &user, QString *error)
{
    auto chownOne = [&](const QString &p) {
        if (::lchown(QFile::encodeName(p).constData(), user.uid, user.gid) != 0) {
            *error = QStringLiteral("Cannot hand %1 to the %2 user: %3")
                         .arg(p, user.name, QString::fromLocal8Bit(::strerror(errno)));
            return false;
        }
        return true;
    };
    if (!chownOne(path))
        return false;
    QDirIterator it(
        path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (!chownOne(it.next()))
            return false;
    }
    return true;
}

bool traversableBy(const QString &path, const SystemUser &user, QString *blockingFolder)
{
    QString current = QFileInfo(path).absoluteFilePath();
    QStringList chain;
    while (true) {
        chain.prepend(current);
        const QString parent = QFileInfo(current).absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    for (const QString &folder : std::as_const(chain)) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(folder).constData(), &st) != 0)
            break; // not created yet: we create it with the right owner
        bool ok;
        if (st.st_uid == user.uid)
            ok = st.st_mode & S_IXUSR;
        else if (st.st_gid == user.gid)
            ok = st.st_mode & S_IXGRP;
        else
            ok = st.st_mode & S_IXOTH;
        if (!ok) {
            *blockingFolder = folder;
            return false;
        }
    }
    return true;
}

QList<qint64> processesWithCwd(const QString &dir)
{
    QList<qint64> pids;
    const QString target = QFileInfo(dir).canonicalFilePath();
    if (target.isEmpty())
        return pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == ::getpid())
            continue;
        const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(entry));
        if (cwd == target)
            pids << pid;
    }
    return pids;
}

bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    // A zombie still answers kill(0); it no longer holds ports or files.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close > 0 && close + 2 < line.size() && line.at(close + 2) == 'Z')
            return false;
    }
    return true;
}

bool terminateAndWait(const QList<qint64> &pids, int signal, int graceMs)
{
    for (qint64 pid : pids)
        ::kill(pid_t(pid), signal);
    auto allGone = [&] {
        for (qint64 pid : pids) {
            if (isAlive(pid))
                return false;
        }
        return true;
    };
    if (waitUntil(allGone, graceMs))
        return true;
    for (qint64 pid : pids) {
        if (isAlive(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
    return waitUntil(allGone, 5000);
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(std::min<qint64>(stepMs, std::max<qint64>(1, deadline.remainingTime())));
    }
}

QString tail(const QString &path, int maxLines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    if (size > 16384)
        file.seek(size - 16384);
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Gatehouse::Runtime::ProcessTools
