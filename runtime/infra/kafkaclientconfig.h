#pragma once

#include "model/launchconfig.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

typedef struct rd_kafka_conf_s rd_kafka_conf_t;

namespace Gatehouse::Runtime {

// librdkafka settings every Gatehouse client uses (DESIGN §5): short rebalances and low latency
// against the in-process mock cluster or an external one. Consumer-only properties are left out
// of producer configs (librdkafka warns about them otherwise).
namespace KafkaClientConfig {

enum class Role { Producer, Consumer };

// bootstrap.servers, SASL (security.protocol SASL_SSL when a mechanism is set) and the tuning:
// consumer: session.timeout.ms=6000, heartbeat.interval.ms=1000, fetch.wait.max.ms=10;
// producer: linger.ms=1 (low latency); both: socket.nagle.disable=true.
QList<QPair<QByteArray, QByteArray>> properties(const KafkaAccess &access, Role role);

// Creates an rd_kafka_conf_t with properties() applied. Returns nullptr and sets `error` when
// librdkafka rejects a property. The caller owns the result (rd_kafka_conf_destroy or rd_kafka_new).
rd_kafka_conf_t *makeConf(const KafkaAccess &access, Role role, QString *error);

} // namespace KafkaClientConfig

} // namespace Gatehouse::Runtime
