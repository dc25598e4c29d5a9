#pragma once

#include "model/topology.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <chrono>
#include <mutex>

namespace Gatehouse::Runtime {

// A circuit breaker for one upstream (docs/gateway.md "Circuit breaker"), configured from the
// diagram's gateway → service edge (CircuitBreakerSettings):
//  Closed   — calls pass; `failureThreshold` consecutive failures open it.
//  Open     — calls are refused at once (the route's fallback or 503) for `openDuration`.
//  HalfOpen — then up to `halfOpenProbes` calls at a time are let through; `successThreshold`
//             successes close it, any failure opens it again for another `openDuration`.
// A failure is a connect error, a reset, a timeout or a 5xx from the upstream; 4xx is success
// (the upstream is healthy, the request was not). `enabled` false: every call passes and the
// breaker never opens (failures are still counted). Thread-safe; time is passed in so tests and
// callers share one clock.
class CircuitBreaker
{
public:
    using Clock = std::chrono::steady_clock;

    enum class State { Closed, Open, HalfOpen };

    struct Options
    {
        bool enabled = true;
        int failureThreshold = 5;
        std::chrono::milliseconds openDuration { 5000 };
        int halfOpenProbes = 1;
        int successThreshold = 1;

        // The diagram's settings: halfOpenProbes trial calls, and as many successes to close.
        static Options fromSettings(const CircuitBreakerSettings &settings);
        bool operator==(const Options &) const = default;
    };

    // The breaker options of every upstream of gateway `gatewayId`, keyed by service node id, from
    // the circuitBreaker of its sync edges to services. Two edges to one service with different
    // settings: the first by id wins and `warnings` gets a line.
    static QHash<QString, Options> optionsPerUpstream(
        const Topology &topology, const QString &gatewayId, QStringList *warnings = nullptr);

    CircuitBreaker() = default;
    explicit CircuitBreaker(Options options);

    // New settings for a live breaker (a reload of the diagram). The state is kept; an open
    // breaker stays open until its opening time plus the new openDuration; disabling closes it.
    void setOptions(const Options &options);

    // Whether a call may go out now. A true answer in HalfOpen reserves a probe slot, which the
    // caller must give back through onSuccess() or onFailure().
    bool tryAcquire(Clock::time_point now = Clock::now());
    void onSuccess();
    void onFailure(Clock::time_point now = Clock::now());
    // The call ended without telling anything about the upstream (the client broke off its
    // request): gives back a half-open probe slot, counts neither a success nor a failure.
    void onAbandoned();

    State state(Clock::time_point now = Clock::now()) const;
    int consecutiveFailures() const;
    quint64 timesOpened() const;
    Options options() const;

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
    Clock::time_point m_openedAt {};
};

} // namespace Gatehouse::Runtime
