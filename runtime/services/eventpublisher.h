#pragma once

#include "model/launchconfig.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace Gatehouse::Runtime {

// Produces events straight to Kafka, for a generic service without a database (no outbox to
// write to). Each event carries the same `event-id` and `traceparent` headers as an outbox
// event, so consumers deduplicate it the same way. The callback runs once per event with the
// broker's delivery report, on the publisher's own thread. Not durable: callers answer their
// request only after the report, so a lost event is an error their caller sees.
class EventPublisher
{
public:
    using Callback = std::function<void(bool delivered, const QString &error)>;

    EventPublisher(KafkaAccess kafka, QString clientId, int messageTimeoutMs = 5000);
    ~EventPublisher(); // stop()
    EventPublisher(const EventPublisher &) = delete;
    EventPublisher &operator=(const EventPublisher &) = delete;

    bool start(QString *error);
    // Undelivered events are purged and reported as failed; no callback runs after stop().
    void stop();

    void publish(const QString &topic, const QString &key, const QByteArray &payload, const QString &eventId,
                 const QByteArray &traceparent, Callback callback);

    class Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime
