#pragma once

#include "model/launchconfig.h"

#include <QByteArray>
#include <QList>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <sys/socket.h>
#include <vector>

namespace Gatehouse::Runtime {

namespace Http {
class EventLoop;
}

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
// every gateway process sharing the Redis counts exactly.
// Redis I/O runs on the HTTP engine's loop threads, never blocking them: each loop thread has
// its own non-blocking Redis connection (watched with Http::SocketWatcher) on which the checks
// of that thread's requests are batched — the checks issued before a write leave in it as ONE
// script call (several of at most `maxBatch` checks each; Redis' cost is mostly per call), and
// while a batch is on the wire new checks gather and leave right after its reply. Other
// commands are pipelined; replies are matched in order. When Redis is unreachable,
// checks answer Unavailable at once; reconnects are attempted at most every `reconnectDelay`,
// a connect taking longer than `connectTimeout` or a reply longer than `commandTimeout` drops
// the connection (its pending checks answer Unavailable). An idle connection PINGs Redis every
// `reconnectDelay` so that isAvailable() follows Redis without traffic.
class RedisRateLimiter
{
public:
    struct Options
    {
        RedisAccess access;
        QByteArray keyPrefix = "ratelimit:";
        int queueCapacity = 20000; // checks (and other commands) awaiting a reply per connection; beyond: Unavailable
        int maxBatch = 256; // checks counted by one script run at most
        std::chrono::milliseconds connectTimeout { 250 };
        std::chrono::milliseconds commandTimeout { 500 };
        std::chrono::milliseconds reconnectDelay { 500 };
    };
    // Called exactly once, on the loop thread of the call (on a loop thread chosen by the
    // loop when check() was called from another thread), possibly before check() returns.
    using Callback = std::function<void(RateDecision)>;

    // `loop` must outlive the limiter. Resolves the Redis host here, once (the caller's thread);
    // a connection that fails moves on to the host's next address.
    RedisRateLimiter(Http::EventLoop &loop, Options options);
    // Closes every connection on its loop thread (pending checks answer Unavailable "gateway
    // stopping") and waits for that: call it from outside the loop threads, while the loop
    // runs (or after it stopped for good).
    ~RedisRateLimiter();
    RedisRateLimiter(const RedisRateLimiter &) = delete;
    RedisRateLimiter &operator=(const RedisRateLimiter &) = delete;

    // Opens every loop thread's connection, so that isAvailable() reports Redis from the start.
    // Call once after the loop started; without it connections open with the first check.
    void start();

    // Counts one request of `identity` (client + route, without the prefix) against
    // `limit` requests per `windowSeconds`.
    void check(const QByteArray &identity, int limit, int windowSeconds, Callback done);

    // Up to `max` live counters under the prefix, read with SCAN (admin API). `done` runs on a
    // loop thread.
    void counters(int max, std::function<void(QList<RateCounter>, QString error)> done);

    // Whether the last exchange with Redis worked.
    bool isAvailable() const { return m_available.load(std::memory_order_relaxed); }
    QByteArray keyPrefix() const { return m_options.keyPrefix; }

private:
    class Connection;
    friend class Connection;
    struct Scan;
    Connection &connection(); // the calling loop thread's
    void scanPage(const std::shared_ptr<Scan> &scan);
    template<typename Task>
    void onLoopThread(Task task);

    const Options m_options;
    Http::EventLoop &m_loop;
    QByteArray m_scriptSha; // SHA-1 of the script, as Redis names it
    struct Address
    {
        sockaddr_storage address {};
        socklen_t length = 0;
    };
    std::vector<Address> m_addresses; // every address of the Redis host; tried in turn
    QString m_resolveError;
    std::atomic<bool> m_available { false };
    // One per loop thread; element i is created, used and destroyed on thread i only.
    std::vector<std::shared_ptr<Connection>> m_connections;
};

} // namespace Gatehouse::Runtime
