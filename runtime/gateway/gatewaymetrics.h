#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <map>
#include <mutex>

namespace Gatehouse::Runtime {

// The gateway's Prometheus metrics (text exposition format 0.0.4), served on the internal
// listener at /metrics. Counters are keyed by small label sets. Updates go to a shard picked by
// the calling thread, so the I/O threads never wait for each other's locks on the request path;
// render() sums the shards.
class GatewayMetrics
{
public:
    // One finished request. `route` is the route key or "" when none matched.
    void observeRequest(const QString &route, int status, double seconds);
    void countRateLimit(const QString &decision); // allowed, limited, fail-open, fail-closed
    void countAuth(const QString &decision); // ok, missing, invalid, forbidden
    void countUpstream(const QString &upstream, const QString &outcome); // ok, 5xx, timeout, error, breaker-open
    void countRetry(const QString &upstream);

    // Gauges and counters owned elsewhere are appended by the caller through `extra`.
    QByteArray render(const QByteArray &extra) const;

private:
    static constexpr std::array<double, 11> Buckets { 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 };
    struct Histogram
    {
        std::array<quint64, Buckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;
    };
    struct Counters
    {
        std::map<std::pair<QString, int>, quint64> requests;
        std::map<QString, Histogram> durations;
        std::map<QString, quint64> rateLimit;
        std::map<QString, quint64> auth;
        std::map<std::pair<QString, QString>, quint64> upstream;
        std::map<QString, quint64> retries;
        void addTo(Counters &total) const;
    };
    // The counters a shard counted last, found again without a std::map lookup: a thread's
    // requests nearly all count the same route, status and upstream as the one before, and a
    // lookup with QString keys costs several string comparisons. A key is recognised by its
    // string data (the route table's and the callers' QStrings are shared, not rebuilt), and
    // the cache holds a copy of each string, so the data cannot be freed and reused meanwhile.
    // std::map nodes stay where they are, so the pointers stay valid.
    struct LastCounted
    {
        QString route;
        int status = -1;
        quint64 *requests = nullptr;
        Histogram *durations = nullptr;
        QString upstream;
        QString outcome;
        quint64 *upstreamCount = nullptr;
    };
    // Each shard on its own cache lines, so two threads counting do not share one.
    struct alignas(64) Shard
    {
        mutable std::mutex mutex;
        Counters counters;
        LastCounted last;
    };
    static constexpr std::size_t ShardCount = 8; // more than the I/O threads of this kind of machine
    Shard &shard(); // the calling thread's

    std::array<Shard, ShardCount> m_shards;
};

// Escapes a Prometheus label value (backslash, quote, newline).
QByteArray prometheusLabel(const QString &value);

} // namespace Gatehouse::Runtime
