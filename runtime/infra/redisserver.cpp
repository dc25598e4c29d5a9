#include "redisserver.h"

#include "portallocator.h"
#include "processtools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <csignal>
#include <hiredis.h>
#include <memory>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

constexpr int PortAttempts = 5;

struct RedisContextDeleter
{
    void operator()(redisContext *c) const { redisFree(c); }
};
struct RedisReplyDeleter
{
    void operator()(redisReply *r) const { freeReplyObject(r); }
};
using ContextPtr = std::unique_ptr<redisContext, RedisContextDeleter>;
using ReplyPtr = std::unique_ptr<redisReply, RedisReplyDeleter>;

ContextPtr connectRedis(const QString &host, int port, int timeoutMs, QString *error)
{
    const timeval tv { timeoutMs / 1000, (timeoutMs % 1000) * 1000 };
    ContextPtr c(redisConnectWithTimeout(host.toUtf8().constData(), port, tv));
    if (!c || c->err) {
        *error = c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory");
        return nullptr;
    }
    redisSetTimeout(c.get(), tv);
    return c;
}

ReplyPtr command(redisContext *c, const char *format, const QByteArray &arg = {})
{
    void *reply = arg.isNull() ? redisCommand(c, format) : redisCommand(c, format, arg.constData(), size_t(arg.size()));
    return ReplyPtr(static_cast<redisReply *>(reply));
}

QString quoteConfig(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

RedisServer::RedisServer(RedisServerOptions options)
    : m_options(std::move(options))
{
    if (m_options.logFile.isEmpty())
        m_options.logFile = m_options.dataDir + QStringLiteral("/redis.log");
}

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 RedisServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString RedisServer::logTail() const
{
    const QString tail = ProcessTools::tail(m_options.logFile);
    return tail.isEmpty() ? QString() : QStringLiteral("\nServer log (%1):\n%2").arg(m_options.logFile, tail);
}

bool RedisServer::ping(const QString &host, int port, const QString &password, QString *error, int timeoutMs)
{
    ContextPtr c = connectRedis(host, port, timeoutMs, error);
    if (!c)
        return false;
    if (!password.isEmpty()) {
        ReplyPtr auth = command(c.get(), "AUTH %b", password.toUtf8());
        if (!auth || auth->type == REDIS_REPLY_ERROR) {
            *error = auth ? QStringLiteral("AUTH refused: %1").arg(QString::fromUtf8(auth->str))
                          : QString::fromUtf8(c->errstr);
            return false;
        }
    }
    ReplyPtr pong = command(c.get(), "PING");
    if (!pong || pong->type == REDIS_REPLY_ERROR) {
        *error = pong ? QString::fromUtf8(pong->str) : QString::fromUtf8(c->errstr);
        return false;
    }
    return true;
}

bool RedisServer::launch(int port, QString *error, bool *portTaken)
{
    *portTaken = false;
    const QString executable = QFileInfo(m_options.executable).isAbsolute()
        ? m_options.executable
        : QStandardPaths::findExecutable(m_options.executable);
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable()) {
        *error = QStringLiteral("redis-server is missing: %1 was not found or is not executable. Install it "
                                "(Debian: apt-get install redis-server) or point Gatehouse to the binary.")
                     .arg(m_options.executable);
        return false;
    }
    m_process = std::make_unique<QProcess>();
    ProcessTools::configureChild(*m_process, std::nullopt, SIGTERM);
    m_process->setWorkingDirectory(m_options.dataDir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_options.logFile, QIODevice::Append);
    const qint64 logSizeBefore = QFileInfo(m_options.logFile).size();
    // "-" makes redis-server read its configuration from stdin: the password never shows in
    // `ps` and never touches the disk.
    m_process->start(executable, { QStringLiteral("-") });
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("Cannot start %1: %2").arg(executable, m_process->errorString());
        m_process.reset();
        return false;
    }
    const QString config = QStringList{
        QStringLiteral("port %1").arg(port),
        QStringLiteral("bind 127.0.0.1"),
        QStringLiteral("protected-mode yes"),
        QStringLiteral("daemonize no"),
        QStringLiteral("save \"\""),
        QStringLiteral("appendonly no"),
        QStringLiteral("dir %1").arg(quoteConfig(m_options.dataDir)),
        QStringLiteral("logfile \"\""),
        QStringLiteral("requirepass %1").arg(quoteConfig(m_options.password)),
    }.join(QLatin1Char('\n')) + QLatin1Char('\n');
    m_process->write(config.toUtf8());
    m_process->waitForBytesWritten(5000);
    m_process->closeWriteChannel();

    m_port = port;
    bool ready = false;
    ProcessTools::waitUntil(
        [&] {
            if (m_process->state() != QProcess::Running)
                return true;
            QString ignored;
            ready = ping(host(), port, m_options.password, &ignored, 200);
            return ready;
        },
        m_options.startTimeoutMs, 5);
    if (ready)
        return true;

    QString log;
    QFile logFile(m_options.logFile);
    if (logFile.open(QIODevice::ReadOnly)) {
        logFile.seek(logSizeBefore);
        log = QString::fromUtf8(logFile.readAll());
    }
    if (m_process->state() == QProcess::Running) {
        *error = QStringLiteral("redis-server did not answer AUTH + PING within %1 ms.%2")
                     .arg(m_options.startTimeoutMs)
                     .arg(logTail());
        stop();
    } else {
        *portTaken = log.contains(QLatin1String("Address already in use"));
        *error = *portTaken ? QStringLiteral("Port %1 on 127.0.0.1 is already in use.").arg(port)
                            : QStringLiteral("redis-server exited while starting.%1").arg(logTail());
        m_process.reset();
    }
    m_port = 0;
    return false;
}

bool RedisServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (m_options.password.isEmpty()) {
        *error = QStringLiteral("redis-server needs a password from the secret store; none was given.");
        return false;
    }
    if (!QDir().mkpath(m_options.dataDir) || ::access(QFile::encodeName(m_options.dataDir).constData(), W_OK) != 0) {
        *error = QStringLiteral("The data dir %1 for Redis is not writable.").arg(m_options.dataDir);
        return false;
    }
    const bool fixed = m_options.port > 0;
    const QString takenMessage = QStringLiteral(
        "Port %1 for Redis is already in use on 127.0.0.1. Free it or let Gatehouse pick a port (set the "
        "cache node's port to 0).");
    if (fixed && !PortAllocator::isPortFree(m_options.port)) {
        *error = takenMessage.arg(m_options.port);
        return false;
    }
    for (int attempt = 0; attempt < (fixed ? 1 : PortAttempts); ++attempt) {
        const int port = fixed ? m_options.port : PortAllocator::pickFreePort();
        bool portTaken = false;
        if (launch(port, error, &portTaken))
            return true;
        if (!portTaken)
            return false;
        if (fixed) {
            *error = takenMessage.arg(port);
            return false;
        }
    }
    return false;
}

void RedisServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        QString ignored;
        ContextPtr c = connectRedis(host(), m_port, 1000, &ignored);
        if (c) {
            ReplyPtr auth = command(c.get(), "AUTH %b", m_options.password.toUtf8());
            ReplyPtr shutdown = command(c.get(), "SHUTDOWN NOSAVE"); // no reply: the server exits
        }
        if (!m_process->waitForFinished(5000)) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
    }
    m_process.reset();
    m_port = 0;
}

} // namespace Gatehouse::Runtime
