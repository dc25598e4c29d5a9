#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <map>
#include <mutex>

namespace Gatehouse::Runtime {

// The gateway's Prometheus metrics (text exposition format 0.0.4), served on the internal
// listener at /metrics. Counters are keyed by small label sets; one short lock per update.
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

    mutable std::mutex m_mutex;
    std::map<std::pair<QString, int>, quint64> m_requests;
    std::map<QString, Histogram> m_durations;
    std::map<QString, quint64> m_rateLimit;
    std::map<QString, quint64> m_auth;
    std::map<std::pair<QString, QString>, quint64> m_upstream;
    std::map<QString, quint64> m_retries;
};

// Escapes a Prometheus label value (backslash, quote, newline).
QByteArray prometheusLabel(const QString &value);

} // namespace Gatehouse::Runtime
