#include "runtimeclient.h"

#include "protocol.h"

#include <QJsonArray>

namespace Gatehouse {

RuntimeClient::RuntimeClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::readyRead, this, &RuntimeClient::onReadyRead);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        QJsonArray versions;
        for (int v = Protocol::MinVersion; v <= Protocol::Version; ++v)
            versions.append(v);
        m_socket->write(Protocol::encode(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Hello)},
                                                     {QStringLiteral("protocol"), versions},
                                                     {QStringLiteral("client"), QStringLiteral("gatehouse-runtimeclient")}}));
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        m_negotiated = false;
        Q_EMIT disconnected();
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        if (error != QLocalSocket::PeerClosedError)
            Q_EMIT failed(m_socket->errorString());
    });
}

RuntimeClient::~RuntimeClient() = default;

void RuntimeClient::connectToServer(const QString &name)
{
    if (m_socket->state() != QLocalSocket::UnconnectedState)
        return; // an attempt is under way or a connection exists
    m_buffer.clear();
    m_negotiated = false;
    m_socket->connectToServer(name);
}

void RuntimeClient::disconnectFromServer()
{
    m_socket->disconnectFromServer();
}

int RuntimeClient::sendCommand(const QString &command, const QJsonObject &arguments)
{
    const int id = m_nextId++;
    QJsonObject message = arguments;
    message.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Command));
    message.insert(QStringLiteral("id"), id);
    message.insert(QStringLiteral("command"), command);
    m_socket->write(Protocol::encode(message));
    return id;
}

void RuntimeClient::sendRaw(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

std::optional<NodeStatus> RuntimeClient::node(const QString &nodeId) const
{
    for (const NodeStatus &s : m_nodes) {
        if (s.nodeId == nodeId)
            return s;
    }
    return std::nullopt;
}

void RuntimeClient::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        QString error;
        const auto message = Protocol::decode(line, &error);
        if (!message) {
            Q_EMIT errorReceived(QLatin1String(Protocol::ErrorCode::Malformed), error);
            continue;
        }
        handle(*message);
    }
    if (m_buffer.size() > Protocol::MaxLineBytes) {
        m_buffer.clear();
        Q_EMIT errorReceived(QLatin1String(Protocol::ErrorCode::Malformed), QStringLiteral("server line too long"));
        m_socket->abort();
    }
}

void RuntimeClient::upsert(const NodeStatus &status)
{
    for (NodeStatus &s : m_nodes) {
        if (s.nodeId == status.nodeId) {
            s = status;
            return;
        }
    }
    m_nodes.append(status);
}

void RuntimeClient::handle(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String(Protocol::Type::Welcome)) {
        m_negotiated = true;
        m_version = message.value(QStringLiteral("protocol")).toInt();
        m_runtimeVersion = message.value(QStringLiteral("runtimeVersion")).toString();
        Q_EMIT welcomed(m_version);
    } else if (type == QLatin1String(Protocol::Type::Snapshot)) {
        m_nodes.clear();
        const QJsonArray nodes = message.value(QStringLiteral("nodes")).toArray();
        for (const QJsonValue &v : nodes) {
            if (const auto s = NodeStatus::fromJson(v.toObject()))
                m_nodes.append(*s);
        }
        Q_EMIT snapshotReceived(m_nodes, message);
        Q_EMIT edgeFaultsChanged(message.value(QStringLiteral("edgeFaults")).toObject());
    } else if (type == QLatin1String(Protocol::Type::EdgeFaults)) {
        Q_EMIT edgeFaultsChanged(message.value(QStringLiteral("edgeFaults")).toObject());
    } else if (type == QLatin1String(Protocol::Type::Status)) {
        if (const auto s = NodeStatus::fromJson(message.value(QStringLiteral("node")).toObject())) {
            upsert(*s);
            Q_EMIT statusChanged(*s);
        }
    } else if (type == QLatin1String(Protocol::Type::Log)) {
        Q_EMIT logReceived(message);
    } else if (type == QLatin1String(Protocol::Type::Spans)) {
        QList<Span> spans;
        const QJsonArray array = message.value(QStringLiteral("spans")).toArray();
        spans.reserve(array.size());
        for (const QJsonValue &v : array) {
            if (const auto span = Span::fromJson(v.toObject()))
                spans.append(*span);
        }
        Q_EMIT spansReceived(spans);
    } else if (type == QLatin1String(Protocol::Type::Metrics)) {
        Q_EMIT metricsReceived(message);
    } else if (type == QLatin1String(Protocol::Type::Topics)) {
        Q_EMIT topicsReceived(message);
    } else if (type == QLatin1String(Protocol::Type::Result)) {
        Q_EMIT commandFinished(message.value(QStringLiteral("id")).toInt(), message.value(QStringLiteral("ok")).toBool(),
                               message);
    } else if (type == QLatin1String(Protocol::Type::Dropped)) {
        Q_EMIT droppedReported(message);
    } else if (type == QLatin1String(Protocol::Type::Error)) {
        const QString code = message.value(QStringLiteral("code")).toString();
        const QString text = message.value(QStringLiteral("message")).toString();
        Q_EMIT errorReceived(code, text);
        if (code == QLatin1String(Protocol::ErrorCode::UnsupportedVersion))
            Q_EMIT failed(text);
    }
    // Unknown server message types are ignored on purpose: a newer runtime may add some.
}

} // namespace Gatehouse
