#include "nodestatus.h"

namespace Gatehouse {

QJsonObject NodeStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("nodeId"), nodeId},
                  {QStringLiteral("kind"), nameOf(kind)},
                  {QStringLiteral("state"), nameOf(state)},
                  {QStringLiteral("port"), port},
                  {QStringLiteral("pid"), pid},
                  {QStringLiteral("restarts"), restarts},
                  {QStringLiteral("sinceMs"), sinceMs}};
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (injectedLatencyMs > 0)
        o.insert(QStringLiteral("injectedLatencyMs"), injectedLatencyMs);
    if (injectedErrorRate > 0)
        o.insert(QStringLiteral("injectedErrorRate"), injectedErrorRate);
    if (ratePerSecond)
        o.insert(QStringLiteral("ratePerSecond"), *ratePerSecond);
    return o;
}

std::optional<NodeStatus> NodeStatus::fromJson(const QJsonObject &o)
{
    NodeStatus s;
    s.nodeId = o.value(QStringLiteral("nodeId")).toString();
    const auto kind = nodeKindFromString(o.value(QStringLiteral("kind")).toString());
    const auto state = nodeStateFromString(o.value(QStringLiteral("state")).toString());
    if (s.nodeId.isEmpty() || !kind || !state)
        return std::nullopt;
    s.kind = *kind;
    s.state = *state;
    s.port = o.value(QStringLiteral("port")).toInt();
    s.pid = o.value(QStringLiteral("pid")).toInteger();
    s.restarts = o.value(QStringLiteral("restarts")).toInt();
    s.message = o.value(QStringLiteral("message")).toString();
    s.sinceMs = o.value(QStringLiteral("sinceMs")).toInteger();
    s.injectedLatencyMs = o.value(QStringLiteral("injectedLatencyMs")).toInt();
    s.injectedErrorRate = o.value(QStringLiteral("injectedErrorRate")).toDouble();
    if (o.value(QStringLiteral("ratePerSecond")).isDouble())
        s.ratePerSecond = o.value(QStringLiteral("ratePerSecond")).toDouble();
    return s;
}

} // namespace Gatehouse
