#include "kafkamockcluster.h"

#include "kafkaclientconfig.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QThread>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <mutex>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime {

KafkaMockCluster::KafkaMockCluster() = default;

KafkaMockCluster::~KafkaMockCluster()
{
    stop();
}

bool KafkaMockCluster::start(const QList<Topic> &topics, QString *error, int brokers)
{
    if (isRunning())
        return true;
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // The host handle only owns the cluster; keep it quiet (it has no bootstrap servers).
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    m_host = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!m_host) {
        rd_kafka_conf_destroy(conf);
        *error = QStringLiteral("Cannot create the Kafka mock cluster's handle: %1").arg(QString::fromUtf8(errstr));
        return false;
    }
    m_cluster = rd_kafka_mock_cluster_new(m_host, brokers);
    if (!m_cluster) {
        *error = QStringLiteral("librdkafka could not create a mock cluster with %1 broker(s).").arg(brokers);
        stop();
        return false;
    }
    m_brokers = brokers;
    m_bootstrap = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster));
    const int replication = std::min(brokers, 3);
    // librdkafka 2.0.2's mock sometimes answers a control operation only after a 1 s internal
    // timeout (measured: about one topic create in three). Creating the topics in parallel
    // bounds the start at one such delay instead of one per topic.
    QString createError;
    std::mutex errorMutex;
    std::vector<std::thread> workers;
    for (const Topic &topic : topics) {
        workers.emplace_back([&, topic] {
            const rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
                m_cluster, topic.name.toUtf8().constData(), std::max(1, topic.partitions), replication);
            if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                const std::lock_guard<std::mutex> lock(errorMutex);
                createError = QStringLiteral("Cannot create the Kafka topic %1 (%2 partitions): %3")
                                  .arg(topic.name)
                                  .arg(topic.partitions)
                                  .arg(QString::fromUtf8(rd_kafka_err2str(err)));
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    if (!createError.isEmpty()) {
        *error = createError;
        stop();
        return false;
    }
    return true;
}

void KafkaMockCluster::stop()
{
    if (m_cluster) {
        // Can take up to 1 s with librdkafka 2.0.2 (the same internal timeout as in start()).
        rd_kafka_mock_cluster_destroy(m_cluster);
        m_cluster = nullptr;
    }
    if (m_host) {
        rd_kafka_destroy(m_host);
        m_host = nullptr;
    }
    m_bootstrap.clear();
    m_brokers = 0;
}

bool KafkaMockCluster::setBrokersDown(QString *error)
{
    const rd_kafka_resp_err_t err = m_cluster ? rd_kafka_mock_broker_set_down(m_cluster, -1) : RD_KAFKA_RESP_ERR__STATE;
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        *error = QStringLiteral("Cannot take the Kafka mock brokers down: %1")
                     .arg(QString::fromUtf8(rd_kafka_err2str(err)));
    return err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

bool KafkaMockCluster::setBrokersUp(QString *error)
{
    const rd_kafka_resp_err_t err = m_cluster ? rd_kafka_mock_broker_set_up(m_cluster, -1) : RD_KAFKA_RESP_ERR__STATE;
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        *error = QStringLiteral("Cannot bring the Kafka mock brokers up: %1")
                     .arg(QString::fromUtf8(rd_kafka_err2str(err)));
    return err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

bool KafkaMockCluster::waitForTopics(
    const QString &bootstrapServers, const QList<Topic> &topics, int timeoutMs, QString *error)
{
    KafkaAccess access;
    access.bootstrapServers = bootstrapServers;
    return waitForTopics(access, topics, timeoutMs, error);
}

bool KafkaMockCluster::waitForTopics(
    const KafkaAccess &access, const QList<Topic> &topics, int timeoutMs, QString *error)
{
    rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(access, KafkaClientConfig::Role::Producer, error);
    if (!conf)
        return false;
    char errstr[512];
    // Connection failures are expected while waiting; the outcome is reported through `error`.
    rd_kafka_conf_set(conf, "log_level", "2", errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        *error = QStringLiteral("Cannot create a Kafka client: %1").arg(QString::fromUtf8(errstr));
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    QString missing;
    bool ok = false;
    while (!ok) {
        const rd_kafka_metadata_t *metadata = nullptr;
        const int wait = int(std::clamp<qint64>(deadline.remainingTime(), 1, 2000));
        const rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &metadata, wait);
        if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            QHash<QString, int> listed;
            for (int i = 0; i < metadata->topic_cnt; ++i) {
                const rd_kafka_metadata_topic &t = metadata->topics[i];
                if (t.err == RD_KAFKA_RESP_ERR_NO_ERROR)
                    listed.insert(QString::fromUtf8(t.topic), t.partition_cnt);
            }
            rd_kafka_metadata_destroy(metadata);
            missing.clear();
            for (const Topic &topic : topics) {
                if (listed.value(topic.name, 0) < std::max(1, topic.partitions)) {
                    missing = listed.contains(topic.name) ? QStringLiteral("topic %1 has %2 partitions, %3 expected")
                                                                .arg(topic.name)
                                                                .arg(listed.value(topic.name))
                                                                .arg(topic.partitions)
                                                          : QStringLiteral("topic %1 does not exist").arg(topic.name);
                    break;
                }
            }
            ok = missing.isEmpty();
        } else {
            missing = QStringLiteral("metadata request failed: %1").arg(QString::fromUtf8(rd_kafka_err2str(err)));
        }
        if (ok || deadline.hasExpired())
            break;
        QThread::msleep(20); // metadata answered but incomplete: ask again shortly
    }
    rd_kafka_destroy(rk);
    if (!ok)
        *error = QStringLiteral("Kafka at %1 is not ready: %2.").arg(access.bootstrapServers, missing);
    return ok;
}

} // namespace Gatehouse::Runtime
