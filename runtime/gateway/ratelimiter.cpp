#include "ratelimiter.h"

#include <cstdarg>
#include <hiredis/hiredis.h>
#include <memory>

namespace Gatehouse::Runtime {

namespace {

// KEYS[1] = counter, ARGV[1] = window in ms. Returns {count, ms until the window ends}.
// The expiry is set on the first hit of a window (and repaired if a key lost it).
constexpr char Script[] = "local c = redis.call('INCR', KEYS[1])\n"
                          "local ttl = redis.call('PTTL', KEYS[1])\n"
                          "if c == 1 or ttl < 0 then\n"
                          "  redis.call('PEXPIRE', KEYS[1], ARGV[1])\n"
                          "  ttl = tonumber(ARGV[1])\n"
                          "end\n"
                          "return {c, ttl}\n";

struct ReplyDeleter
{
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

timeval toTimeval(std::chrono::milliseconds ms)
{
    timeval tv;
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
    return tv;
}

ReplyPtr command(redisContext *context, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    void *reply = redisvCommand(context, format, args);
    va_end(args);
    return ReplyPtr(static_cast<redisReply *>(reply));
}

} // namespace

RedisRateLimiter::RedisRateLimiter(Options options)
    : m_options(std::move(options))
{
    for (int i = 0; i < std::max(1, m_options.connections); ++i) {
        auto worker = std::make_unique<Worker>();
        Worker *w = worker.get();
        m_workers.push_back(std::move(worker));
        w->thread = std::thread([this, w] { run(*w); });
    }
}

RedisRateLimiter::~RedisRateLimiter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto &worker : m_workers)
        worker->thread.join();
}

void RedisRateLimiter::fail(Job &job, const QString &why)
{
    if (job.custom) {
        job.custom(nullptr);
        return;
    }
    RateDecision decision;
    decision.state = RateDecision::State::Unavailable;
    decision.limit = job.limit;
    decision.error = why;
    job.done(decision);
}

void RedisRateLimiter::check(const QByteArray &identity, int limit, int windowSeconds, Callback done)
{
    Job job { m_options.keyPrefix + identity, limit, static_cast<qint64>(windowSeconds) * 1000, std::move(done), {} };
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && static_cast<int>(m_queue.size()) < m_options.queueCapacity) {
            m_queue.push_back(std::move(job));
            job.done = nullptr;
        }
    }
    if (job.done) {
        fail(job, QStringLiteral("rate-limit queue full"));
        return;
    }
    m_wake.notify_one();
}

void RedisRateLimiter::counters(int max, std::function<void(QList<RateCounter>, QString)> done)
{
    const QByteArray pattern = m_options.keyPrefix + '*';
    Job job;
    job.custom = [pattern, max, done = std::move(done)](redisContext *context) {
        QList<RateCounter> result;
        if (!context) {
            done(result, QStringLiteral("redis unavailable"));
            return;
        }
        QByteArray cursor = "0";
        do {
            ReplyPtr reply = command(context, "SCAN %b MATCH %b COUNT 200", cursor.constData(),
                static_cast<size_t>(cursor.size()), pattern.constData(), static_cast<size_t>(pattern.size()));
            if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
                done(result, QStringLiteral("SCAN failed"));
                return;
            }
            cursor = QByteArray(reply->element[0]->str, static_cast<qsizetype>(reply->element[0]->len));
            const redisReply *keys = reply->element[1];
            for (size_t i = 0; i < keys->elements && result.size() < max; ++i) {
                RateCounter counter;
                counter.key = QByteArray(keys->element[i]->str, static_cast<qsizetype>(keys->element[i]->len));
                ReplyPtr value
                    = command(context, "GET %b", counter.key.constData(), static_cast<size_t>(counter.key.size()));
                ReplyPtr ttl
                    = command(context, "PTTL %b", counter.key.constData(), static_cast<size_t>(counter.key.size()));
                if (!value || !ttl)
                    break;
                if (value->type == REDIS_REPLY_STRING)
                    counter.count = QByteArray(value->str, static_cast<qsizetype>(value->len)).toLongLong();
                if (ttl->type == REDIS_REPLY_INTEGER)
                    counter.resetMs = ttl->integer;
                result.append(counter);
            }
        } while (cursor != "0" && result.size() < max && context->err == 0);
        done(result, context->err ? QString::fromLatin1(context->errstr) : QString());
    };
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(std::move(job));
            job.custom = nullptr;
        }
    }
    if (job.custom)
        job.custom(nullptr);
    else
        m_wake.notify_one();
}

bool RedisRateLimiter::connect(Worker &w)
{
    if (w.context)
        return true;
    if (std::chrono::steady_clock::now() < w.nextConnect)
        return false;
    w.nextConnect = std::chrono::steady_clock::now() + m_options.reconnectDelay;
    const std::string host = m_options.access.endpoint.host.toStdString();
    redisContext *context
        = redisConnectWithTimeout(host.c_str(), m_options.access.endpoint.port, toTimeval(m_options.connectTimeout));
    if (!context || context->err) {
        if (context)
            redisFree(context);
        m_available = false;
        return false;
    }
    redisSetTimeout(context, toTimeval(m_options.commandTimeout));
    auto ok = [](const ReplyPtr &reply) { return reply && reply->type != REDIS_REPLY_ERROR; };
    if (!m_options.access.password.isEmpty()) {
        const QByteArray password = m_options.access.password.toUtf8();
        if (!ok(command(context, "AUTH %b", password.constData(), static_cast<size_t>(password.size())))) {
            redisFree(context);
            m_available = false;
            return false;
        }
    }
    if (m_options.access.database != 0 && !ok(command(context, "SELECT %d", m_options.access.database))) {
        redisFree(context);
        m_available = false;
        return false;
    }
    ReplyPtr sha = command(context, "SCRIPT LOAD %s", Script);
    if (!sha || sha->type != REDIS_REPLY_STRING) {
        redisFree(context);
        m_available = false;
        return false;
    }
    w.scriptSha.assign(sha->str, sha->len);
    w.context = context;
    m_available = true;
    return true;
}

void RedisRateLimiter::disconnect(Worker &w)
{
    if (w.context)
        redisFree(w.context);
    w.context = nullptr;
    m_available = false;
}

void RedisRateLimiter::runChecks(Worker &w, std::vector<Job> &checks)
{
    if (checks.empty())
        return;
    if (!connect(w)) {
        for (Job &job : checks)
            fail(job, QStringLiteral("redis unavailable"));
        return;
    }
    // Pipeline: append every command, then read the replies in order.
    for (const Job &job : checks) {
        redisAppendCommand(w.context, "EVALSHA %s 1 %b %lld", w.scriptSha.c_str(), job.key.constData(),
            static_cast<size_t>(job.key.size()), static_cast<long long>(job.windowMs));
    }
    bool scriptLost = false;
    size_t answered = 0;
    for (; answered < checks.size(); ++answered) {
        Job &job = checks[answered];
        void *raw = nullptr;
        if (redisGetReply(w.context, &raw) != REDIS_OK) {
            const QString why = QString::fromLatin1(w.context->errstr);
            disconnect(w);
            for (size_t i = answered; i < checks.size(); ++i)
                fail(checks[i], why);
            return;
        }
        ReplyPtr reply(static_cast<redisReply *>(raw));
        if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 || reply->element[0]->type != REDIS_REPLY_INTEGER
            || reply->element[1]->type != REDIS_REPLY_INTEGER) {
            const QString why = reply->type == REDIS_REPLY_ERROR
                ? QString::fromUtf8(reply->str, static_cast<qsizetype>(reply->len))
                : QStringLiteral("unexpected reply");
            scriptLost = scriptLost || why.startsWith(QLatin1String("NOSCRIPT"));
            fail(job, why);
            continue;
        }
        const qint64 count = reply->element[0]->integer;
        RateDecision decision;
        decision.limit = job.limit;
        decision.state = count <= job.limit ? RateDecision::State::Allowed : RateDecision::State::Limited;
        decision.remaining = static_cast<int>(std::max<qint64>(0, job.limit - count));
        decision.resetMs = std::max<qint64>(0, reply->element[1]->integer);
        job.done(decision);
    }
    if (scriptLost) {
        // Someone flushed the script cache: reconnect now, which loads it again.
        disconnect(w);
        w.nextConnect = {};
    }
}

void RedisRateLimiter::run(Worker &w)
{
    connect(w); // so that status reports Redis from the start, not from the first request
    for (;;) {
        std::deque<Job> jobs;
        bool stopping = false;
        bool idle = false;
        {
            std::unique_lock lock(m_mutex);
            // While idle, wake now and then: reconnect when down, PING when up, so isAvailable()
            // (the gateway's degraded status) follows Redis even without traffic.
            idle = !m_wake.wait_for(lock, m_options.reconnectDelay, [this] { return m_stopping || !m_queue.empty(); });
            stopping = m_stopping;
            jobs.swap(m_queue);
        }
        if (idle) {
            if (w.context) {
                ReplyPtr pong = command(w.context, "PING");
                if (!pong || w.context->err)
                    disconnect(w);
            } else {
                connect(w);
            }
            continue;
        }
        if (stopping) {
            for (Job &job : jobs)
                fail(job, QStringLiteral("gateway stopping"));
            break;
        }
        std::vector<Job> checks;
        checks.reserve(jobs.size());
        for (Job &job : jobs) {
            if (job.custom) {
                runChecks(w, checks);
                checks.clear();
                job.custom(connect(w) ? w.context : nullptr);
                if (w.context && w.context->err)
                    disconnect(w);
            } else {
                checks.push_back(std::move(job));
            }
        }
        runChecks(w, checks);
    }
    disconnect(w);
}

} // namespace Gatehouse::Runtime
