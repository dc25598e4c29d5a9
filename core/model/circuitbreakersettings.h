#pragma once

namespace Gatehouse {

// The circuit breaker the gateway keeps for one upstream, as drawn on the gateway → service sync
// edge that leads to it (docs/gateway.md "Circuit breaker"; docs/file-format.md "Circuit
// breaker"). A default-constructed value is the gateway's built-in behaviour and is not written
// to the file.
//  Closed    calls pass; `failureThreshold` consecutive failures open the breaker.
//  Open      calls are refused at once (the route's fallback or 503) for `openMs`.
//  Half-open then up to `halfOpenProbes` trial calls go out (at most that many at a time); that
//            many successes close the breaker, any failure opens it again for `openMs`.
// `enabled` false: the gateway never opens a breaker for this upstream.
struct CircuitBreakerSettings
{
    static constexpr int DefaultFailureThreshold = 5;
    static constexpr int MinFailureThreshold = 1;
    static constexpr int MaxFailureThreshold = 1000;
    static constexpr int DefaultOpenMs = 5000;
    static constexpr int MinOpenMs = 100;
    static constexpr int MaxOpenMs = 3600000;
    static constexpr int DefaultHalfOpenProbes = 1;
    static constexpr int MinHalfOpenProbes = 1;
    static constexpr int MaxHalfOpenProbes = 100;

    bool enabled = true;
    int failureThreshold = DefaultFailureThreshold; // consecutive failures that open it
    int openMs = DefaultOpenMs; // how long it stays open before a half-open probe
    int halfOpenProbes = DefaultHalfOpenProbes; // trial calls in half-open; that many successes close it

    bool isDefault() const { return *this == CircuitBreakerSettings {}; }
    bool operator==(const CircuitBreakerSettings &) const = default;
};

} // namespace Gatehouse
