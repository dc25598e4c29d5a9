#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime::Http::detail {

// The engine's sockets name their io_context's executor type rather than asio's type-erased
// any_io_executor: a completion, or a dispatch from the loop's own thread, then runs the
// handler inline instead of wrapping it into a type-erased function object first.
using LoopExecutor = boost::asio::io_context::executor_type;
using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, LoopExecutor>;
using Acceptor = boost::asio::basic_socket_acceptor<boost::asio::ip::tcp, LoopExecutor>;

// One io_context per thread. Internal: only the engine's .cpp files include this.
class EventLoopPrivate
{
public:
    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

    explicit EventLoopPrivate(int threads);

    boost::asio::io_context &context(int index) { return *m_contexts[static_cast<std::size_t>(index)]; }
    int threadCount() const { return static_cast<int>(m_contexts.size()); }
    // Index of the calling thread in this loop, or -1.
    int currentIndex() const;
    int nextIndex() { return static_cast<int>(m_next.fetch_add(1, std::memory_order_relaxed) % m_contexts.size()); }

    void start();
    void stop();
    // Runs task(index) on every loop thread and waits until all have run. Not from a loop thread.
    void runOnEveryThread(const std::function<void(int)> &task);
    bool isRunning() const { return m_running.load(); }

private:
    std::vector<std::unique_ptr<boost::asio::io_context>> m_contexts;
    std::vector<std::unique_ptr<WorkGuard>> m_guards;
    std::vector<std::thread> m_threads;
    std::atomic<unsigned> m_next{0};
    std::atomic<bool> m_running{false};
};

} // namespace Gatehouse::Runtime::Http::detail
