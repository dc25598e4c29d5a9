#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <optional>

namespace Gatehouse {

// The state of one node of a running stack, as the supervisor reports it.
enum class NodeState { Stopped, Starting, Ready, Degraded, Down, Paused };

enum class SpanKind { HttpServer, HttpClient, KafkaProduce, KafkaConsume, Sql, Cache, Internal };

// The outcome of a span, the colour of its dot on the canvas.
enum class SpanOutcome { Ok, ClientError, ServerError, Timeout, Fallback };

QString nameOf(NodeState state);   // "stopped", "starting", "ready", "degraded", "down", "paused"
QString nameOf(SpanKind kind);     // "http.server", "http.client", "kafka.produce", "kafka.consume", "sql", "cache", "internal"
QString nameOf(SpanOutcome outcome); // "ok", "client-error", "server-error", "timeout", "fallback"
std::optional<NodeState> nodeStateFromString(const QString &text);
std::optional<SpanKind> spanKindFromString(const QString &text);
std::optional<SpanOutcome> spanOutcomeFromString(const QString &text);

// One timed operation of one node, W3C trace-context ids in lower-case hex.
// Nodes send spans to the supervisor in batches; the supervisor streams them to the app.
struct Span
{
    QString traceId;      // 32 hex digits
    QString spanId;       // 16 hex digits
    QString parentSpanId; // 16 hex digits, empty for a root span
    QString nodeId;       // the node that recorded it
    QString edgeId;       // the diagram edge it travelled, when known (client spans, produce/consume)
    QString name;         // e.g. "POST /orders", "INSERT orders", "publish order.created"
    SpanKind kind = SpanKind::Internal;
    SpanOutcome outcome = SpanOutcome::Ok;
    qint64 startUs = 0;    // microseconds since the Unix epoch
    qint64 durationUs = 0;
    int httpStatus = 0;    // HTTP spans only
    QJsonObject attributes; // small free-form details (route, topic, partition, offset, client…)

    QJsonObject toJson() const;
    static std::optional<Span> fromJson(const QJsonObject &object);
    bool operator==(const Span &) const = default;
};

} // namespace Gatehouse
