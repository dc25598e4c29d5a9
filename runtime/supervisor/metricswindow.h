#pragma once

#include <QJsonObject>
#include <deque>

namespace Gatehouse::Runtime {

// Request figures of one node or edge over a sliding time window: rate, latency percentiles and
// errors. Memory is bounded: at most `maxSamples` samples are kept (the oldest go first).
class MetricsWindow
{
public:
    explicit MetricsWindow(qint64 windowMs = 10000, std::size_t maxSamples = 50000);

    void add(qint64 timeMs, qint64 durationUs, bool error, bool clientError);
    // {"count","rate" (per second),"errors","clientErrors","errorRate","p50Ms","p95Ms","p99Ms"}
    // over the window ending at `nowMs`. Empty windows give zeros.
    QJsonObject summary(qint64 nowMs);
    bool isEmpty(qint64 nowMs);

private:
    struct Sample
    {
        qint64 timeMs;
        qint64 durationUs;
        bool error;
        bool clientError;
    };
    void prune(qint64 nowMs);

    qint64 m_windowMs;
    std::size_t m_maxSamples;
    std::deque<Sample> m_samples;
};

} // namespace Gatehouse::Runtime
