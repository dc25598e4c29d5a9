#include "portforwarder.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

namespace Gatehouse::Runtime {

PortForwarder::PortForwarder(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &PortForwarder::onNewConnection);
}

PortForwarder::~PortForwarder()
{
    close();
}

bool PortForwarder::listen(int listenPort, int targetPort, QString *error)
{
    m_targetPort = targetPort;
    if (!m_server.listen(QHostAddress::LocalHost, quint16(listenPort))) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

void PortForwarder::close()
{
    m_server.close();
    // The pipes are children of this object: closing them ends every forwarded connection.
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
}

void PortForwarder::onNewConnection()
{
    while (QTcpSocket *incoming = m_server.nextPendingConnection()) {
        incoming->setParent(this);
        auto *outgoing = new QTcpSocket(this);
        // Bytes the client sends before the target answers wait in `incoming`'s buffer.
        auto pipe = [](QTcpSocket *from, QTcpSocket *to) {
            const QPointer<QTcpSocket> peer(to);
            connect(from, &QTcpSocket::readyRead, from, [from, peer] {
                if (peer && peer->state() == QAbstractSocket::ConnectedState)
                    peer->write(from->readAll());
            });
            connect(from, &QTcpSocket::disconnected, from, [from, peer] {
                if (peer) {
                    if (peer->state() == QAbstractSocket::ConnectedState) {
                        if (from->bytesAvailable() > 0)
                            peer->write(from->readAll());
                        peer->disconnectFromHost(); // after its pending bytes; then it goes too
                    } else {
                        peer->abort();
                        peer->deleteLater();
                    }
                }
                from->deleteLater();
            });
        };
        pipe(incoming, outgoing);
        pipe(outgoing, incoming);
        connect(outgoing, &QTcpSocket::connected, incoming, [incoming, outgoing] {
            outgoing->setProperty("forwarding", true);
            if (incoming->bytesAvailable() > 0)
                outgoing->write(incoming->readAll());
        });
        connect(outgoing, &QTcpSocket::errorOccurred, incoming, [incoming, outgoing](QAbstractSocket::SocketError) {
            if (!outgoing->property("forwarding").toBool()) { // the target never answered
                incoming->abort();
                incoming->deleteLater();
                outgoing->deleteLater();
            }
        });
        outgoing->connectToHost(QHostAddress::LocalHost, quint16(m_targetPort));
    }
}

} // namespace Gatehouse::Runtime
