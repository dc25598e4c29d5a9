#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime {

// Runs jobs after a delay on one own thread, without holding any other thread meanwhile (the
// payment provider's simulated latency must not occupy an I/O or SQL thread). Jobs must be
// short: hand real work on (to a SqlPool). stop() drops jobs that are not due yet.
class DelayQueue
{
public:
    using Job = std::function<void()>;

    DelayQueue();
    ~DelayQueue(); // stop()
    DelayQueue(const DelayQueue &) = delete;
    DelayQueue &operator=(const DelayQueue &) = delete;

    void post(std::chrono::milliseconds delay, Job job);
    void stop();

private:
    struct Entry
    {
        std::chrono::steady_clock::time_point due;
        unsigned long long sequence;
        Job job;
        bool operator>(const Entry &other) const
        {
            return due != other.due ? due > other.due : sequence > other.sequence;
        }
    };
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_entries;
    unsigned long long m_sequence = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Gatehouse::Runtime
