#include "postgrescluster.h"

#include "pgconnection.h"
#include "portallocator.h"
#include "processtools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

// Unix socket paths are limited to 107 bytes; "/.s.PGSQL.65535" needs 15 of them.
constexpr int MaxSocketDirLength = 90;
constexpr int PortAttempts = 5;

const char hbaConfig[]
    = "# Written by Gatehouse. The superuser logs in over the private Unix socket only (its folder is\n"
      "# mode 0700); service roles log in over loopback TCP with SCRAM; nothing else gets in.\n"
      "local   all   gatehouse                   trust\n"
      "host    all   gatehouse   127.0.0.1/32    reject\n"
      "host    all   all         127.0.0.1/32    scram-sha-256\n";

const char serverConfig[] = "\n# Gatehouse: loopback only; port and socket folder are given on each start.\n"
                            "listen_addresses = '127.0.0.1'\n"
                            "password_encryption = 'scram-sha-256'\n"
                            "max_connections = 200\n"
                            "shared_buffers = 32MB\n"
                            "dynamic_shared_memory_type = posix\n"
                            "log_min_messages = warning\n"
                            "# A disposable development cluster: no fsync. A crashed postgres loses nothing (the OS\n"
                            "# cache survives); only an OS crash or power loss can corrupt it (delete the data dir).\n"
                            "fsync = off\n"
                            "synchronous_commit = off\n"
                            "full_page_writes = off\n"
                            "log_line_prefix = '%m [%p] %q%u@%d '\n";

QString sysError()
{
    return QString::fromLocal8Bit(::strerror(errno));
}

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool makePrivateDir(const QString &path, const std::optional<ProcessTools::SystemUser> &owner, QString *error)
{
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("Cannot create the folder %1: the data dir is not writable.").arg(path);
        return false;
    }
    if (::access(QFile::encodeName(path).constData(), W_OK | X_OK) != 0) {
        *error = QStringLiteral("The folder %1 is not writable: %2.").arg(path, sysError());
        return false;
    }
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0) {
        *error = QStringLiteral("Cannot restrict the folder %1 to mode 0700: %2.").arg(path, sysError());
        return false;
    }
    if (owner && ::chown(QFile::encodeName(path).constData(), owner->uid, owner->gid) != 0) {
        *error = QStringLiteral("Cannot hand the folder %1 to the %2 user: %3.").arg(path, owner->name, sysError());
        return false;
    }
    return true;
}

std::optional<ProcessTools::SystemUser> serverUser(QString *error)
{
    if (!ProcessTools::runningAsRoot())
        return std::nullopt;
    auto user = ProcessTools::lookupUser(QStringLiteral("postgres"));
    if (!user)
        *error = QStringLiteral("Running as root, PostgreSQL must run as the 'postgres' system user, but that "
                                "user does not exist. Install postgresql-15 (it creates the user) or run "
                                "Gatehouse as a normal user.");
    return user;
}

} // namespace

PostgresCluster::PostgresCluster(PostgresClusterOptions options)
    : m_options(std::move(options))
{
    m_options.dataDir = QDir::cleanPath(QFileInfo(m_options.dataDir).absoluteFilePath());
    if (m_options.socketDir.isEmpty())
        m_options.socketDir = m_options.dataDir + QStringLiteral(".run");
    if (m_options.logFile.isEmpty())
        m_options.logFile = m_options.dataDir + QStringLiteral(".log");
}

PostgresCluster::~PostgresCluster()
{
    stop();
}

bool PostgresCluster::isInitialized(const QString &dataDir)
{
    return QFile::exists(dataDir + QStringLiteral("/PG_VERSION"));
}

qint64 PostgresCluster::postmasterPid() const
{
    return m_process ? m_process->processId() : 0;
}

bool PostgresCluster::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString PostgresCluster::adminConninfo(const QString &database) const
{
    return PgConnection::conninfo(m_options.socketDir, m_port, database, QString::fromLatin1(Superuser));
}

QString PostgresCluster::logTail() const
{
    const QString tail = ProcessTools::tail(m_options.logFile);
    return tail.isEmpty() ? QString() : QStringLiteral("\nServer log (%1):\n%2").arg(m_options.logFile, tail);
}

bool PostgresCluster::prepareFolders(QString *error)
{
    if (m_options.dataDir.isEmpty()) {
        *error = QStringLiteral("No data dir was given for PostgreSQL.");
        return false;
    }
    for (const char *binary : { "initdb", "postgres" }) {
        const QString path = m_options.binDir + QLatin1Char('/') + QString::fromLatin1(binary);
        if (!isExecutable(path)) {
            *error = QStringLiteral("PostgreSQL 15 server binaries are missing: %1 is not an executable file. "
                                    "Install them (Debian: apt-get install postgresql-15) or point Gatehouse "
                                    "to the folder that holds initdb and postgres.")
                         .arg(path);
            return false;
        }
    }
    if (m_options.socketDir.size() > MaxSocketDirLength) {
        *error = QStringLiteral("The socket folder %1 is too long for a Unix socket (max %2 characters); "
                                "choose a shorter data dir.")
                     .arg(m_options.socketDir)
                     .arg(MaxSocketDirLength);
        return false;
    }
    const QString parent = QFileInfo(m_options.dataDir).absolutePath();
    if (!QDir().mkpath(parent) || ::access(QFile::encodeName(parent).constData(), W_OK | X_OK) != 0) {
        *error = QStringLiteral("The data dir %1 is not writable (cannot create or write %2).")
                     .arg(m_options.dataDir, parent);
        return false;
    }
    QString userError;
    const auto user = serverUser(&userError);
    if (ProcessTools::runningAsRoot() && !user) {
        *error = userError;
        return false;
    }
    if (user) {
        QString blocking;
        if (!ProcessTools::traversableBy(parent, *user, &blocking)) {
            *error = QStringLiteral("Running as root, PostgreSQL runs as the 'postgres' user, which cannot enter "
                                    "%1 (on the way to the data dir %2). Choose a data dir outside it (e.g. under "
                                    "/var/lib/gatehouse) or let other users traverse it: chmod o+x %1")
                         .arg(blocking, m_options.dataDir);
            return false;
        }
    }
    if (!makePrivateDir(m_options.socketDir, user, error))
        return false;
    // Leftovers of a killed run (socket, lock file) would only confuse; the folder is ours.
    const QStringList leftovers = QDir(m_options.socketDir).entryList(QDir::Files | QDir::System | QDir::Hidden);
    for (const QString &name : leftovers)
        QFile::remove(m_options.socketDir + QLatin1Char('/') + name);

    QFile log(m_options.logFile);
    if (!log.open(QIODevice::Append)) {
        *error = QStringLiteral("Cannot write the PostgreSQL log %1: %2").arg(m_options.logFile, log.errorString());
        return false;
    }
    log.close();
    if (user && ::chown(QFile::encodeName(m_options.logFile).constData(), user->uid, user->gid) != 0) {
        *error = QStringLiteral("Cannot hand the PostgreSQL log %1 to the postgres user: %2")
                     .arg(m_options.logFile, sysError());
        return false;
    }
    return true;
}

bool PostgresCluster::runInitdb(QString *error)
{
    QString userError;
    const auto user = serverUser(&userError);
    // initdb into a temporary sibling and rename: an interrupted initdb never leaves a
    // half-made cluster where the next start would take it for a real one.
    const QString staging = m_options.dataDir + QStringLiteral(".initdb");
    QDir(staging).removeRecursively();
    if (!makePrivateDir(staging, user, error))
        return false;

    const bool haveTemplate = !m_options.templateDir.isEmpty() && isInitialized(m_options.templateDir);
    if (haveTemplate) {
        if (!copyTree(m_options.templateDir, staging, error)
            || (user && !ProcessTools::chownRecursive(staging, *user, error))) {
            QDir(staging).removeRecursively();
            return false;
        }
        m_fromTemplate = true;
    } else {
        QProcess initdb;
        ProcessTools::configureChild(initdb, user, SIGKILL);
        initdb.setWorkingDirectory(staging);
        initdb.setProcessChannelMode(QProcess::MergedChannels);
        initdb.start(m_options.binDir + QStringLiteral("/initdb"),
            { QStringLiteral("-D"), staging, QStringLiteral("-U"), QString::fromLatin1(Superuser), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                QStringLiteral("--no-sync"), QStringLiteral("--no-instructions") });
        if (!initdb.waitForFinished(120000) || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
            *error = QStringLiteral("initdb failed for %1:\n%2")
                         .arg(m_options.dataDir, QString::fromLocal8Bit(initdb.readAll()).trimmed());
            QDir(staging).removeRecursively();
            return false;
        }
        QFile hba(staging + QStringLiteral("/pg_hba.conf"));
        QFile conf(staging + QStringLiteral("/postgresql.conf"));
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(hbaConfig) < 0
            || !conf.open(QIODevice::Append) || conf.write(serverConfig) < 0) {
            *error = QStringLiteral("Cannot write the PostgreSQL configuration in %1.").arg(staging);
            return false;
        }
        hba.close();
        conf.close();
        if (!m_options.templateDir.isEmpty()) {
            // Best effort: a failed template only costs the next cold start an initdb.
            const QString templateStaging = m_options.templateDir + QStringLiteral(".tmp");
            QDir(templateStaging).removeRecursively();
            QString ignored;
            if (QDir().mkpath(QFileInfo(m_options.templateDir).absolutePath())
                && copyTree(staging, templateStaging, &ignored)
                && ::rename(QFile::encodeName(templateStaging).constData(),
                       QFile::encodeName(m_options.templateDir).constData())
                    != 0)
                QDir(templateStaging).removeRecursively();
        }
    }
    if (::rename(QFile::encodeName(staging).constData(), QFile::encodeName(m_options.dataDir).constData()) != 0) {
        *error = QStringLiteral("Cannot move the new cluster to %1: %2").arg(m_options.dataDir, sysError());
        return false;
    }
    return true;
}

bool PostgresCluster::copyTree(const QString &from, const QString &to, QString *error) const
{
    // cp -a keeps modes and (as root) the postgres ownership; `from/.` copies the contents into
    // an existing or new `to`.
    QProcess cp;
    cp.setProcessChannelMode(QProcess::MergedChannels);
    cp.start(QStringLiteral("cp"), { QStringLiteral("-a"), from + QStringLiteral("/."), to });
    if (!cp.waitForFinished(120000) || cp.exitStatus() != QProcess::NormalExit || cp.exitCode() != 0) {
        *error = QStringLiteral("Cannot copy the PostgreSQL cluster %1 to %2: %3")
                     .arg(from, to, QString::fromLocal8Bit(cp.readAll()).trimmed());
        return false;
    }
    return true;
}

bool PostgresCluster::launch(int port, QString *error, bool *portTaken)
{
    *portTaken = false;
    QString userError;
    const auto user = serverUser(&userError);
    m_process = std::make_unique<QProcess>();
    // SIGINT on our death = fast shutdown: a crashed supervisor does not leave the server behind.
    ProcessTools::configureChild(*m_process, user, SIGINT);
    m_process->setWorkingDirectory(m_options.dataDir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_options.logFile, QIODevice::Append);
    const qint64 logSizeBefore = QFileInfo(m_options.logFile).size();
    m_process->start(m_options.binDir + QStringLiteral("/postgres"),
        { QStringLiteral("-D"), m_options.dataDir, QStringLiteral("-p"), QString::number(port), QStringLiteral("-k"),
            m_options.socketDir, QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1") });
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("Cannot start %1/postgres: %2").arg(m_options.binDir, m_process->errorString());
        m_process.reset();
        return false;
    }
    m_port = port;
    const QString conninfo = adminConninfo();
    bool ready = false;
    ProcessTools::waitUntil(
        [&] {
            if (m_process->state() != QProcess::Running)
                return true;
            PgConnection probe;
            QString ignored;
            if (probe.open(conninfo, &ignored) && probe.exec(QStringLiteral("SELECT 1"), &ignored))
                ready = true;
            return ready;
        },
        m_options.startTimeoutMs, 10);
    if (ready)
        return true;

    QString log;
    QFile logFile(m_options.logFile);
    if (logFile.open(QIODevice::ReadOnly)) {
        logFile.seek(logSizeBefore);
        log = QString::fromUtf8(logFile.readAll());
    }
    if (m_process->state() == QProcess::Running) {
        *error = QStringLiteral("PostgreSQL did not answer a SQL ping within %1 ms.%2")
                     .arg(m_options.startTimeoutMs)
                     .arg(logTail());
        stop();
    } else {
        *portTaken = log.contains(QLatin1String("Address already in use"));
        *error = *portTaken ? QStringLiteral("Port %1 on 127.0.0.1 is already in use.").arg(port)
                            : QStringLiteral("PostgreSQL exited while starting.%1").arg(logTail());
        m_process.reset();
    }
    m_port = 0;
    return false;
}

bool PostgresCluster::start(QString *error)
{
    if (isRunning())
        return true;
    m_initialized = false;
    m_fromTemplate = false;
    m_initdbMs = 0;
    m_serverStartMs = 0;
    if (!prepareFolders(error))
        return false;

    // A previous run killed with -9 may have left the postmaster or its backends running in
    // this data dir (they hold its shared memory and lock files): stop them first.
    const QList<qint64> orphans = ProcessTools::processesWithCwd(m_options.dataDir);
    if (!orphans.isEmpty() && !ProcessTools::terminateAndWait(orphans, SIGQUIT, 3000)) {
        *error = QStringLiteral("PostgreSQL processes of a previous run in %1 do not exit; stop them and retry.")
                     .arg(m_options.dataDir);
        return false;
    }
    const QString pidFile = m_options.dataDir + QStringLiteral("/postmaster.pid");
    if (QFile::exists(pidFile)) {
        QFile file(pidFile);
        qint64 pid = 0;
        if (file.open(QIODevice::ReadOnly))
            pid = file.readLine().trimmed().toLongLong();
        if (pid > 0 && ProcessTools::isAlive(pid) && ProcessTools::processesWithCwd(m_options.dataDir).contains(pid)) {
            *error = QStringLiteral("Another PostgreSQL server (pid %1) is running on %2.")
                         .arg(pid)
                         .arg(m_options.dataDir);
            return false;
        }
        QFile::remove(pidFile);
    }

    QElapsedTimer timer;
    timer.start();
    if (!isInitialized(m_options.dataDir)) {
        if (!runInitdb(error))
            return false;
        m_initialized = true;
        m_initdbMs = timer.restart();
    }

    const bool fixed = m_options.port > 0;
    if (fixed && !PortAllocator::isPortFree(m_options.port)) {
        *error = QStringLiteral("Port %1 for PostgreSQL is already in use on 127.0.0.1. Free it or let Gatehouse "
                                "pick a port (set the database node's port to 0).")
                     .arg(m_options.port);
        return false;
    }
    for (int attempt = 0; attempt < (fixed ? 1 : PortAttempts); ++attempt) {
        const int port = fixed ? m_options.port : PortAllocator::pickFreePort();
        bool portTaken = false;
        if (launch(port, error, &portTaken)) {
            m_serverStartMs = timer.elapsed();
            return true;
        }
        if (!portTaken)
            return false;
        if (fixed) {
            *error = QStringLiteral("Port %1 for PostgreSQL is already in use on 127.0.0.1. Free it or let "
                                    "Gatehouse pick a port (set the database node's port to 0).")
                         .arg(port);
            return false;
        }
    }
    return false;
}

void PostgresCluster::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGINT); // fast shutdown, as pg_ctl stop -m fast
        if (!m_process->waitForFinished(15000)) {
            ::kill(pid_t(m_process->processId()), SIGQUIT);
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
    }
    m_process.reset();
    // Backends exit with the postmaster; make sure none linger when stop() returns.
    const QList<qint64> rest = ProcessTools::processesWithCwd(m_options.dataDir);
    if (!rest.isEmpty())
        ProcessTools::terminateAndWait(rest, SIGQUIT, 3000);
    m_port = 0;
}

} // namespace Gatehouse::Runtime
