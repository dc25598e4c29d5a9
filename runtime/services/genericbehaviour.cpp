#include "genericbehaviour.h"

#include "services/eventpublisher.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"
#include "telemetry/tracecontext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <memory>
#include <mutex>

namespace Gatehouse::Runtime {

namespace {

QString traceIdOf(const QByteArray &traceparent)
{
    return traceparent.size() >= 35 ? QString::fromLatin1(traceparent.mid(3, 32)) : QString();
}

// Collects the answers of the fan-out calls (or the delivery reports of the direct events);
// the last one to arrive moves the request on.
struct FanOut
{
    std::mutex mutex;
    int pending = 0;
    bool failed = false;
    QString error;
    QJsonArray items;
    QJsonObject answer;
};

QJsonObject eventPayload(const QString &nodeId, const QString &requestId, const Http::Request &request)
{
    return QJsonObject { { QStringLiteral("source"), nodeId }, { QStringLiteral("requestId"), requestId },
        { QStringLiteral("method"), QString::fromStdString(request.method) },
        { QStringLiteral("path"), QString::fromStdString(request.path) },
        { QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
}

// Prefer what a plain caller can use: GET (safe to call for every request), no path parameters,
// no authentication. Ties keep the diagram's order.
int routeScore(const Route &route)
{
    return (route.method == QLatin1String("GET") || route.method == QLatin1String("*") ? 4 : 0)
        + (route.path.contains(QLatin1Char('{')) ? 0 : 2) + (route.auth == AuthMode::None ? 1 : 0);
}

std::string fillParameters(const std::string &pattern, const QString &value)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[^}/]*\\}"));
    QString path = QString::fromStdString(pattern);
    path.replace(parameter, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return path.toStdString();
}

} // namespace

GenericBehaviour::GenericBehaviour(ServiceContext &context)
    : m_context(context)
{
    const NodeLaunchConfig &config = context.config();
    for (const QString &target : context.syncTargets()) {
        if (const Edge *edge = context.syncEdgeTo(target))
            m_targets.append(targetFor(config.topology, *edge));
    }
    if (!config.postgres && config.kafka && !context.publishedTopics().isEmpty()) {
        m_publisher = std::make_unique<EventPublisher>(*config.kafka, config.nodeId);
        QString error;
        if (!m_publisher->start(&error)) {
            m_warnings.append(QStringLiteral("no Kafka producer, events cannot be published: ") + error);
            m_publisher.reset();
        }
    }
}

GenericBehaviour::~GenericBehaviour() = default;

GenericBehaviour::Target GenericBehaviour::targetFor(const Topology &topology, const Edge &syncEdge)
{
    Target target;
    target.node = syncEdge.target;
    target.hasFallback = syncEdge.fallback.isSet();
    QList<Route> candidates = syncEdge.routes;
    const Node *node = topology.node(syncEdge.target);
    if (candidates.isEmpty() && node && node->role != ServiceRole::Generic) {
        // A role service answers only its own routes: take one the diagram routes to it.
        for (const Edge *into : topology.incoming(syncEdge.target, EdgeKind::Sync))
            candidates.append(into->routes);
    }
    if (candidates.isEmpty()) {
        target.method = "POST";
        target.path = CallPath;
        return target;
    }
    const Route *best = &candidates.first();
    for (const Route &route : std::as_const(candidates)) {
        if (routeScore(route) > routeScore(*best))
            best = &route;
    }
    target.method = best->method == QLatin1String("*") ? std::string("GET") : best->method.toStdString();
    target.path = best->path.toStdString();
    return target;
}

QList<Migration> GenericBehaviour::migrations() const
{
    return { Migration { 2, QStringLiteral("generic"),
        QStringLiteral("CREATE TABLE generic_requests (\n"
                       "  id bigserial PRIMARY KEY,\n"
                       "  method text NOT NULL,\n"
                       "  path text NOT NULL,\n"
                       "  body text NOT NULL DEFAULT '',\n"
                       "  trace_id text,\n"
                       "  received_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n"
                       "CREATE TABLE generic_events (\n"
                       "  event_id uuid PRIMARY KEY,\n"
                       "  topic text NOT NULL,\n"
                       "  payload jsonb NOT NULL,\n"
                       "  trace_id text,\n"
                       "  received_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n") } };
}

void GenericBehaviour::addRoutes(ServiceRouter &router)
{
    QStringList seen;
    auto add = [&](const QString &method, const QString &path) {
        const QString key = method + QLatin1Char(' ') + path;
        if (seen.contains(key))
            return;
        seen.append(key);
        router.add(method, path, [this](ServiceCall call) { handle(std::move(call)); });
    };
    for (const Edge *edge : m_context.config().topology.incoming(m_context.nodeId(), EdgeKind::Sync)) {
        for (const Route &route : edge->routes)
            add(route.method, route.path);
    }
    add(QStringLiteral("POST"), QString::fromLatin1(CallPath));
}

void GenericBehaviour::handle(ServiceCall call)
{
    auto shared = std::make_shared<ServiceCall>(std::move(call));
    if (!m_context.config().postgres) {
        handleWithoutDatabase(shared);
        return;
    }
    const bool queued = m_context.sql().submit(shared->traceparent, [this, shared](SqlSession &connection) {
        const ServiceCall &c = *shared;
        QString error;
        QList<QStringList> rows;
        QJsonArray events;
        bool ok = connection.exec(QStringLiteral("BEGIN"), &error)
            && connection.query(QStringLiteral("INSERT INTO generic_requests (method, path, body, trace_id)"
                                               " VALUES ($1, $2, $3, NULLIF($4, '')) RETURNING id::text"),
                   { QString::fromStdString(c.request.method), QString::fromStdString(c.request.path),
                       QString::fromStdString(c.request.body), traceIdOf(c.traceparent) },
                   &rows, &error);
        const QString requestId = ok && !rows.isEmpty() ? rows.first().first() : QString();
        if (ok) {
            for (const QString &topic : m_context.publishedTopics()) {
                const QJsonObject payload = eventPayload(m_context.nodeId(), requestId, c.request);
                const QString key = payload.value(m_context.topicKeyField(topic)).toString(requestId);
                const QString eventId = m_context.publish(connection, topic, key, payload, c.traceparent, &error);
                if (eventId.isEmpty()) {
                    ok = false;
                    break;
                }
                events.append(QJsonObject { { QStringLiteral("topic"), topic }, { QStringLiteral("eventId"), eventId } });
            }
        }
        if (ok)
            ok = connection.exec(QStringLiteral("COMMIT"), &error);
        if (!ok) {
            QString ignored;
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            c.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        callTargets(shared, QJsonObject { { QStringLiteral("node"), m_context.nodeId() },
                                { QStringLiteral("requestId"), requestId }, { QStringLiteral("events"), events } });
    });
    if (!queued)
        shared->respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void GenericBehaviour::handleWithoutDatabase(std::shared_ptr<ServiceCall> call)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject answer { { QStringLiteral("node"), m_context.nodeId() }, { QStringLiteral("requestId"), requestId } };
    const QStringList topics = m_context.publishedTopics();
    if (topics.isEmpty()) {
        QJsonObject withEvents = answer;
        withEvents.insert(QStringLiteral("events"), QJsonArray {});
        callTargets(call, withEvents);
        return;
    }
    if (!m_publisher) {
        call->respond(problemResponse(503, QStringLiteral("events cannot be published: no Kafka producer")));
        return;
    }
    auto fan = std::make_shared<FanOut>();
    fan->pending = static_cast<int>(topics.size());
    fan->answer = answer;
    for (const QString &topic : topics) {
        const QJsonObject payload = eventPayload(m_context.nodeId(), requestId, call->request);
        const QString key = payload.value(m_context.topicKeyField(topic)).toString(requestId);
        const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const std::optional<TraceContext> parent = TraceContext::parseTraceParent(call->traceparent);
        // The produce hop, as ServiceContext::publish makes it for the outbox (parsing the
        // request's traceparent gives a new span under it): the event carries its context, so
        // the consumer's span is its child.
        const TraceContext hop = parent ? *parent : TraceContext::forIncoming({}, {});
        Span span;
        span.traceId = hop.traceId.toString();
        span.spanId = hop.spanId.toString();
        span.parentSpanId = hop.parentSpanId.toString();
        span.nodeId = m_context.nodeId();
        span.edgeId = publishEdgeOf(topic);
        span.name = QStringLiteral("publish ") + topic;
        span.kind = SpanKind::KafkaProduce;
        span.startUs = ServiceContext::nowUs();
        span.attributes = QJsonObject { { QStringLiteral("topic"), topic }, { QStringLiteral("key"), key },
            { QStringLiteral("eventId"), eventId }, { QStringLiteral("via"), QStringLiteral("direct") } };
        m_publisher->publish(topic, key, QJsonDocument(payload).toJson(QJsonDocument::Compact), eventId, hop.traceParent(),
            [this, call, fan, span, topic, eventId](bool delivered, const QString &error) mutable {
                span.durationUs = ServiceContext::nowUs() - span.startUs;
                span.outcome = delivered ? SpanOutcome::Ok : SpanOutcome::ServerError;
                if (!delivered)
                    span.attributes.insert(QStringLiteral("error"), error);
                m_context.recordSpan(std::move(span));
                QJsonObject answer;
                {
                    std::lock_guard lock(fan->mutex);
                    if (delivered)
                        fan->items.append(QJsonObject { { QStringLiteral("topic"), topic }, { QStringLiteral("eventId"), eventId } });
                    else if (!fan->failed) {
                        fan->failed = true;
                        fan->error = topic + QStringLiteral(": ") + error;
                    }
                    if (--fan->pending > 0)
                        return;
                    answer = fan->answer;
                    answer.insert(QStringLiteral("events"), fan->items);
                }
                if (fan->failed) {
                    call->respond(problemResponse(503, QStringLiteral("event not delivered: ") + fan->error));
                    return;
                }
                callTargets(call, answer);
            });
    }
}

void GenericBehaviour::callTargets(std::shared_ptr<ServiceCall> call, QJsonObject answer)
{
    if (m_targets.isEmpty()) {
        answer.insert(QStringLiteral("calls"), QJsonArray {});
        call->respond(jsonResponse(200, answer));
        return;
    }
    auto fan = std::make_shared<FanOut>();
    fan->pending = static_cast<int>(m_targets.size());
    fan->answer = answer;
    const QString requestId = answer.value(QStringLiteral("requestId")).toString();
    const std::string body = QJsonDocument(QJsonObject { { QStringLiteral("from"), m_context.nodeId() },
                                               { QStringLiteral("requestId"), requestId } })
                                 .toJson(QJsonDocument::Compact)
                                 .toStdString();
    for (const Target &target : std::as_const(m_targets)) {
        const std::string path = fillParameters(target.path, requestId);
        const QString route = QString::fromStdString(target.method + ' ' + path);
        const bool sendsBody = target.method != "GET" && target.method != "HEAD" && target.method != "DELETE";
        m_context.call(target.node, target.method, path, sendsBody ? body : std::string(), call->traceparent,
            [call, fan, node = target.node, route, hasFallback = target.hasFallback](Http::ClientResponse response) {
                QJsonObject result { { QStringLiteral("target"), node }, { QStringLiteral("route"), route },
                    { QStringLiteral("status"), response.status } };
                const bool failed = !response.ok() || response.status >= 500;
                if (!response.ok())
                    result.insert(QStringLiteral("error"), QString::fromStdString(response.errorMessage));
                if (failed && hasFallback)
                    result.insert(QStringLiteral("fallback"), true);
                std::lock_guard lock(fan->mutex);
                fan->items.append(result);
                fan->failed = fan->failed || (failed && !hasFallback);
                if (--fan->pending > 0)
                    return;
                fan->answer.insert(QStringLiteral("calls"), fan->items);
                call->respond(jsonResponse(fan->failed ? 502 : 200, fan->answer));
            });
    }
}

QString GenericBehaviour::publishEdgeOf(const QString &topic) const
{
    for (const Edge *edge : m_context.config().topology.outgoing(m_context.nodeId(), EdgeKind::Publish)) {
        for (const Topic &t : edge->topics) {
            if (t.name == topic)
                return edge->id;
        }
    }
    return {};
}

EventConsumer::Handler GenericBehaviour::handlerFor(const Edge &)
{
    if (!m_context.config().postgres) // nothing to store it in: consuming it (and its span) is the work
        return [](SqlSession &, const ConsumedEvent &, QString *) { return true; };
    return [](SqlSession &connection, const ConsumedEvent &event, QString *error) {
        QList<QStringList> rows;
        return connection.query(QStringLiteral("INSERT INTO generic_events (event_id, topic, payload, trace_id)"
                                               " VALUES ($1::uuid, $2, $3::jsonb, NULLIF($4, ''))"),
            { event.eventId, event.topic, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)),
                traceIdOf(event.traceparent.toLatin1()) },
            &rows, error);
    };
}

} // namespace Gatehouse::Runtime
