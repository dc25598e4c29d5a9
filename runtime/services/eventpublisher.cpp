#include "eventpublisher.h"

#include "services/kafkaproducer.h"

#include <atomic>
#include <thread>

namespace Gatehouse::Runtime {

class EventPublisher::Private
{
public:
    static void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *)
    {
        std::unique_ptr<Callback> callback(static_cast<Callback *>(message->_private));
        if (!callback)
            return;
        if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            (*callback)(true, {});
        else
            (*callback)(false, QString::fromUtf8(rd_kafka_err2str(message->err)));
    }

    void run()
    {
        while (!stopping.load())
            rd_kafka_poll(producer, 100);
    }

    KafkaAccess kafka;
    QString clientId;
    int messageTimeoutMs = 5000;
    rd_kafka_t *producer = nullptr;
    std::thread thread;
    std::atomic<bool> stopping { false };
};

EventPublisher::EventPublisher(KafkaAccess kafka, QString clientId, int messageTimeoutMs)
    : m_d(std::make_unique<Private>())
{
    m_d->kafka = std::move(kafka);
    m_d->clientId = std::move(clientId);
    m_d->messageTimeoutMs = messageTimeoutMs;
}

EventPublisher::~EventPublisher()
{
    stop();
    if (m_d->producer)
        rd_kafka_destroy(m_d->producer); // reports what is still queued as failed (purged)
}

bool EventPublisher::start(QString *error)
{
    m_d->producer = createKafkaProducer(m_d->kafka, m_d->clientId, m_d->messageTimeoutMs, &Private::onDelivery, nullptr, error);
    if (!m_d->producer)
        return false;
    m_d->thread = std::thread([d = m_d.get()] { d->run(); });
    return true;
}

void EventPublisher::stop()
{
    if (!m_d->thread.joinable())
        return;
    m_d->stopping.store(true);
    m_d->thread.join();
    // Whatever is still queued fails now (its request is answered with the error); the reports
    // of the purged messages are served here, on the calling thread.
    rd_kafka_purge(m_d->producer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_flush(m_d->producer, 1000);
}

void EventPublisher::publish(const QString &topic, const QString &key, const QByteArray &payload, const QString &eventId,
                             const QByteArray &traceparent, Callback callback)
{
    if (!m_d->producer || m_d->stopping.load()) {
        callback(false, QStringLiteral("the producer is not running"));
        return;
    }
    const QByteArray topicName = topic.toUtf8();
    const QByteArray keyBytes = key.toUtf8();
    const QByteArray id = eventId.toUtf8();
    rd_kafka_headers_t *headers = rd_kafka_headers_new(2);
    rd_kafka_header_add(headers, "event-id", -1, id.constData(), id.size());
    if (!traceparent.isEmpty())
        rd_kafka_header_add(headers, "traceparent", -1, traceparent.constData(), traceparent.size());
    auto *opaque = new Callback(std::move(callback));
    const rd_kafka_resp_err_t err = rd_kafka_producev(m_d->producer, RD_KAFKA_V_TOPIC(topicName.constData()),
        RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), static_cast<size_t>(payload.size())),
        RD_KAFKA_V_KEY(keyBytes.constData(), static_cast<size_t>(keyBytes.size())), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_headers_destroy(headers); // not taken over on failure
        std::unique_ptr<Callback> owned(opaque);
        (*owned)(false, QString::fromUtf8(rd_kafka_err2str(err)));
    }
}

} // namespace Gatehouse::Runtime
