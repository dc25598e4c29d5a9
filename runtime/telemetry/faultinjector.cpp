#include "faultinjector.h"

#include "http/eventloop.h"

#include <QJsonValue>

#include <random>

namespace Gatehouse::Runtime {

namespace {

bool roll(double rate)
{
    if (rate <= 0.0)
        return false;
    if (rate >= 1.0)
        return true;
    thread_local std::mt19937_64 engine { std::random_device {}() };
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine) < rate;
}

} // namespace

bool FaultInjector::parseFault(const QJsonObject &object, InjectedFault *fault, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    InjectedFault parsed;
    const QJsonValue latency = object.value(QLatin1String("latencyMs"));
    if (!latency.isUndefined() && !latency.isNull()) {
        const double value = latency.toDouble(-1);
        if (!latency.isDouble() || value < 0 || value > MaxLatencyMs || value != static_cast<int>(value))
            return fail(QStringLiteral("latencyMs must be a whole number from 0 to %1").arg(MaxLatencyMs));
        parsed.latencyMs = static_cast<int>(value);
    }
    const QJsonValue rate = object.value(QLatin1String("errorRate"));
    if (!rate.isUndefined() && !rate.isNull()) {
        const double value = rate.toDouble(-1);
        if (!rate.isDouble() || !(value >= 0.0 && value <= 1.0))
            return fail(QStringLiteral("errorRate must be a number from 0 to 1"));
        parsed.errorRate = value;
    }
    *fault = parsed;
    return true;
}

QJsonObject FaultInjector::applyAndDescribe(const QJsonObject &message, const QString &nodeId)
{
    QString error;
    const bool ok = apply(message, &error);
    QJsonObject event { { QStringLiteral("type"), QStringLiteral("event") }, { QStringLiteral("event"), QStringLiteral("faults") },
        { QStringLiteral("nodeId"), nodeId } };
    if (ok)
        event.insert(QStringLiteral("faults"), message);
    else
        event.insert(QStringLiteral("error"), error);
    return event;
}

bool FaultInjector::apply(const QJsonObject &message, QString *error)
{
    InjectedFault node;
    if (!parseFault(message, &node, error))
        return false;
    QHash<QString, InjectedFault> edges;
    const QJsonValue edgesValue = message.value(QLatin1String("edges"));
    if (!edgesValue.isUndefined() && !edgesValue.isNull()) {
        if (!edgesValue.isObject()) {
            if (error)
                *error = QStringLiteral("edges must be an object of edge id → fault");
            return false;
        }
        const QJsonObject object = edgesValue.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            InjectedFault fault;
            QString edgeError;
            if (!it.value().isObject() || !parseFault(it.value().toObject(), &fault, &edgeError)) {
                if (error)
                    *error = QStringLiteral("edge %1: %2").arg(it.key(), edgeError.isEmpty() ? QStringLiteral("not an object") : edgeError);
                return false;
            }
            if (fault.isSet())
                edges.insert(it.key(), fault);
        }
    }
    std::lock_guard lock(m_mutex);
    m_node = node;
    m_edges = std::move(edges);
    m_active.store(m_node.isSet() || !m_edges.isEmpty(), std::memory_order_relaxed);
    return true;
}

void FaultInjector::clear()
{
    std::lock_guard lock(m_mutex);
    m_node = {};
    m_edges.clear();
    m_active.store(false, std::memory_order_relaxed);
}

InjectedFault FaultInjector::nodeFault() const
{
    std::lock_guard lock(m_mutex);
    return m_node;
}

InjectedFault FaultInjector::edgeFault(const QString &edgeId) const
{
    std::lock_guard lock(m_mutex);
    return m_edges.value(edgeId);
}

FaultInjector::Decision FaultInjector::decideForNode() const
{
    if (!isActive())
        return {};
    return decide(nodeFault());
}

FaultInjector::Decision FaultInjector::decideForEdge(const QString &edgeId) const
{
    if (!isActive())
        return {};
    return decide(edgeFault(edgeId));
}

FaultInjector::Decision FaultInjector::decide(const InjectedFault &fault)
{
    Decision decision;
    decision.delay = std::chrono::milliseconds(fault.latencyMs);
    decision.fail = roll(fault.errorRate);
    return decision;
}

void FaultInjector::after(std::chrono::milliseconds delay, std::function<void()> task) const
{
    Http::EventLoop *loop = m_loop.load();
    if (delay.count() <= 0 || !loop) {
        task();
        return;
    }
    loop->postAfter(delay, std::move(task));
}

} // namespace Gatehouse::Runtime
