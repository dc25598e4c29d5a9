#pragma once

#include "model/launchconfig.h"
#include "model/topic.h"
#include "model/topology.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Gatehouse::Runtime {

// What KafkaTopicMonitor watches: the diagram's topics and, per subscribe edge, the consumer
// group its service really uses (runtime/services/servicenode.cpp: the edge's consumerGroup,
// else the subscribing service's node id) and the topics the edge names.
struct TopicWatchPlan
{
    struct Subscription
    {
        QString edgeId;
        QString group;
        QStringList topics;

        bool operator==(const Subscription &) const = default;
    };

    QList<Topic> topics; // in the order they are reported (InfraPlan: sorted by name)
    QList<Subscription> subscriptions;

    // `topics`: InfraPlan::topics (every topic once, with its partition count).
    static TopicWatchPlan fromTopology(const Topology &topology, const QList<Topic> &topics);
    // The groups that consume `topic`, each once, in subscription order.
    QStringList groupsOf(const QString &topic) const;
    // Every group of the plan, each once.
    QStringList groups() const;
};

// The supervisor's picture of its Kafka topics (docs/runtime-protocol.md "topics"), against the
// embedded mock cluster or an external broker alike (KafkaClientConfig settings, SASL included).
//
// Every `intervalMs` it samples, per topic: partition count, low/high watermarks, message count
// (Σ high − low) and the produce rate over the last `rateWindowMs` (from the high watermarks);
// per consumer group of the plan: committed offsets and lag (Σ high − committed; a partition
// the group never committed counts high − low, as our consumers start at the earliest offset).
// A tap keeps the last `recentPerTopic` messages per topic (headers, key, payload as JSON or text,
// payload capped at `payloadCapBytes`).
//
// It never disturbs the services' consumer groups: the tap uses manual assignment under a group id
// of its own and never commits; the committed offsets come from one handle per group that never
// subscribes (so never joins or triggers a rebalance) and never commits.
//
// The watermarks come from the tap's own fetch responses (no round trip; fresh within tens of ms).
// All librdkafka work, the blocking queries (metadata, committed offsets; each bounded by
// queryTimeoutMs) included, runs on the monitor's own thread; each sample is handed to the owning
// (Qt) thread by a queued signal, after which latest()/edgeLag() return it and `updated` fires.
// While the broker is away, samples keep coming with the last known figures. Memory is bounded by
// topics × partitions, recentPerTopic × payloadCapBytes and the rate window.
class KafkaTopicMonitor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int intervalMs = 1000;
        int rateWindowMs = 10000;
        int recentPerTopic = 20;
        int payloadCapBytes = 16 * 1024;
        // The encoded sample stays below this (the protocol's line limit is 1 MiB): payload caps
        // are halved until it fits.
        int maxSampleBytes = 768 * 1024;
        int queryTimeoutMs = 1000; // per broker query (metadata, one group's committed offsets)
    };

    KafkaTopicMonitor(KafkaAccess access, TopicWatchPlan plan, Options options, QObject *parent = nullptr);
    KafkaTopicMonitor(KafkaAccess access, TopicWatchPlan plan, QObject *parent = nullptr);
    ~KafkaTopicMonitor() override; // stop()

    // Creates the librdkafka clients and starts the thread; the first sample follows at once.
    // False with `error` when librdkafka refuses the configuration.
    bool start(QString *error);
    // Stops the thread and destroys its clients (waits for a running query, at most queryTimeoutMs).
    void stop();
    bool isRunning() const;

    // The latest sample: {"timeMs":…,"topics":[…]} (the "topics" message without "type"); empty
    // before the first one.
    QJsonObject latest() const { return m_latest; }
    // Subscribe-edge id → the lag of its group on the edge's topics, from the latest sample.
    QHash<QString, qint64> edgeLag() const { return m_edgeLag; }
    qint64 samples() const { return m_samples; }

    // `metrics` with "lag" set on edges.<subscribe-edge-id> (an edge without spans in the window
    // gets an object with only "lag").
    static QJsonObject withEdgeLag(QJsonObject metrics, const QHash<QString, qint64> &lag);

Q_SIGNALS:
    void updated(const QJsonObject &topics);
    // Internal: emitted on the monitor's thread, delivered queued to the owner's thread.
    void sampled(const QJsonObject &topics, const QJsonObject &edgeLag, QPrivateSignal);

private:
    void onSampled(const QJsonObject &topics, const QJsonObject &edgeLag);

    class Worker;
    KafkaAccess m_access;
    TopicWatchPlan m_plan;
    Options m_options;
    std::unique_ptr<Worker> m_worker;
    QJsonObject m_latest;
    QHash<QString, qint64> m_edgeLag;
    qint64 m_samples = 0;
};

} // namespace Gatehouse::Runtime
