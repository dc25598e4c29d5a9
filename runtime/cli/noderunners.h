#pragma once

#include "model/kinds.h"
#include "model/launchconfig.h"

#include <QHash>
#include <QString>
#include <functional>

namespace Gatehouse::Runtime {

class NodeControlChannel;

// Which code runs a node of each kind inside `gatehouse-runtime node`. The supervisor asks it
// too: a node whose kind has no runner in this build is reported down with noRunnerMessage()
// instead of being started. A value owned by RuntimeCli, not a global registry.
class NodeRunners
{
public:
    // Runs the node until it is told to stop (SIGTERM, raised by NodeCommand at EOF of the
    // control channel too); returns the process exit code. `control` is already reading: the
    // runner calls control.setHandler() once it can act on control messages (faults, rate).
    using Runner = std::function<int(const NodeLaunchConfig &config, NodeControlChannel &control)>;

    void add(NodeKind kind, Runner runner) { m_runners.insert(static_cast<int>(kind), std::move(runner)); }
    bool has(NodeKind kind) const { return m_runners.contains(static_cast<int>(kind)); }
    const Runner *find(NodeKind kind) const;

    static QString noRunnerMessage(NodeKind kind);

    // The runners compiled into this binary: the gateway (runtime/gateway, runGatewayNode), the
    // services (runtime/services, runServiceNode) and the clients (runtime/clients, runClientNode).
    static NodeRunners builtIn();

private:
    QHash<int, Runner> m_runners;
};

} // namespace Gatehouse::Runtime
