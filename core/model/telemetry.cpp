#include "telemetry.h"

#include <QRegularExpression>
#include <array>
#include <utility>

namespace Gatehouse {

namespace {

constexpr std::array<std::pair<NodeState, const char *>, 6> stateNames{{
    {NodeState::Stopped, "stopped"},
    {NodeState::Starting, "starting"},
    {NodeState::Ready, "ready"},
    {NodeState::Degraded, "degraded"},
    {NodeState::Down, "down"},
    {NodeState::Paused, "paused"},
}};

constexpr std::array<std::pair<SpanKind, const char *>, 7> spanKindNames{{
    {SpanKind::HttpServer, "http.server"},
    {SpanKind::HttpClient, "http.client"},
    {SpanKind::KafkaProduce, "kafka.produce"},
    {SpanKind::KafkaConsume, "kafka.consume"},
    {SpanKind::Sql, "sql"},
    {SpanKind::Cache, "cache"},
    {SpanKind::Internal, "internal"},
}};

constexpr std::array<std::pair<SpanOutcome, const char *>, 5> outcomeNames{{
    {SpanOutcome::Ok, "ok"},
    {SpanOutcome::ClientError, "client-error"},
    {SpanOutcome::ServerError, "server-error"},
    {SpanOutcome::Timeout, "timeout"},
    {SpanOutcome::Fallback, "fallback"},
}};

template<typename Table, typename Enum>
QString lookupName(const Table &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, typename Table>
std::optional<Enum> lookupValue(const Table &table, const QString &text)
{
    for (const auto &[candidate, name] : table) {
        if (text == QLatin1String(name))
            return candidate;
    }
    return std::nullopt;
}

bool isHex(const QString &text, int length)
{
    if (text.size() != length)
        return false;
    for (QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace

QString nameOf(NodeState state) { return lookupName(stateNames, state); }
QString nameOf(SpanKind kind) { return lookupName(spanKindNames, kind); }
QString nameOf(SpanOutcome outcome) { return lookupName(outcomeNames, outcome); }
std::optional<NodeState> nodeStateFromString(const QString &text) { return lookupValue<NodeState>(stateNames, text); }
std::optional<SpanKind> spanKindFromString(const QString &text) { return lookupValue<SpanKind>(spanKindNames, text); }
std::optional<SpanOutcome> spanOutcomeFromString(const QString &text) { return lookupValue<SpanOutcome>(outcomeNames, text); }

QJsonObject Span::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("traceId"), traceId);
    o.insert(QStringLiteral("spanId"), spanId);
    if (!parentSpanId.isEmpty())
        o.insert(QStringLiteral("parentSpanId"), parentSpanId);
    o.insert(QStringLiteral("nodeId"), nodeId);
    if (!edgeId.isEmpty())
        o.insert(QStringLiteral("edgeId"), edgeId);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("kind"), nameOf(kind));
    o.insert(QStringLiteral("outcome"), nameOf(outcome));
    o.insert(QStringLiteral("startUs"), startUs);
    o.insert(QStringLiteral("durationUs"), durationUs);
    if (httpStatus)
        o.insert(QStringLiteral("httpStatus"), httpStatus);
    if (!attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), attributes);
    return o;
}

std::optional<Span> Span::fromJson(const QJsonObject &o)
{
    Span s;
    s.traceId = o.value(QStringLiteral("traceId")).toString();
    s.spanId = o.value(QStringLiteral("spanId")).toString();
    s.parentSpanId = o.value(QStringLiteral("parentSpanId")).toString();
    if (!isHex(s.traceId, 32) || !isHex(s.spanId, 16) || (!s.parentSpanId.isEmpty() && !isHex(s.parentSpanId, 16)))
        return std::nullopt;
    s.nodeId = o.value(QStringLiteral("nodeId")).toString();
    s.edgeId = o.value(QStringLiteral("edgeId")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    const auto kind = spanKindFromString(o.value(QStringLiteral("kind")).toString());
    const auto outcome = spanOutcomeFromString(o.value(QStringLiteral("outcome")).toString());
    if (!kind || !outcome || s.nodeId.isEmpty())
        return std::nullopt;
    s.kind = *kind;
    s.outcome = *outcome;
    s.startUs = o.value(QStringLiteral("startUs")).toInteger();
    s.durationUs = o.value(QStringLiteral("durationUs")).toInteger();
    if (s.durationUs < 0)
        return std::nullopt;
    s.httpStatus = o.value(QStringLiteral("httpStatus")).toInt();
    s.attributes = o.value(QStringLiteral("attributes")).toObject();
    return s;
}

} // namespace Gatehouse
