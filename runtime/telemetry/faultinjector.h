#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

namespace Gatehouse::Runtime {

namespace Http {
class EventLoop;
}

// One injected fault: a delay, then a failure with probability errorRate (0..1).
struct InjectedFault
{
    int latencyMs = 0;
    double errorRate = 0.0;

    bool isSet() const { return latencyMs > 0 || errorRate > 0.0; }
    bool operator==(const InjectedFault &other) const = default;
};

// The injected-fault state of one node process (docs/runtime-protocol.md "Node control channel",
// message {"type":"faults"}): a node fault on the requests the node serves and edge faults on
// the calls it makes over its outgoing sync edges. apply() replaces the whole state from the
// control thread; decide*() is called per request from the I/O threads (thread-safe, one
// relaxed atomic load while no fault is set). Delays run as timers on the node's EventLoop
// (attach()), never as a sleep on an I/O thread.
class FaultInjector
{
public:
    // What to do with one request or call.
    struct Decision
    {
        std::chrono::milliseconds delay { 0 };
        bool fail = false;
        bool injected() const { return delay.count() > 0 || fail; }
    };

    static constexpr int MaxLatencyMs = 60000;

    // Replaces the state with a {"type":"faults","latencyMs","errorRate","edges":{id:{…}}}
    // message. False and `error` (state unchanged) when a value is out of range or mistyped.
    bool apply(const QJsonObject &message, QString *error = nullptr);
    // Applies a `faults` control message and returns the line the node prints about it:
    // {"type":"event","event":"faults","nodeId",…,"faults":{…}} or with "error" when refused.
    QJsonObject applyAndDescribe(const QJsonObject &message, const QString &nodeId);
    void clear();

    InjectedFault nodeFault() const;
    InjectedFault edgeFault(const QString &edgeId) const;
    bool isActive() const { return m_active.load(std::memory_order_relaxed); }

    // Rolls the dice for one served request / one call over `edgeId`.
    Decision decideForNode() const;
    Decision decideForEdge(const QString &edgeId) const;

    // The loop whose timers carry the delays; null detaches (delays then run inline, at once).
    void attach(Http::EventLoop *loop) { m_loop.store(loop); }
    // Runs `task` after `delay` on the calling loop thread (or the next one); at once when the
    // delay is zero or no loop is attached.
    void after(std::chrono::milliseconds delay, std::function<void()> task) const;

    // Parses one fault object {"latencyMs":0..60000,"errorRate":0..1} (missing fields are 0).
    static bool parseFault(const QJsonObject &object, InjectedFault *fault, QString *error);

private:
    static Decision decide(const InjectedFault &fault);

    mutable std::mutex m_mutex;
    InjectedFault m_node;
    QHash<QString, InjectedFault> m_edges;
    std::atomic<bool> m_active { false };
    std::atomic<Http::EventLoop *> m_loop { nullptr };
};

} // namespace Gatehouse::Runtime
