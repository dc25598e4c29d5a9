#include "settings/connectionprobe.h"

#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <libpq-fe.h>
#include <memory>

namespace Gatehouse {

namespace {

QByteArray respCommand(const QList<QByteArray> &args)
{
    QByteArray out = "*" + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &a : args)
        out += "$" + QByteArray::number(a.size()) + "\r\n" + a + "\r\n";
    return out;
}

} // namespace

ConnectionProbe::ConnectionProbe(int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_timeoutMs(timeoutMs)
{
}

ConnectionProbe::~ConnectionProbe() = default;

void ConnectionProbe::finish(bool ok, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // stale timeouts and replies of this probe are ignored from now on
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Q_EMIT finished(ok, message);
}

void ConnectionProbe::failLater(const QString &message)
{
    // finished() never fires inside a probe call, so callers can connect after starting.
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, message] {
            if (m_generation == generation)
                finish(false, message);
        },
        Qt::QueuedConnection);
}

bool ConnectionProbe::probePostgres(const QString &dsn, const QString &password)
{
    if (m_running)
        return false;
    m_running = true;
    const int generation = ++m_generation;
    const int timeoutSeconds = qMax(1, m_timeoutMs / 1000);
    struct Result
    {
        bool ok = false;
        QString message;
    };
    auto result = std::make_shared<Result>();
    // libpq's connect blocks (DNS, TCP, TLS, auth), so it runs on its own thread. The result is
    // read back in QThread::finished, queued to this object (and dropped if it is gone).
    QThread *worker = QThread::create([result, dsn, password, timeoutSeconds] {
        const QByteArray dsnBytes = dsn.toUtf8();
        const QByteArray passwordBytes = password.toUtf8();
        const QByteArray timeout = QByteArray::number(timeoutSeconds);
        const char *keys[] = { "dbname", "password", "connect_timeout", nullptr };
        const char *values[] = { dsnBytes.constData(), password.isEmpty() ? nullptr : passwordBytes.constData(),
            timeout.constData(), nullptr };
        PGconn *conn = PQconnectdbParams(keys, values, 1);
        result->ok = PQstatus(conn) == CONNECTION_OK;
        if (result->ok) {
            PGresult *res = PQexec(conn, "SELECT version()");
            result->ok = PQresultStatus(res) == PGRES_TUPLES_OK;
            result->message
                = QString::fromUtf8(result->ok ? PQgetvalue(res, 0, 0) : PQresultErrorMessage(res)).trimmed();
            PQclear(res);
        } else {
            result->message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        }
        PQfinish(conn);
    });
    connect(worker, &QThread::finished, this, [this, result, generation] {
        if (m_generation == generation)
            finish(result->ok, result->message);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return true;
}

bool ConnectionProbe::probeRedis(const QString &urlText, const QString &password)
{
    if (m_running)
        return false;
    const QUrl url(urlText.contains(QLatin1String("://")) ? urlText : QStringLiteral("redis://") + urlText);
    m_running = true;
    const int generation = ++m_generation;
    if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("redis")) {
        failLater(tr("“%1” is not a Redis URL like redis://host:6379/0.").arg(urlText));
        return true;
    }
    m_redisPending.clear();
    m_buffer.clear();
    if (!password.isEmpty()) {
        QList<QByteArray> auth { "AUTH" };
        if (!url.userName().isEmpty())
            auth << url.userName().toUtf8();
        auth << password.toUtf8();
        m_redisPending << respCommand(auth);
    }
    m_redisPending << respCommand({ "PING" });
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        QByteArray all;
        for (const QByteArray &c : std::as_const(m_redisPending))
            all += c;
        m_socket->write(all);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionProbe::redisReply);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { finish(false, m_socket->errorString()); });
    QTimer::singleShot(m_timeoutMs, this, [this, generation] {
        if (m_generation == generation)
            finish(false, tr("No answer within %1 s.").arg(m_timeoutMs / 1000.0));
    });
    m_socket->connectToHost(url.host(), static_cast<quint16>(url.port(6379)));
    return true;
}

void ConnectionProbe::redisReply()
{
    m_buffer += m_socket->readAll();
    // Every reply to AUTH and PING is one line: "+OK", "+PONG" or "-ERR …".
    while (m_running && !m_redisPending.isEmpty()) {
        const qsizetype end = m_buffer.indexOf("\r\n");
        if (end < 0)
            return;
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        m_redisPending.removeFirst();
        if (line.startsWith('-')) {
            finish(false, QString::fromUtf8(line.mid(1)));
            return;
        }
        if (m_redisPending.isEmpty())
            finish(line == "+PONG", line == "+PONG" ? tr("Redis answered PING.") : QString::fromUtf8(line));
    }
}

bool ConnectionProbe::probeKafka(const QString &bootstrap)
{
    if (m_running)
        return false;
    m_running = true;
    m_kafkaTodo = bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &b : m_kafkaTodo)
        b = b.trimmed();
    m_kafkaReached.clear();
    if (m_kafkaTodo.isEmpty()) {
        failLater(tr("No bootstrap server given."));
        return true;
    }
    kafkaNext();
    return true;
}

void ConnectionProbe::kafkaNext()
{
    if (m_kafkaTodo.isEmpty()) {
        finish(true,
            tr("Reached %1 over TCP. A full metadata check needs librdkafka; the runtime does it when the "
               "stack starts.")
                .arg(m_kafkaReached.join(QStringLiteral(", "))));
        return;
    }
    const QString hostPort = m_kafkaTodo.takeFirst();
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? hostPort.mid(colon + 1).toInt(&portOk) : 0;
    if (!portOk || port <= 0 || port > 65535) {
        failLater(tr("“%1” is not host:port.").arg(hostPort));
        return;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    const int generation = ++m_generation;
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this, hostPort] {
        m_kafkaReached << hostPort;
        kafkaNext();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
        [this, hostPort] { finish(false, QStringLiteral("%1: %2").arg(hostPort, m_socket->errorString())); });
    QTimer::singleShot(m_timeoutMs, this, [this, generation, hostPort] {
        if (m_generation == generation)
            finish(false, tr("%1: no answer within %2 s.").arg(hostPort).arg(m_timeoutMs / 1000.0));
    });
    m_socket->connectToHost(hostPort.left(colon), static_cast<quint16>(port));
}

} // namespace Gatehouse
