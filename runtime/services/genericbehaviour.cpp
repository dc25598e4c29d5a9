#include "genericbehaviour.h"

#include "infra/pgconnection.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>
#include <mutex>

namespace Gatehouse::Runtime {

namespace {

QString traceIdOf(const QByteArray &traceparent)
{
    return traceparent.size() >= 35 ? QString::fromLatin1(traceparent.mid(3, 32)) : QString();
}

// Collects the answers of the fan-out calls; the last one to arrive answers the request.
struct FanOut
{
    std::mutex mutex;
    int pending = 0;
    bool failed = false;
    QJsonArray calls;
    QJsonObject answer;
};

} // namespace

GenericBehaviour::GenericBehaviour(ServiceContext &context)
    : m_context(context)
{
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
    const bool queued = m_context.sql().submit([this, shared](PgConnection &connection) {
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
                const QJsonObject payload { { QStringLiteral("source"), m_context.nodeId() },
                    { QStringLiteral("requestId"), requestId },
                    { QStringLiteral("method"), QString::fromStdString(c.request.method) },
                    { QStringLiteral("path"), QString::fromStdString(c.request.path) },
                    { QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
                const QString keyField = m_context.topicKeyField(topic);
                const QString key = payload.value(keyField).toString(requestId);
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

        auto fan = std::make_shared<FanOut>();
        fan->answer = QJsonObject { { QStringLiteral("node"), m_context.nodeId() },
            { QStringLiteral("requestId"), requestId }, { QStringLiteral("events"), events } };
        const QStringList targets = m_context.syncTargets();
        if (targets.isEmpty()) {
            fan->answer.insert(QStringLiteral("calls"), QJsonArray {});
            c.respond(jsonResponse(200, fan->answer));
            return;
        }
        fan->pending = static_cast<int>(targets.size());
        const std::string body = QJsonDocument(QJsonObject { { QStringLiteral("from"), m_context.nodeId() },
                                                   { QStringLiteral("requestId"), requestId } })
                                     .toJson(QJsonDocument::Compact)
                                     .toStdString();
        for (const QString &target : targets) {
            const Edge *edge = m_context.syncEdgeTo(target);
            const bool hasFallback = edge && edge->fallback.isSet();
            m_context.call(target, "POST", CallPath, body, c.traceparent,
                [shared, fan, target, hasFallback](Http::ClientResponse response) {
                    QJsonObject result { { QStringLiteral("target"), target }, { QStringLiteral("status"), response.status } };
                    const bool failed = !response.ok() || response.status >= 500;
                    if (!response.ok())
                        result.insert(QStringLiteral("error"), QString::fromStdString(response.errorMessage));
                    if (failed && hasFallback)
                        result.insert(QStringLiteral("fallback"), true);
                    std::lock_guard lock(fan->mutex);
                    fan->calls.append(result);
                    fan->failed = fan->failed || (failed && !hasFallback);
                    if (--fan->pending > 0)
                        return;
                    fan->answer.insert(QStringLiteral("calls"), fan->calls);
                    shared->respond(jsonResponse(fan->failed ? 502 : 200, fan->answer));
                });
        }
    });
    if (!queued)
        shared->respond(problemResponse(503, QStringLiteral("service overloaded")));
}

EventConsumer::Handler GenericBehaviour::handlerFor(const Edge &)
{
    return [](PgConnection &connection, const ConsumedEvent &event, QString *error) {
        QList<QStringList> rows;
        return connection.query(QStringLiteral("INSERT INTO generic_events (event_id, topic, payload, trace_id)"
                                               " VALUES ($1::uuid, $2, $3::jsonb, NULLIF($4, ''))"),
            { event.eventId, event.topic, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)),
                traceIdOf(event.traceparent.toLatin1()) },
            &rows, error);
    };
}

} // namespace Gatehouse::Runtime
