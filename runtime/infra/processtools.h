#pragma once

#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <sys/types.h>

class QProcess;

namespace Gatehouse::Runtime {

// Process and file-system helpers for the embedded servers (internal to the infra library).
namespace ProcessTools {

struct SystemUser
{
    uid_t uid = 0;
    gid_t gid = 0;
    QString name;
};

bool runningAsRoot();
std::optional<SystemUser> lookupUser(const QString &name);

// Makes `process` run as `user` (setgroups/setgid/setuid in the child before exec) and receive
// `parentDeathSignal` when the runtime dies, so a crashed supervisor does not orphan servers.
// user == nullopt: same user, only the death signal.
void configureChild(QProcess &process, const std::optional<SystemUser> &user, int parentDeathSignal);

// chown -R (no symlink following). Returns false and sets `error`.
bool chownRecursive(const QString &path, const SystemUser &user, QString *error);

// Every ancestor of `path` must let `user` traverse it (x for owner/group/other as applies).
// Returns false and names the first folder that does not.
bool traversableBy(const QString &path, const SystemUser &user, QString *blockingFolder);

// Pids of processes whose working directory is `dir` (PostgreSQL backends and the postmaster
// keep PGDATA as cwd). Only processes we may inspect are seen.
QList<qint64> processesWithCwd(const QString &dir);

bool isAlive(qint64 pid);

// Sends `signal` to each pid, waits up to `graceMs` for them to exit, then SIGKILLs the rest
// and waits again. Returns true when all are gone.
bool terminateAndWait(const QList<qint64> &pids, int signal, int graceMs);

// Waits up to `timeoutMs` until `condition` holds, polling every `stepMs`.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs = 10);

// Last `maxLines` lines of a text file (for error messages quoting a server log).
QString tail(const QString &path, int maxLines = 12);

} // namespace ProcessTools

} // namespace Gatehouse::Runtime
