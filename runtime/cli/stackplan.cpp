#include "stackplan.h"

#include "supervisor/portcheck.h"

#include <QDir>
#include <QJsonDocument>
#include <QSet>

namespace Gatehouse::Runtime {

bool StackPlan::isInfra(NodeKind kind)
{
    return kind == NodeKind::DbPostgres || kind == NodeKind::CacheRedis || kind == NodeKind::BusKafka;
}

std::optional<StackPlan> StackPlan::build(const StackPlanInput &input, QString *error)
{
    const Topology &topology = input.topology;
    StackPlan plan;
    QSet<int> usedPorts;
    QHash<int, NodeKind> infraPorts; // db.postgres nodes share one server, so one port
    auto claim = [&](const Node &node, int port) -> bool {
        if (port <= 0)
            return true;
        if (isInfra(node.kind) && infraPorts.value(port, NodeKind::Service) == node.kind)
            return true;
        if (isInfra(node.kind))
            infraPorts.insert(port, node.kind);
        if (usedPorts.contains(port)) {
            *error = QStringLiteral("port %1 of node %2 is also given to another node").arg(port).arg(node.id);
            return false;
        }
        usedPorts.insert(port);
        return true;
    };
    QString defaultGatewayId;
    if (input.defaultGatewayPort > 0) {
        for (const Node &node : topology.nodes) {
            if (node.kind == NodeKind::Gateway && node.port <= 0) {
                defaultGatewayId = node.id;
                break;
            }
        }
    }
    auto fixedPort = [&](const Node &node) { return node.id == defaultGatewayId ? input.defaultGatewayPort : node.port; };
    for (const Node &node : topology.nodes) {
        if (!claim(node, fixedPort(node)) || (node.kind == NodeKind::Gateway && !claim(node, node.internalPort())))
            return std::nullopt;
    }
    auto pick = [&]() {
        int port = 0;
        do {
            port = pickFreePort();
        } while (port > 0 && usedPorts.contains(port));
        usedPorts.insert(port);
        return port;
    };

    // Listeners first: a node's upstreams name the listeners of the nodes it calls.
    QHash<QString, Endpoint> listeners;
    QHash<QString, Endpoint> internalListeners;
    for (const Node &node : topology.nodes) {
        if (node.kind != NodeKind::Gateway && node.kind != NodeKind::Service)
            continue;
        Endpoint e;
        e.port = fixedPort(node) > 0 ? fixedPort(node) : pick();
        listeners.insert(node.id, e);
        if (node.kind == NodeKind::Gateway) {
            Endpoint internal;
            internal.port = node.internalPort() > 0 ? node.internalPort() : pick();
            internalListeners.insert(node.id, internal);
        }
    }

    for (const Node &node : topology.nodes) {
        if (isInfra(node.kind))
            continue; // the supervisor reports these from its infrastructure

        const bool client = isClient(node.kind);
        NodeLaunchConfig config;
        config.nodeId = node.id;
        config.topology = topology;
        if (client && input.clientsPaused) {
            if (Node *self = config.topology.node(node.id))
                self->properties.insert(QString::fromLatin1(NodeProperty::RatePerSecond), 0.0);
        }
        config.publicListener = listeners.value(node.id);
        config.internalListener = internalListeners.value(node.id);
        for (const Edge *edge : topology.outgoing(node.id, EdgeKind::Sync)) {
            if (listeners.contains(edge->target))
                config.upstreams.insert(edge->target, listeners.value(edge->target));
        }
        if (input.infra.databases.contains(node.id))
            config.postgres = input.infra.databases.value(node.id);
        const bool usesCache = !topology.outgoing(node.id, EdgeKind::UsesCache).isEmpty();
        if (input.infra.redis && (usesCache || node.kind == NodeKind::Gateway))
            config.redis = input.infra.redis;
        const bool usesBus = !topology.outgoing(node.id, EdgeKind::Publish).isEmpty()
            || !topology.incoming(node.id, EdgeKind::Subscribe).isEmpty();
        if (input.infra.kafka && usesBus)
            config.kafka = input.infra.kafka;
        config.telemetry.port = input.telemetryPort;
        config.dataDir = QDir(input.dataDir).filePath(QStringLiteral("nodes/") + node.id);
        // Only the nodes that issue or check credentials get keys, each only the half it needs.
        if (node.kind == NodeKind::Gateway)
            config.secrets = input.gatewaySecrets;
        else if (node.kind == NodeKind::Service && node.role == ServiceRole::Auth)
            config.secrets = input.authSecrets;
        else if (node.kind == NodeKind::ClientPartner) {
            const QString partnerKey = QStringLiteral("partner.%1.apiKey").arg(node.id);
            if (input.authSecrets.contains(partnerKey))
                config.secrets.insert(partnerKey, input.authSecrets.value(partnerKey));
        }

        NodeSpec spec;
        spec.nodeId = node.id;
        spec.kind = node.kind;
        spec.program = input.program;
        spec.arguments = {QStringLiteral("node"), QStringLiteral("--node"), node.id};
        spec.stdinPayload = QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact);
        if (client) {
            spec.startGroup = Clients; // after the gateway, stopped first; no port: ready once running
        } else {
            spec.startGroup = node.kind == NodeKind::Gateway ? Gateways : node.role == ServiceRole::Auth ? AuthServices : Services;
            spec.listenPorts = {config.publicListener.port};
            if (config.internalListener.isSet())
                spec.listenPorts.append(config.internalListener.port);
            spec.readinessPort = config.publicListener.port;
            spec.readinessPath = node.readinessPath();
        }
        if (input.runners && !input.runners->has(node.kind))
            spec.unavailableReason = NodeRunners::noRunnerMessage(node.kind);
        spec.workingDirectory = config.dataDir;
        plan.configs.insert(node.id, config);
        plan.specs.append(spec);
    }
    return plan;
}

} // namespace Gatehouse::Runtime
