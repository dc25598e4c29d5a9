#pragma once

#include <QString>
#include <chrono>
#include <mutex>

namespace Gatehouse::Runtime {

// A circuit breaker for one upstream (docs/gateway.md "Circuit breaker"):
//  Closed   — calls pass; `failureThreshold` consecutive failures open it.
//  Open     — calls are refused at once (the route's fallback or 503) for `openDuration`.
//  HalfOpen — then up to `halfOpenProbes` calls at a time are let through; `successThreshold`
//             successes close it, any failure opens it again for another `openDuration`.
// A failure is a connect error, a reset, a timeout or a 5xx from the upstream; 4xx is success
// (the upstream is healthy, the request was not). Thread-safe; time is passed in so tests and
// callers share one clock.
class CircuitBreaker
{
public:
    using Clock = std::chrono::steady_clock;

    enum class State { Closed, Open, HalfOpen };

    struct Options
    {
        int failureThreshold = 5;
        std::chrono::milliseconds openDuration { 5000 };
        int halfOpenProbes = 1;
        int successThreshold = 1;
    };

    CircuitBreaker() = default;
    explicit CircuitBreaker(Options options);

    // Whether a call may go out now. A true answer in HalfOpen reserves a probe slot, which the
    // caller must give back through onSuccess() or onFailure().
    bool tryAcquire(Clock::time_point now = Clock::now());
    void onSuccess();
    void onFailure(Clock::time_point now = Clock::now());

    State state(Clock::time_point now = Clock::now()) const;
    int consecutiveFailures() const;
    quint64 timesOpened() const;
    const Options &options() const { return m_options; }

    static QString nameOf(State state); // "closed", "open", "half-open"

private:
    void open(Clock::time_point now);

    Options m_options;
    mutable std::mutex m_mutex;
    State m_state = State::Closed;
    int m_failures = 0;
    int m_successes = 0;
    int m_probesInFlight = 0;
    quint64 m_opened = 0;
    Clock::time_point m_openUntil {};
};

} // namespace Gatehouse::Runtime
