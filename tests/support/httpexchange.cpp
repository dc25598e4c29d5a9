#include "httpexchange.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

namespace Gatehouse::Test {

HttpReply httpRequest(int port, const QByteArray &method, const QByteArray &path, const QByteArray &body,
    const QByteArray &bearer, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!bearer.isEmpty())
        request += "Authorization: Bearer " + bearer + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    QByteArray response;
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    HttpReply reply;
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    const qsizetype bodyStart = response.indexOf("\r\n\r\n");
    reply.body = bodyStart < 0 ? QByteArray() : response.mid(bodyStart + 4);
    return reply;
}

} // namespace Gatehouse::Test
