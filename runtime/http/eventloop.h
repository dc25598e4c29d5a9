#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace Gatehouse::Runtime::Http {

namespace detail {
class EventLoopPrivate;
}

// The data plane's I/O threads: one io_context per thread ("one thread per core"), each
// running on its own std::thread. Servers and clients built on the same EventLoop share its
// threads; a connection lives on one thread for its whole life, so no locks on the hot path.
// Never make a blocking call on a loop thread: hand blocking work (libpq, librdkafka polls)
// to a dedicated thread and post() the result back.
class EventLoop
{
public:
    // threads <= 0: one per hardware thread.
    explicit EventLoop(int threads = 0);
    ~EventLoop(); // stops and joins
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    void start();
    // Stops every thread and joins them. Stop servers and clients first (their stop() needs
    // the running loop), and let no Responder outlive the EventLoop.
    // Must not be called from a loop thread.
    void stop();
    bool isRunning() const;

    int threadCount() const;
    // Index of the loop thread calling this, or -1 when called from another thread.
    int currentThreadIndex() const;

    // Runs `task` on loop thread `index` (0 ≤ index < threadCount()).
    void post(int index, std::function<void()> task);
    // Runs `task` on the calling loop thread if there is one, else on the next thread in turn.
    void post(std::function<void()> task);
    // Like post(task), after `delay` (a timer on that thread: the thread stays free meanwhile).
    // A task not yet due when the loop stops is dropped, not run.
    void postAfter(std::chrono::milliseconds delay, std::function<void()> task);

    detail::EventLoopPrivate &impl() { return *m_d; }

private:
    std::unique_ptr<detail::EventLoopPrivate> m_d;
};

} // namespace Gatehouse::Runtime::Http
