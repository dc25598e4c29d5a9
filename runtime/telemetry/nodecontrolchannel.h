#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace Gatehouse::Runtime {

// The node side of the control channel: the stdin pipe of `gatehouse-runtime node`
// (docs/runtime-protocol.md "Node control channel"). Line 1 is the NodeLaunchConfig as compact
// JSON; every later line is one control message, a JSON object with a string "type"
// ({"type":"faults",…}, {"type":"rate",…}). The supervisor keeps the pipe open: EOF means it
// is gone, and the node should stop as on SIGTERM.
//
// Use: readFirstLine() on the main thread, then start() (the reader thread), then the node
// installs its handler with setHandler() once it can act on messages. Messages that arrive
// before a handler is set are not lost: the last one of each type is kept and handed over by
// setHandler() (each message is a complete state, so the last one is all that matters).
// Malformed or oversized lines are reported through the log function and skipped.
class NodeControlChannel
{
public:
    using Handler = std::function<void(const QJsonObject &message)>;
    using EndHandler = std::function<void()>;
    using LogFunction = std::function<void(const QString &message)>;

    static constexpr qsizetype MaxFirstLineBytes = 16 * 1024 * 1024; // the launch config
    static constexpr qsizetype MaxMessageBytes = 64 * 1024;          // one control message

    // Reads from `fd` (not owned, never closed here; STDIN_FILENO in a node).
    explicit NodeControlChannel(int fd);
    ~NodeControlChannel(); // stop()
    NodeControlChannel(const NodeControlChannel &) = delete;
    NodeControlChannel &operator=(const NodeControlChannel &) = delete;

    // Blocks until the first line is complete (or EOF ends it) and returns it without the
    // newline. nullopt and `error` on EOF before any byte, a read error or a line over
    // MaxFirstLineBytes. Call once, before start().
    std::optional<QByteArray> readFirstLine(QString *error = nullptr);

    // Where "skipped a malformed line" goes (default: one line on stderr). Before start().
    void setLogFunction(LogFunction log);
    // Called once, on the reader thread, at EOF or on a read error. Before start().
    // Default: nothing (NodeCommand installs "raise SIGTERM").
    void setEndHandler(EndHandler onEnd);

    // Starts the reader thread, with every signal blocked in it (the node's main thread
    // waits for SIGTERM with sigwait; no other thread may take it).
    void start();
    // Stops and joins the reader thread; no handler call runs after it returns.
    void stop();

    // Thread-safe. The handler runs on the reader thread, one message at a time, and must not
    // block for long nor call setHandler(). Hands over the messages kept while none was set.
    void setHandler(Handler handler);

    // Parses one control line: a JSON object with a non-empty string "type", at most
    // MaxMessageBytes. nullopt and `error` otherwise. Leading/trailing blanks and a CR are ignored.
    static std::optional<QJsonObject> parseMessage(const QByteArray &line, QString *error = nullptr);

    // Lines skipped as malformed or oversized so far (for tests and diagnostics).
    int skippedLines() const;
    // True once the reader saw EOF or a read error.
    bool atEnd() const;

private:
    void run();
    void dispatchLine(const QByteArray &line);
    void deliver(const QJsonObject &message);
    void log(const QString &message);

    int m_fd;
    int m_wake[2] = { -1, -1 }; // self-pipe that wakes the reader for stop()
    QByteArray m_buffer;        // bytes read past the first line, not yet dispatched
    std::thread m_thread;
    LogFunction m_log;
    EndHandler m_onEnd;

    std::mutex m_mutex; // guards the two fields below; held while a handler runs
    Handler m_handler;
    std::vector<std::pair<QString, QJsonObject>> m_pending; // last message per type, no handler yet
    std::atomic<int> m_skipped { 0 };
    std::atomic<bool> m_atEnd { false };
};

} // namespace Gatehouse::Runtime
