#include "servicecontext.h"

#include "services/sqlpool.h"
#include "telemetry/faultinjector.h"
#include "telemetry/spanoutcome.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <QJsonDocument>

#include <chrono>

namespace Gatehouse::Runtime {

namespace {

constexpr int DefaultCallTimeoutMs = 10000;

} // namespace

ServiceContext::ServiceContext(const NodeLaunchConfig &config, SqlPool &pool, Http::Client &client,
                               TelemetrySender *telemetry)
    : m_config(config)
    , m_self(config.topology.node(config.nodeId))
    , m_pool(pool)
    , m_client(client)
    , m_telemetry(telemetry)
{
}

const Edge *ServiceContext::syncEdgeTo(const QString &target) const
{
    for (const Edge *edge : m_config.topology.outgoing(m_config.nodeId, EdgeKind::Sync)) {
        if (edge->target == target)
            return edge;
    }
    return nullptr;
}

QStringList ServiceContext::syncTargets() const
{
    QStringList targets;
    for (const Edge *edge : m_config.topology.outgoing(m_config.nodeId, EdgeKind::Sync)) {
        const Node *node = m_config.topology.node(edge->target);
        if (node && node->kind == NodeKind::Service)
            targets.append(edge->target);
    }
    return targets;
}

void ServiceContext::call(const QString &target, const std::string &method, const std::string &path, std::string body,
                          const QByteArray &traceparent, CallCallback callback)
{
    const Edge *edge = syncEdgeTo(target);
    const Endpoint endpoint = m_config.upstreams.value(target);
    if (!edge || !endpoint.isSet()) {
        Http::ClientResponse response;
        response.error = Http::ClientError::ConnectRefused;
        response.errorMessage = "no sync edge or upstream for " + target.toStdString();
        callback(std::move(response));
        return;
    }
    const std::optional<TraceContext> parent = TraceContext::parseTraceParent(traceparent);
    const TraceContext hop = parent ? *parent : TraceContext::forIncoming({}, {});

    Http::ClientRequest request;
    request.host = endpoint.host.toStdString();
    request.port = static_cast<std::uint16_t>(endpoint.port);
    request.method = method;
    request.target = path;
    request.body = std::move(body);
    if (!request.body.empty())
        request.headers.add("Content-Type", "application/json");
    request.headers.add("traceparent", hop.traceParentText().view());
    request.timeout = std::chrono::milliseconds(edge->timeoutMs > 0 ? edge->timeoutMs : DefaultCallTimeoutMs);

    Span span;
    span.traceId = hop.traceId.toString();
    span.spanId = hop.spanId.toString();
    span.parentSpanId = hop.parentSpanId.toString();
    span.nodeId = m_config.nodeId;
    span.edgeId = edge->id;
    span.name = QString::fromStdString(method) + QLatin1Char(' ') + QString::fromStdString(path);
    span.kind = SpanKind::HttpClient;
    span.startUs = nowUs();
    span.attributes.insert(QStringLiteral("target"), target);
    const FaultInjector::Decision fault = m_faults ? m_faults->decideForEdge(edge->id) : FaultInjector::Decision {};
    if (fault.injected())
        span.attributes.insert(QStringLiteral("injected"), true);
    auto onResponse = [this, span, callback = std::move(callback)](Http::ClientResponse response) mutable {
        span.durationUs = nowUs() - span.startUs;
        span.httpStatus = response.status;
        span.outcome = spanOutcomeOf(response);
        if (!response.ok())
            span.attributes.insert(QStringLiteral("error"), QString::fromStdString(response.errorMessage));
        recordSpan(std::move(span));
        callback(std::move(response));
    };
    if (!fault.injected()) {
        m_client.request(std::move(request), std::move(onResponse));
        return;
    }
    // Like a sick target: the delay eats into the timeout, then the failure is a 503.
    const std::chrono::milliseconds timeout = request.timeout;
    const std::chrono::milliseconds delay = std::min(fault.delay, timeout);
    m_faults->after(delay, [this, request = std::move(request), onResponse = std::move(onResponse), delay, timeout,
                               fail = fault.fail]() mutable {
        Http::ClientResponse response;
        if (delay >= timeout) {
            response.error = Http::ClientError::Timeout;
            response.errorMessage = "injected latency reached the timeout";
            onResponse(std::move(response));
            return;
        }
        if (fail) {
            const Http::Response problem = problemResponse(503, QStringLiteral("fault injected on the edge"));
            response.status = problem.status;
            response.headers = problem.headers;
            response.body = problem.body;
            onResponse(std::move(response));
            return;
        }
        request.timeout = timeout - delay;
        m_client.request(std::move(request), std::move(onResponse));
    });
}

QStringList ServiceContext::publishedTopics() const
{
    QStringList topics;
    for (const Edge *edge : m_config.topology.outgoing(m_config.nodeId, EdgeKind::Publish)) {
        for (const Topic &topic : edge->topics)
            topics.append(topic.name);
    }
    return topics;
}

QString ServiceContext::topicKeyField(const QString &topic) const
{
    for (const Edge *edge : m_config.topology.outgoing(m_config.nodeId, EdgeKind::Publish)) {
        for (const Topic &t : edge->topics) {
            if (t.name == topic)
                return t.key;
        }
    }
    return {};
}

QString ServiceContext::publish(SqlSession &connection, const QString &topic, const QString &key,
                                const QJsonObject &payload, const QByteArray &traceparent, QString *error,
                                const QString &requestedEventId)
{
    const std::optional<TraceContext> parent = TraceContext::parseTraceParent(traceparent);
    const TraceContext hop = parent ? *parent : TraceContext::forIncoming({}, {});
    const qint64 start = nowUs();
    const QString eventId = Outbox::append(connection, OutboundEvent { topic, key, payload, QString::fromLatin1(hop.traceParent()), requestedEventId }, error);

    QString edgeId;
    for (const Edge *edge : m_config.topology.outgoing(m_config.nodeId, EdgeKind::Publish)) {
        for (const Topic &t : edge->topics) {
            if (t.name == topic)
                edgeId = edge->id;
        }
    }
    Span span;
    span.traceId = hop.traceId.toString();
    span.spanId = hop.spanId.toString();
    span.parentSpanId = hop.parentSpanId.toString();
    span.nodeId = m_config.nodeId;
    span.edgeId = edgeId;
    span.name = QStringLiteral("publish ") + topic;
    span.kind = SpanKind::KafkaProduce;
    span.outcome = eventId.isEmpty() ? SpanOutcome::ServerError : SpanOutcome::Ok;
    span.startUs = start;
    span.durationUs = nowUs() - start;
    span.attributes.insert(QStringLiteral("topic"), topic);
    span.attributes.insert(QStringLiteral("key"), key);
    span.attributes.insert(QStringLiteral("eventId"), eventId);
    span.attributes.insert(QStringLiteral("via"), QStringLiteral("outbox"));
    recordSpan(std::move(span));
    return eventId;
}

void ServiceContext::recordSpan(Span span)
{
    if (m_telemetry)
        m_telemetry->record(std::move(span));
}

void ServiceContext::log(const QString &level, const QString &message, const QJsonObject &fields)
{
    if (m_telemetry)
        m_telemetry->log(level, message, fields);
}

qint64 ServiceContext::nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Http::Response jsonResponse(int status, const QJsonObject &body)
{
    Http::Response response;
    response.status = status;
    response.headers.add("Content-Type", "application/json");
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    return response;
}

Http::Response problemResponse(int status, const QString &detail)
{
    Http::Response response = jsonResponse(status,
        QJsonObject { { QStringLiteral("status"), status },
            { QStringLiteral("title"), QString::fromLatin1(Http::reasonPhrase(status).data(),
                                            static_cast<qsizetype>(Http::reasonPhrase(status).size())) },
            { QStringLiteral("detail"), detail } });
    response.headers.set("Content-Type", "application/problem+json");
    return response;
}

} // namespace Gatehouse::Runtime
