#include "livechanges.h"

#include <algorithm>

namespace Gatehouse::Runtime {

namespace {

QString named(const Node &node)
{
    return node.name.isEmpty() ? node.id : QStringLiteral("%1 (%2)").arg(node.name, node.id);
}

bool isGatewayRouteEdge(const Edge &edge, const Topology &topology)
{
    const Node *source = topology.node(edge.source);
    return edge.kind == EdgeKind::Sync && source && source->kind == NodeKind::Gateway;
}

// The node as the runtime reads it: drawing-only fields and the live-applicable client rate
// cleared, so two nodes compare equal exactly when a restart is not needed for them.
Node runtimeView(Node node)
{
    node.name.clear();
    node.description.clear();
    node.lane = Lane::Services;
    node.position = {};
    node.size = {};
    node.z = 0;
    if (isClient(node.kind))
        node.properties.remove(QLatin1String(NodeProperty::RatePerSecond));
    return node;
}

Edge runtimeView(Edge edge, bool routesAreLive)
{
    edge.label.clear();
    edge.waypoints.clear();
    if (routesAreLive) {
        edge.routes.clear();
        edge.circuitBreaker = {};
    }
    return edge;
}

} // namespace

LiveChanges LiveChanges::between(const Topology &running, const Topology &edited)
{
    LiveChanges changes;
    if (!(running.runSettings == edited.runSettings))
        changes.restartReasons.append(QStringLiteral("the run settings changed"));

    for (const Node &before : running.nodes) {
        const Node *after = edited.node(before.id);
        if (!after) {
            changes.restartReasons.append(QStringLiteral("node %1 was removed").arg(named(before)));
            continue;
        }
        if (!(runtimeView(before) == runtimeView(*after)))
            changes.restartReasons.append(QStringLiteral("node %1 changed").arg(named(*after)));
        else if (isClient(after->kind) && after->ratePerSecond() != before.ratePerSecond())
            changes.clientRates.insert(after->id, after->ratePerSecond());
    }
    for (const Node &after : edited.nodes) {
        if (!running.node(after.id))
            changes.restartReasons.append(QStringLiteral("node %1 was added").arg(named(after)));
    }

    for (const Edge &before : running.edges) {
        const Edge *after = edited.edge(before.id);
        if (!after) {
            changes.restartReasons.append(QStringLiteral("connection %1 was removed").arg(before.id));
            continue;
        }
        const bool live = isGatewayRouteEdge(before, running) && isGatewayRouteEdge(*after, edited);
        if (!(runtimeView(before, live) == runtimeView(*after, live))) {
            changes.restartReasons.append(QStringLiteral("connection %1 changed").arg(before.id));
            continue;
        }
        const bool reload = before.routes != after->routes || before.circuitBreaker != after->circuitBreaker;
        if (live && reload && !changes.gatewaysWithNewRoutes.contains(after->source))
            changes.gatewaysWithNewRoutes.append(after->source);
    }
    for (const Edge &after : edited.edges) {
        if (!running.edge(after.id))
            changes.restartReasons.append(QStringLiteral("connection %1 was added").arg(after.id));
    }
    std::sort(changes.gatewaysWithNewRoutes.begin(), changes.gatewaysWithNewRoutes.end());
    return changes;
}

} // namespace Gatehouse::Runtime
