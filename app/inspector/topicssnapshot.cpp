#include "topicssnapshot.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Gatehouse {

namespace {

qint64 integer(const QJsonObject &o, const char *key)
{
    const double d = o.value(QLatin1String(key)).toDouble(0);
    if (!std::isfinite(d))
        return 0;
    // 2^53 keeps the conversion exact and defined for any double JSON can carry.
    constexpr double limit = 9007199254740992.0;
    return qint64(std::clamp(d, -limit, limit));
}

int smallInteger(const QJsonObject &o, const char *key)
{
    return int(std::clamp<qint64>(integer(o, key), std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

TopicsSnapshot TopicsSnapshot::fromJson(const QJsonObject &message)
{
    TopicsSnapshot snapshot;
    snapshot.timeMs = integer(message, "timeMs");
    const QJsonArray topics = message.value(QLatin1String("topics")).toArray();
    for (const QJsonValue &tv : topics) {
        const QJsonObject t = tv.toObject();
        Topic topic;
        topic.name = t.value(QLatin1String("name")).toString();
        if (topic.name.isEmpty())
            continue;
        topic.partitions = smallInteger(t, "partitions");
        topic.messages = integer(t, "messages");
        const double rate = t.value(QLatin1String("rate")).toDouble(0);
        topic.rate = std::isfinite(rate) ? rate : 0;
        for (const QJsonValue &ov : t.value(QLatin1String("offsets")).toArray()) {
            const QJsonObject o = ov.toObject();
            topic.offsets.append({ smallInteger(o, "partition"), integer(o, "low"), integer(o, "high") });
        }
        for (const QJsonValue &gv : t.value(QLatin1String("groups")).toArray()) {
            const QJsonObject g = gv.toObject();
            Group group;
            group.group = g.value(QLatin1String("group")).toString();
            if (group.group.isEmpty())
                continue;
            group.lag = integer(g, "lag");
            for (const QJsonValue &ov : g.value(QLatin1String("offsets")).toArray()) {
                const QJsonObject o = ov.toObject();
                group.offsets.append({ smallInteger(o, "partition"), integer(o, "committed"), integer(o, "lag") });
            }
            topic.groups.append(group);
        }
        for (const QJsonValue &mv : t.value(QLatin1String("recent")).toArray()) {
            const QJsonObject m = mv.toObject();
            if (m.isEmpty())
                continue;
            Message msg;
            msg.partition = smallInteger(m, "partition");
            msg.offset = integer(m, "offset");
            msg.timeMs = integer(m, "timeMs");
            msg.key = m.value(QLatin1String("key")).toString();
            msg.headers = m.value(QLatin1String("headers")).toObject();
            if (m.contains(QLatin1String("payload")))
                msg.payload = m.value(QLatin1String("payload"));
            msg.payloadText = m.value(QLatin1String("payloadText")).toString();
            topic.recent.append(msg);
        }
        snapshot.topics.append(topic);
    }
    return snapshot;
}

} // namespace Gatehouse
