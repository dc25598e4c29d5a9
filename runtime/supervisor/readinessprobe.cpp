#include "readinessprobe.h"

namespace Gatehouse::Runtime {

void ReadinessProbe::run(QObject *context, const QString &host, int port, const QString &path, int timeoutMs, Callback done)
{
    new ReadinessProbe(context, host, port, path, timeoutMs, std::move(done));
}

ReadinessProbe::ReadinessProbe(QObject *context, const QString &host, int port, const QString &path, int timeoutMs,
                               Callback done)
    : QObject(context)
    , m_done(std::move(done))
{
    m_request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + host.toUtf8() + ':' + QByteArray::number(port)
        + "\r\nConnection: close\r\nUser-Agent: gatehouse-supervisor\r\n\r\n";
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(false, QStringLiteral("no answer in time")); });
    connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_request); });
    connect(&m_socket, &QTcpSocket::readyRead, this, &ReadinessProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_response.isEmpty())
            onReadyRead();
        finish(false, m_socket.errorString());
    });
    m_deadline.start(timeoutMs);
    m_socket.connectToHost(host, static_cast<quint16>(port));
}

void ReadinessProbe::onReadyRead()
{
    m_response.append(m_socket.readAll());
    const qsizetype end = m_response.indexOf("\r\n");
    if (end < 0) {
        if (m_response.size() > 4096)
            finish(false, QStringLiteral("malformed HTTP status line"));
        return;
    }
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = m_response.left(end).split(' ');
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1.")) {
        finish(false, QStringLiteral("malformed HTTP status line"));
        return;
    }
    bool ok = false;
    const int status = parts.at(1).toInt(&ok);
    if (ok && status >= 200 && status < 300)
        finish(true, {});
    else
        finish(false, QStringLiteral("answered HTTP %1").arg(QString::fromLatin1(parts.at(1))));
}

void ReadinessProbe::finish(bool ok, const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_socket.abort();
    auto done = std::move(m_done);
    deleteLater();
    if (done)
        done(ok, reason);
}

} // namespace Gatehouse::Runtime
