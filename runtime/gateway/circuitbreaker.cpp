#include "circuitbreaker.h"

namespace Gatehouse::Runtime {

CircuitBreaker::CircuitBreaker(Options options)
    : m_options(options)
{
}

QString CircuitBreaker::nameOf(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

void CircuitBreaker::open(Clock::time_point now)
{
    m_state = State::Open;
    m_openUntil = now + m_options.openDuration;
    m_successes = 0;
    m_probesInFlight = 0;
    ++m_opened;
}

bool CircuitBreaker::tryAcquire(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (m_state == State::Open) {
        if (now < m_openUntil)
            return false;
        m_state = State::HalfOpen;
        m_successes = 0;
        m_probesInFlight = 0;
    }
    if (m_state == State::HalfOpen) {
        if (m_probesInFlight >= m_options.halfOpenProbes)
            return false;
        ++m_probesInFlight;
    }
    return true;
}

void CircuitBreaker::onSuccess()
{
    std::lock_guard lock(m_mutex);
    m_failures = 0;
    if (m_state == State::HalfOpen) {
        if (m_probesInFlight > 0)
            --m_probesInFlight;
        if (++m_successes >= m_options.successThreshold) {
            m_state = State::Closed;
            m_successes = 0;
        }
    }
}

void CircuitBreaker::onFailure(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    ++m_failures;
    if (m_state == State::HalfOpen) {
        open(now);
        return;
    }
    if (m_state == State::Closed && m_failures >= m_options.failureThreshold)
        open(now);
}

CircuitBreaker::State CircuitBreaker::state(Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    if (m_state == State::Open && now >= m_openUntil)
        return State::HalfOpen; // the next call will be a probe
    return m_state;
}

int CircuitBreaker::consecutiveFailures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

quint64 CircuitBreaker::timesOpened() const
{
    std::lock_guard lock(m_mutex);
    return m_opened;
}

} // namespace Gatehouse::Runtime
