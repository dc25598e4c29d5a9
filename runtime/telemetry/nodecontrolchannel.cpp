#include "nodecontrolchannel.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cerrno>
#include <cstring>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;

// read() that retries on EINTR; returns what ::read returns otherwise.
ssize_t readSome(int fd, char *buffer, size_t size)
{
    for (;;) {
        const ssize_t n = ::read(fd, buffer, size);
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

} // namespace

NodeControlChannel::NodeControlChannel(int fd)
    : m_fd(fd)
{
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wake[0] = m_wake[1] = -1;
}

NodeControlChannel::~NodeControlChannel()
{
    stop();
    for (int fd : m_wake) {
        if (fd >= 0)
            ::close(fd);
    }
}

std::optional<QByteArray> NodeControlChannel::readFirstLine(QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QByteArray line;
    qsizetype scanned = 0;
    for (;;) {
        const qsizetype newline = line.indexOf('\n', scanned);
        if (newline >= 0) {
            m_buffer = line.mid(newline + 1);
            line.truncate(newline);
            break;
        }
        scanned = line.size();
        if (line.size() > MaxFirstLineBytes)
            return fail(QStringLiteral("the launch config is longer than %1 bytes").arg(MaxFirstLineBytes));
        char chunk[ReadChunk];
        const ssize_t n = readSome(m_fd, chunk, sizeof chunk);
        if (n < 0)
            return fail(QStringLiteral("reading stdin: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (n == 0) {
            if (line.isEmpty())
                return fail(QStringLiteral("stdin ended before the launch config"));
            m_atEnd = true; // a config without newline, then EOF: still a config
            break;
        }
        line.append(chunk, n);
    }
    if (line.size() > MaxFirstLineBytes)
        return fail(QStringLiteral("the launch config is longer than %1 bytes").arg(MaxFirstLineBytes));
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

void NodeControlChannel::setLogFunction(LogFunction log)
{
    m_log = std::move(log);
}

void NodeControlChannel::setEndHandler(EndHandler onEnd)
{
    m_onEnd = std::move(onEnd);
}

void NodeControlChannel::start()
{
    if (m_thread.joinable())
        return;
    // The new thread inherits the signal mask of its creator: block everything around the
    // creation so that no process-directed signal (SIGTERM above all) is ever handled here.
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    m_thread = std::thread([this] { run(); });
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

void NodeControlChannel::stop()
{
    if (!m_thread.joinable())
        return;
    if (m_wake[1] >= 0) {
        const char byte = 'x';
        [[maybe_unused]] const ssize_t written = ::write(m_wake[1], &byte, 1);
    }
    m_thread.join();
}

void NodeControlChannel::setHandler(Handler handler)
{
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
    if (!m_handler)
        return;
    const auto pending = std::exchange(m_pending, {});
    for (const auto &entry : pending)
        m_handler(entry.second);
}

std::optional<QJsonObject> NodeControlChannel::parseMessage(const QByteArray &line, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<QJsonObject> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (line.size() > MaxMessageBytes)
        return fail(QStringLiteral("line longer than %1 bytes").arg(MaxMessageBytes));
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("empty line"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    if (!object.value(QLatin1String("type")).isString() || object.value(QLatin1String("type")).toString().isEmpty())
        return fail(QStringLiteral("no string \"type\""));
    return object;
}

int NodeControlChannel::skippedLines() const
{
    return m_skipped.load();
}

bool NodeControlChannel::atEnd() const
{
    return m_atEnd.load();
}

void NodeControlChannel::run()
{
    // What readFirstLine() read past the config comes first.
    bool discarding = false; // inside an oversized line: drop bytes up to its newline
    auto consume = [this, &discarding] {
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (discarding) {
                discarding = false; // the tail of a line already reported
                continue;
            }
            dispatchLine(line);
        }
        if (!discarding && m_buffer.size() > MaxMessageBytes) {
            ++m_skipped;
            log(QStringLiteral("skipped a control line longer than %1 bytes").arg(MaxMessageBytes));
            discarding = true;
        }
        if (discarding)
            m_buffer.clear();
    };
    consume();

    while (!m_atEnd) {
        pollfd fds[2] = { { m_fd, POLLIN, 0 }, { m_wake[0], POLLIN, 0 } };
        const int ready = ::poll(fds, m_wake[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (m_wake[0] >= 0 && (fds[1].revents & POLLIN))
            return; // stop(): not an end of the channel, so no end handler
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        char chunk[ReadChunk];
        const ssize_t n = readSome(m_fd, chunk, sizeof chunk);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (n <= 0)
            break;
        m_buffer.append(chunk, n);
        consume();
    }
    // A last line without newline still counts.
    if (!discarding && !m_buffer.trimmed().isEmpty())
        dispatchLine(m_buffer);
    m_buffer.clear();
    m_atEnd = true;
    if (m_onEnd)
        m_onEnd();
}

void NodeControlChannel::dispatchLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return; // blank lines are harmless keep-alives
    QString error;
    const std::optional<QJsonObject> message = parseMessage(line, &error);
    if (!message) {
        ++m_skipped;
        log(QStringLiteral("skipped a malformed control line: %1").arg(error));
        return;
    }
    deliver(*message);
}

void NodeControlChannel::deliver(const QJsonObject &message)
{
    std::lock_guard lock(m_mutex);
    if (m_handler) {
        m_handler(message);
        return;
    }
    const QString type = message.value(QLatin1String("type")).toString();
    for (auto &entry : m_pending) {
        if (entry.first == type) {
            entry.second = message;
            return;
        }
    }
    m_pending.emplace_back(type, message);
}

void NodeControlChannel::log(const QString &message)
{
    if (m_log) {
        m_log(message);
        return;
    }
    const QByteArray line = "control channel: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace Gatehouse::Runtime
