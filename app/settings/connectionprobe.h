#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

class QTcpSocket;

namespace Gatehouse {

// "Test connection" for external infrastructure: really connects, never blocks the caller's
// thread, and reports once through finished() with the server's own message on failure.
// - PostgreSQL: libpq on a worker thread (connect_timeout), then `SELECT version()`; the
//   password is passed as a separate libpq parameter, never spliced into the DSN.
// - Redis: a QTcpSocket speaking RESP: `AUTH [user] password` (when given), then `PING`.
// - Kafka: a TCP connect to every bootstrap host:port. A full metadata check needs librdkafka,
//   which the app does not link; the message says so.
// finished() is always delivered later, never from inside a probe call. One probe per object; starting another while
// one runs is refused (returns false).
class ConnectionProbe : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionProbe(int timeoutMs = 5000, QObject *parent = nullptr);
    ~ConnectionProbe() override;

    bool isRunning() const { return m_running; }
    bool probePostgres(const QString &dsn, const QString &password);
    bool probeRedis(const QString &url, const QString &password);
    bool probeKafka(const QString &bootstrap);

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void finish(bool ok, const QString &message);
    void failLater(const QString &message);
    void redisReply();
    void kafkaNext();

    int m_timeoutMs;
    bool m_running = false;
    int m_generation = 0;
    QTcpSocket *m_socket = nullptr;
    // Redis: commands still to be answered.
    QList<QByteArray> m_redisPending;
    QByteArray m_buffer;
    // Kafka: host:port pairs still to try, and the ones reached.
    QStringList m_kafkaTodo;
    QStringList m_kafkaReached;
};

} // namespace Gatehouse
