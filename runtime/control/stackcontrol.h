#pragma once

#include "controlhandler.h"

#include "model/topology.h"

#include <QHash>
#include <QJsonObject>

namespace Gatehouse::Runtime {

class ControlServer;
class ProcessManager;
class TelemetryHub;

// The commands of docs/runtime-protocol.md over a ProcessManager and a TelemetryHub:
// node commands (stop/start/restart/kill/pause/resume), snapshot, stats, trace, shutdown,
// inject (node and edge faults), set-rate (clients) and set-sampling (the span stream). Faults and rates travel to the node
// processes as control-channel messages (ProcessManager::sendControl), which remembers them
// across restarts. `up` uses it with its infrastructure around; tests use it with test
// children. Pointers must outlive it.
class StackControl : public ControlHandler
{
public:
    StackControl(ProcessManager *processes, TelemetryHub *hub);

    void setServer(ControlServer *server) { m_server = server; } // for its counters in "stats"
    // Merged into the snapshot's "stack" object (name, file, dataDir, state, …).
    void setStackInfo(const QJsonObject &info) { m_stackInfo = info; }
    void setStackState(const QString &state) { m_stackInfo.insert(QStringLiteral("state"), state); }
    // The running diagram: node kinds and edges for inject/set-rate. Without it (tests over
    // bare processes) nodes are judged by their NodeSpec kind and every edge is unknown.
    void setTopology(const Topology &topology)
    {
        m_topology = topology;
        m_running = topology;
    }

    // The injected edge faults: {edgeId:{"sourceNodeId","latencyMs","errorRate"}}.
    QJsonObject edgeFaults() const;

    QJsonObject snapshot() override;
    QJsonObject execute(const QJsonObject &command) override;

private:
    struct Faults
    {
        int latencyMs = 0;
        double errorRate = 0.0;
        QHash<QString, QPair<int, double>> edges; // edge id → latency, error rate (non-zero only)
    };

    QJsonObject inject(const QJsonObject &command);
    QJsonObject setRate(const QJsonObject &command);
    // The edited diagram while the stack runs: applies what can be applied live (LiveChanges)
    // and says what needs a restart.
    QJsonObject apply(const QJsonObject &command);
    // The span stream's trace sampling (ControlServer::setSamplingPercent), 0..100.
    QJsonObject setSampling(const QJsonObject &command);
    // The node's kind from the diagram, else from its process; nullopt when neither knows it.
    std::optional<NodeKind> kindOf(const QString &nodeId) const;
    // Sends `node`'s whole fault state; false with a failed result in `result`.
    bool sendFaults(const QString &nodeId, const Faults &faults, QJsonObject *result);

    ProcessManager *m_processes;
    TelemetryHub *m_hub;
    ControlServer *m_server = nullptr;
    QJsonObject m_stackInfo;
    Topology m_topology;
    Topology m_running; // m_topology with the changes `apply` made live since
    QHash<QString, Faults> m_faults; // by node id: what each node was last sent
};

} // namespace Gatehouse::Runtime
