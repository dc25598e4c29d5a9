#pragma once

#include <QByteArray>
#include <QObject>

class QLocalSocket;
class QWebSocket;

namespace Gatehouse::Runtime {

// One control client's connection, whatever carries it: the local socket (a byte stream of
// '\n'-terminated lines) or the loopback WebSocket (one text message per protocol message).
// The session sees the same lines either way; queuedBytes() is the client's send queue.
class ControlTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // `line` ends with '\n'.
    virtual void send(const QByteArray &line) = 0;
    virtual qint64 queuedBytes() const = 0;
    virtual void close() = 0; // after what is queued has been sent
    virtual void abort() = 0; // now, dropping what is queued

Q_SIGNALS:
    void received(const QByteArray &bytes); // stream bytes; lines end with '\n'
    void drained();                          // some queued bytes went out
    void disconnected();
};

class LocalSocketTransport final : public ControlTransport
{
    Q_OBJECT
public:
    // Takes ownership of `socket`.
    explicit LocalSocketTransport(QLocalSocket *socket, QObject *parent = nullptr);

    void send(const QByteArray &line) override;
    qint64 queuedBytes() const override;
    void close() override;
    void abort() override;

private:
    QLocalSocket *m_socket;
};

class WebSocketTransport final : public ControlTransport
{
    Q_OBJECT
public:
    // Takes ownership of `socket`.
    explicit WebSocketTransport(QWebSocket *socket, QObject *parent = nullptr);

    void send(const QByteArray &line) override;
    qint64 queuedBytes() const override;
    void close() override;
    void abort() override;

private:
    QWebSocket *m_socket;
};

} // namespace Gatehouse::Runtime
