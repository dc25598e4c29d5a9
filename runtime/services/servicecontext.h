#pragma once

#include "http/client.h"
#include "http/response.h"
#include "model/launchconfig.h"
#include "model/telemetry.h"
#include "services/outbox.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Gatehouse::Runtime {

class FaultInjector;
class PgConnection;
class SqlPool;
class SqlSession;
class TelemetrySender;

// What a service behaviour may use of its node: the launch config and its own node, the SQL
// pool of its database, calls to its sync targets (per-edge timeout, client span, traceparent
// passed on), events into its outbox (produce span, traceparent in the event) and spans.
// Owned by ServiceNode; thread-safe; lives as long as the node runs.
class ServiceContext
{
public:
    ServiceContext(const NodeLaunchConfig &config, SqlPool &pool, Http::Client &client, TelemetrySender *telemetry);

    const NodeLaunchConfig &config() const { return m_config; }
    const Node &self() const { return *m_self; }
    const QString &nodeId() const { return m_config.nodeId; }
    SqlPool &sql() { return m_pool; }

    // Calls `target` (a node this one has a sync edge to) at its upstream from the launch
    // config, with the edge's timeoutMs (10 s when 0) and a child traceparent of `traceparent`.
    // The callback runs exactly once on an I/O thread; an unknown target or a target without
    // upstream answers with ClientError::ConnectRefused and a message.
    using CallCallback = std::function<void(Http::ClientResponse response)>;
    void call(const QString &target, const std::string &method, const std::string &path, std::string body,
              const QByteArray &traceparent, CallCallback callback);
    // The sync edge this node → target, or null.
    const Edge *syncEdgeTo(const QString &target) const;
    // Node ids of every sync target (services only).
    QStringList syncTargets() const;

    // Appends an event to the outbox inside the caller's open transaction, as a child hop of
    // `traceparent` (the request or consumed event that caused it), and records its produce
    // span on the publish edge that carries the topic. Returns the event id or empty + error.
    // A non-empty `eventId` makes the event exist at most once (OutboundEvent::eventId).
    QString publish(SqlSession &connection, const QString &topic, const QString &key, const QJsonObject &payload,
                    const QByteArray &traceparent, QString *error, const QString &eventId = {});
    // Topics this node publishes (its publish edges), in edge order.
    QStringList publishedTopics() const;
    // The payload field a topic is keyed by ("" when the diagram names none).
    QString topicKeyField(const QString &topic) const;

    void recordSpan(Span span);
    // A log event to the supervisor ("info", "warning", "error"); dropped without telemetry.
    void log(const QString &level, const QString &message, const QJsonObject &fields = {});
    static qint64 nowUs();

    // Injected faults (control channel): call() applies the edge fault of the sync edge it
    // uses — the delay counts against the edge timeout (reaching it is a timeout), then an
    // injected failure answers 503; the client span gets "injected":true. Null: none.
    void setFaults(const FaultInjector *faults) { m_faults = faults; }
    const FaultInjector *faults() const { return m_faults; }

private:
    const NodeLaunchConfig &m_config;
    const Node *m_self;
    SqlPool &m_pool;
    Http::Client &m_client;
    TelemetrySender *m_telemetry;
    const FaultInjector *m_faults = nullptr;
};

// A JSON response with Content-Type application/json.
Http::Response jsonResponse(int status, const QJsonObject &body);
// An RFC 7807 problem+json error response.
Http::Response problemResponse(int status, const QString &detail);

} // namespace Gatehouse::Runtime
