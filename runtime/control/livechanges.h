#pragma once

#include "model/topology.h"

#include <QHash>
#include <QStringList>

namespace Gatehouse::Runtime {

// What an edited diagram changes for a stack that runs the diagram it was started with, sorted
// into what the running processes can take live and what needs a restart:
// - the routes and circuit-breaker settings on a gateway's sync edges → that gateway reloads
//   the diagram (route table and breaker settings; no dropped connections: docs/gateway.md,
//   "reload");
// - a client's `ratePerSecond` → that client's new rate;
// - where things are drawn (position, size, lane, z, waypoints, names, descriptions, labels)
//   → nothing;
// - anything else (a node or edge added or removed, a kind, port, topic, timeout, property, the
//   run settings) → a restart, with one readable reason per change.
struct LiveChanges
{
    QStringList gatewaysWithNewRoutes;     // gateway node ids (new routes or breakers), sorted
    QHash<QString, double> clientRates;    // client node id → its new rate
    QStringList restartReasons;            // empty: everything applies live

    bool isEmpty() const { return gatewaysWithNewRoutes.isEmpty() && clientRates.isEmpty() && restartReasons.isEmpty(); }

    // `running`: what the stack runs now (its start diagram with earlier live changes applied).
    static LiveChanges between(const Topology &running, const Topology &edited);
};

} // namespace Gatehouse::Runtime
