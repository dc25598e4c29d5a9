#pragma once

#include "model/launchconfig.h"

#include <QByteArray>
#include <QList>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct redisContext;

namespace Gatehouse::Runtime {

// The answer for one request under one rate-limit policy.
struct RateDecision
{
    enum class State {
        Allowed,
        Limited, // over the limit: 429
        Unavailable // Redis could not be asked; the caller applies fail-open / fail-closed
    };
    State state = State::Unavailable;
    int limit = 0;
    int remaining = 0;
    qint64 resetMs = 0; // until the window ends
    QString error; // Unavailable: why
};

// One live counter, for the admin API.
struct RateCounter
{
    QByteArray key;
    qint64 count = 0;
    qint64 resetMs = 0;
};

// Fixed-window rate limiting in Redis (docs/gateway.md "Rate limiting"): one Lua script
// increments the window's counter and sets its expiry atomically, so every gateway thread and
// every gateway process sharing the Redis counts exactly. All Redis I/O (hiredis, blocking) runs
// on the limiter's own thread: check() only queues and returns, so an HTTP I/O thread never
// waits on Redis. Requests queued together are pipelined; `connections` threads overlap round trips. When Redis is
// unreachable, checks answer Unavailable at once (reconnects are attempted at most every `reconnectDelay`).
class RedisRateLimiter
{
public:
    struct Options
    {
        RedisAccess access;
        QByteArray keyPrefix = "ratelimit:";
        int queueCapacity = 20000;
        std::chrono::milliseconds connectTimeout { 250 };
        std::chrono::milliseconds commandTimeout { 500 };
        std::chrono::milliseconds reconnectDelay { 500 };
        // Redis connections, one thread each, taking checks from one queue: while one waits
        // for its pipelined replies, the next batch is already on its way.
        int connections = 2;
    };
    // Called exactly once, on the limiter's thread (or on the caller's when the queue is full).
    using Callback = std::function<void(RateDecision)>;

    explicit RedisRateLimiter(Options options);
    ~RedisRateLimiter(); // answers queued checks Unavailable and joins the thread
    RedisRateLimiter(const RedisRateLimiter &) = delete;
    RedisRateLimiter &operator=(const RedisRateLimiter &) = delete;

    // Counts one request of `identity` (client + route, without the prefix) against
    // `limit` requests per `windowSeconds`.
    void check(const QByteArray &identity, int limit, int windowSeconds, Callback done);

    // Up to `max` live counters under the prefix, read with SCAN (admin API).
    void counters(int max, std::function<void(QList<RateCounter>, QString error)> done);

    // Whether the last attempt to talk to Redis worked.
    bool isAvailable() const { return m_available.load(); }
    QByteArray keyPrefix() const { return m_options.keyPrefix; }

private:
    struct Job
    {
        QByteArray key;
        int limit = 0;
        qint64 windowMs = 0;
        Callback done;
        std::function<void(redisContext *)> custom; // non-null: an admin job, not a check
    };

    struct Worker
    {
        redisContext *context = nullptr;
        std::string scriptSha;
        std::chrono::steady_clock::time_point nextConnect {};
        std::thread thread;
    };

    void run(Worker &worker);
    bool connect(Worker &worker);
    void disconnect(Worker &worker);
    void runChecks(Worker &worker, std::vector<Job> &checks);
    static void fail(Job &job, const QString &why);

    const Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::atomic<bool> m_available { false };
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace Gatehouse::Runtime
