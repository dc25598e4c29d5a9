#pragma once

#include <functional>
#include <memory>

namespace Gatehouse::Runtime::Http {

class EventLoop;

// Lets a foreign library's socket (hiredis, libpq in non-blocking mode, librdkafka's queue
// event fd) join a loop thread: one-shot readiness notifications for a descriptor the watcher
// does not own and never closes. Create, wait and destroy it on its loop thread only
// (post() there first when needed); callbacks run on that thread and must not block.
class SocketWatcher
{
public:
    // threadIndex < 0: the calling loop thread (must then be called on one).
    SocketWatcher(EventLoop &loop, int fd, int threadIndex = -1);
    ~SocketWatcher(); // cancels pending waits (their callbacks are not called)
    SocketWatcher(const SocketWatcher &) = delete;
    SocketWatcher &operator=(const SocketWatcher &) = delete;

    // Calls `callback(true)` once when the descriptor is readable (or writable), or
    // `callback(false)` on a descriptor error. Wait again from the callback to keep watching.
    void waitReadable(std::function<void(bool ok)> callback);
    void waitWritable(std::function<void(bool ok)> callback);
    // Cancels pending waits without calling their callbacks.
    void cancel();
    int threadIndex() const;

private:
    class Private;
    std::unique_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime::Http
