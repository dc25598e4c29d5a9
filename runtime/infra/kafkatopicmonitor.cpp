#include "kafkatopicmonitor.h"

#include "kafkaclientconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime {

// ---------------------------------------------------------------------------------------------
// TopicWatchPlan

TopicWatchPlan TopicWatchPlan::fromTopology(const Topology &topology, const QList<Topic> &topics)
{
    TopicWatchPlan plan;
    plan.topics = topics;
    for (const Edge &edge : topology.edges) {
        if (edge.kind != EdgeKind::Subscribe || edge.topics.isEmpty())
            continue;
        Subscription s;
        s.edgeId = edge.id;
        // The same rule as ServiceNode, which names the group its EventConsumer joins.
        s.group = edge.consumerGroup.isEmpty() ? edge.target : edge.consumerGroup;
        for (const Topic &topic : edge.topics)
            s.topics.append(topic.name);
        plan.subscriptions.append(s);
    }
    return plan;
}

QStringList TopicWatchPlan::groupsOf(const QString &topic) const
{
    QStringList groups;
    for (const Subscription &s : subscriptions) {
        if (s.topics.contains(topic) && !groups.contains(s.group))
            groups.append(s.group);
    }
    return groups;
}

QStringList TopicWatchPlan::groups() const
{
    QStringList groups;
    for (const Subscription &s : subscriptions) {
        if (!groups.contains(s.group))
            groups.append(s.group);
    }
    return groups;
}

// ---------------------------------------------------------------------------------------------
// Worker: everything that touches librdkafka, on its own thread.

namespace {

// Bounds for what the tap keeps of one message besides its payload.
constexpr size_t MaxKeyBytes = 1024;
constexpr size_t MaxHeaders = 32;
constexpr size_t MaxHeaderBytes = 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A message the tap saw, trimmed to what the "recent" list shows.
struct RecentMessage
{
    int partition = 0;
    qint64 offset = 0;
    qint64 timeMs = -1;
    quint64 seq = 0; // arrival order, for equal timestamps
    bool hasKey = false;
    QByteArray key;
    QList<QPair<QString, std::optional<QByteArray>>> headers;
    QByteArray payload; // at most the cap
    qint64 payloadBytes = 0;
    bool hasPayload = false;
};

struct PartitionOffsets
{
    qint64 low = -1;
    qint64 high = -1;
};

struct TopicState
{
    QString name;
    int partitions = 0; // from metadata; 0 = unknown yet
    QString error;      // metadata error (e.g. the topic does not exist on an external broker)
    std::vector<PartitionOffsets> offsets;
    std::deque<std::pair<qint64, qint64>> history; // (timeMs, Σ high) for the rate
    std::vector<RecentMessage> recent;
    std::map<int, qint64> tapNext; // partition → next offset the tap reads (after what it saw)
};

// Cuts `bytes` to at most `cap` bytes without splitting a UTF-8 sequence.
QByteArray utf8Prefix(const QByteArray &bytes, int cap)
{
    if (bytes.size() <= cap)
        return bytes;
    int end = cap;
    while (end > 0 && (static_cast<unsigned char>(bytes.at(end)) & 0xC0) == 0x80)
        --end;
    return bytes.left(end);
}

QJsonObject recentToJson(const RecentMessage &m, int cap)
{
    QJsonObject o{{QStringLiteral("partition"), m.partition},
                  {QStringLiteral("offset"), m.offset},
                  {QStringLiteral("timeMs"), m.timeMs},
                  {QStringLiteral("bytes"), m.payloadBytes}};
    o.insert(QStringLiteral("key"), m.hasKey ? QJsonValue(QString::fromUtf8(m.key)) : QJsonValue(QJsonValue::Null));
    QJsonObject headers;
    for (const auto &[name, value] : m.headers)
        headers.insert(name, value ? QJsonValue(QString::fromUtf8(*value)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("headers"), headers);
    if (!m.hasPayload) {
        o.insert(QStringLiteral("payload"), QJsonValue(QJsonValue::Null));
        return o;
    }
    const bool whole = m.payloadBytes <= cap && m.payload.size() == m.payloadBytes;
    if (whole) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(m.payload, &error);
        if (error.error == QJsonParseError::NoError) {
            o.insert(QStringLiteral("payload"), document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
            return o;
        }
        o.insert(QStringLiteral("payloadText"), QString::fromUtf8(m.payload));
        return o;
    }
    o.insert(QStringLiteral("payloadText"), QString::fromUtf8(utf8Prefix(m.payload, cap)));
    o.insert(QStringLiteral("truncated"), true);
    return o;
}

} // namespace

class KafkaTopicMonitor::Worker
{
public:
    Worker(KafkaTopicMonitor *owner, KafkaAccess access, TopicWatchPlan plan, Options options)
        : m_owner(owner)
        , m_access(std::move(access))
        , m_plan(std::move(plan))
        , m_options(options)
    {
        for (const Topic &t : std::as_const(m_plan.topics)) {
            TopicState state;
            state.name = t.name;
            m_topics.push_back(std::move(state));
        }
    }

    ~Worker()
    {
        stop();
        destroyClients();
    }

    bool createClients(QString *error)
    {
        static std::atomic<int> instance{0};
        // The tap's group id is its own: it only names the handle (manual assignment, no commits).
        const QByteArray tapGroup = QStringLiteral("gatehouse-topic-monitor-%1-%2")
                                        .arg(QCoreApplication::applicationPid())
                                        .arg(instance.fetch_add(1))
                                        .toUtf8();
        m_tap = newConsumer(tapGroup, true, error);
        if (!m_tap)
            return false;
        for (const TopicState &t : m_topics)
            m_topicHandles.push_back(rd_kafka_topic_new(m_tap, t.name.toUtf8().constData(), nullptr));
        const QStringList groups = m_plan.groups();
        for (const QString &group : groups) {
            rd_kafka_t *handle = newConsumer(group.toUtf8(), false, error);
            if (!handle)
                return false;
            m_groups.push_back({group, handle});
        }
        return true;
    }

    void start()
    {
        m_stop = false;
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    bool isRunning() const { return m_thread.joinable() && !m_stop; }

private:
    rd_kafka_t *newConsumer(const QByteArray &groupId, bool tap, QString *error)
    {
        rd_kafka_conf_t *conf = KafkaClientConfig::makeConf(m_access, KafkaClientConfig::Role::Consumer, error);
        if (!conf)
            return nullptr;
        QList<QPair<QByteArray, QByteArray>> props{{"group.id", groupId},
                                                   {"enable.auto.commit", "false"},
                                                   {"enable.auto.offset.store", "false"},
                                                   {"client.id", "gatehouse-topic-monitor"}};
        if (tap) {
            // Bounded prefetch: the tap only needs the newest messages.
            props.append(qMakePair(QByteArray("auto.offset.reset"), QByteArray("earliest")));
            props.append(qMakePair(QByteArray("queued.max.messages.kbytes"), QByteArray("4096")));
            props.append(qMakePair(QByteArray("max.partition.fetch.bytes"), QByteArray("1048576")));
        }
        char errstr[512];
        for (const auto &[name, value] : std::as_const(props)) {
            if (rd_kafka_conf_set(conf, name.constData(), value.constData(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
                *error = QStringLiteral("librdkafka rejected %1: %2").arg(QString::fromUtf8(name), QString::fromUtf8(errstr));
                rd_kafka_conf_destroy(conf);
                return nullptr;
            }
        }
        rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        if (!handle) {
            rd_kafka_conf_destroy(conf);
            *error = QStringLiteral("cannot create the topic monitor's Kafka client: %1").arg(QString::fromUtf8(errstr));
            return nullptr;
        }
        if (tap)
            rd_kafka_poll_set_consumer(handle);
        return handle;
    }

    void destroyClients()
    {
        for (rd_kafka_topic_t *t : m_topicHandles)
            rd_kafka_topic_destroy(t);
        m_topicHandles.clear();
        if (m_tap) {
            rd_kafka_assign(m_tap, nullptr);
            rd_kafka_consumer_close(m_tap);
            rd_kafka_destroy(m_tap);
            m_tap = nullptr;
        }
        for (auto &[group, handle] : m_groups) {
            // Never subscribed, so closing leaves no group and commits nothing.
            rd_kafka_consumer_close(handle);
            rd_kafka_destroy(handle);
        }
        m_groups.clear();
    }

    void run()
    {
        qint64 nextSample = nowMs();
        while (!m_stop) {
            const qint64 wait = nextSample - nowMs();
            if (wait > 0) {
                if (rd_kafka_message_t *message = rd_kafka_consumer_poll(m_tap, static_cast<int>(std::min<qint64>(wait, 100)))) {
                    take(message);
                    rd_kafka_message_destroy(message);
                }
                continue;
            }
            sample();
            nextSample += m_options.intervalMs;
            if (nextSample < nowMs()) // a slow broker: skip ticks rather than sample back to back
                nextSample = nowMs() + m_options.intervalMs;
        }
    }

    TopicState *topicNamed(const char *name)
    {
        for (TopicState &t : m_topics) {
            if (t.name == QString::fromUtf8(name))
                return &t;
        }
        return nullptr;
    }

    void take(const rd_kafka_message_t *message)
    {
        if (message->err || !message->rkt)
            return; // transient fetch errors: the next fetch retries
        TopicState *topic = topicNamed(rd_kafka_topic_name(message->rkt));
        if (!topic)
            return;
        topic->tapNext[message->partition] = message->offset + 1;

        RecentMessage m;
        m.partition = message->partition;
        m.offset = message->offset;
        rd_kafka_timestamp_type_t type;
        m.timeMs = rd_kafka_message_timestamp(message, &type);
        m.seq = m_seq++;
        if (message->key) {
            m.hasKey = true;
            m.key = QByteArray(static_cast<const char *>(message->key),
                               static_cast<qsizetype>(std::min<size_t>(message->key_len, MaxKeyBytes)));
        }
        rd_kafka_headers_t *headers = nullptr;
        if (rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR && headers) {
            const char *name = nullptr;
            const void *value = nullptr;
            size_t size = 0;
            for (size_t i = 0; i < MaxHeaders && rd_kafka_header_get_all(headers, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
                std::optional<QByteArray> v;
                if (value)
                    v = QByteArray(static_cast<const char *>(value), static_cast<qsizetype>(std::min<size_t>(size, MaxHeaderBytes)));
                m.headers.append({QString::fromUtf8(name), v});
            }
        }
        if (message->payload) {
            m.hasPayload = true;
            m.payloadBytes = static_cast<qint64>(message->len);
            m.payload = QByteArray(static_cast<const char *>(message->payload),
                                   static_cast<qsizetype>(std::min<size_t>(message->len, static_cast<size_t>(m_options.payloadCapBytes))));
        }
        topic->recent.push_back(std::move(m));
        if (static_cast<int>(topic->recent.size()) > m_options.recentPerTopic) {
            // Drop the oldest by timestamp: partitions arrive interleaved, not in time order.
            const auto oldest = std::min_element(topic->recent.begin(), topic->recent.end(), [](const auto &a, const auto &b) {
                return std::tie(a.timeMs, a.seq) < std::tie(b.timeMs, b.seq);
            });
            topic->recent.erase(oldest);
        }
    }

    void refreshMetadata()
    {
        const rd_kafka_metadata_t *metadata = nullptr;
        // all_topics=0: the topics this handle knows, i.e. the plan's (one handle each).
        if (rd_kafka_metadata(m_tap, 0, nullptr, &metadata, m_options.queryTimeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR)
            return; // the broker is away: keep what we knew
        bool changed = false;
        for (int i = 0; i < metadata->topic_cnt; ++i) {
            const rd_kafka_metadata_topic_t &mt = metadata->topics[i];
            TopicState *topic = topicNamed(mt.topic);
            if (!topic)
                continue;
            if (mt.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                topic->error = QString::fromUtf8(rd_kafka_err2str(mt.err));
                continue;
            }
            topic->error.clear();
            if (mt.partition_cnt > topic->partitions) { // partitions are only ever added
                topic->partitions = mt.partition_cnt;
                topic->offsets.resize(static_cast<size_t>(mt.partition_cnt));
                changed = true;
            }
        }
        rd_kafka_metadata_destroy(metadata);
        if (changed)
            assignTap();
    }

    void assignTap()
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(16);
        for (const TopicState &t : m_topics) {
            const QByteArray name = t.name.toUtf8();
            for (int p = 0; p < t.partitions; ++p) {
                const auto next = t.tapNext.find(p);
                rd_kafka_topic_partition_list_add(list, name.constData(), p)->offset
                    = next != t.tapNext.end() ? next->second : RD_KAFKA_OFFSET_TAIL(m_options.recentPerTopic);
            }
        }
        rd_kafka_assign(m_tap, list);
        rd_kafka_topic_partition_list_destroy(list);
    }

    // The watermarks the tap's fetch responses carry (it fetches every partition continuously,
    // fetch.wait.max.ms=10): fresh, and without a broker round trip. rd_kafka_query_watermark_offsets
    // is no option: in librdkafka 2.0.2 it ignores its timeout while the partition leader is down
    // and blocks for minutes.
    void readWatermarks()
    {
        for (TopicState &t : m_topics) {
            const QByteArray name = t.name.toUtf8();
            for (int p = 0; p < t.partitions; ++p) {
                int64_t low = -1, high = -1;
                if (rd_kafka_get_watermark_offsets(m_tap, name.constData(), p, &low, &high) == RD_KAFKA_RESP_ERR_NO_ERROR
                    && low >= 0 && high >= 0)
                    t.offsets[static_cast<size_t>(p)] = {low, high};
            }
        }
    }

    // group → topic → partition → committed offset (RD_KAFKA_OFFSET_INVALID: none)
    using Committed = QHash<QString, QHash<QString, QHash<int, qint64>>>;

    Committed queryCommitted()
    {
        Committed committed;
        for (const auto &[group, handle] : m_groups) {
            if (m_stop)
                break;
            rd_kafka_poll(handle, 0); // serves queued events (errors, logs): nothing piles up
            rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(16);
            for (const TopicState &t : m_topics) {
                if (!m_plan.groupsOf(t.name).contains(group))
                    continue;
                const QByteArray name = t.name.toUtf8();
                for (int p = 0; p < t.partitions; ++p)
                    rd_kafka_topic_partition_list_add(list, name.constData(), p);
            }
            if (list->cnt > 0 && rd_kafka_committed(handle, list, m_options.queryTimeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                for (int i = 0; i < list->cnt; ++i) {
                    const rd_kafka_topic_partition_t &tp = list->elems[i];
                    if (tp.err == RD_KAFKA_RESP_ERR_NO_ERROR)
                        committed[group][QString::fromUtf8(tp.topic)].insert(tp.partition, tp.offset);
                }
            }
            rd_kafka_topic_partition_list_destroy(list);
        }
        return committed;
    }

    void sample()
    {
        refreshMetadata();
        const qint64 now = nowMs(); // when the watermarks are read: the rate's time base
        readWatermarks();
        const Committed committed = queryCommitted();
        if (m_stop)
            return;

        QHash<QString, QHash<QString, qint64>> groupLag; // topic → group → lag
        for (TopicState &t : m_topics) {
            qint64 highSum = 0;
            bool known = t.partitions > 0;
            for (const PartitionOffsets &o : t.offsets) {
                if (o.high < 0)
                    known = false;
                highSum += std::max<qint64>(o.high, 0);
            }
            if (known) {
                t.history.emplace_back(now, highSum);
                while (t.history.size() > 1 && t.history.front().first < now - m_options.rateWindowMs)
                    t.history.pop_front();
            }
        }

        QJsonObject edgeLag;
        // Many large payloads (or headers): show less of each, then fewer messages, rather than
        // break the protocol's 1 MiB line limit.
        int cap = m_options.payloadCapBytes;
        int recentLimit = m_options.recentPerTopic;
        QJsonObject message;
        for (;;) {
            groupLag.clear();
            QJsonArray topics;
            for (const TopicState &t : m_topics)
                topics.append(topicToJson(t, committed, cap, recentLimit, &groupLag));
            message = QJsonObject{{QStringLiteral("timeMs"), now}, {QStringLiteral("topics"), topics}};
            if (recentLimit == 0 || QJsonDocument(message).toJson(QJsonDocument::Compact).size() <= m_options.maxSampleBytes)
                break;
            if (cap > 256)
                cap /= 2;
            else
                recentLimit /= 2;
        }
        for (const TopicWatchPlan::Subscription &s : std::as_const(m_plan.subscriptions)) {
            qint64 lag = 0;
            bool any = false;
            for (const QString &topic : s.topics) {
                const auto perTopic = groupLag.constFind(topic);
                if (perTopic == groupLag.constEnd())
                    continue;
                const auto value = perTopic->constFind(s.group);
                if (value != perTopic->constEnd()) {
                    lag += *value;
                    any = true;
                }
            }
            if (any)
                edgeLag.insert(s.edgeId, lag);
        }
        Q_EMIT m_owner->sampled(message, edgeLag, QPrivateSignal());
    }

    QJsonObject topicToJson(const TopicState &t, const Committed &committed, int cap, int recentLimit,
                            QHash<QString, QHash<QString, qint64>> *groupLag) const
    {
        QJsonArray offsets;
        qint64 messages = 0;
        for (size_t p = 0; p < t.offsets.size(); ++p) {
            const PartitionOffsets &o = t.offsets[p];
            offsets.append(QJsonObject{{QStringLiteral("partition"), static_cast<int>(p)},
                                       {QStringLiteral("low"), o.low},
                                       {QStringLiteral("high"), o.high}});
            if (o.low >= 0 && o.high >= o.low)
                messages += o.high - o.low;
        }
        double rate = 0;
        if (t.history.size() > 1) {
            const auto &[t0, h0] = t.history.front();
            const auto &[t1, h1] = t.history.back();
            if (t1 > t0 && h1 > h0)
                rate = static_cast<double>(h1 - h0) * 1000.0 / static_cast<double>(t1 - t0);
        }
        QJsonObject o{{QStringLiteral("name"), t.name},
                      {QStringLiteral("partitions"), t.partitions},
                      {QStringLiteral("messages"), messages},
                      {QStringLiteral("rate"), std::round(rate * 100.0) / 100.0},
                      {QStringLiteral("offsets"), offsets}};
        if (!t.error.isEmpty())
            o.insert(QStringLiteral("error"), t.error);

        QJsonArray groups;
        const QStringList groupNames = m_plan.groupsOf(t.name);
        for (const QString &group : groupNames) {
            const auto perGroup = committed.constFind(group);
            if (perGroup == committed.constEnd())
                continue; // the coordinator did not answer: no figure rather than a wrong one
            const QHash<int, qint64> perPartition = perGroup->value(t.name);
            QJsonArray partitionLag;
            qint64 lag = 0;
            bool complete = true;
            for (size_t p = 0; p < t.offsets.size(); ++p) {
                const PartitionOffsets &o = t.offsets[p];
                const auto c = perPartition.constFind(static_cast<int>(p));
                if (c == perPartition.constEnd() || o.high < 0) {
                    complete = false;
                    continue;
                }
                // No commit yet (offset -1001): the group starts at the earliest offset.
                const qint64 from = *c >= 0 ? std::max(*c, o.low) : o.low;
                const qint64 l = std::max<qint64>(o.high - from, 0);
                lag += l;
                partitionLag.append(QJsonObject{{QStringLiteral("partition"), static_cast<int>(p)},
                                                {QStringLiteral("committed"), *c >= 0 ? *c : qint64(-1)},
                                                {QStringLiteral("lag"), l}});
            }
            if (!complete)
                continue;
            (*groupLag)[t.name].insert(group, lag);
            groups.append(QJsonObject{{QStringLiteral("group"), group}, {QStringLiteral("lag"), lag}, {QStringLiteral("offsets"), partitionLag}});
        }
        o.insert(QStringLiteral("groups"), groups);

        std::vector<const RecentMessage *> recent;
        recent.reserve(t.recent.size());
        for (const RecentMessage &m : t.recent)
            recent.push_back(&m);
        std::sort(recent.begin(), recent.end(), [](const RecentMessage *a, const RecentMessage *b) {
            return std::tie(a->timeMs, a->seq) < std::tie(b->timeMs, b->seq);
        });
        QJsonArray recentJson;
        for (size_t i = recent.size() > size_t(recentLimit) ? recent.size() - size_t(recentLimit) : 0; i < recent.size(); ++i)
            recentJson.append(recentToJson(*recent[i], cap));
        o.insert(QStringLiteral("recent"), recentJson);
        return o;
    }

    KafkaTopicMonitor *m_owner;
    KafkaAccess m_access;
    TopicWatchPlan m_plan;
    Options m_options;
    std::vector<TopicState> m_topics;
    rd_kafka_t *m_tap = nullptr;
    std::vector<rd_kafka_topic_t *> m_topicHandles;
    std::vector<std::pair<QString, rd_kafka_t *>> m_groups;
    std::thread m_thread;
    std::atomic<bool> m_stop{true};
    quint64 m_seq = 0;
};

// ---------------------------------------------------------------------------------------------
// KafkaTopicMonitor

KafkaTopicMonitor::KafkaTopicMonitor(KafkaAccess access, TopicWatchPlan plan, Options options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_plan(std::move(plan))
    , m_options(options)
{
    connect(this, &KafkaTopicMonitor::sampled, this, &KafkaTopicMonitor::onSampled, Qt::QueuedConnection);
}

KafkaTopicMonitor::KafkaTopicMonitor(KafkaAccess access, TopicWatchPlan plan, QObject *parent)
    : KafkaTopicMonitor(std::move(access), std::move(plan), Options{}, parent)
{
}

KafkaTopicMonitor::~KafkaTopicMonitor()
{
    stop();
}

bool KafkaTopicMonitor::start(QString *error)
{
    if (m_worker)
        return true;
    auto worker = std::make_unique<Worker>(this, m_access, m_plan, m_options);
    if (!worker->createClients(error))
        return false; // the worker's destructor frees what it created
    m_worker = std::move(worker);
    m_worker->start();
    return true;
}

void KafkaTopicMonitor::stop()
{
    m_worker.reset(); // joins the thread, then closes and destroys its clients
}

bool KafkaTopicMonitor::isRunning() const
{
    return m_worker && m_worker->isRunning();
}

void KafkaTopicMonitor::onSampled(const QJsonObject &topics, const QJsonObject &edgeLag)
{
    if (!m_worker)
        return; // a sample queued just before stop()
    m_latest = topics;
    m_edgeLag.clear();
    for (auto it = edgeLag.constBegin(); it != edgeLag.constEnd(); ++it)
        m_edgeLag.insert(it.key(), it.value().toInteger());
    ++m_samples;
    Q_EMIT updated(m_latest);
}

QJsonObject KafkaTopicMonitor::withEdgeLag(QJsonObject metrics, const QHash<QString, qint64> &lag)
{
    if (lag.isEmpty())
        return metrics;
    QJsonObject edges = metrics.value(QStringLiteral("edges")).toObject();
    for (auto it = lag.constBegin(); it != lag.constEnd(); ++it) {
        QJsonObject edge = edges.value(it.key()).toObject();
        edge.insert(QStringLiteral("lag"), it.value());
        edges.insert(it.key(), edge);
    }
    metrics.insert(QStringLiteral("edges"), edges);
    return metrics;
}

} // namespace Gatehouse::Runtime
