#include "metricswindow.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Gatehouse::Runtime {

MetricsWindow::MetricsWindow(qint64 windowMs, std::size_t maxSamples)
    : m_windowMs(windowMs)
    , m_maxSamples(maxSamples)
{
}

void MetricsWindow::add(qint64 timeMs, qint64 durationUs, bool error, bool clientError)
{
    m_samples.push_back({timeMs, durationUs, error, clientError});
    if (m_samples.size() > m_maxSamples)
        m_samples.pop_front();
}

void MetricsWindow::prune(qint64 nowMs)
{
    while (!m_samples.empty() && m_samples.front().timeMs <= nowMs - m_windowMs)
        m_samples.pop_front();
}

bool MetricsWindow::isEmpty(qint64 nowMs)
{
    prune(nowMs);
    return m_samples.empty();
}

QJsonObject MetricsWindow::summary(qint64 nowMs)
{
    prune(nowMs);
    const auto count = static_cast<qint64>(m_samples.size());
    qint64 errors = 0;
    qint64 clientErrors = 0;
    std::vector<qint64> durations;
    durations.reserve(m_samples.size());
    for (const Sample &s : m_samples) {
        errors += s.error ? 1 : 0;
        clientErrors += s.clientError ? 1 : 0;
        durations.push_back(s.durationUs);
    }
    // Nearest-rank percentile on a sorted copy.
    std::sort(durations.begin(), durations.end());
    auto percentileMs = [&durations](double p) -> double {
        if (durations.empty())
            return 0.0;
        const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(durations.size())));
        return static_cast<double>(durations[std::clamp<std::size_t>(rank, 1, durations.size()) - 1]) / 1000.0;
    };
    return QJsonObject{{QStringLiteral("count"), count},
                       {QStringLiteral("rate"), static_cast<double>(count) * 1000.0 / static_cast<double>(m_windowMs)},
                       {QStringLiteral("errors"), errors},
                       {QStringLiteral("clientErrors"), clientErrors},
                       {QStringLiteral("errorRate"), count ? static_cast<double>(errors) / static_cast<double>(count) : 0.0},
                       {QStringLiteral("p50Ms"), percentileMs(0.50)},
                       {QStringLiteral("p95Ms"), percentileMs(0.95)},
                       {QStringLiteral("p99Ms"), percentileMs(0.99)}};
}

} // namespace Gatehouse::Runtime
