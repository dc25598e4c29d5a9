#include "accesslog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

void writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; // a full disk or a closed stdout must not stop the gateway
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
}

} // namespace

AccessLog::AccessLog(Options options)
    : m_options(std::move(options))
{
    m_thread = std::thread([this] { run(); });
}

AccessLog::~AccessLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

void AccessLog::request(const QJsonObject &line)
{
    request(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

void AccessLog::request(QByteArray line)
{
    {
        std::lock_guard lock(m_mutex);
        m_recent.push_back(line);
        while (static_cast<int>(m_recent.size()) > m_options.recentCapacity)
            m_recent.pop_front();
        if (static_cast<int>(m_queue.size()) >= m_options.queueCapacity) {
            ++m_dropped;
            return;
        }
        // Queued without its newline (the writer adds it): the queue and the recent ring then
        // share one buffer instead of copying the line.
        m_queue.push_back({ std::move(line), true });
        ++m_enqueued;
        if (!shouldWakeWriter())
            return; // the writer takes this line with its next batch: no wake-up per request
    }
    m_wake.notify_one();
}

bool AccessLog::shouldWakeWriter()
{
    // Asleep with nothing queued: wake for the first line. Collecting a batch: wake once it is
    // full (else the batch delay ends the wait).
    const bool wake = m_writer == Writer::Idle
        || (m_writer == Writer::Collecting && static_cast<int>(m_queue.size()) >= BatchLines);
    if (wake)
        m_writer = Writer::Busy;
    return wake;
}

void AccessLog::event(const QJsonObject &line)
{
    QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<int>(m_queue.size()) >= m_options.queueCapacity) {
            ++m_dropped;
            return;
        }
        m_queue.push_back({ std::move(text), false });
        ++m_enqueued;
        if (!shouldWakeWriter())
            return;
    }
    m_wake.notify_one();
}

QJsonArray AccessLog::recent(int max) const
{
    std::lock_guard lock(m_mutex);
    QJsonArray result;
    const int size = static_cast<int>(m_recent.size());
    for (int i = std::max(0, size - max); i < size; ++i)
        result.append(QJsonDocument::fromJson(m_recent[static_cast<size_t>(i)]).object());
    return result;
}

void AccessLog::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_enqueued;
    if (m_written < target && m_writer != Writer::Busy) {
        m_flushRequested = true;
        m_writer = Writer::Busy;
        m_wake.notify_one();
    }
    m_drained.wait(lock, [&] { return m_written >= target; });
}

void AccessLog::writeToFile(const QByteArray &text)
{
    if (m_options.filePath.isEmpty())
        return;
    // Lines collect in m_fileChunk and reach the file with one write per batch (flushFile());
    // a rotation writes what belongs to the old file first.
    if (m_fileBytes + m_fileChunk.size() > 0
        && m_fileBytes + m_fileChunk.size() + text.size() + 1 > m_options.maxFileBytes) {
        flushFile();
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        const QByteArray path = QFile::encodeName(m_options.filePath);
        for (int i = m_options.keepFiles; i >= 1; --i) {
            const QByteArray from = i == 1 ? path : path + '.' + QByteArray::number(i - 1);
            const QByteArray to = path + '.' + QByteArray::number(i);
            ::rename(from.constData(), to.constData());
        }
        m_fileBytes = 0;
        m_fileOpened = false;
    }
    if (!m_fileOpened) {
        m_fileOpened = true;
        const QByteArray path = QFile::encodeName(m_options.filePath);
        QDir().mkpath(QFileInfo(m_options.filePath).absolutePath());
        m_fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        struct stat st;
        m_fileBytes = m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? static_cast<qint64>(st.st_size) : 0;
    }
    m_fileChunk += text;
    m_fileChunk += '\n';
}

void AccessLog::flushFile()
{
    if (m_fd >= 0 && !m_fileChunk.isEmpty())
        writeAll(m_fd, m_fileChunk.constData(), static_cast<size_t>(m_fileChunk.size()));
    m_fileBytes += m_fileChunk.size();
    m_fileChunk.clear();
    // An open that failed (a missing folder, no permission) is retried with the next batch.
    if (m_fd < 0)
        m_fileOpened = false;
}

void AccessLog::run()
{
    for (;;) {
        std::deque<Line> lines;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_writer = Writer::Idle;
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            // Let a batch build up for a moment: one write and one wake-up per batch instead of
            // per request under load; a full batch, flush() or stop() cuts the wait short.
            if (!m_stopping && !m_flushRequested && static_cast<int>(m_queue.size()) < BatchLines) {
                m_writer = Writer::Collecting;
                m_wake.wait_for(lock, BatchDelay, [this] {
                    return m_stopping || m_flushRequested || static_cast<int>(m_queue.size()) >= BatchLines;
                });
            }
            m_writer = Writer::Busy;
            m_flushRequested = false;
            stopping = m_stopping;
            lines.swap(m_queue);
        }
        QByteArray out;
        for (const Line &line : lines) {
            if (m_options.toStdout) {
                out += line.text;
                out += '\n';
            }
            if (line.toFile)
                writeToFile(line.text);
        }
        flushFile();
        if (!out.isEmpty())
            writeAll(STDOUT_FILENO, out.constData(), static_cast<size_t>(out.size()));
        {
            std::lock_guard lock(m_mutex);
            m_written += lines.size();
        }
        m_drained.notify_all();
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty())
                break;
        }
    }
}

} // namespace Gatehouse::Runtime
