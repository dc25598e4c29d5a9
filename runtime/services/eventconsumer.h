#pragma once

#include "model/launchconfig.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace Gatehouse::Runtime {

class SqlSession;
class TelemetrySender;

// One event as a consumer sees it.
struct ConsumedEvent
{
    QString eventId;   // from the "event-id" header
    QString topic;
    int partition = 0;
    qint64 offset = 0;
    QString key;
    QJsonObject payload;
    QString traceparent; // as the handler sees it: the consume hop (child of the producer's)
};

// An idempotent Kafka consumer (DESIGN §5): for each message it opens a transaction in the
// service's own database, records the event id in `processed_events` and runs the handler in
// that same transaction. An event seen before (a re-publication after a broker restart) is
// skipped, so every event takes effect once. Offsets are committed after the transaction;
// a failing handler rolls back and the message is retried after a short backoff.
// With an empty conninfo (a generic service without a database) there is no transaction: event
// ids are deduplicated in memory for the process's lifetime (the last 10,000), and the handler
// gets a session that is not connected.
// With Tracing set, each message is a `kafka.consume` span (child of the producer's hop, on the
// subscribe edge) and every statement of its transaction an `sql` span under it.
class EventConsumer
{
public:
    // Runs inside the open transaction; returns false (and may set `error`) to roll back.
    using Handler = std::function<bool(SqlSession &connection, const ConsumedEvent &event, QString *error)>;

    struct Tracing
    {
        TelemetrySender *telemetry = nullptr;
        QString nodeId;
        QString edgeId;         // the subscribe edge
        QString databaseEdgeId; // the node's owns edge (sql spans)
    };

    struct Stats
    {
        std::uint64_t received = 0;
        std::uint64_t processed = 0;  // handler committed
        std::uint64_t duplicates = 0; // already processed, skipped
        std::uint64_t failures = 0;   // handler or database failures (retried)
    };

    EventConsumer(QString conninfo, KafkaAccess kafka, QString groupId, QStringList topics, Handler handler);
    ~EventConsumer(); // stop()
    EventConsumer(const EventConsumer &) = delete;
    EventConsumer &operator=(const EventConsumer &) = delete;

    void setTracing(Tracing tracing); // before start()
    bool start(QString *error);
    void stop();
    Stats stats() const;
    // True once the consumer has been assigned partitions (its group has joined).
    bool isAssigned() const;

    class Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime
