#pragma once

#include "model/launchconfig.h"

#include <QString>

#include <librdkafka/rdkafka.h>

namespace Gatehouse::Runtime {

using DeliveryCallback = void (*)(rd_kafka_t *, const rd_kafka_message_t *, void *opaque);

// A service's Kafka producer (the outbox relay's, a database-less generic service's): the shared
// client settings (KafkaClientConfig), `client.id`, `message.timeout.ms` and a delivery-report
// callback with its opaque. Returns null and sets `error` when librdkafka refuses.
rd_kafka_t *createKafkaProducer(const KafkaAccess &kafka, const QString &clientId, int messageTimeoutMs,
                                DeliveryCallback onDelivery, void *opaque, QString *error);

} // namespace Gatehouse::Runtime
