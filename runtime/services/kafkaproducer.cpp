#include "kafkaproducer.h"

#include "infra/kafkaclientconfig.h"

namespace Gatehouse::Runtime {

rd_kafka_t *createKafkaProducer(const KafkaAccess &kafka, const QString &clientId, int messageTimeoutMs,
                                DeliveryCallback onDelivery, void *opaque, QString *error)
{
    rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(kafka, KafkaClientConfig::Role::Producer, error);
    if (!conf)
        return nullptr;
    char message[512];
    const QByteArray id = clientId.toUtf8();
    const QByteArray timeout = QByteArray::number(messageTimeoutMs);
    if (rd_kafka_conf_set(conf, "client.id", id.constData(), message, sizeof message) != RD_KAFKA_CONF_OK
        || rd_kafka_conf_set(conf, "message.timeout.ms", timeout.constData(), message, sizeof message) != RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        if (error)
            *error = QString::fromUtf8(message);
        return nullptr;
    }
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    rd_kafka_conf_set_opaque(conf, opaque);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, message, sizeof message);
    if (!producer) {
        rd_kafka_conf_destroy(conf);
        if (error)
            *error = QStringLiteral("cannot create the Kafka producer: %1").arg(QString::fromUtf8(message));
    }
    return producer;
}

} // namespace Gatehouse::Runtime
