#include "eventconsumer.h"

#include "infra/kafkaclientconfig.h"
#include "infra/pgconnection.h"
#include "services/sqlsession.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <librdkafka/rdkafka.h>
#include <libpq-fe.h>

#include <QJsonDocument>
#include <QSet>
#include <chrono>
#include <deque>
#include <thread>

namespace Gatehouse::Runtime {

namespace {

QString headerValue(const rd_kafka_message_t *message, const char *name)
{
    rd_kafka_headers_t *headers = nullptr;
    if (rd_kafka_message_headers(message, &headers) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return {};
    const void *value = nullptr;
    size_t size = 0;
    if (rd_kafka_header_get_last(headers, name, &value, &size) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return {};
    return QString::fromUtf8(static_cast<const char *>(value), static_cast<qsizetype>(size));
}

constexpr qsizetype RememberedEvents = 10000; // in-memory deduplication without a database

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

class EventConsumer::Private
{
public:
    static void onRebalance(rd_kafka_t *consumer, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions,
                            void *opaque)
    {
        auto *self = static_cast<Private *>(opaque);
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            rd_kafka_assign(consumer, partitions);
            self->assigned.store(partitions->cnt > 0);
        } else {
            rd_kafka_assign(consumer, nullptr);
            self->assigned.store(false);
        }
    }

    // Returns true when the message is settled (processed or a duplicate), false to retry it.
    bool handle(const rd_kafka_message_t *message)
    {
        ConsumedEvent event;
        event.eventId = headerValue(message, "event-id");
        event.traceparent = headerValue(message, "traceparent");
        event.topic = QString::fromUtf8(rd_kafka_topic_name(message->rkt));
        event.partition = message->partition;
        event.offset = message->offset;
        event.key = QString::fromUtf8(static_cast<const char *>(message->key), static_cast<qsizetype>(message->key_len));
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(static_cast<const char *>(message->payload), static_cast<qsizetype>(message->len)));
        event.payload = document.object();
        if (event.eventId.isEmpty() || !document.isObject()) {
            // Not one of ours (no id to deduplicate on, or not a JSON object): skip, never loop on it.
            ++failures;
            return true;
        }

        // The consume hop: a child of the producer's, the parent of this transaction's statements.
        const TraceContext hop = TraceContext::forIncoming(event.traceparent.toLatin1(), {});
        event.traceparent = QString::fromLatin1(hop.traceParent());
        session->setParent(hop.traceParent());
        const qint64 start = tracing.telemetry ? nowUs() : 0;
        bool duplicate = false;
        const bool settled = conninfo.isEmpty() ? handleWithoutDatabase(event, &duplicate) : handleInTransaction(event, &duplicate);
        session->setParent({});
        if (tracing.telemetry) {
            Span span;
            span.traceId = hop.traceId.toString();
            span.spanId = hop.spanId.toString();
            span.parentSpanId = hop.parentSpanId.toString();
            span.nodeId = tracing.nodeId;
            span.edgeId = tracing.edgeId;
            span.name = QStringLiteral("consume ") + event.topic;
            span.kind = SpanKind::KafkaConsume;
            span.outcome = settled ? SpanOutcome::Ok : SpanOutcome::ServerError;
            span.startUs = start;
            span.durationUs = nowUs() - start;
            span.attributes = QJsonObject { { QStringLiteral("topic"), event.topic },
                { QStringLiteral("partition"), event.partition }, { QStringLiteral("offset"), event.offset },
                { QStringLiteral("eventId"), event.eventId } };
            if (duplicate)
                span.attributes.insert(QStringLiteral("duplicate"), true);
            tracing.telemetry->record(std::move(span));
        }
        return settled;
    }

    // No database: the handler runs once per event id this process has seen.
    bool handleWithoutDatabase(const ConsumedEvent &event, bool *duplicate)
    {
        if (seen.contains(event.eventId)) {
            ++duplicates;
            *duplicate = true;
            return true;
        }
        QString error;
        if (!handler(*session, event, &error))
            return false;
        seen.insert(event.eventId);
        seenOrder.push_back(event.eventId);
        if (static_cast<qsizetype>(seenOrder.size()) > RememberedEvents) {
            seen.remove(seenOrder.front());
            seenOrder.pop_front();
        }
        ++processed;
        return true;
    }

    bool handleInTransaction(const ConsumedEvent &event, bool *duplicate)
    {
        SqlSession &connection = *session;
        QString error;
        QList<QStringList> rows;
        if (!connection.exec(QStringLiteral("BEGIN"), &error))
            return false;
        if (!connection.query(QStringLiteral("INSERT INTO processed_events (event_id, topic) VALUES ($1::uuid, $2)"
                                             " ON CONFLICT DO NOTHING RETURNING event_id"),
                              {event.eventId, event.topic}, &rows, &error)) {
            connection.exec(QStringLiteral("ROLLBACK"), &error);
            return false;
        }
        if (rows.isEmpty()) {
            connection.exec(QStringLiteral("ROLLBACK"), &error);
            ++duplicates;
            *duplicate = true;
            return true;
        }
        if (!handler(connection, event, &error) || !connection.exec(QStringLiteral("COMMIT"), &error)) {
            QString ignored;
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            return false;
        }
        ++processed;
        return true;
    }

    void run()
    {
        while (!stopping.load()) {
            rd_kafka_message_t *message = rd_kafka_consumer_poll(consumer, 100);
            if (!message)
                continue;
            if (message->err) {
                rd_kafka_message_destroy(message);
                continue; // partition EOF, transient broker errors: librdkafka recovers by itself
            }
            ++received;
            if (!conninfo.isEmpty() && PQstatus(connection.handle()) != CONNECTION_OK)
                PQreset(connection.handle());
            if (handle(message)) {
                rd_kafka_commit_message(consumer, message, 1 /* async */);
            } else {
                ++failures;
                // Go back to this message and try again a little later.
                rd_kafka_topic_partition_list_t *position = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(position, rd_kafka_topic_name(message->rkt), message->partition)
                    ->offset = message->offset;
                rd_kafka_seek_partitions(consumer, position, 1000);
                rd_kafka_topic_partition_list_destroy(position);
                std::this_thread::sleep_for(std::chrono::milliseconds(200)); // retry backoff, on this thread only
            }
            rd_kafka_message_destroy(message);
        }
        rd_kafka_consumer_close(consumer);
    }

    QString conninfo;
    KafkaAccess kafka;
    QString groupId;
    QStringList topics;
    Handler handler;
    Tracing tracing;
    PgConnection connection;
    std::unique_ptr<SqlSession> session;
    QSet<QString> seen;            // without a database only
    std::deque<QString> seenOrder; // oldest first, bounded by RememberedEvents
    rd_kafka_t *consumer = nullptr;
    std::thread thread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> assigned{false};
    std::atomic<std::uint64_t> received{0};
    std::atomic<std::uint64_t> processed{0};
    std::atomic<std::uint64_t> duplicates{0};
    std::atomic<std::uint64_t> failures{0};
};

EventConsumer::EventConsumer(QString conninfo, KafkaAccess kafka, QString groupId, QStringList topics, Handler handler)
    : m_d(std::make_unique<Private>())
{
    m_d->conninfo = std::move(conninfo);
    m_d->kafka = std::move(kafka);
    m_d->groupId = std::move(groupId);
    m_d->topics = std::move(topics);
    m_d->handler = std::move(handler);
}

EventConsumer::~EventConsumer()
{
    stop();
    if (m_d->consumer)
        rd_kafka_destroy(m_d->consumer);
}

void EventConsumer::setTracing(Tracing tracing)
{
    m_d->tracing = std::move(tracing);
}

bool EventConsumer::start(QString *error)
{
    if (!m_d->conninfo.isEmpty() && !m_d->connection.open(m_d->conninfo, error))
        return false;
    m_d->session = std::make_unique<SqlSession>(m_d->connection,
        SqlTracing { m_d->tracing.telemetry, m_d->tracing.nodeId, m_d->tracing.databaseEdgeId });
    rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(m_d->kafka, KafkaClientConfig::Role::Consumer, error);
    if (!conf)
        return false;
    char message[512];
    const QByteArray group = m_d->groupId.toUtf8();
    if (rd_kafka_conf_set(conf, "group.id", group.constData(), message, sizeof message) != RD_KAFKA_CONF_OK
        || rd_kafka_conf_set(conf, "enable.auto.commit", "false", message, sizeof message) != RD_KAFKA_CONF_OK
        || rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", message, sizeof message) != RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        if (error)
            *error = QString::fromUtf8(message);
        return false;
    }
    rd_kafka_conf_set_rebalance_cb(conf, &Private::onRebalance);
    rd_kafka_conf_set_opaque(conf, m_d.get());
    m_d->consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, message, sizeof message);
    if (!m_d->consumer) {
        rd_kafka_conf_destroy(conf);
        if (error)
            *error = QStringLiteral("cannot create the Kafka consumer: %1").arg(QString::fromUtf8(message));
        return false;
    }
    rd_kafka_poll_set_consumer(m_d->consumer);
    rd_kafka_topic_partition_list_t *subscription = rd_kafka_topic_partition_list_new(m_d->topics.size());
    for (const QString &topic : std::as_const(m_d->topics))
        rd_kafka_topic_partition_list_add(subscription, topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t err = rd_kafka_subscribe(m_d->consumer, subscription);
    rd_kafka_topic_partition_list_destroy(subscription);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (error)
            *error = QStringLiteral("cannot subscribe: %1").arg(QString::fromUtf8(rd_kafka_err2str(err)));
        return false;
    }
    m_d->thread = std::thread([d = m_d.get()] { d->run(); });
    return true;
}

void EventConsumer::stop()
{
    if (!m_d->thread.joinable())
        return;
    m_d->stopping.store(true);
    m_d->thread.join();
}

EventConsumer::Stats EventConsumer::stats() const
{
    return {m_d->received.load(), m_d->processed.load(), m_d->duplicates.load(), m_d->failures.load()};
}

bool EventConsumer::isAssigned() const
{
    return m_d->assigned.load();
}

} // namespace Gatehouse::Runtime
