#pragma once

#include <QString>
#include <memory>

class QProcess;

namespace Gatehouse::Runtime {

struct PostgresClusterOptions
{
    // Debian keeps the server binaries in a versioned folder that is not on PATH.
    QString binDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    QString dataDir; // PGDATA; initdb runs only when it holds no cluster yet
    QString socketDir; // private folder for the Unix socket; empty: "<dataDir>.run"
    QString logFile; // server log; empty: "<dataDir>.log"
    int port = 0; // 0: pick a free loopback port (retried on collision); else fixed
    // Optional cache of a pristine cluster (initdb output + Gatehouse's configuration). When it
    // exists, a cold start copies it instead of running initdb; when it does not, the first cold
    // start creates it. Empty: always initdb.
    QString templateDir;
    int startTimeoutMs = 30000;
};

// One PostgreSQL 15 server for one stack, listening on 127.0.0.1:<port> and on a Unix socket in
// a private folder. The superuser ("gatehouse") may log in only over that socket (trust, the
// folder is mode 0700); TCP logins use scram-sha-256 from 127.0.0.1 only.
//
// Running as root, the data and socket folders are chowned to the `postgres` system user and
// initdb/postgres run as that user (setgid/setuid in the child); otherwise as the current user.
// start() recovers from a previous run that was killed (-9): it stops an orphaned postmaster
// and its backends working in the same data dir and removes a stale postmaster.pid.
// stop() is a fast shutdown (SIGINT, like pg_ctl stop -m fast) and waits for the exit; the
// destructor stops too. Blocking calls: use from the supervisor's thread during start/stop.
class PostgresCluster
{
public:
    static constexpr const char *Superuser = "gatehouse";

    explicit PostgresCluster(PostgresClusterOptions options);
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // initdb when needed, start, wait until a real SQL ping answers. Returns false with a
    // user-facing `error` (binaries missing, data dir not writable, port taken, server log tail).
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString socketDir() const { return m_options.socketDir; }
    QString dataDir() const { return m_options.dataDir; }
    qint64 postmasterPid() const;
    // True when the last start() had to run initdb (cold start).
    bool initializedOnLastStart() const { return m_initialized; }
    // True when that cold start copied the template instead of running initdb.
    bool initializedFromTemplate() const { return m_fromTemplate; }
    // Milliseconds the last start() spent in initdb (or the template copy) and in starting the server.
    qint64 initdbMs() const { return m_initdbMs; }
    qint64 serverStartMs() const { return m_serverStartMs; }

    // Superuser connection over the private socket.
    QString adminConninfo(const QString &database = QStringLiteral("postgres")) const;

    // True when `dataDir` already holds an initialised cluster.
    static bool isInitialized(const QString &dataDir);

private:
    bool prepareFolders(QString *error);
    bool runInitdb(QString *error);
    bool copyTree(const QString &from, const QString &to, QString *error) const;
    bool writeHbaConfig(QString *error);
    bool launch(int port, QString *error, bool *portTaken);
    bool waitReady(QString *error);
    QString logTail() const;

    PostgresClusterOptions m_options;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    bool m_initialized = false;
    bool m_fromTemplate = false;
    qint64 m_initdbMs = 0;
    qint64 m_serverStartMs = 0;
};

} // namespace Gatehouse::Runtime
