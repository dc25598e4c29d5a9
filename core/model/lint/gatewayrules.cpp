// Rules about the front door: clients, gateways and the routes they expose.
#include "lintrule.h"

#include <QRegularExpression>
#include <QCoreApplication>

namespace Gatehouse::Lint {

namespace {

// One route as the rules see it: where it lives and which gateway serves it.
struct RouteRef
{
    const Edge *edge;
    const Route *route;
};

QList<RouteRef> gatewayRoutes(const Context &context)
{
    QList<RouteRef> result;
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind != EdgeKind::Sync || !context.isKind(edge.source, NodeKind::Gateway))
            continue;
        for (const Route &route : edge.routes)
            result.append({ &edge, &route });
    }
    return result;
}

QString describe(const Route &route)
{
    return QLatin1Char('"') + route.method + QLatin1Char(' ') + route.path + QLatin1Char('"');
}

bool isAdminPath(const QString &path)
{
    return path.compare(QLatin1String("/admin"), Qt::CaseInsensitive) == 0
        || path.startsWith(QLatin1String("/admin/"), Qt::CaseInsensitive);
}

void clientBypassesGateway(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        const Node *source = context.node(edge.source);
        const Node *target = context.node(edge.target);
        if (edge.kind != EdgeKind::Sync || !source || !target || !isClient(source->kind)
            || target->kind == NodeKind::Gateway)
            continue;
        report.add({ source->id, target->id }, { edge.id },
            QCoreApplication::translate("Lint", "Client %1 reaches %2 without going through the API gateway.")
                .arg(context.label(source->id), context.label(target->id)),
            QCoreApplication::translate("Lint", "Connect the client to the gateway and add a route to the service there."));
    }
}

void clientNotConnected(const Context &context, Report &report)
{
    for (const Node &node : context.topology().nodes) {
        if (!isClient(node.kind) || !context.outgoing(node.id).isEmpty())
            continue;
        report.add({ node.id }, {},
            QCoreApplication::translate("Lint", "Client %1 is not connected; its traffic has nowhere to go.").arg(context.label(node.id)),
            QCoreApplication::translate("Lint", "Draw a sync edge from the client to the API gateway."));
    }
}

void gatewayWithoutRoutes(const Context &context, Report &report)
{
    for (const Node *gateway : context.topology().nodesOfKind(NodeKind::Gateway)) {
        bool hasRoute = false;
        for (const Edge *edge : context.outgoing(gateway->id, EdgeKind::Sync))
            hasRoute = hasRoute || !edge->routes.isEmpty();
        if (hasRoute)
            continue;
        report.add({ gateway->id }, {},
            QCoreApplication::translate("Lint", "Gateway %1 has no routes; every request to it ends in 404.")
                .arg(context.label(gateway->id)),
            QCoreApplication::translate("Lint", "Connect it to services and add routes (method, path, visibility, auth) to those edges."));
    }
}

void syncEdgeWithoutRoutes(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind != EdgeKind::Sync || !edge.routes.isEmpty() || !context.isKind(edge.source, NodeKind::Gateway)
            || !context.isKind(edge.target, NodeKind::Service))
            continue;
        bool gatewayHasRoutes = false;
        for (const Edge *other : context.outgoing(edge.source, EdgeKind::Sync))
            gatewayHasRoutes = gatewayHasRoutes || !other->routes.isEmpty();
        if (!gatewayHasRoutes)
            continue; // gateway-without-routes says it once for the whole gateway
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "The gateway edge to %1 carries no routes, so the gateway never forwards to it.")
                .arg(context.label(edge.target)),
            QCoreApplication::translate("Lint", "Add the routes the service answers, or delete the edge."));
    }
}

void routesOutsideGateway(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.routes.isEmpty() || context.isKind(edge.source, NodeKind::Gateway) || !context.node(edge.source))
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint",
                "The edge from %1 to %2 carries %3 route(s), but only gateway edges route; they are ignored.")
                .arg(context.label(edge.source), context.label(edge.target), QString::number(edge.routes.size())),
            QCoreApplication::translate("Lint", "Move the routes to the gateway's edge to %1, or remove them.")
                .arg(context.label(edge.target)));
    }
}

void circuitBreakerOutsideGateway(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.circuitBreaker.isDefault() || !context.node(edge.source) || !context.node(edge.target))
            continue;
        if (context.isKind(edge.source, NodeKind::Gateway) && context.isKind(edge.target, NodeKind::Service))
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint",
                "The edge from %1 to %2 has circuit-breaker settings, but only a gateway keeps a breaker "
                "per upstream service; they are ignored.")
                .arg(context.label(edge.source), context.label(edge.target)),
            QCoreApplication::translate("Lint", "Set the breaker on a gateway's edge to %1, or remove the settings.")
                .arg(context.label(edge.target)));
    }
}

void multipleGateways(const Context &context, Report &report)
{
    const QList<const Node *> gateways = context.topology().nodesOfKind(NodeKind::Gateway);
    if (gateways.size() < 2)
        return;
    QStringList ids;
    for (const Node *gateway : gateways)
        ids.append(gateway->id);
    report.add(ids, {},
        QCoreApplication::translate("Lint", "The diagram has %1 API gateways; clients no longer have a single front door.")
            .arg(gateways.size()),
        QCoreApplication::translate("Lint", "Fine for a backend-for-frontend split; otherwise merge them into one gateway."));
}

// Login must be anonymous, so a public route with auth none is accepted when it goes to the
// auth service and is rate limited (brute-force protection). Admin paths have their own rule.
void publicRouteWithoutAuth(const Context &context, Report &report)
{
    for (const RouteRef &ref : gatewayRoutes(context)) {
        const Route &route = *ref.route;
        if (route.visibility != RouteVisibility::Public || route.auth != AuthMode::None || isAdminPath(route.path))
            continue;
        const Node *target = context.node(ref.edge->target);
        const bool isLogin = target && target->kind == NodeKind::Service && target->role == ServiceRole::Auth
            && route.rateLimit.isSet();
        if (isLogin)
            continue;
        report.add({ ref.edge->source, ref.edge->target }, { ref.edge->id },
            QCoreApplication::translate("Lint", "Public route %1 to %2 needs no authentication; anyone on the internet can call it.")
                .arg(describe(route), context.label(ref.edge->target)),
            QCoreApplication::translate("Lint", "Require jwt or api-key, or make it internal. Anonymous login routes belong to the "
                           "auth service and need a rate limit."));
    }
}

void publicRouteWithoutRateLimit(const Context &context, Report &report)
{
    for (const RouteRef &ref : gatewayRoutes(context)) {
        const Route &route = *ref.route;
        if (route.visibility != RouteVisibility::Public || route.rateLimit.isSet() || isAdminPath(route.path))
            continue;
        report.add({ ref.edge->source, ref.edge->target }, { ref.edge->id },
            QCoreApplication::translate("Lint", "Public route %1 has no rate limit; one client can exhaust %2.")
                .arg(describe(route), context.label(ref.edge->target)),
            QCoreApplication::translate("Lint", "Set a rate limit (requests per window per client) on the route."));
    }
}

void adminRouteExposed(const Context &context, Report &report)
{
    for (const RouteRef &ref : gatewayRoutes(context)) {
        const Route &route = *ref.route;
        if (!isAdminPath(route.path))
            continue;
        if (route.visibility == RouteVisibility::Internal && route.auth == AuthMode::Admin)
            continue;
        const QString message = route.visibility == RouteVisibility::Public
            ? QCoreApplication::translate("Lint", "Admin route %1 is public; the admin API must never answer on the public listener.")
                  .arg(describe(route))
            : QCoreApplication::translate("Lint", "Admin route %1 uses auth %2 instead of admin.").arg(describe(route), nameOf(route.auth));
        report.add({ ref.edge->source, ref.edge->target }, { ref.edge->id }, message,
            QCoreApplication::translate("Lint", "Make every /admin route internal with auth admin."));
    }
}

// "/orders/{id}" and "/orders/{orderId}" are the same pattern to a router.
QString normalisedPath(const QString &path)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[^}/]*\\}"));
    QString result = path;
    result.replace(parameter, QStringLiteral("{}"));
    if (result.size() > 1 && result.endsWith(QLatin1Char('/')))
        result.chop(1);
    return result;
}

// Two routes of one gateway on the same listener with overlapping methods and the same path
// pattern: the gateway cannot tell which service should answer.
void routeCollision(const Context &context, Report &report)
{
    const QList<RouteRef> routes = gatewayRoutes(context);
    QList<QString> paths;
    paths.reserve(routes.size());
    for (const RouteRef &ref : routes)
        paths.append(normalisedPath(ref.route->path));
    for (qsizetype i = 0; i < routes.size(); ++i) {
        for (qsizetype j = i + 1; j < routes.size(); ++j) {
            const RouteRef &a = routes[i];
            const RouteRef &b = routes[j];
            if (a.edge->source != b.edge->source || a.route->visibility != b.route->visibility || paths[i] != paths[j])
                continue;
            const bool methodsOverlap = a.route->method == b.route->method || a.route->method == QLatin1String("*")
                || b.route->method == QLatin1String("*");
            if (!methodsOverlap)
                continue;
            QStringList nodeIds { a.edge->source, a.edge->target };
            if (b.edge->target != a.edge->target)
                nodeIds.append(b.edge->target);
            QStringList edgeIds { a.edge->id };
            if (b.edge != a.edge)
                edgeIds.append(b.edge->id);
            report.add(nodeIds, edgeIds,
                QCoreApplication::translate("Lint", "Routes %1 (to %2) and %3 (to %4) collide on %5; the gateway cannot choose.")
                    .arg(describe(*a.route), context.label(a.edge->target), describe(*b.route),
                        context.label(b.edge->target), context.label(a.edge->source)),
                QCoreApplication::translate("Lint", "Change the method or path of one of them, or delete the duplicate."));
        }
    }
}

// A retried POST can create the order or charge the card twice.
void retryNonIdempotent(const Context &context, Report &report)
{
    for (const RouteRef &ref : gatewayRoutes(context)) {
        const Route &route = *ref.route;
        const bool idempotent = route.method != QLatin1String("POST") && route.method != QLatin1String("PATCH")
            && route.method != QLatin1String("*");
        if (route.retries == 0 || idempotent)
            continue;
        report.add({ ref.edge->source, ref.edge->target }, { ref.edge->id },
            QCoreApplication::translate("Lint", "Route %1 is retried %2 time(s), but %3 is not idempotent; a retry can apply it twice.")
                .arg(describe(route), QString::number(route.retries), route.method),
            QCoreApplication::translate("Lint", "Set retries to 0, or make the handler idempotent (idempotency key) and use PUT."));
    }
}

} // namespace

QList<Rule> gatewayRules()
{
    return {
        { "client-bypasses-gateway", LintSeverity::Error, "A client calling anything but the API gateway",
            clientBypassesGateway },
        { "client-not-connected", LintSeverity::Warning, "A client with no edge at all", clientNotConnected },
        { "gateway-without-routes", LintSeverity::Warning, "A gateway none of whose edges carries a route",
            gatewayWithoutRoutes },
        { "gateway-edge-without-routes", LintSeverity::Warning, "A gateway → service edge that carries no route",
            syncEdgeWithoutRoutes },
        { "routes-outside-gateway", LintSeverity::Warning, "Routes on an edge that does not start at a gateway",
            routesOutsideGateway },
        { "circuit-breaker-outside-gateway", LintSeverity::Warning,
            "Circuit-breaker settings on an edge that is not gateway → service", circuitBreakerOutsideGateway },
        { "multiple-gateways", LintSeverity::Info, "More than one API gateway", multipleGateways },
        { "public-route-without-auth", LintSeverity::Warning,
            "A public route with auth none (except a rate-limited route to the auth service)", publicRouteWithoutAuth },
        { "public-route-without-rate-limit", LintSeverity::Warning, "A public route with no rate limit",
            publicRouteWithoutRateLimit },
        { "admin-route-exposed", LintSeverity::Error, "An /admin route that is public or not auth admin",
            adminRouteExposed },
        { "route-collision", LintSeverity::Error,
            "Two routes of one gateway and listener with the same path pattern and overlapping methods",
            routeCollision },
        { "retry-non-idempotent", LintSeverity::Warning, "A POST, PATCH or * route with retries", retryNonIdempotent },
    };
}

} // namespace Gatehouse::Lint
