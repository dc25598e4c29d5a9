#pragma once

#include "model/launchconfig.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

struct redisContext;

namespace Gatehouse::Runtime {

// A small blocking Redis cache client for service worker threads (never an I/O thread): GET,
// SET with TTL, DEL, all under one key prefix. Connections are pooled (one per concurrent
// caller) and reconnected lazily. Redis trouble never fails a request: get() then misses,
// set()/del() report false and the caller reads its database. Thread-safe.
class RedisCache
{
public:
    struct Stats
    {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t errors = 0;
        std::uint64_t invalidations = 0;
    };

    RedisCache(RedisAccess access, QByteArray keyPrefix, std::chrono::milliseconds timeout = std::chrono::milliseconds(300));
    ~RedisCache();
    RedisCache(const RedisCache &) = delete;
    RedisCache &operator=(const RedisCache &) = delete;

    // nullopt on a miss or when Redis is unavailable.
    std::optional<QByteArray> get(const QByteArray &key);
    bool set(const QByteArray &key, const QByteArray &value, int ttlSeconds);
    bool del(const QList<QByteArray> &keys);
    Stats stats() const;
    QByteArray keyPrefix() const { return m_prefix; }

private:
    redisContext *acquire();
    void release(redisContext *context, bool healthy);

    RedisAccess m_access;
    QByteArray m_prefix;
    std::chrono::milliseconds m_timeout;
    std::mutex m_mutex;
    std::vector<redisContext *> m_idle;
    std::atomic<std::uint64_t> m_hits{0};
    std::atomic<std::uint64_t> m_misses{0};
    std::atomic<std::uint64_t> m_errors{0};
    std::atomic<std::uint64_t> m_invalidations{0};
};

} // namespace Gatehouse::Runtime
