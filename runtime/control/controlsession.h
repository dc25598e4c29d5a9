#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace Gatehouse::Runtime {

class ControlHandler;
class ControlTransport;

// One connected control client (local socket or WebSocket). Messages go out through the
// transport's own write buffer, whose size is the client's queue: above the soft limit spans, logs, metrics and topics for this client are
// dropped (and counted, then reported in a "dropped" message once it drains); status, results
// and errors are never dropped, but a client whose queue passes the hard limit is disconnected.
// A slow client thus never slows the stack or other clients.
class ControlSession : public QObject
{
    Q_OBJECT
public:
    enum class Stream { Status, Logs, Spans, Metrics, Topics };

    struct Limits
    {
        qint64 softBytes = 256 * 1024;
        qint64 hardBytes = 8 * 1024 * 1024;
    };

    // Takes ownership of `transport`.
    ControlSession(ControlTransport *transport, ControlHandler *handler, Limits limits, const QString &runtimeVersion,
                   QObject *parent = nullptr);

    int id() const { return m_id; }
    bool isNegotiated() const { return m_version > 0; }
    // Queues one encoded message of `stream` (the same bytes go to every session).
    void deliver(Stream stream, const QByteArray &line);
    // Sends something that must arrive (results, errors, bye); disconnects when over the hard limit.
    void sendEssential(const QJsonObject &message);
    void close(const QJsonObject &lastMessage);

    QJsonObject counters() const;
    qint64 droppedTotal() const { return m_droppedSpans + m_droppedLogs + m_droppedMetrics + m_droppedTopics; }

Q_SIGNALS:
    void closed(int id, bool slow);
    void shutdownRequested();

private:
    void onReceived(const QByteArray &bytes);
    void handle(const QJsonObject &message);
    void reportDropsIfDrained();
    void writeLine(const QByteArray &line);

    ControlTransport *m_transport;
    ControlHandler *m_handler;
    Limits m_limits;
    QString m_runtimeVersion;
    QString m_clientName;
    QByteArray m_buffer;
    int m_id;
    int m_version = 0;
    unsigned m_streams = 0x1F; // bit per Stream; all on by default
    qint64 m_sent = 0;
    qint64 m_droppedSpans = 0;
    qint64 m_droppedLogs = 0;
    qint64 m_droppedMetrics = 0;
    qint64 m_droppedTopics = 0;
    qint64 m_reportedDrops = 0;
    bool m_closing = false;
};

} // namespace Gatehouse::Runtime
