#include "circuitbreaker.h"

#include <algorithm>

namespace Gatehouse::Runtime {

CircuitBreaker::Options CircuitBreaker::Options::fromSettings(const CircuitBreakerSettings &settings)
{
    Options options;
    options.enabled = settings.enabled;
    options.failureThreshold = std::max(1, settings.failureThreshold);
    options.openDuration = std::chrono::milliseconds(std::max(0, settings.openMs));
    options.halfOpenProbes = std::max(1, settings.halfOpenProbes);
    options.successThreshold = options.halfOpenProbes;
    return options;
}

QHash<QString, CircuitBreaker::Options> CircuitBreaker::optionsPerUpstream(
    const Topology &topology, const QString &gatewayId, QStringList *warnings)
{
    QList<const Edge *> edges = topology.outgoing(gatewayId, EdgeKind::Sync);
    std::sort(edges.begin(), edges.end(), [](const Edge *a, const Edge *b) { return a->id < b->id; });
    QHash<QString, Options> result;
    QHash<QString, QString> edgeOf; // upstream → the edge whose settings apply
    for (const Edge *edge : std::as_const(edges)) {
        const Node *target = topology.node(edge->target);
        if (!target || target->kind != NodeKind::Service)
            continue;
        const Options options = Options::fromSettings(edge->circuitBreaker);
        const auto known = result.constFind(edge->target);
        if (known == result.cend()) {
            result.insert(edge->target, options);
            edgeOf.insert(edge->target, edge->id);
        } else if (!(*known == options) && warnings) {
            warnings->append(QStringLiteral("edges %1 and %2 both lead to %3 with different circuit-breaker settings; "
                                            "the settings of %1 apply")
                                 .arg(edgeOf.value(edge->target), edge->id, edge->target));
        }
    }
    return result;
}

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

void CircuitBreaker::setOptions(const Options &options)
{
    std::lock_guard lock(m_mutex);
    m_options = options;
    if (!m_options.enabled) {
        m_state = State::Closed;
        m_successes = 0;
        m_probesInFlight = 0;
    }
}

CircuitBreaker::Options CircuitBreaker::options() const
{
    std::lock_guard lock(m_mutex);
    return m_options;
}

void CircuitBreaker::open(Clock::time_point now)
{
    m_state = State::Open;
    m_openedAt = now;
    m_successes = 0;
    m_probesInFlight = 0;
    ++m_opened;
}

bool CircuitBreaker::tryAcquire(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (!m_options.enabled)
        return true;
    if (m_state == State::Open) {
        if (now < m_openedAt + m_options.openDuration)
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

void CircuitBreaker::onAbandoned()
{
    std::lock_guard lock(m_mutex);
    if (m_state == State::HalfOpen && m_probesInFlight > 0)
        --m_probesInFlight;
}

void CircuitBreaker::onFailure(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    ++m_failures;
    if (!m_options.enabled)
        return;
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
    if (m_state == State::Open && now >= m_openedAt + m_options.openDuration)
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
