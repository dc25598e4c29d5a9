#pragma once

#include "scenario.h"

#include "model/launchconfig.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Gatehouse::Runtime {

// One scenario step bound to the gateway route that serves it.
struct PlannedStep
{
    StepKind kind = StepKind::BrowseItems;
    QString method;      // "GET", "POST" (a route with method "*" is called with the step's method)
    QString pathPattern; // the route's pattern, e.g. "/orders/{id}"
    QString routeKey;    // "METHOD pattern" as the gateway names the route
    AuthMode auth = AuthMode::None;
    QString targetNodeId; // the service behind the route
    int parameters = 0;   // path parameters to fill ({name}, {name*}, *)

    // The pattern with its parameters replaced, in order, by `values` (percent-encoded here).
    QString path(const QStringList &values) const;
};

// What a client node will call, read from the diagram: the client's sync edge to a gateway, the
// gateway's public routes, and for each step of the client's scenario the route that fits it
// (method, path shape, auth the client can present, preferring a target service of the matching
// role). Steps without a fitting route are left out (listed in `skipped`); when nothing is left,
// `idleReason` says why and the client sends nothing. Pure: no I/O.
struct ClientPlan
{
    QString nodeId;
    Scenario scenario;
    bool scenarioKnown = true;
    QString edgeId;    // the client → gateway sync edge (spans carry it)
    QString gatewayId;
    Endpoint gateway;  // the gateway's public listener
    std::optional<PlannedStep> login;
    QList<PlannedStep> cycle; // the scenario's steps that have a route, in scenario order
    QStringList skipped;      // "get-order: no route fits" …
    QString idleReason;       // non-empty: nothing to call
    QString apiKey;           // partner scenarios: the key from the launch config
    QString password;         // demo-user scenarios

    bool isIdle() const { return !idleReason.isEmpty(); }
    // One line for the log: "web via e-web-gateway → gateway: login POST /auth/login, browse-items GET …".
    QString summary() const;

    static ClientPlan build(const NodeLaunchConfig &config);
};

} // namespace Gatehouse::Runtime
