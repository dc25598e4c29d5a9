#pragma once

#include "noderunners.h"

#include "infra/infraendpoints.h"
#include "supervisor/nodespec.h"

#include "model/launchconfig.h"
#include "model/topology.h"

#include <QHash>
#include <QList>
#include <optional>

namespace Gatehouse::Runtime {

// What `up` hands to the process manager: one NodeSpec per gateway/service/client node, in start
// groups (auth services → other services → gateway → clients; stopped in reverse), each with
// its NodeLaunchConfig as the stdin payload. Ports the topology leaves at 0 are picked here.
// Clients have no listener (ready once started); their upstreams are the public listeners of
// the gateways they call. Infra nodes are hosted by the supervisor and get no spec.
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
    // A partner client gets its own "partner.<id>.apiKey" from authSecrets; web and mobile
    // clients get no secret at all.
    QHash<QString, QString> authSecrets;
    QHash<QString, QString> gatewaySecrets;
    // `up --clients-paused`: every client starts at rate 0 (its launch config's copy of the
    // diagram says ratePerSecond 0); a `rate` control message starts its traffic.
    bool clientsPaused = false;
    // `up --gateway-port`: the public port of the first gateway (in diagram order) whose own
    // port is 0. The port a gateway node gives itself always wins; 0: a free port as for any node.
    int defaultGatewayPort = 0;
    const NodeRunners *runners = nullptr;
};

struct StackPlan
{
    enum Group { AuthServices = 0, Services = 1, Gateways = 2, Clients = 3 };

    QList<NodeSpec> specs;
    QHash<QString, NodeLaunchConfig> configs; // node id → what its stdin gets

    // Fails (nullopt, `error` set) when two nodes ask for the same fixed port (the default
    // gateway port included).
    static std::optional<StackPlan> build(const StackPlanInput &input, QString *error);
    static bool isInfra(NodeKind kind);
};

} // namespace Gatehouse::Runtime
