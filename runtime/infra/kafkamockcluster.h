#pragma once

#include "model/launchconfig.h"
#include "model/topic.h"

#include <QList>
#include <QString>

typedef struct rd_kafka_s rd_kafka_t;
typedef struct rd_kafka_mock_cluster_s rd_kafka_mock_cluster_t;

namespace Gatehouse::Runtime {

// librdkafka's mock cluster, hosted in the supervisor process: real Kafka protocol on loopback
// ports librdkafka picks, in memory only. Topics are created with their partition counts before
// any client connects (no Admin API). Ready when a real client's metadata request lists every
// topic.
//
// Broker outages for tests ("broker restarted mid-flow"): setBrokersDown() drops every client
// connection and refuses new ones; setBrokersUp() accepts them again on the same address. The
// data in the mock's partitions survives (librdkafka 2.0.2 cannot re-create a cluster on the
// same ports, so a data-losing restart would change the bootstrap address).
class KafkaMockCluster
{
public:
    KafkaMockCluster();
    ~KafkaMockCluster();
    KafkaMockCluster(const KafkaMockCluster &) = delete;
    KafkaMockCluster &operator=(const KafkaMockCluster &) = delete;

    bool start(const QList<Topic> &topics, QString *error, int brokers = 1);
    void stop();
    bool isRunning() const { return m_cluster != nullptr; }

    QString bootstrapServers() const { return m_bootstrap; }
    int brokerCount() const { return m_brokers; }

    bool setBrokersDown(QString *error);
    bool setBrokersUp(QString *error);

    // Asks the cluster for metadata with a real client until every topic is listed with its
    // partition count, or `timeoutMs` passes.
    static bool waitForTopics(
        const QString &bootstrapServers, const QList<Topic> &topics, int timeoutMs, QString *error);
    // The same against any cluster (external mode: SASL settings from `access`).
    static bool waitForTopics(const KafkaAccess &access, const QList<Topic> &topics, int timeoutMs, QString *error);

private:
    rd_kafka_t *m_host = nullptr; // the handle that owns the mock cluster
    rd_kafka_mock_cluster_t *m_cluster = nullptr;
    QString m_bootstrap;
    int m_brokers = 0;
};

} // namespace Gatehouse::Runtime
