#include "delayqueue.h"

namespace Gatehouse::Runtime {

DelayQueue::DelayQueue()
    : m_thread([this] { run(); })
{
}

DelayQueue::~DelayQueue()
{
    stop();
}

void DelayQueue::post(std::chrono::milliseconds delay, Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_entries.push(Entry { std::chrono::steady_clock::now() + delay, m_sequence++, std::move(job) });
    }
    m_wake.notify_one();
}

void DelayQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void DelayQueue::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_entries.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_entries.top().due;
        if (std::chrono::steady_clock::now() < due) {
            m_wake.wait_until(lock, due);
            continue;
        }
        Job job = m_entries.top().job;
        m_entries.pop();
        lock.unlock();
        job();
        lock.lock();
    }
}

} // namespace Gatehouse::Runtime
