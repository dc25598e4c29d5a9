#pragma once

#include "model/launchconfig.h"
#include "model/telemetry.h"

#include <QJsonObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace Gatehouse::Runtime {

// The node side of the telemetry channel (DESIGN §6): queues spans and log events in a bounded
// buffer and ships them from its own thread to the supervisor's intake as newline-delimited JSON
// over TCP (format: docs/gateway.md "Telemetry intake"). record()/log() never block on I/O: when
// the buffer is full the item is dropped and counted. Thread-safe; any thread may record.
class TelemetrySender
{
public:
    struct Options
    {
        int capacity = 8192; // spans + log events held at most
        int batchMax = 256; // spans per "spans" line
        std::chrono::milliseconds flushInterval { 100 }; // how long a lone span may wait
        std::chrono::milliseconds reconnectDelay { 500 }; // pause after a failed connect
    };

    // An unset endpoint (port 0) makes a sender that counts everything as dropped.
    TelemetrySender(const QString &nodeId, const Endpoint &endpoint);
    TelemetrySender(const QString &nodeId, const Endpoint &endpoint, const Options &options);
    // Sends what is queued (best effort, bounded by one connect attempt) and stops the thread.
    ~TelemetrySender();

    TelemetrySender(const TelemetrySender &) = delete;
    TelemetrySender &operator=(const TelemetrySender &) = delete;

    // Queues a span; false when it was dropped because the buffer is full.
    bool record(Span span);
    // Queues a log event ("debug", "info", "warning", "error"); false when dropped.
    bool log(const QString &level, const QString &message, const QJsonObject &fields = {});

    quint64 droppedSpans() const { return m_droppedSpans.load(); }
    quint64 droppedLogs() const { return m_droppedLogs.load(); }
    quint64 sentSpans() const { return m_sentSpans.load(); }
    bool isConnected() const { return m_connected.load(); }
    QString nodeId() const { return m_nodeId; }

private:
    void run();

    const QString m_nodeId;
    const Endpoint m_endpoint;
    const Options m_options;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Span> m_spans;
    std::deque<QJsonObject> m_logs;
    bool m_stopping = false;

    std::atomic<quint64> m_droppedSpans { 0 };
    std::atomic<quint64> m_droppedLogs { 0 };
    std::atomic<quint64> m_sentSpans { 0 };
    std::atomic<bool> m_connected { false };
    std::thread m_thread;
};

} // namespace Gatehouse::Runtime
