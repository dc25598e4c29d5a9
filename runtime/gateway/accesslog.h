#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace Gatehouse::Runtime {

// The gateway's log channel: one JSON object per line on stdout (the supervisor captures the
// child's stdout) and, for request lines, a size-rotated file in the node's data dir
// (access.log, access.log.1 … access.log.<keepFiles>). A writer thread does all file and stdout
// I/O, one write per batch and destination (no flush per line; a line waits at most 5 ms for
// its batch); write() only queues (full queue: the line is dropped and counted) and wakes the
// writer only when it sleeps or a batch is full. The last
// `recentCapacity` request lines are kept in memory for the admin API. Thread-safe.
class AccessLog
{
public:
    struct Options
    {
        bool toStdout = true;
        QString filePath; // empty: no file
        qint64 maxFileBytes = 10 * 1024 * 1024; // rotate when the next line would exceed it
        int keepFiles = 3; // rotated files kept besides the current one
        int recentCapacity = 200;
        int queueCapacity = 20000;
    };

    explicit AccessLog(Options options);
    ~AccessLog(); // writes what is queued, then stops
    AccessLog(const AccessLog &) = delete;
    AccessLog &operator=(const AccessLog &) = delete;

    // A request line: stdout, file and the recent ring.
    void request(const QJsonObject &line);
    // The same, already serialised as one compact JSON object (no newline).
    void request(QByteArray line);
    // An event line (startup, reload, Redis down…): stdout only.
    void event(const QJsonObject &line);

    // The most recent request lines, newest last, at most `max`.
    QJsonArray recent(int max) const;
    quint64 dropped() const { return m_dropped.load(); }
    // Blocks until every line queued before the call is written (tests, shutdown).
    void flush();

private:
    struct Line
    {
        QByteArray text; // one JSON object, without the newline

        bool toFile = false;
    };
    static constexpr int BatchLines = 256;
    static constexpr std::chrono::milliseconds BatchDelay { 5 };
    bool shouldWakeWriter(); // with m_mutex held, after queueing a line
    void run();
    void writeToFile(const QByteArray &text); // adds the newline
    void flushFile();

    const Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<Line> m_queue;
    std::deque<QByteArray> m_recent; // serialised; parsed only when asked for
    quint64 m_enqueued = 0;
    quint64 m_written = 0;
    bool m_stopping = false;
    // What the writer does: Idle (asleep, queue empty: a new line wakes it), Collecting (waits
    // up to BatchDelay for BatchLines lines), Busy (writing; takes the queue when done).
    enum class Writer { Busy, Idle, Collecting } m_writer = Writer::Busy;
    bool m_flushRequested = false;
    std::atomic<quint64> m_dropped { 0 };

    // Writer thread only.
    int m_fd = -1;
    bool m_fileOpened = false;
    qint64 m_fileBytes = 0; // written to the current file
    QByteArray m_fileChunk; // this batch's file lines, written by flushFile()
    std::thread m_thread;
};

} // namespace Gatehouse::Runtime
