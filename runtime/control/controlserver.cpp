#include "controlserver.h"

#include "controlhandler.h"
#include "controltransport.h"
#include "tracesampling.h"

#include "runtimeclient/protocol.h"

#include <QFile>
#include <QJsonArray>
#include <QLocalSocket>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>

#include <algorithm>

namespace Gatehouse::Runtime {

ControlServer::ControlServer(ControlHandler *handler, const QString &runtimeVersion, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_webSocketServer(QStringLiteral("gatehouse-runtime"), QWebSocketServer::NonSecureMode)
    , m_runtimeVersion(runtimeVersion)
{
    connect(&m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
    connect(&m_webSocketServer, &QWebSocketServer::originAuthenticationRequired, this,
            [](QWebSocketCorsAuthenticator *authenticator) { authenticator->setAllowed(authenticator->origin().isEmpty()); });
    connect(&m_webSocketServer, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_webSocketServer.nextPendingConnection()) {
            socket->setMaxAllowedIncomingMessageSize(Protocol::MaxLineBytes);
            addSession(new WebSocketTransport(socket));
        }
    });
}

ControlServer::~ControlServer()
{
    m_server.close();
    m_webSocketServer.close();
}

bool ControlServer::listenWebSocket(int port, QString *error)
{
    if (m_webSocketServer.listen(QHostAddress::LocalHost, static_cast<quint16>(port)))
        return true;
    *error = QStringLiteral("cannot listen for WebSocket clients on 127.0.0.1:%1: %2").arg(port).arg(m_webSocketServer.errorString());
    return false;
}

bool ControlServer::listen(const QString &name, QString *error)
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server.listen(name))
        return true;
    if (m_server.serverError() == QAbstractSocket::AddressInUseError) {
        // Only a dead supervisor's leftover file: a live one answers a connection attempt.
        QLocalSocket probe;
        probe.connectToServer(name);
        if (probe.waitForConnected(500)) {
            *error = QStringLiteral("control socket %1 is in use by another running stack").arg(name);
            return false;
        }
        QLocalServer::removeServer(name);
        if (m_server.listen(name))
            return true;
    }
    *error = QStringLiteral("cannot listen on control socket %1: %2").arg(name, m_server.errorString());
    return false;
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection())
        addSession(new LocalSocketTransport(socket));
}

void ControlServer::addSession(ControlTransport *transport)
{
    auto *session = new ControlSession(transport, m_handler, m_limits, m_runtimeVersion, this);
    m_sessions.insert(session->id(), session);
    connect(session, &ControlSession::closed, this, [this](int id, bool slow) {
        if (slow)
            ++m_slowClientsDropped;
        if (QPointer<ControlSession> s = m_sessions.take(id))
            s->deleteLater();
    });
    connect(session, &ControlSession::shutdownRequested, this, &ControlServer::shutdownRequested, Qt::QueuedConnection);
}

void ControlServer::deliver(ControlSession::Stream stream, const QByteArray &line)
{
    // Copy: a session may close (and leave the map) while we deliver.
    const auto sessions = m_sessions;
    for (const QPointer<ControlSession> &s : sessions) {
        if (s)
            s->deliver(stream, line);
    }
}

void ControlServer::broadcastStatus(const NodeStatus &status)
{
    deliver(ControlSession::Stream::Status,
            Protocol::encode(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Status)},
                                         {QStringLiteral("node"), status.toJson()}}));
}

void ControlServer::broadcastEdgeFaults(const QJsonObject &edgeFaults)
{
    deliver(ControlSession::Stream::Status,
            Protocol::encode(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::EdgeFaults)},
                                         {QStringLiteral("edgeFaults"), edgeFaults}}));
}

void ControlServer::broadcastLog(const QJsonObject &line)
{
    if (m_sessions.isEmpty())
        return;
    QJsonObject message = line;
    message.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Log));
    deliver(ControlSession::Stream::Logs, Protocol::encode(message));
}

void ControlServer::broadcastSpans(const QList<Span> &spans)
{
    if (m_sessions.isEmpty() || spans.isEmpty())
        return;
    QJsonArray array;
    for (const Span &s : spans) {
        if (TraceSampling::keeps(s.traceId, m_samplingPercent))
            array.append(s.toJson());
    }
    if (array.isEmpty())
        return;
    deliver(ControlSession::Stream::Spans,
            Protocol::encode(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Spans)}, {QStringLiteral("spans"), array}}));
}

void ControlServer::setSamplingPercent(int percent)
{
    m_samplingPercent = std::clamp(percent, 0, 100);
}

void ControlServer::broadcastMetrics(const QJsonObject &metrics)
{
    if (m_sessions.isEmpty())
        return;
    QJsonObject message = metrics;
    message.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Metrics));
    deliver(ControlSession::Stream::Metrics, Protocol::encode(message));
}

void ControlServer::broadcastTopics(const QJsonObject &topics)
{
    if (m_sessions.isEmpty())
        return;
    QJsonObject message = topics;
    message.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Topics));
    deliver(ControlSession::Stream::Topics, Protocol::encode(message));
}

void ControlServer::shutdown(const QString &reason)
{
    const auto sessions = m_sessions;
    for (const QPointer<ControlSession> &s : sessions) {
        if (s)
            s->close(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Bye)}, {QStringLiteral("reason"), reason}});
    }
    m_server.close();
    m_webSocketServer.close();
}

QJsonObject ControlServer::counters() const
{
    QJsonArray sessions;
    for (const QPointer<ControlSession> &s : m_sessions) {
        if (s)
            sessions.append(s->counters());
    }
    return QJsonObject{{QStringLiteral("clients"), sessions.size()},
                       {QStringLiteral("slowClientsDropped"), m_slowClientsDropped},
                       {QStringLiteral("sessions"), sessions}};
}

} // namespace Gatehouse::Runtime
