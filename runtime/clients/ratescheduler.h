#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace Gatehouse::Runtime {

// Open-loop ticks at a rate that may change at any time: tick k of a steady rate is due at
// anchor + k / rate whatever happened to earlier ticks (a slow upstream does not slow the
// arrivals down — that is what the in-flight bound of ClientDriver is for). Runs on its own
// thread, which only waits and calls `tick`; `tick` must be quick (post work elsewhere).
// A rate change re-anchors the schedule at once (0 → r: first tick immediately; r → r': next
// tick 1/r' from now); rate 0 sends nothing. After a stall of more than a second (suspended
// machine, starved thread) the missed ticks are skipped, not sent in a burst.
class RateScheduler
{
public:
    static constexpr double MaxRate = 5000.0; // ticks per second; higher requests are capped

    explicit RateScheduler(std::function<void()> tick);
    ~RateScheduler(); // stop()
    RateScheduler(const RateScheduler &) = delete;
    RateScheduler &operator=(const RateScheduler &) = delete;

    // Thread-safe. Negative, NaN or infinite rates count as 0; above MaxRate as MaxRate.
    void setRate(double perSecond);
    double rate() const;
    // Ends the thread; no tick starts after it returns. Idempotent.
    void stop();

    std::uint64_t ticks() const { return m_ticks.load(); }
    std::uint64_t skippedAfterStall() const { return m_skipped.load(); }

    static double sanitize(double perSecond);

private:
    void run();

    std::function<void()> m_tick;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    double m_rate = 0.0;
    std::chrono::steady_clock::time_point m_anchor;
    std::uint64_t m_index = 0; // ticks since the anchor
    std::uint64_t m_generation = 0; // bumped by every change, so the waiting thread re-plans
    bool m_stopping = false;
    std::atomic<std::uint64_t> m_ticks{0};
    std::atomic<std::uint64_t> m_skipped{0};
    std::thread m_thread;
};

} // namespace Gatehouse::Runtime
