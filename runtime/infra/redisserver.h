#pragma once

#include <QString>
#include <memory>

class QProcess;

namespace Gatehouse::Runtime {

struct RedisServerOptions
{
    QString executable = QStringLiteral("redis-server"); // looked up on PATH unless absolute
    QString dataDir; // working dir of the server (nothing is persisted by default)
    QString logFile; // empty: "<dataDir>/redis.log"
    QString password; // required; from the secret store
    int port = 0; // 0: pick a free loopback port (retried on collision); else fixed
    int startTimeoutMs = 10000;
};

// One redis-server for one stack on 127.0.0.1:<port>, password required, no persistence
// (save "", appendonly no). The configuration — password included — goes to the server on its
// stdin (`redis-server -`), never on a command line or in a file. Ready when AUTH + PING answer.
// stop(): SHUTDOWN NOSAVE, then SIGTERM/SIGKILL after a deadline; waits for the exit.
class RedisServer
{
public:
    explicit RedisServer(RedisServerOptions options);
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    bool start(QString *error);
    void stop();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    qint64 pid() const;

    // Connects, AUTHs and PINGs once. Returns false and sets `error` otherwise.
    static bool ping(const QString &host, int port, const QString &password, QString *error, int timeoutMs = 1000);

private:
    bool launch(int port, QString *error, bool *portTaken);
    QString logTail() const;

    RedisServerOptions m_options;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace Gatehouse::Runtime
