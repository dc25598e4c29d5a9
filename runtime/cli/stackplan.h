#pragma once

#include "noderunners.h"

#include "infra/infraendpoints.h"
#include "runtimeclient/nodestatus.h"
#include "supervisor/nodespec.h"

#include "model/launchconfig.h"
#include "model/topology.h"

#include <QHash>
#include <QList>
#include <optional>

namespace Gatehouse::Runtime {

// What `up` hands to the process manager: one NodeSpec per gateway/service node, in start
// groups (auth services → other services → gateway), each with its NodeLaunchConfig as the
// stdin payload. Ports the topology leaves at 0 are picked here. Clients are not run (their
// traffic drivers are not in this build) and infra nodes are hosted by the supervisor: both
// come back in `notRun` with the status to report for them.
struct StackPlanInput
{
    Topology topology;
    QString dataDir;       // node data goes to DATA/nodes/<id>
    QString program;       // gatehouse-runtime, started as `node --node ID`
    int telemetryPort = 0;
    InfraEndpoints infra;
    // Least privilege: the auth service gets what issues credentials ("jwt.signingKey",
    // "partner.<id>.apiKey"), gateways only what checks them ("jwt.publicKey", "apikey.<id>" =
    // hex SHA-256 of the key). No other node gets any of these.
    QHash<QString, QString> authSecrets;
    QHash<QString, QString> gatewaySecrets;
    const NodeRunners *runners = nullptr;
};

struct StackPlan
{
    enum Group { AuthServices = 0, Services = 1, Gateways = 2 };

    QList<NodeSpec> specs;
    QHash<QString, NodeLaunchConfig> configs; // node id → what its stdin gets
    QList<NodeStatus> notRun;

    // Fails (nullopt, `error` set) when two nodes ask for the same fixed port.
    static std::optional<StackPlan> build(const StackPlanInput &input, QString *error);
    static bool isInfra(NodeKind kind);
};

} // namespace Gatehouse::Runtime
