#include "kafkaclientconfig.h"

#include <librdkafka/rdkafka.h>

namespace Gatehouse::Runtime::KafkaClientConfig {

QList<QPair<QByteArray, QByteArray>> properties(const KafkaAccess &access, Role role)
{
    QList<QPair<QByteArray, QByteArray>> props;
    props << qMakePair(QByteArray("bootstrap.servers"), access.bootstrapServers.toUtf8());
    props << qMakePair(QByteArray("socket.nagle.disable"), QByteArray("true"));
    if (!access.saslMechanism.isEmpty()) {
        props << qMakePair(QByteArray("security.protocol"), QByteArray("SASL_SSL"));
        props << qMakePair(QByteArray("sasl.mechanisms"), access.saslMechanism.toUtf8());
        props << qMakePair(QByteArray("sasl.username"), access.saslUser.toUtf8());
        props << qMakePair(QByteArray("sasl.password"), access.saslPassword.toUtf8());
    }
    if (role == Role::Consumer) {
        props << qMakePair(QByteArray("session.timeout.ms"), QByteArray("6000"));
        props << qMakePair(QByteArray("heartbeat.interval.ms"), QByteArray("1000"));
        props << qMakePair(QByteArray("fetch.wait.max.ms"), QByteArray("10"));
    } else {
        props << qMakePair(QByteArray("linger.ms"), QByteArray("1"));
    }
    return props;
}

rd_kafka_conf_t *makeConf(const KafkaAccess &access, Role role, QString *error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512];
    const auto props = properties(access, role);
    for (const auto &[name, value] : props) {
        if (rd_kafka_conf_set(conf, name.constData(), value.constData(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
            // The message names the property, never its value (it may be the SASL password).
            *error
                = QStringLiteral("librdkafka rejected %1: %2").arg(QString::fromUtf8(name), QString::fromUtf8(errstr));
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    return conf;
}

} // namespace Gatehouse::Runtime::KafkaClientConfig
