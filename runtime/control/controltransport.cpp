#include "controltransport.h"

#include <QLocalSocket>
#include <QWebSocket>

namespace Gatehouse::Runtime {

LocalSocketTransport::LocalSocketTransport(QLocalSocket *socket, QObject *parent)
    : ControlTransport(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QLocalSocket::readyRead, this, [this] { Q_EMIT received(m_socket->readAll()); });
    connect(m_socket, &QLocalSocket::bytesWritten, this, &ControlTransport::drained);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlTransport::disconnected);
}

void LocalSocketTransport::send(const QByteArray &line)
{
    m_socket->write(line);
}

qint64 LocalSocketTransport::queuedBytes() const
{
    return m_socket->bytesToWrite();
}

void LocalSocketTransport::close()
{
    m_socket->flush();
    m_socket->disconnectFromServer();
}

void LocalSocketTransport::abort()
{
    m_socket->abort();
}

WebSocketTransport::WebSocketTransport(QWebSocket *socket, QObject *parent)
    : ControlTransport(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        // One message is one protocol message. A raw newline can only be JSON whitespace here
        // (it is invalid inside strings), so flattening it keeps the message on one line.
        QByteArray line = message.toUtf8();
        line.replace('\n', ' ');
        line.append('\n');
        Q_EMIT received(line);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        Q_EMIT received(QByteArrayLiteral("binary frames are not part of the protocol\n"));
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, &ControlTransport::drained);
    connect(m_socket, &QWebSocket::disconnected, this, &ControlTransport::disconnected);
}

void WebSocketTransport::send(const QByteArray &line)
{
    m_socket->sendTextMessage(QString::fromUtf8(line.endsWith('\n') ? line.chopped(1) : line));
}

qint64 WebSocketTransport::queuedBytes() const
{
    return m_socket->bytesToWrite();
}

void WebSocketTransport::close()
{
    m_socket->flush();
    m_socket->close();
}

void WebSocketTransport::abort()
{
    m_socket->abort();
}

} // namespace Gatehouse::Runtime
