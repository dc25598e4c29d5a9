#include "rediscache.h"

#include <hiredis/hiredis.h>

#include <QList>

namespace Gatehouse::Runtime {

namespace {

timeval toTimeval(std::chrono::milliseconds ms)
{
    timeval tv;
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
    return tv;
}

} // namespace

RedisCache::RedisCache(RedisAccess access, QByteArray keyPrefix, std::chrono::milliseconds timeout)
    : m_access(std::move(access))
    , m_prefix(std::move(keyPrefix))
    , m_timeout(timeout)
{
}

RedisCache::~RedisCache()
{
    for (redisContext *context : m_idle)
        redisFree(context);
}

redisContext *RedisCache::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            redisContext *context = m_idle.back();
            m_idle.pop_back();
            return context;
        }
    }
    const QByteArray host = m_access.endpoint.host.toUtf8();
    redisContext *context = redisConnectWithTimeout(host.constData(), m_access.endpoint.port, toTimeval(m_timeout));
    if (!context || context->err) {
        if (context)
            redisFree(context);
        return nullptr;
    }
    redisSetTimeout(context, toTimeval(m_timeout));
    auto command = [&](const QList<QByteArray> &args) {
        std::vector<const char *> argv;
        std::vector<size_t> lengths;
        for (const QByteArray &arg : args) {
            argv.push_back(arg.constData());
            lengths.push_back(static_cast<size_t>(arg.size()));
        }
        auto *reply = static_cast<redisReply *>(
            redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
        const bool ok = reply && reply->type != REDIS_REPLY_ERROR;
        if (reply)
            freeReplyObject(reply);
        return ok;
    };
    if (!m_access.password.isEmpty() && !command({ "AUTH", m_access.password.toUtf8() })) {
        redisFree(context);
        return nullptr;
    }
    if (m_access.database != 0 && !command({ "SELECT", QByteArray::number(m_access.database) })) {
        redisFree(context);
        return nullptr;
    }
    return context;
}

void RedisCache::release(redisContext *context, bool healthy)
{
    if (!context)
        return;
    if (!healthy || context->err) {
        redisFree(context);
        return;
    }
    std::lock_guard lock(m_mutex);
    m_idle.push_back(context);
}

std::optional<QByteArray> RedisCache::get(const QByteArray &key)
{
    redisContext *context = acquire();
    if (!context) {
        ++m_errors;
        ++m_misses;
        return std::nullopt;
    }
    const QByteArray full = m_prefix + key;
    auto *reply = static_cast<redisReply *>(redisCommand(context, "GET %b", full.constData(), static_cast<size_t>(full.size())));
    if (!reply) {
        ++m_errors;
        ++m_misses;
        release(context, false);
        return std::nullopt;
    }
    std::optional<QByteArray> value;
    if (reply->type == REDIS_REPLY_STRING)
        value = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
    else if (reply->type == REDIS_REPLY_ERROR)
        ++m_errors;
    freeReplyObject(reply);
    release(context, true);
    if (value)
        ++m_hits;
    else
        ++m_misses;
    return value;
}

bool RedisCache::set(const QByteArray &key, const QByteArray &value, int ttlSeconds)
{
    redisContext *context = acquire();
    if (!context) {
        ++m_errors;
        return false;
    }
    const QByteArray full = m_prefix + key;
    const QByteArray ttl = QByteArray::number(ttlSeconds);
    auto *reply = static_cast<redisReply *>(redisCommand(context, "SET %b %b EX %b", full.constData(),
        static_cast<size_t>(full.size()), value.constData(), static_cast<size_t>(value.size()), ttl.constData(),
        static_cast<size_t>(ttl.size())));
    const bool ok = reply && reply->type != REDIS_REPLY_ERROR;
    if (reply)
        freeReplyObject(reply);
    if (!ok)
        ++m_errors;
    release(context, reply != nullptr);
    return ok;
}

bool RedisCache::del(const QList<QByteArray> &keys)
{
    if (keys.isEmpty())
        return true;
    redisContext *context = acquire();
    if (!context) {
        ++m_errors;
        return false;
    }
    std::vector<QByteArray> storage;
    storage.push_back("DEL");
    for (const QByteArray &key : keys)
        storage.push_back(m_prefix + key);
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : storage) {
        argv.push_back(arg.constData());
        lengths.push_back(static_cast<size_t>(arg.size()));
    }
    auto *reply = static_cast<redisReply *>(redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
    const bool ok = reply && reply->type != REDIS_REPLY_ERROR;
    if (reply)
        freeReplyObject(reply);
    if (ok)
        ++m_invalidations;
    else
        ++m_errors;
    release(context, reply != nullptr);
    return ok;
}

RedisCache::Stats RedisCache::stats() const
{
    return Stats { m_hits.load(), m_misses.load(), m_errors.load(), m_invalidations.load() };
}

} // namespace Gatehouse::Runtime
