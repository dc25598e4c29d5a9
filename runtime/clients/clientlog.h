#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <mutex>

namespace Gatehouse::Runtime {

class TelemetrySender;

// Where a client node's lines go. event(): one JSON line on stdout (the supervisor turns it
// into a log message): start, plan, rate changes, stop. log(): the telemetry log channel when
// the node has one, else stdout — for per-request problems, always through a LogThrottle.
// Thread-safe.
class ClientLog
{
public:
    ClientLog(QString nodeId, TelemetrySender *telemetry);

    void event(const QJsonObject &line);
    void log(const QString &level, const QString &message, const QJsonObject &fields = {});

private:
    void writeLine(const QJsonObject &line);

    const QString m_nodeId;
    TelemetrySender *m_telemetry;
    std::mutex m_mutex;
};

// At most one line per interval for a recurring problem, with a count of what was held back:
// the first occurrence is reported at once, later ones are summed until the interval is over.
// Not thread-safe (each user owns one and calls it from one thread).
class LogThrottle
{
public:
    explicit LogThrottle(std::chrono::milliseconds interval) : m_interval(interval) {}

    // Counts one occurrence; true when a line should be written now, with `count` = the
    // occurrences it stands for (this one and those held back since the last line).
    bool occur(std::chrono::steady_clock::time_point now, quint64 *count);

private:
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_next{};
    quint64 m_held = 0;
};

} // namespace Gatehouse::Runtime
