// KafkaTopicMonitor (issue 5/8) against librdkafka's real mock cluster, with a real producer and a
// real consumer group, and served on a real control socket (TopicsFeed, ControlServer).
#include "control/controloverlay.h"
#include "control/controlserver.h"
#include "control/stackcontrol.h"
#include "control/topicsfeed.h"
#include "infra/kafkaclientconfig.h"
#include "infra/kafkamockcluster.h"
#include "infra/kafkatopicmonitor.h"
#include "runtimeclient/protocol.h"
#include "runtimeclient/runtimeclient.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <librdkafka/rdkafka.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

constexpr int Produced = 30;  // to "orders"
constexpr int Committed = 12; // by group "notify-g"
constexpr qint64 BaseTimeMs = 1764417400000LL;

// The diagram the monitor watches: "orders" (3 partitions) consumed by group notify-g through
// edge e-notify, "audit" (1 partition) by service "auditor" (no consumerGroup: its node id).
Topology topology()
{
    Topology t;
    Edge notify;
    notify.id = "e-notify";
    notify.kind = EdgeKind::Subscribe;
    notify.source = "kafka";
    notify.target = "notification";
    notify.consumerGroup = "notify-g";
    notify.topics = {Topic{"orders", 3, {}}};
    Edge audit;
    audit.id = "e-audit";
    audit.kind = EdgeKind::Subscribe;
    audit.source = "kafka";
    audit.target = "auditor";
    audit.topics = {Topic{"audit", 1, {}}};
    Edge publish;
    publish.id = "e-publish";
    publish.kind = EdgeKind::Publish;
    publish.source = "order";
    publish.target = "kafka";
    publish.topics = {Topic{"orders", 3, "orderId"}};
    t.edges = {notify, audit, publish};
    return t;
}

QList<Topic> topics()
{
    return {Topic{"audit", 1, {}}, Topic{"orders", 3, {}}};
}

KafkaTopicMonitor::Options fastOptions()
{
    KafkaTopicMonitor::Options o;
    o.intervalMs = 200;
    o.rateWindowMs = 2000;
    return o;
}

struct Producer
{
    rd_kafka_t *handle = nullptr;
    explicit Producer(const KafkaAccess &access)
    {
        QString error;
        char errstr[256];
        rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(access, KafkaClientConfig::Role::Producer, &error);
        handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    }
    ~Producer() { rd_kafka_destroy(handle); }
    bool send(const char *topic, int partition, const QByteArray &key, const QByteArray &payload, qint64 timeMs,
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        rd_kafka_headers_t *h = rd_kafka_headers_new(headers.size());
        for (const auto &[name, value] : headers)
            rd_kafka_header_add(h, name.constData(), name.size(), value.constData(), value.size());
        const rd_kafka_resp_err_t err = rd_kafka_producev(
            handle, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_KEY(key.constData(), size_t(key.size())),
            RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), size_t(payload.size())),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_TIMESTAMP(timeMs), RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            rd_kafka_headers_destroy(h);
            return false;
        }
        return true;
    }
    bool flush() { return rd_kafka_flush(handle, 10000) == RD_KAFKA_RESP_ERR_NO_ERROR; }
};

// A real member of a consumer group that counts its rebalances. Served from the Qt event loop.
struct GroupConsumer
{
    rd_kafka_t *handle = nullptr;
    int assignments = 0;
    int revocations = 0;
    int assignedPartitions = 0;
    QList<rd_kafka_message_t *> pending; // consumed, not yet committed
    QTimer pump;

    static void onRebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions, void *opaque)
    {
        auto *self = static_cast<GroupConsumer *>(opaque);
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            ++self->assignments;
            self->assignedPartitions = partitions->cnt;
            rd_kafka_assign(rk, partitions);
        } else {
            ++self->revocations;
            self->assignedPartitions = 0;
            rd_kafka_assign(rk, nullptr);
        }
    }

    GroupConsumer(const KafkaAccess &access, const char *group, const char *topic)
    {
        QString error;
        char errstr[256];
        rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(access, KafkaClientConfig::Role::Consumer, &error);
        rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "enable.auto.commit", "false", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof errstr);
        rd_kafka_conf_set_rebalance_cb(conf, &GroupConsumer::onRebalance);
        rd_kafka_conf_set_opaque(conf, this);
        handle = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        rd_kafka_poll_set_consumer(handle);
        rd_kafka_topic_partition_list_t *subscription = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(subscription, topic, RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(handle, subscription);
        rd_kafka_topic_partition_list_destroy(subscription);
        pump.setInterval(20);
        QObject::connect(&pump, &QTimer::timeout, &pump, [this] { poll(); });
        pump.start();
    }
    ~GroupConsumer()
    {
        for (rd_kafka_message_t *m : std::as_const(pending))
            rd_kafka_message_destroy(m);
        rd_kafka_consumer_close(handle);
        rd_kafka_destroy(handle);
    }
    void poll()
    {
        while (rd_kafka_message_t *m = rd_kafka_consumer_poll(handle, 0)) {
            if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR)
                pending.append(m);
            else
                rd_kafka_message_destroy(m);
        }
    }
    // Commits the first `count` consumed messages (a per-partition prefix: partitions are read in
    // order), synchronously. Returns the committed list's offsets summed.
    qint64 commitFirst(int count)
    {
        QHash<int, qint64> next;
        for (int i = 0; i < count && i < pending.size(); ++i)
            next[pending.at(i)->partition] = std::max<qint64>(next.value(pending.at(i)->partition), pending.at(i)->offset + 1);
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(next.size());
        qint64 sum = 0;
        for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
            rd_kafka_topic_partition_list_add(list, rd_kafka_topic_name(pending.first()->rkt), it.key())->offset = it.value();
            sum += it.value();
        }
        const rd_kafka_resp_err_t err = rd_kafka_commit(handle, list, 0);
        rd_kafka_topic_partition_list_destroy(list);
        return err == RD_KAFKA_RESP_ERR_NO_ERROR ? sum : -1;
    }
    // The group's committed offsets as the broker has them, partition → offset.
    QMap<int, qint64> committed(const char *topic, int partitions)
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(partitions);
        for (int p = 0; p < partitions; ++p)
            rd_kafka_topic_partition_list_add(list, topic, p);
        QMap<int, qint64> result;
        if (rd_kafka_committed(handle, list, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR) {
            for (int i = 0; i < list->cnt; ++i)
                result.insert(list->elems[i].partition, list->elems[i].offset);
        }
        rd_kafka_topic_partition_list_destroy(list);
        return result;
    }
};

QJsonObject topicNamed(const QJsonObject &sample, const QString &name)
{
    const QJsonArray topics = sample.value("topics").toArray();
    for (const QJsonValue &v : topics) {
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    }
    return {};
}

// Σ of `field` over the objects of `array`, skipping -1 ("never committed").
qint64 sumOf(const QJsonArray &array, const char *field)
{
    qint64 sum = 0;
    for (const QJsonValue &v : array)
        sum += std::max<qint64>(v.toObject().value(field).toInteger(), 0);
    return sum;
}

QJsonObject groupNamed(const QJsonObject &topic, const QString &group)
{
    const QJsonArray groups = topic.value("groups").toArray();
    for (const QJsonValue &v : groups) {
        if (v.toObject().value("group").toString() == group)
            return v.toObject();
    }
    return {};
}

QByteArray orderPayload(int i)
{
    return QJsonDocument(QJsonObject{{"orderId", QString("o-%1").arg(i)}, {"n", i}, {"items", QJsonArray{QJsonObject{{"sku", "A1"}}}}})
        .toJson(QJsonDocument::Compact);
}

// Produces the test's messages: Produced JSON orders with headers, round robin over 3
// partitions with increasing timestamps; on "audit" one text line and one 40 KiB JSON document.
bool produceAll(const KafkaAccess &access)
{
    Producer producer(access);
    for (int i = 0; i < Produced; ++i) {
        const QByteArray id = QString("event-%1").arg(i).toUtf8();
        const QByteArray trace = QString("00-%1-%2-01").arg(i + 1, 32, 16, QChar('0')).arg(i + 1, 16, 16, QChar('0')).toUtf8();
        if (!producer.send("orders", i % 3, QString("o-%1").arg(i).toUtf8(), orderPayload(i), BaseTimeMs + i,
                           {{"event-id", id}, {"traceparent", trace}}))
            return false;
    }
    if (!producer.send("audit", 0, "a-1", "plain text, not JSON", BaseTimeMs + 100))
        return false;
    const QByteArray big = "{\"blob\":\"" + QByteArray(40 * 1024, 'x') + "\"}";
    if (!producer.send("audit", 0, "a-2", big, BaseTimeMs + 101))
        return false;
    return producer.flush();
}

} // namespace

class TestKafkaTopicMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void planFollowsTheServicesGroupNaming();
    void edgeLagGoesIntoMetrics();
    void topicsOffsetsLagAndRecentMessages();
    void monitorDoesNotDisturbTheGroup();
    void samplesStayUnderTheSizeLimit();
    void brokerOutage();
    void controlSocketStreamsTopicsAndSlowClientsKeepStatus();
};

void TestKafkaTopicMonitor::planFollowsTheServicesGroupNaming()
{
    const TopicWatchPlan plan = TopicWatchPlan::fromTopology(topology(), topics());
    QCOMPARE(plan.topics, topics());
    QCOMPARE(plan.subscriptions.size(), 2); // the publish edge consumes nothing
    QCOMPARE(plan.subscriptions.at(0), (TopicWatchPlan::Subscription{"e-notify", "notify-g", {"orders"}}));
    QCOMPARE(plan.subscriptions.at(1), (TopicWatchPlan::Subscription{"e-audit", "auditor", {"audit"}}));
    QCOMPARE(plan.groupsOf("orders"), QStringList{"notify-g"});
    QCOMPARE(plan.groups(), (QStringList{"notify-g", "auditor"}));
}

void TestKafkaTopicMonitor::edgeLagGoesIntoMetrics()
{
    const QJsonObject metrics{{"timeMs", 1}, {"edges", QJsonObject{{"e-notify", QJsonObject{{"count", 4}, {"rate", 0.4}}}}}};
    const QJsonObject merged = KafkaTopicMonitor::withEdgeLag(metrics, {{"e-notify", 18}, {"e-audit", 2}});
    const QJsonObject edges = merged.value("edges").toObject();
    QCOMPARE(edges.value("e-notify").toObject(), (QJsonObject{{"count", 4}, {"rate", 0.4}, {"lag", 18}}));
    QCOMPARE(edges.value("e-audit").toObject(), (QJsonObject{{"lag", 2}})); // no spans, but a lag
    QCOMPARE(merged.value("timeMs").toInt(), 1);
    QCOMPARE(KafkaTopicMonitor::withEdgeLag(metrics, {}), metrics);
}

void TestKafkaTopicMonitor::topicsOffsetsLagAndRecentMessages()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start(topics(), &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();

    KafkaTopicMonitor monitor(access, TopicWatchPlan::fromTopology(topology(), topics()), fastOptions());
    QVERIFY2(monitor.start(&error), qPrintable(error));
    QSignalSpy updated(&monitor, &KafkaTopicMonitor::updated);
    double maxRate = 0; // the window is short: by the time the group has committed it may be over
    connect(&monitor, &KafkaTopicMonitor::updated, this, [&maxRate](const QJsonObject &t) {
        maxRate = std::max(maxRate, topicNamed(t, "orders").value("rate").toDouble());
    });
    // Empty partitions first: their watermarks known (0/0), so the rate has a base line.
    auto emptyAndKnown = [&monitor] {
        const QJsonObject orders = topicNamed(monitor.latest(), "orders");
        const QJsonArray offsets = orders.value("offsets").toArray();
        return orders.value("partitions").toInt() == 3 && offsets.size() == 3
            && std::all_of(offsets.begin(), offsets.end(), [](const QJsonValue &v) {
                   return v.toObject().value("low").toInteger() == 0 && v.toObject().value("high").toInteger() == 0;
               });
    };
    QTRY_VERIFY_WITH_TIMEOUT(emptyAndKnown(), 10000);
    QCOMPARE(topicNamed(monitor.latest(), "orders").value("messages").toInteger(), 0);
    QCOMPARE(topicNamed(monitor.latest(), "orders").value("rate").toDouble(), 0.0);

    QVERIFY(produceAll(access));
    GroupConsumer consumer(access, "notify-g", "orders");
    QTRY_COMPARE_WITH_TIMEOUT(consumer.pending.size(), Produced, 20000);
    QCOMPARE(consumer.commitFirst(Committed), qint64(Committed));

    // The sample that shows the commit: watermarks, committed offsets, lag per partition and group.
    QTRY_VERIFY_WITH_TIMEOUT(sumOf(groupNamed(topicNamed(monitor.latest(), "orders"), "notify-g").value("offsets").toArray(), "committed")
                                 == Committed,
                             15000);
    const QJsonObject sample = monitor.latest();
    QVERIFY(sample.value("timeMs").toInteger() > BaseTimeMs);
    const QJsonObject orders = topicNamed(sample, "orders");
    QCOMPARE(orders.value("partitions").toInt(), 3);
    QCOMPARE(orders.value("messages").toInteger(), qint64(Produced));
    const QJsonArray offsets = orders.value("offsets").toArray();
    QCOMPARE(offsets.size(), 3);
    for (int p = 0; p < 3; ++p) {
        QCOMPARE(offsets.at(p).toObject().value("partition").toInt(), p);
        QCOMPARE(offsets.at(p).toObject().value("low").toInteger(), 0);
        QCOMPARE(offsets.at(p).toObject().value("high").toInteger(), qint64(Produced / 3));
    }
    QVERIFY(maxRate > 0);
    const QJsonObject group = groupNamed(orders, "notify-g");
    QCOMPARE(group.value("lag").toInteger(), qint64(Produced - Committed));
    qint64 partitionLag = 0;
    const QJsonArray groupOffsets = group.value("offsets").toArray();
    QCOMPARE(groupOffsets.size(), 3);
    for (const QJsonValue &v : groupOffsets) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value("lag").toInteger(), Produced / 3 - std::max<qint64>(o.value("committed").toInteger(), 0));
        partitionLag += o.value("lag").toInteger();
    }
    QCOMPARE(partitionLag, qint64(Produced - Committed));
    QCOMPARE(orders.value("groups").toArray().size(), 1); // only the group that consumes "orders"
    QCOMPARE(monitor.edgeLag().value("e-notify"), qint64(Produced - Committed));

    // The last 20 messages, newest last, with key, headers and the JSON payload.
    const QJsonArray recent = orders.value("recent").toArray();
    QCOMPARE(recent.size(), 20);
    for (int k = 0; k < 20; ++k) {
        const int i = Produced - 20 + k;
        const QJsonObject m = recent.at(k).toObject();
        QCOMPARE(m.value("timeMs").toInteger(), BaseTimeMs + i);
        QCOMPARE(m.value("partition").toInt(), i % 3);
        QCOMPARE(m.value("offset").toInteger(), i / 3);
        QCOMPARE(m.value("key").toString(), QString("o-%1").arg(i));
        QCOMPARE(m.value("headers").toObject().value("event-id").toString(), QString("event-%1").arg(i));
        QVERIFY(m.value("headers").toObject().value("traceparent").toString().startsWith("00-"));
        QCOMPARE(m.value("payload").toObject(), QJsonDocument::fromJson(orderPayload(i)).object());
        QVERIFY(!m.contains("payloadText"));
    }

    // Text stays text; a payload over the cap is cut (at 16 KiB) and says so.
    const QJsonObject audit = topicNamed(sample, "audit");
    const QJsonArray auditRecent = audit.value("recent").toArray();
    QCOMPARE(auditRecent.size(), 2);
    QCOMPARE(auditRecent.at(0).toObject().value("payloadText").toString(), QString("plain text, not JSON"));
    QVERIFY(!auditRecent.at(0).toObject().contains("payload"));
    QVERIFY(!auditRecent.at(0).toObject().contains("truncated"));
    const QJsonObject big = auditRecent.at(1).toObject();
    QCOMPARE(big.value("truncated").toBool(), true);
    QCOMPARE(big.value("bytes").toInteger(), 40 * 1024 + 11);
    QCOMPARE(big.value("payloadText").toString().size(), 16 * 1024);
    QVERIFY(big.value("payloadText").toString().startsWith("{\"blob\":\"xxx"));
    // "auditor" never consumed: its lag is everything in the topic, committed -1.
    QCOMPARE(groupNamed(audit, "auditor").value("lag").toInteger(), 2);
    QCOMPARE(groupNamed(audit, "auditor").value("offsets").toArray().at(0).toObject().value("committed").toInteger(), -1);
    QCOMPARE(monitor.edgeLag().value("e-audit"), qint64(2));

    // The rate falls back to 0 once the window holds no new messages.
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(monitor.latest(), "orders").value("rate").toDouble(), 0.0, 10000);
    QVERIFY(updated.size() > 0);
    monitor.stop();
    QVERIFY(!monitor.isRunning());
}

void TestKafkaTopicMonitor::monitorDoesNotDisturbTheGroup()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start(topics(), &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();
    QVERIFY(produceAll(access));

    // The monitor comes first (as in `up`): had its handle for notify-g joined the group, the
    // real member would get only some of the partitions or be rebalanced when it goes.
    auto monitor = std::make_unique<KafkaTopicMonitor>(access, TopicWatchPlan::fromTopology(topology(), topics()), fastOptions());
    QVERIFY2(monitor->start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(monitor->samples() >= 2, 10000);

    GroupConsumer consumer(access, "notify-g", "orders");
    QTRY_COMPARE_WITH_TIMEOUT(consumer.pending.size(), Produced, 20000);
    QCOMPARE(consumer.assignments, 1);
    QCOMPARE(consumer.assignedPartitions, 3); // the whole topic: the monitor is no member
    QCOMPARE(consumer.commitFirst(Committed), qint64(Committed));
    const QMap<int, qint64> before = consumer.committed("orders", 3);
    QCOMPARE(before.size(), 3);

    const qint64 seen = monitor->samples();
    // Fifteen more rounds of queries: three heartbeat intervals in which a rebalance would show.
    QTRY_VERIFY_WITH_TIMEOUT(monitor->samples() >= seen + 15, 15000);
    QCOMPARE(groupNamed(topicNamed(monitor->latest(), "orders"), "notify-g").value("lag").toInteger(), qint64(Produced - Committed));
    monitor.reset(); // closing its handles must not touch the group either
    consumer.poll();
    QCOMPARE(consumer.committed("orders", 3), before); // the monitor committed nothing
    QCOMPARE(consumer.assignments, 1);
    QCOMPARE(consumer.revocations, 0);
    QCOMPARE(consumer.assignedPartitions, 3);
}

void TestKafkaTopicMonitor::samplesStayUnderTheSizeLimit()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start(topics(), &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();
    QVERIFY(produceAll(access));

    // Room for every message, the 40 KiB one cut shorter than 16 KiB.
    KafkaTopicMonitor::Options options = fastOptions();
    options.maxSampleBytes = 20 * 1024;
    KafkaTopicMonitor roomy(access, TopicWatchPlan::fromTopology(topology(), topics()), options);
    QVERIFY2(roomy.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(roomy.latest(), "audit").value("recent").toArray().size(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(roomy.latest(), "orders").value("recent").toArray().size(), 20, 10000);
    QJsonObject sample = roomy.latest();
    QVERIFY(QJsonDocument(sample).toJson(QJsonDocument::Compact).size() <= options.maxSampleBytes);
    const QJsonObject big = topicNamed(sample, "audit").value("recent").toArray().at(1).toObject();
    QVERIFY(big.value("truncated").toBool());
    QCOMPARE(big.value("payloadText").toString().size(), 8 * 1024); // halved once
    roomy.stop();

    // Too little room even for small payloads: fewer messages, the newest kept.
    options.maxSampleBytes = 4 * 1024;
    KafkaTopicMonitor tight(access, TopicWatchPlan::fromTopology(topology(), topics()), options);
    QVERIFY2(tight.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(topicNamed(tight.latest(), "orders").value("messages").toInteger() == Produced, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(tight.samples() >= 3, 10000); // the tap has read what there is
    sample = tight.latest();
    QVERIFY(QJsonDocument(sample).toJson(QJsonDocument::Compact).size() <= options.maxSampleBytes);
    const QJsonArray recent = topicNamed(sample, "orders").value("recent").toArray();
    QVERIFY(recent.size() < 20);
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.last().toObject().value("key").toString(), QString("o-%1").arg(Produced - 1));
}

void TestKafkaTopicMonitor::brokerOutage()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start(topics(), &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();
    QVERIFY(produceAll(access));

    KafkaTopicMonitor monitor(access, TopicWatchPlan::fromTopology(topology(), topics()), fastOptions());
    QVERIFY2(monitor.start(&error), qPrintable(error));
    KafkaTopicMonitor second(access, TopicWatchPlan::fromTopology(topology(), topics()), fastOptions());
    QVERIFY2(second.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(monitor.latest(), "orders").value("messages").toInteger(), qint64(Produced), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(second.latest(), "orders").value("messages").toInteger(), qint64(Produced), 10000);

    // The broker goes away: samples keep coming (with the last known figures), and once it is
    // back new messages show up again.
    QVERIFY2(cluster.setBrokersDown(&error), qPrintable(error));
    const qint64 seen = monitor.samples();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.samples() >= seen + 2, 20000);
    QCOMPARE(topicNamed(monitor.latest(), "orders").value("partitions").toInt(), 3);
    QCOMPARE(topicNamed(monitor.latest(), "orders").value("messages").toInteger(), qint64(Produced));
    // A stack stopped while its broker is away still stops (the test's timeout would catch a hang).
    QElapsedTimer stoppingWhileDown; // a figure for the report, not an assertion
    stoppingWhileDown.start();
    second.stop();
    qInfo("monitor stopped while the broker is down in %lld ms", static_cast<long long>(stoppingWhileDown.elapsed()));
    QVERIFY(!second.isRunning());
    QVERIFY2(cluster.setBrokersUp(&error), qPrintable(error));
    {
        Producer producer(access);
        QVERIFY(producer.send("orders", 1, "after", "{\"after\":true}", BaseTimeMs + 500));
        QVERIFY(producer.flush());
    }
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(monitor.latest(), "orders").value("messages").toInteger(), qint64(Produced + 1), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(topicNamed(monitor.latest(), "orders").value("recent").toArray().last().toObject().value("key").toString(),
                              QString("after"), 20000);
    QElapsedTimer stopping; // a figure for the report, not an assertion
    stopping.start();
    monitor.stop();
    qInfo("monitor stopped in %lld ms", static_cast<long long>(stopping.elapsed()));
}

void TestKafkaTopicMonitor::controlSocketStreamsTopicsAndSlowClientsKeepStatus()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start(topics(), &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();
    QVERIFY(produceAll(access));
    {
        // Big payloads make each sample large: a client that does not read fills its queue fast.
        Producer producer(access);
        for (int i = 0; i < 20; ++i)
            QVERIFY(producer.send("orders", 0, "big", "{\"blob\":\"" + QByteArray(15 * 1024, 'y') + "\"}", BaseTimeMs + 1000 + i));
        QVERIFY(producer.flush());
    }

    QTemporaryDir dir;
    ProcessManager processes;
    TelemetryHub hub;
    StackControl commands(&processes, &hub);
    ControlOverlay overlay(&commands);
    ControlServer server(&overlay, "9.9.9");
    ControlSession::Limits limits;
    limits.softBytes = 64 * 1024;
    limits.hardBytes = 64 * 1024 * 1024;
    server.setLimits(limits);
    commands.setServer(&server);
    TopicsFeed feed(&server, &overlay);
    const QString socketName = dir.filePath("control.sock");
    QVERIFY2(server.listen(socketName, &error), qPrintable(error));

    // Before the monitor runs, the command says why there is nothing.
    RuntimeClient client;
    QSignalSpy welcomed(&client, &RuntimeClient::welcomed);
    QSignalSpy results(&client, &RuntimeClient::commandFinished);
    client.connectToServer(socketName);
    QVERIFY(welcomed.wait(5000));
    client.sendCommand("topics");
    QVERIFY(results.wait(5000));
    QCOMPARE(results.last().at(1).toBool(), false);
    QCOMPARE(results.last().at(2).toJsonObject().value("code").toString(), QString("not-possible"));

    QLocalSocket slow; // says hello, then does not read
    slow.setReadBufferSize(4096);
    slow.connectToServer(socketName);
    QVERIFY(slow.waitForConnected(3000));
    slow.write(Protocol::encode(QJsonObject{{"type", "hello"}, {"protocol", QJsonArray{1}}, {"client", "slow"}}));
    slow.flush();
    QTRY_COMPARE_WITH_TIMEOUT(server.counters().value("clients").toInt(), 2, 5000);

    KafkaTopicMonitor monitor(access, TopicWatchPlan::fromTopology(topology(), topics()), fastOptions());
    feed.setMonitor(&monitor);
    QVERIFY2(monitor.start(&error), qPrintable(error));
    QList<QJsonObject> pushed;
    connect(&client, &RuntimeClient::topicsReceived, this, [&pushed](const QJsonObject &m) { pushed.append(m); });
    QTRY_VERIFY_WITH_TIMEOUT(pushed.size() >= 3, 15000);
    const QJsonObject last = pushed.last();
    QCOMPARE(last.value("type").toString(), QString("topics"));
    QCOMPARE(topicNamed(last, "orders").value("messages").toInteger(), qint64(Produced + 20));
    QCOMPARE(topicNamed(last, "orders").value("recent").toArray().size(), 20);
    QVERIFY(QJsonDocument(last).toJson(QJsonDocument::Compact).size() > 256 * 1024); // big payloads, whole
    QVERIFY(QJsonDocument(last).toJson(QJsonDocument::Compact).size() < Protocol::MaxLineBytes);

    // The command answers the latest sample.
    client.sendCommand("topics");
    QVERIFY(results.wait(5000));
    QVERIFY(results.last().at(1).toBool());
    const QJsonObject answer = results.last().at(2).toJsonObject();
    QCOMPARE(answer.value("command").toString(), QString("topics"));
    QCOMPARE(answer.value("timeMs").toInteger(), monitor.latest().value("timeMs").toInteger());
    QCOMPARE(answer.value("topics"), monitor.latest().value("topics"));
    // Other commands still reach the stack's handler.
    client.sendCommand("stats");
    QVERIFY(results.wait(5000));
    QVERIFY(results.last().at(2).toJsonObject().contains("control"));

    // Metrics carry the consumer lag of each subscribe edge ("auditor" and "notify-g" never committed).
    const QJsonObject metrics = feed.withLag(hub.metrics());
    QCOMPARE(metrics.value("edges").toObject().value("e-notify").toObject().value("lag").toInteger(), qint64(Produced + 20));
    QCOMPARE(metrics.value("edges").toObject().value("e-audit").toObject().value("lag").toInteger(), 2);

    // The slow client lost topics (droppable) but still gets every status message.
    auto slowSession = [&server] {
        const QJsonArray sessions = server.counters().value("sessions").toArray();
        for (const QJsonValue &v : sessions) {
            if (v.toObject().value("client").toString() == "slow")
                return v.toObject();
        }
        return QJsonObject();
    };
    QTRY_VERIFY_WITH_TIMEOUT(slowSession().value("droppedTopics").toInt() > 0, 15000);
    QCOMPARE(server.counters().value("slowClientsDropped").toInt(), 0);
    NodeStatus status;
    status.nodeId = "payment";
    status.kind = NodeKind::Service;
    status.state = NodeState::Degraded;
    status.message = "still told";
    status.sinceMs = 1;
    server.broadcastStatus(status);
    monitor.stop(); // nothing more to queue: the slow reader can catch up

    QByteArray all;
    bool sawStatus = false, sawDropped = false;
    QDeadlineTimer deadline(20000);
    while (!(sawStatus && sawDropped) && !deadline.hasExpired()) {
        slow.waitForReadyRead(50);
        all += slow.readAll();
        QCoreApplication::processEvents();
        qsizetype nl;
        while ((nl = all.indexOf('\n')) >= 0) {
            const QJsonObject m = QJsonDocument::fromJson(all.left(nl)).object();
            all.remove(0, nl + 1);
            if (m.value("type") == "status" && m.value("node").toObject().value("message") == "still told")
                sawStatus = true;
            if (m.value("type") == "dropped" && m.value("droppedTopics").toInt() > 0)
                sawDropped = true;
        }
    }
    QVERIFY(sawStatus);
    QVERIFY(sawDropped);
}

QTEST_GUILESS_MAIN(TestKafkaTopicMonitor)
#include "tst_kafkatopicmonitor.moc"
