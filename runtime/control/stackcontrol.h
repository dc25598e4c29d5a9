#pragma once

#include "controlhandler.h"

#include <QJsonObject>

namespace Gatehouse::Runtime {

class ControlServer;
class ProcessManager;
class TelemetryHub;

// The commands of docs/runtime-protocol.md over a ProcessManager and a TelemetryHub:
// node commands (stop/start/restart/kill/pause/resume), snapshot, stats, trace, shutdown, and
// clear "unsupported" answers for what this build cannot do (inject, set-rate). `up` uses it
// with its infrastructure around; tests use it with test children. Pointers must outlive it.
class StackControl : public ControlHandler
{
public:
    StackControl(ProcessManager *processes, TelemetryHub *hub);

    void setServer(ControlServer *server) { m_server = server; } // for its counters in "stats"
    // Merged into the snapshot's "stack" object (name, file, dataDir, state, …).
    void setStackInfo(const QJsonObject &info) { m_stackInfo = info; }
    void setStackState(const QString &state) { m_stackInfo.insert(QStringLiteral("state"), state); }

    QJsonObject snapshot() override;
    QJsonObject execute(const QJsonObject &command) override;

private:
    ProcessManager *m_processes;
    TelemetryHub *m_hub;
    ControlServer *m_server = nullptr;
    QJsonObject m_stackInfo;
};

} // namespace Gatehouse::Runtime
