#include "clientplan.h"

#include "model/topology.h"

#include <QUrl>

namespace Gatehouse::Runtime {

namespace {

bool isParameter(const QString &segment)
{
    return segment == QLatin1String("*") || (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}')));
}

int parameterCount(const QString &pattern)
{
    int count = 0;
    for (const QString &segment : pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        count += isParameter(segment) ? 1 : 0;
    return count;
}

bool endsWithParameter(const QString &pattern)
{
    const QStringList segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return !segments.isEmpty() && isParameter(segments.last());
}

// A route that logs a user in: a literal segment naming it ("/auth/login", "/login").
bool isLoginRoute(const QString &pattern)
{
    for (const QString &segment : pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (!isParameter(segment) && segment.contains(QLatin1String("login"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// What a step needs from a route, and which route it prefers (DESIGN §5 roles).
struct StepShape
{
    QString method;
    int parameters = 0;
    QList<AuthMode> auth; // modes this step may use, the first preferred
    ServiceRole preferredRole = ServiceRole::Generic;
};

StepShape shapeOf(StepKind kind)
{
    using A = AuthMode;
    const QString get = QStringLiteral("GET");
    const QString post = QStringLiteral("POST");
    switch (kind) {
    case StepKind::Login: return {post, 0, {A::None}, ServiceRole::Auth};
    case StepKind::BrowseItems: return {get, 0, {A::Jwt, A::None}, ServiceRole::Inventory};
    case StepKind::ViewItem: return {get, 1, {A::Jwt, A::None}, ServiceRole::Inventory};
    case StepKind::ListOrders: return {get, 0, {A::Jwt, A::None}, ServiceRole::Order};
    case StepKind::PlaceOrder: return {post, 0, {A::Jwt, A::None}, ServiceRole::Order};
    case StepKind::GetOrder: return {get, 1, {A::Jwt, A::None}, ServiceRole::Order};
    case StepKind::PartnerInventory: return {get, 0, {A::ApiKey, A::None}, ServiceRole::Inventory};
    case StepKind::PartnerOrder: return {post, 0, {A::ApiKey, A::None}, ServiceRole::Order};
    }
    return {};
}

struct Candidate
{
    Route route;
    QString target;
    ServiceRole role = ServiceRole::Generic;
};

// The gateway's routes a client may call: public, not admin (the gateway treats every /admin
// path as admin whatever the diagram says).
QList<Candidate> publicRoutes(const Topology &topology, const QString &gatewayId)
{
    QList<Candidate> out;
    for (const Edge *edge : topology.outgoing(gatewayId, EdgeKind::Sync)) {
        const Node *target = topology.node(edge->target);
        for (const Route &route : edge->routes) {
            if (route.visibility != RouteVisibility::Public || route.auth == AuthMode::Admin
                || route.path == QLatin1String("/admin") || route.path.startsWith(QLatin1String("/admin/"))
                || !route.path.startsWith(QLatin1Char('/')))
                continue;
            out.append(Candidate{route, edge->target, target && target->kind == NodeKind::Service ? target->role : ServiceRole::Generic});
        }
    }
    return out;
}

std::optional<PlannedStep> match(StepKind kind, const QList<Candidate> &candidates)
{
    const StepShape shape = shapeOf(kind);
    const Candidate *best = nullptr;
    int bestScore = -1;
    for (const Candidate &c : candidates) {
        const QString method = c.route.method.toUpper();
        if (method != shape.method && method != QLatin1String("*"))
            continue;
        if (parameterCount(c.route.path) != shape.parameters || (shape.parameters > 0 && !endsWithParameter(c.route.path)))
            continue;
        if (!shape.auth.contains(c.route.auth))
            continue;
        const bool login = isLoginRoute(c.route.path);
        if ((kind == StepKind::Login) != login)
            continue;
        if (kind != StepKind::Login && c.role == ServiceRole::Auth)
            continue; // no browsing or ordering at the auth service
        int score = 0;
        if (c.role == shape.preferredRole)
            score += 4;
        if (c.route.auth == shape.auth.first())
            score += 2;
        if (method == shape.method)
            score += 1;
        if (score > bestScore) { // ties: the first in diagram order
            best = &c;
            bestScore = score;
        }
    }
    if (!best)
        return std::nullopt;
    PlannedStep step;
    step.kind = kind;
    step.method = shape.method;
    step.pathPattern = best->route.path;
    step.routeKey = best->route.method.toUpper() + QLatin1Char(' ') + best->route.path;
    step.auth = best->route.auth;
    step.targetNodeId = best->target;
    step.parameters = shape.parameters;
    return step;
}

} // namespace

QString PlannedStep::path(const QStringList &values) const
{
    QStringList segments = pathPattern.split(QLatin1Char('/'));
    int next = 0;
    for (QString &segment : segments) {
        if (!isParameter(segment))
            continue;
        const QString value = next < values.size() ? values.at(next) : QStringLiteral("1");
        segment = QString::fromLatin1(QUrl::toPercentEncoding(value));
        ++next;
    }
    return segments.join(QLatin1Char('/'));
}

QString ClientPlan::summary() const
{
    if (isIdle())
        return QStringLiteral("%1: idle, %2").arg(scenario.name, idleReason);
    QStringList steps;
    if (login)
        steps.append(QStringLiteral("login %1").arg(login->routeKey));
    for (const PlannedStep &step : cycle)
        steps.append(QStringLiteral("%1 %2").arg(nameOf(step.kind), step.routeKey));
    QString text = QStringLiteral("%1 via %2 to %3: %4").arg(scenario.name, edgeId, gatewayId, steps.join(QStringLiteral(", ")));
    if (!skipped.isEmpty())
        text += QStringLiteral("; skipped: ") + skipped.join(QStringLiteral(", "));
    return text;
}

ClientPlan ClientPlan::build(const NodeLaunchConfig &config)
{
    ClientPlan plan;
    plan.nodeId = config.nodeId;
    const Topology &topology = config.topology;
    const Node *self = topology.node(config.nodeId);
    if (!self || !isClient(self->kind)) {
        plan.idleReason = QStringLiteral("node \"%1\" is not a client of this diagram").arg(config.nodeId);
        return plan;
    }
    plan.scenario = Scenario::named(self->scenario(), self->kind, &plan.scenarioKnown);
    plan.password = config.secrets.value(QString::fromLatin1(DemoPasswordSecret), QString::fromLatin1(DemoPassword));
    plan.apiKey = config.secrets.value(QStringLiteral("partner.%1.apiKey").arg(config.nodeId));

    for (const Edge *edge : topology.outgoing(config.nodeId, EdgeKind::Sync)) {
        const Node *target = topology.node(edge->target);
        if (!target || target->kind != NodeKind::Gateway)
            continue;
        if (plan.edgeId.isEmpty() || (!plan.gateway.isSet() && config.upstreams.value(edge->target).isSet())) {
            plan.edgeId = edge->id;
            plan.gatewayId = edge->target;
            plan.gateway = config.upstreams.value(edge->target);
        }
    }
    if (plan.edgeId.isEmpty()) {
        plan.idleReason = QStringLiteral("no sync edge from this client to a gateway");
        return plan;
    }
    if (!plan.gateway.isSet()) {
        plan.idleReason = QStringLiteral("the launch config has no address for gateway %1").arg(plan.gatewayId);
        return plan;
    }

    const QList<Candidate> candidates = publicRoutes(topology, plan.gatewayId);
    const bool users = plan.scenario.credentials == ClientCredentials::DemoUsers;
    if (users)
        plan.login = match(StepKind::Login, candidates);
    for (StepKind kind : std::as_const(plan.scenario.cycle)) {
        const std::optional<PlannedStep> step = match(kind, candidates);
        if (!step) {
            plan.skipped.append(QStringLiteral("%1: no public route of %2 fits").arg(nameOf(kind), plan.gatewayId));
            continue;
        }
        if (step->auth == AuthMode::Jwt && !plan.login) {
            plan.skipped.append(QStringLiteral("%1: %2 needs a token and %3 has no login route")
                                    .arg(nameOf(kind), step->routeKey, plan.gatewayId));
            continue;
        }
        if (step->auth == AuthMode::ApiKey && plan.apiKey.isEmpty()) {
            plan.skipped.append(QStringLiteral("%1: %2 needs an API key and the launch config has none for %3")
                                    .arg(nameOf(kind), step->routeKey, config.nodeId));
            continue;
        }
        plan.cycle.append(*step);
    }
    if (plan.cycle.isEmpty()) {
        plan.idleReason = QStringLiteral("no public route of gateway %1 fits the %2 scenario").arg(plan.gatewayId, plan.scenario.name);
        plan.login.reset();
    }
    return plan;
}

} // namespace Gatehouse::Runtime
