#include "http/eventloop.h"

#include "http/detail/eventloopprivate.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <condition_variable>
#include <mutex>

namespace Gatehouse::Runtime::Http {

namespace detail {

namespace {
thread_local const EventLoopPrivate *t_loop = nullptr;
thread_local int t_index = -1;
} // namespace

EventLoopPrivate::EventLoopPrivate(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Every socket is used by its own thread only, so per-descriptor locking is dropped;
    // the scheduler keeps its lock, so post() from any thread stays safe.
    for (int i = 0; i < threads; ++i)
        m_contexts.push_back(std::make_unique<boost::asio::io_context>(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO));
}

int EventLoopPrivate::currentIndex() const
{
    return t_loop == this ? t_index : -1;
}

void EventLoopPrivate::start()
{
    if (m_running.exchange(true))
        return;
    for (std::size_t i = 0; i < m_contexts.size(); ++i) {
        m_contexts[i]->restart();
        m_guards.push_back(std::make_unique<WorkGuard>(m_contexts[i]->get_executor()));
        m_threads.emplace_back([this, i] {
            t_loop = this;
            t_index = static_cast<int>(i);
            m_contexts[i]->run();
            t_loop = nullptr;
            t_index = -1;
        });
    }
}

void EventLoopPrivate::stop()
{
    if (!m_running.exchange(false))
        return;
    m_guards.clear();
    for (auto &context : m_contexts)
        context->stop();
    for (auto &thread : m_threads)
        thread.join();
    m_threads.clear();
}

void EventLoopPrivate::runOnEveryThread(const std::function<void(int)> &task)
{
    std::mutex mutex;
    std::condition_variable condition;
    int remaining = threadCount();
    for (int i = 0; i < threadCount(); ++i) {
        boost::asio::post(context(i), [&, i] {
            task(i);
            std::lock_guard lock(mutex);
            if (--remaining == 0)
                condition.notify_all();
        });
    }
    std::unique_lock lock(mutex);
    condition.wait(lock, [&] { return remaining == 0; });
}

} // namespace detail

EventLoop::EventLoop(int threads)
    : m_d(std::make_unique<detail::EventLoopPrivate>(threads))
{
}

EventLoop::~EventLoop()
{
    m_d->stop();
}

void EventLoop::start()
{
    m_d->start();
}

void EventLoop::stop()
{
    m_d->stop();
}

bool EventLoop::isRunning() const
{
    return m_d->isRunning();
}

int EventLoop::threadCount() const
{
    return m_d->threadCount();
}

int EventLoop::currentThreadIndex() const
{
    return m_d->currentIndex();
}

void EventLoop::post(int index, std::function<void()> task)
{
    boost::asio::post(m_d->context(index), std::move(task));
}

void EventLoop::post(std::function<void()> task)
{
    const int current = m_d->currentIndex();
    post(current >= 0 ? current : m_d->nextIndex(), std::move(task));
}

void EventLoop::postAfter(std::chrono::milliseconds delay, std::function<void()> task)
{
    const int current = m_d->currentIndex();
    const int index = current >= 0 ? current : m_d->nextIndex();
    auto timer = std::make_shared<boost::asio::steady_timer>(m_d->context(index), delay);
    timer->async_wait([timer, task = std::move(task)](const boost::system::error_code &error) {
        if (!error)
            task();
    });
}

} // namespace Gatehouse::Runtime::Http
