#pragma once

#include "model/kinds.h"
#include "model/telemetry.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Gatehouse {

// What the supervisor reports about one node of a running stack: a `snapshot` holds one per
// node, a `status` message carries one whenever any field but `sinceMs` changes.
struct NodeStatus
{
    QString nodeId;
    NodeKind kind = NodeKind::Service;
    NodeState state = NodeState::Stopped;
    int port = 0;       // the node's listener (services, gateway, redis, postgres); 0 if none
    qint64 pid = 0;     // the child process, 0 when none runs (or the node lives in the supervisor)
    int restarts = 0;   // restarts after crashes since `up`
    QString message;    // why the node is in this state ("exited with code 3", "no runner …")
    qint64 sinceMs = 0; // when it entered this state, ms since the Unix epoch
    // Injected faults on the requests this node serves (the `inject` command); 0 = none.
    // Serialized only when non-zero.
    int injectedLatencyMs = 0;
    double injectedErrorRate = 0.0;
    // A client's traffic rate set with `set-rate` (requests/s); unset until set. Serialized
    // only when set.
    std::optional<double> ratePerSecond;

    QJsonObject toJson() const;
    static std::optional<NodeStatus> fromJson(const QJsonObject &object);
    bool operator==(const NodeStatus &) const = default;
};

} // namespace Gatehouse
