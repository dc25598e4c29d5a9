#pragma once

#include <QLockFile>
#include <QString>
#include <QStringList>
#include <memory>

namespace Gatehouse::Runtime {

// The data dir's single-supervisor guard and crash recovery:
//   DATA/stack.lock      QLockFile of the running supervisor (a stale one of a dead pid is taken over)
//   DATA/supervisor.pid  the supervisor's pid, for humans and scripts
//   DATA/run/<node>.pid  "<pid> <start time>" of each running node child (NodeProcess writes them)
// After a supervisor was killed with SIGKILL, recoverOrphans() kills whatever of its children
// still runs (checked by start time, so a recycled pid is never hit) and clears the pid files.
class StackLock
{
public:
    explicit StackLock(const QString &dataDir);
    ~StackLock();

    // Creates the data dir if needed and takes the lock. False with a sentence in `error` when
    // the dir cannot be created or written, or another live supervisor holds it.
    bool acquire(QString *error);
    // Removes the lock and pid file (also done by the destructor).
    void release();

    QString dataDir() const { return m_dataDir; }
    QString runDirectory() const;
    // Returns "<node> (pid N)" for every orphan it killed.
    QStringList recoverOrphans();

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Gatehouse::Runtime
