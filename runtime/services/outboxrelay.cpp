#include "outboxrelay.h"

#include "infra/pgconnection.h"
#include "services/kafkaproducer.h"

#include <librdkafka/rdkafka.h>
#include <libpq-fe.h>
#include <poll.h>

#include <QSet>

namespace Gatehouse::Runtime {

class OutboxRelay::Private
{
public:
    Private(QString conninfo, KafkaAccess kafka, QString clientId, Options options)
        : conninfo(std::move(conninfo)), kafka(std::move(kafka)), clientId(std::move(clientId)), options(options)
    {
    }

    ~Private()
    {
        if (producer)
            rd_kafka_destroy(producer);
    }

    static void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
    {
        auto *self = static_cast<Private *>(opaque);
        const qint64 rowId = reinterpret_cast<intptr_t>(message->_private);
        if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            self->deliveredRows.append(rowId);
        else
            self->failedRows.append(rowId);
    }

    bool produceBatch(QString *error)
    {
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT id::text, event_id::text, topic, event_key, payload::text,"
                                             " coalesce(traceparent, '') FROM outbox WHERE sent_at IS NULL"
                                             " ORDER BY id LIMIT $1"),
                              {QString::number(options.batchSize)}, &rows, error))
            return false;
        for (const QStringList &row : rows) {
            const qint64 rowId = row.at(0).toLongLong();
            if (inFlight.contains(rowId))
                continue;
            const QByteArray eventId = row.at(1).toUtf8();
            const QByteArray topic = row.at(2).toUtf8();
            const QByteArray key = row.at(3).toUtf8();
            const QByteArray payload = row.at(4).toUtf8();
            const QByteArray traceparent = row.at(5).toUtf8();
            rd_kafka_headers_t *headers = rd_kafka_headers_new(2);
            rd_kafka_header_add(headers, "event-id", -1, eventId.constData(), eventId.size());
            if (!traceparent.isEmpty())
                rd_kafka_header_add(headers, "traceparent", -1, traceparent.constData(), traceparent.size());
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                producer, RD_KAFKA_V_TOPIC(topic.constData()),
                RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), static_cast<size_t>(payload.size())),
                RD_KAFKA_V_KEY(key.constData(), static_cast<size_t>(key.size())), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(reinterpret_cast<void *>(static_cast<intptr_t>(rowId))),
                RD_KAFKA_V_END);
            if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                rd_kafka_headers_destroy(headers); // not taken over on failure
                break; // local queue full: deliver what is in flight first
            }
            inFlight.insert(rowId);
            produced.fetch_add(1);
        }
        return true;
    }

    bool settleDeliveries(QString *error)
    {
        rd_kafka_poll(producer, 0);
        for (qint64 id : std::as_const(failedRows))
            inFlight.remove(id);
        failed.fetch_add(static_cast<std::uint64_t>(failedRows.size()));
        failedRows.clear();
        if (deliveredRows.isEmpty())
            return true;
        QStringList ids;
        for (qint64 id : std::as_const(deliveredRows))
            ids.append(QString::number(id));
        QList<QStringList> ignored;
        if (!connection.query(QStringLiteral("UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])"),
                              {QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')}, &ignored, error))
            return false;
        for (qint64 id : std::as_const(deliveredRows))
            inFlight.remove(id);
        delivered.fetch_add(static_cast<std::uint64_t>(deliveredRows.size()));
        deliveredRows.clear();
        return true;
    }

    // Sleeps until a NOTIFY arrives on the connection's socket or the poll interval passes.
    void waitForWork()
    {
        pollfd fd{PQsocket(connection.handle()), POLLIN, 0};
        ::poll(&fd, 1, inFlight.isEmpty() ? options.pollIntervalMs : 5);
        PQconsumeInput(connection.handle());
        while (PGnotify *notify = PQnotifies(connection.handle()))
            PQfreemem(notify);
    }

    void run()
    {
        QString error;
        while (!stopping.load()) {
            if (PQstatus(connection.handle()) != CONNECTION_OK) {
                PQreset(connection.handle());
                QString ignored;
                connection.exec(QStringLiteral("LISTEN gatehouse_outbox"), &ignored);
            }
            if (!produceBatch(&error) || !settleDeliveries(&error))
                inFlight.clear(); // database trouble: start over from the table's truth
            waitForWork();
        }
        rd_kafka_flush(producer, 2000);
        settleDeliveries(&error);
    }

    QString conninfo;
    KafkaAccess kafka;
    QString clientId;
    Options options;
    PgConnection connection;
    rd_kafka_t *producer = nullptr;
    std::thread thread;
    std::atomic<bool> stopping{false};
    QSet<qint64> inFlight;
    QList<qint64> deliveredRows; // filled by the delivery callback on the relay thread (in poll)
    QList<qint64> failedRows;
    std::atomic<std::uint64_t> produced{0};
    std::atomic<std::uint64_t> delivered{0};
    std::atomic<std::uint64_t> failed{0};
};

OutboxRelay::OutboxRelay(QString conninfo, KafkaAccess kafka, QString clientId, Options options)
    : m_d(std::make_unique<Private>(std::move(conninfo), std::move(kafka), std::move(clientId), options))
{
}

OutboxRelay::~OutboxRelay()
{
    stop();
}

bool OutboxRelay::start(QString *error)
{
    if (!m_d->connection.open(m_d->conninfo, error))
        return false;
    if (!m_d->connection.exec(QStringLiteral("LISTEN gatehouse_outbox"), error))
        return false;
    m_d->producer = createKafkaProducer(m_d->kafka, m_d->clientId, m_d->options.messageTimeoutMs, &Private::onDelivery,
                                        m_d.get(), error);
    if (!m_d->producer)
        return false;
    m_d->thread = std::thread([d = m_d.get()] { d->run(); });
    return true;
}

void OutboxRelay::stop()
{
    if (!m_d->thread.joinable())
        return;
    m_d->stopping.store(true);
    m_d->thread.join();
}

OutboxRelay::Stats OutboxRelay::stats() const
{
    return {m_d->produced.load(), m_d->delivered.load(), m_d->failed.load()};
}

} // namespace Gatehouse::Runtime
