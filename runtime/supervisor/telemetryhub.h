#pragma once

#include "metricswindow.h"

#include "model/telemetry.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <deque>

namespace Gatehouse::Runtime {

// The supervisor's telemetry intake (DESIGN §6): nodes connect over loopback TCP and send
// newline-delimited JSON — {"type":"spans","nodeId",…,"spans":[Span…]} and
// {"type":"log","nodeId","time","level","message"[,"fields"]} (docs/gateway.md, "Telemetry
// intake"). Aggregates per node (server spans) and per edge (spans that name an edge) over a
// sliding window, keeps the most recent spans in a bounded ring, and re-emits what it received.
// Bad lines are counted and skipped, unknown line types ignored (and counted); an over-long
// line closes that connection.
class TelemetryHub : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        qint64 spans = 0;           // spans accepted
        qint64 invalidSpans = 0;    // span objects that did not parse
        qint64 logs = 0;
        qint64 malformedLines = 0;  // not a JSON object with a string "type"
        qint64 ignoredLines = 0;    // a type this intake does not know (newer nodes may send more)
        qint64 droppedConnections = 0; // closed for an over-long line
    };

    explicit TelemetryHub(QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0: any free port). False with `error` set when it cannot.
    bool listen(int port, QString *error);
    int port() const;
    void close();

    void setMaxLineBytes(qsizetype bytes) { m_maxLineBytes = bytes; }
    void setTraceCapacity(std::size_t spans) { m_traceCapacity = spans; }

    // Also used directly by in-process producers and tests.
    void ingestLine(const QByteArray &line, const QString &connectionNodeId = {});

    // {"type":"metrics","timeMs","windowMs","nodes":{id:summary},"edges":{id:summary},"intake":{counters}}
    QJsonObject metrics();
    // Every span of `traceId` still in the ring, oldest first.
    QList<Span> trace(const QString &traceId) const;
    Counters counters() const { return m_counters; }

Q_SIGNALS:
    void spansReceived(const QList<Gatehouse::Span> &spans);
    void logReceived(const QJsonObject &line); // in the control protocol's "log" shape

private:
    void onNewConnection();

    QTcpServer m_server;
    qsizetype m_maxLineBytes = 8 * 1024 * 1024;
    std::size_t m_traceCapacity = 20000;
    std::deque<Span> m_ring;
    QHash<QString, MetricsWindow> m_nodes;
    QHash<QString, MetricsWindow> m_edges;
    Counters m_counters;
    qint64 m_windowMs = 10000;
};

} // namespace Gatehouse::Runtime
