#include "ratescheduler.h"

#include <cmath>

namespace Gatehouse::Runtime {

namespace {
constexpr std::chrono::seconds StallLimit{1};
}

RateScheduler::RateScheduler(std::function<void()> tick)
    : m_tick(std::move(tick))
    , m_anchor(std::chrono::steady_clock::now())
{
    m_thread = std::thread([this] { run(); });
}

RateScheduler::~RateScheduler()
{
    stop();
}

double RateScheduler::sanitize(double perSecond)
{
    if (!std::isfinite(perSecond) || perSecond <= 0.0)
        return 0.0;
    return perSecond > MaxRate ? MaxRate : perSecond;
}

void RateScheduler::setRate(double perSecond)
{
    const double rate = sanitize(perSecond);
    {
        const std::lock_guard lock(m_mutex);
        if (rate == m_rate)
            return;
        const bool wasRunning = m_rate > 0.0;
        m_rate = rate;
        m_anchor = std::chrono::steady_clock::now();
        m_index = wasRunning ? 1 : 0;
        ++m_generation;
    }
    m_wake.notify_all();
}

double RateScheduler::rate() const
{
    const std::lock_guard lock(m_mutex);
    return m_rate;
}

void RateScheduler::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RateScheduler::run()
{
    using Clock = std::chrono::steady_clock;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_rate <= 0.0) {
            const std::uint64_t generation = m_generation;
            m_wake.wait(lock, [&] { return m_stopping || m_generation != generation; });
            continue;
        }
        const auto offset = std::chrono::duration<double>(static_cast<double>(m_index) / m_rate);
        const Clock::time_point due = m_anchor + std::chrono::duration_cast<Clock::duration>(offset);
        const std::uint64_t generation = m_generation;
        if (m_wake.wait_until(lock, due, [&] { return m_stopping || m_generation != generation; }))
            continue; // stopping, or the rate changed: plan again
        const Clock::time_point now = Clock::now();
        if (now - due > StallLimit) {
            // Skip the backlog of a stall rather than firing it all at once.
            const auto behind = std::chrono::duration<double>(now - due).count();
            m_skipped.fetch_add(static_cast<std::uint64_t>(behind * m_rate));
            m_anchor = now;
            m_index = 0;
        }
        ++m_index;
        m_ticks.fetch_add(1);
        lock.unlock();
        m_tick();
        lock.lock();
    }
}

} // namespace Gatehouse::Runtime
