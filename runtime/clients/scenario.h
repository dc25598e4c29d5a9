#pragma once

#include "model/kinds.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Gatehouse::Runtime {

// One kind of request a simulated client makes. Which gateway route serves it is decided from
// the diagram (ClientPlan), not here.
enum class StepKind {
    Login,            // POST a username/password, keep the token (web, mobile; done when needed)
    BrowseItems,      // GET the item list
    ViewItem,         // GET one item, a SKU from the last list
    ListOrders,       // GET the user's own orders
    PlaceOrder,       // POST an order of 1–3 items
    GetOrder,         // GET the order this session placed last
    PartnerInventory, // partner: GET the whole inventory (bulk query)
    PartnerOrder      // partner: POST a bulk order (3–5 lines)
};

QString nameOf(StepKind kind); // "login", "browse-items", "view-item", …

// How a scenario's client proves who it is.
enum class ClientCredentials {
    DemoUsers, // log in as the demo users through the auth route, send `Authorization: Bearer`
    ApiKey     // send the partner's key as `X-API-Key`
};

// A traffic scenario: what one simulated session does, in order, over and over. Each tick of
// the client's rate sends the next request of one session; a session logs in first when a step
// needs a token it does not have. THE place where the scenarios are defined (docs/clients.md).
struct Scenario
{
    QString name;
    ClientCredentials credentials = ClientCredentials::DemoUsers;
    QList<StepKind> cycle;
    QStringList users; // DemoUsers: the accounts sessions take turns with

    // The scenario called `name` ("web", "mobile", "partner"); an unknown name falls back to the
    // default of the node kind (`known` false then).
    static Scenario named(const QString &name, NodeKind kind, bool *known = nullptr);
    static QStringList names();
};

// The documented password of the seeded demo users (docs/services.md, auth), used unless the
// launch config carries `users.demoPassword`.
inline constexpr char DemoPassword[] = "gatehouse-demo";
inline constexpr char DemoPasswordSecret[] = "users.demoPassword";

} // namespace Gatehouse::Runtime
