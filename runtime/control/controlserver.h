#pragma once

#include "controlsession.h"

#include "model/telemetry.h"
#include "runtimeclient/nodestatus.h"

#include <QLocalServer>
#include <QWebSocketServer>
#include <QMap>
#include <QObject>
#include <QPointer>

namespace Gatehouse::Runtime {

class ControlHandler;

// The control socket of a running stack (docs/runtime-protocol.md): a QLocalServer (and
// optionally a loopback WebSocket server) whose sessions each get the hello/welcome handshake, a snapshot, then the broadcast streams.
// Broadcasts encode a message once and hand the same bytes to every session; sessions drop
// what a slow client cannot take (see ControlSession). The handler must outlive the server.
class ControlServer : public QObject
{
    Q_OBJECT
public:
    ControlServer(ControlHandler *handler, const QString &runtimeVersion, QObject *parent = nullptr);
    ~ControlServer() override;

    // Listens on `name` (an absolute path or a name in the runtime dir). A stale socket file of
    // a dead supervisor is removed first. False with `error` when it cannot listen.
    bool listen(const QString &name, QString *error);
    QString fullServerName() const { return m_server.fullServerName(); }
    // The same protocol over a WebSocket on 127.0.0.1:port (0: a free port), one text message per
    // protocol message. Connections that carry an Origin header (i.e. from a web page in a
    // browser) are refused, so a site the user visits cannot drive the stack.
    bool listenWebSocket(int port, QString *error);
    int webSocketPort() const { return m_webSocketServer.isListening() ? m_webSocketServer.serverPort() : 0; }
    void setLimits(ControlSession::Limits limits) { m_limits = limits; }

    void broadcastStatus(const NodeStatus &status);
    // {"type":"edgeFaults","edgeFaults":{edgeId:{…}}} on the status stream (StackControl::edgeFaults()).
    void broadcastEdgeFaults(const QJsonObject &edgeFaults);
    void broadcastLog(const QJsonObject &line);
    // Forwards the spans of the sampled traces only (TraceSampling::keeps with samplingPercent()).
    void broadcastSpans(const QList<Span> &spans);
    // Share of traces the span stream carries, 0..100 (clamped); 100 by default. Metrics and the
    // `trace` command do not depend on it.
    void setSamplingPercent(int percent);
    int samplingPercent() const { return m_samplingPercent; }
    void broadcastMetrics(const QJsonObject &metrics);
    // `topics` without "type" (KafkaTopicMonitor's picture); droppable like metrics.
    void broadcastTopics(const QJsonObject &topics);
    // Sends "bye" to every client, closes them and stops listening (removes the socket file).
    void shutdown(const QString &reason);

    // {"clients":n,"slowClientsDropped":n,"sessions":[per-session counters]}
    QJsonObject counters() const;

Q_SIGNALS:
    void shutdownRequested();

private:
    void onNewConnection();
    void addSession(ControlTransport *transport);
    void deliver(ControlSession::Stream stream, const QByteArray &line);

    ControlHandler *m_handler;
    QLocalServer m_server;
    QWebSocketServer m_webSocketServer;
    QString m_runtimeVersion;
    ControlSession::Limits m_limits;
    QMap<int, QPointer<ControlSession>> m_sessions;
    qint64 m_slowClientsDropped = 0;
    int m_samplingPercent = 100;
};

} // namespace Gatehouse::Runtime
