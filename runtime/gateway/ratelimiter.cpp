#include "ratelimiter.h"

#include "http/eventloop.h"
#include "http/socketwatcher.h"

#include <QCryptographicHash>
#include <QHash>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <hiredis/hiredis.h>
#include <initializer_list>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string_view>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

using Clock = std::chrono::steady_clock;

// The checks of one batch, counted in one script run (docs/gateway.md "Rate limiting"): Redis'
// cost is mostly per call and per argument, so a batch of N checks costs it little more than
// one. The batch names each distinct counter once — KEYS[i] = counter i, ARGV[i] = its window
// in ms, ARGV[#KEYS + i] = how many checks of the batch it counts (n) — and the script returns,
// flat and in key order, {count 1, ms until window 1 ends, count 2, …}: the count after this
// batch, so its n checks get count - n + 1 … count in order, exactly as n INCRs in a row would
// (one INCRBY n, atomic). For one check (n = 1) the answer is exactly what a single check
// always got. Per key: fixed window, the expiry is set when the window starts (the key is new)
// and repaired if a key lost it. A key that holds no counter (someone wrote a string there)
// fails its own checks only, as it did before batching: its count is the error (pcall), the
// other keys of the batch count on.
constexpr char Script[] = "local r = {}\n"
                          "for i = 1, #KEYS do\n"
                          "  local n = tonumber(ARGV[#KEYS + i])\n"
                          "  local c\n"
                          "  if n == 1 then\n"
                          "    c = redis.pcall('INCR', KEYS[i])\n"
                          "  else\n"
                          "    c = redis.pcall('INCRBY', KEYS[i], n)\n"
                          "  end\n"
                          "  local ttl = 0\n"
                          "  if type(c) == 'number' then\n"
                          "    ttl = redis.call('PTTL', KEYS[i])\n"
                          "    if c == n or ttl < 0 then\n"
                          "      redis.call('PEXPIRE', KEYS[i], ARGV[i])\n"
                          "      ttl = tonumber(ARGV[i])\n"
                          "    end\n"
                          "  end\n"
                          "  r[2 * i - 1] = c\n"
                          "  r[2 * i] = ttl\n"
                          "end\n"
                          "return r\n";

// How often a connection looks at its deadlines (connect, oldest reply, idle PING).
constexpr std::chrono::milliseconds TickInterval { 100 };

// RESP pieces (arrays of bulk strings), appended to `out` without temporary strings: a batch
// of checks is serialised on the loop thread for every write. Each piece is put together in a
// stack buffer and appended in one call (keys, windows and counts always fit; only the script's
// text, sent after a NOSCRIPT, is appended on its own).
constexpr size_t PieceBuffer = 256;

char *writeNumber(char *at, char type, size_t n)
{
    *at++ = type;
    at = std::to_chars(at, at + 20, n).ptr;
    *at++ = '\r';
    *at++ = '\n';
    return at;
}

void appendNumber(QByteArray &out, char type, size_t n)
{
    char buffer[24];
    out.append(buffer, qsizetype(writeNumber(buffer, type, n) - buffer));
}

void appendBulk(QByteArray &out, std::string_view arg)
{
    char buffer[PieceBuffer];
    char *at = writeNumber(buffer, '$', arg.size());
    if (arg.size() + 2 > size_t(buffer + sizeof buffer - at)) {
        out.append(buffer, qsizetype(at - buffer));
        out.append(arg.data(), qsizetype(arg.size()));
        out.append("\r\n", 2);
        return;
    }
    std::memcpy(at, arg.data(), arg.size());
    at += arg.size();
    *at++ = '\r';
    *at++ = '\n';
    out.append(buffer, qsizetype(at - buffer));
}

// One command in the Redis protocol.
void appendCommand(QByteArray &out, std::initializer_list<std::string_view> args)
{
    appendNumber(out, '*', args.size());
    for (std::string_view arg : args)
        appendBulk(out, arg);
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<size_t>(bytes.size()));
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool isError(const redisReply *reply)
{
    return !reply || reply->type == REDIS_REPLY_ERROR;
}

QString errorText(const redisReply *reply)
{
    return QString::fromUtf8(reply->str, qsizetype(reply->len));
}

// One request's check, waiting to be written or for its batch's reply.
struct Check
{
    QByteArray key; // with the prefix
    QByteArray windowMs; // as ARGV wants it
    int limit = 0;
    RedisRateLimiter::Callback done;
    int slot = 0; // its counter among the distinct keys of its batch (first seen, first slot)
};

// Gives every check of a batch its counter's slot and returns the number of distinct counters:
// the same client's checks in one batch share one counter in the script call.
int assignSlots(std::vector<Check> &checks)
{
    if (checks.size() == 1) {
        checks.front().slot = 0;
        return 1;
    }
    QHash<QByteArray, int> slots;
    slots.reserve(qsizetype(checks.size()));
    for (Check &check : checks) {
        auto it = slots.constFind(check.key);
        if (it == slots.constEnd())
            it = slots.insert(check.key, int(slots.size()));
        check.slot = it.value();
    }
    return int(slots.size());
}

// How many checks of `checks` each of its `counters` slots counts.
std::vector<qint64> hitsPerSlot(const std::vector<Check> &checks, int counters)
{
    std::vector<qint64> hits(size_t(counters), 0);
    for (const Check &check : checks)
        ++hits[size_t(check.slot)];
    return hits;
}

void answerUnavailable(Check &check, const QString &error)
{
    RateDecision decision;
    decision.state = RateDecision::State::Unavailable;
    decision.limit = check.limit;
    decision.error = error;
    check.done(std::move(decision));
}

void answerCounted(Check &check, qint64 count, qint64 resetMs)
{
    RateDecision decision;
    decision.limit = check.limit;
    decision.state = count <= check.limit ? RateDecision::State::Allowed : RateDecision::State::Limited;
    decision.remaining = static_cast<int>(std::max<qint64>(0, check.limit - count));
    decision.resetMs = std::max<qint64>(0, resetMs);
    check.done(std::move(decision));
}

// The script call for `checks` (slots assigned): `command` EVALSHA with the script's SHA, or
// EVAL with its text. Each counter once: its key, its window (of its first check, as the
// first of n INCRs in a row would set it), its number of checks.
void appendScriptCall(QByteArray &out, std::string_view command, std::string_view script,
    const std::vector<Check> &checks, int counters)
{
    char digits[24];
    auto number = [&digits](qint64 n) {
        return std::string_view(digits, size_t(std::to_chars(digits, digits + sizeof digits, n).ptr - digits));
    };
    appendNumber(out, '*', 3 + 3 * size_t(counters));
    appendBulk(out, command);
    appendBulk(out, script);
    appendBulk(out, number(counters));
    int next = 0; // slots were given in order of first appearance
    for (const Check &check : checks) {
        if (check.slot == next) {
            appendBulk(out, view(check.key));
            ++next;
        }
    }
    next = 0;
    for (const Check &check : checks) {
        if (check.slot == next) {
            appendBulk(out, view(check.windowMs));
            ++next;
        }
    }
    for (qint64 hits : hitsPerSlot(checks, counters))
        appendBulk(out, number(hits));
}

} // namespace

// One loop thread's pipelined connection. Everything here runs on that thread.
class RedisRateLimiter::Connection : public std::enable_shared_from_this<Connection>
{
public:
    // `reply` is null when the command got no answer (`error` says why).
    using Handler = std::function<void(const redisReply *reply, const QString &error)>;

    Connection(RedisRateLimiter &owner, int index)
        : m_owner(owner)
        , m_index(index)
    {
    }
    ~Connection()
    {
        close(QStringLiteral("gateway stopping"), false);
        if (m_reader)
            redisReaderFree(m_reader);
    }

    void startTicking()
    {
        std::weak_ptr<Connection> weak = shared_from_this();
        m_owner.m_loop.postAfter(TickInterval, [weak] {
            if (auto self = weak.lock())
                self->tick();
        });
    }

    // Queues one command (its bytes built by `build`) and its reply handler. When Redis is
    // known to be down (and no reconnect is due yet) the handler answers at once.
    template<typename Build>
    void send(Build build, Handler handler)
    {
        const QString refused = refusal();
        if (!refused.isEmpty()) {
            handler(nullptr, refused);
            return;
        }
        build(m_out);
        expect(std::move(handler));
        if (m_state == State::Up)
            scheduleWrite();
    }

    // Queues one check. It joins the batch of every check issued before the next write that
    // carries checks, and leaves with them as one script call (flushBatch()). That write is
    // the next one when no batch is on the wire, else the first after its reply: Redis' cost
    // is per call, so the checks that come in meanwhile are better gathered than pipelined,
    // and they wait at most one round trip longer.
    void check(Check check)
    {
        const QString refused = refusal();
        if (!refused.isEmpty()) {
            answerUnavailable(check, refused);
            return;
        }
        m_batch.push_back(std::move(check));
        ++m_queued;
        if (m_state == State::Up && m_batchesInFlight == 0)
            scheduleWrite();
    }

    void connect();

private:
    enum class State { Down, Connecting, Up };
    // One command on the wire: either a batch of checks (one script call) or another command
    // whose reply goes to `handler`.
    struct Pending
    {
        Handler handler;
        std::vector<Check> checks;
        int counters = 0; // distinct keys among the checks
        Clock::time_point queued;
        bool resent = false; // the batch already met NOSCRIPT once
        size_t weight() const { return checks.empty() ? 1 : checks.size(); }
    };

    // The reply to the command just appended to m_out goes to `handler`.
    void expect(Handler handler)
    {
        m_pending.push_back({ std::move(handler), {}, 0, Clock::now(), false });
        ++m_queued;
    }
    QString refusal();
    void flushBatch();
    void answerBatch(Pending &batch, const redisReply *reply);
    void onConnected();
    void scheduleWrite();
    void write();
    void onReadable(bool ok);
    void close(const QString &why, bool scheduleReconnect);
    void tick();

    RedisRateLimiter &m_owner;
    const int m_index;
    State m_state = State::Down;
    int m_fd = -1;
    std::unique_ptr<Http::SocketWatcher> m_watcher;
    redisReader *m_reader = nullptr;
    QByteArray m_out; // bytes not yet written
    bool m_writeScheduled = false; // a write() is posted or waits for the socket
    std::deque<Pending> m_pending; // in the order of their replies
    std::vector<Check> m_batch; // checks not yet written, in the order issued
    size_t m_queued = 0; // checks and other commands in m_batch and m_pending (queueCapacity)
    int m_batchesInFlight = 0; // script calls in m_pending (one batch may need several)
    quint64 m_generation = 0; // +1 per close: stale callbacks recognise themselves
    Clock::time_point m_nextConnect {};
    Clock::time_point m_connectStarted {};
    Clock::time_point m_lastActivity = Clock::now();
    QString m_lastError;
    size_t m_addressIndex = 0; // which of the host's addresses to try next
};

void RedisRateLimiter::Connection::connect()
{
    m_nextConnect = Clock::now() + m_owner.m_options.reconnectDelay;
    m_lastActivity = Clock::now();
    if (m_owner.m_addresses.empty()) {
        m_lastError = m_owner.m_resolveError;
        m_owner.m_available = false;
        return;
    }
    const Address &target = m_owner.m_addresses[m_addressIndex % m_owner.m_addresses.size()];
    const auto *address = reinterpret_cast<const sockaddr *>(&target.address);
    m_fd = ::socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_lastError = errnoText(errno);
        m_owner.m_available = false;
        return;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(m_fd, address, target.length) != 0 && errno != EINPROGRESS) {
        m_lastError = errnoText(errno);
        ++m_addressIndex;
        ::close(m_fd);
        m_fd = -1;
        m_owner.m_available = false;
        return;
    }
    if (!m_reader)
        m_reader = redisReaderCreate();
    m_watcher = std::make_unique<Http::SocketWatcher>(m_owner.m_loop, m_fd, m_index);
    m_state = State::Connecting;
    m_connectStarted = Clock::now();

    // The handshake goes first on the wire; checks queued meanwhile follow it.
    auto mustSucceed = [this](const char *what) {
        return [this, what](const redisReply *reply, const QString &) {
            if (reply && isError(reply)) // no reply: the connection is already closed
                close(QStringLiteral("%1 refused: %2")
                          .arg(QLatin1String(what), QString::fromUtf8(reply->str, qsizetype(reply->len))),
                    true);
        };
    };
    const RedisAccess &access = m_owner.m_options.access;
    if (!access.password.isEmpty()) {
        const QByteArray password = access.password.toUtf8();
        appendCommand(m_out, { "AUTH", view(password) });
        expect(mustSucceed("AUTH"));
    }
    if (access.database != 0) {
        const QByteArray database = QByteArray::number(access.database);
        appendCommand(m_out, { "SELECT", view(database) });
        expect(mustSucceed("SELECT"));
    }
    appendCommand(m_out, { "SCRIPT", "LOAD", Script });
    expect([this](const redisReply *reply, const QString &) {
        if (!reply)
            return;
        if (reply->type != REDIS_REPLY_STRING || QByteArray(reply->str, qsizetype(reply->len)) != m_owner.m_scriptSha) {
            close(QStringLiteral("SCRIPT LOAD failed"), true);
            return;
        }
        m_lastError.clear();
        m_owner.m_available = true;
    });

    const quint64 generation = m_generation;
    m_watcher->waitWritable([this, generation](bool) {
        if (generation != m_generation)
            return;
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
            error = errno;
        if (error != 0) {
            ++m_addressIndex;
            close(errnoText(error), true);
            return;
        }
        onConnected();
    });
}

QString RedisRateLimiter::Connection::refusal()
{
    if (m_state == State::Down) {
        if (Clock::now() >= m_nextConnect)
            connect();
        if (m_state == State::Down)
            return m_lastError.isEmpty() ? QStringLiteral("redis unavailable") : m_lastError;
    }
    if (m_queued >= static_cast<size_t>(std::max(0, m_owner.m_options.queueCapacity)))
        return QStringLiteral("rate-limit queue full");
    return {};
}

void RedisRateLimiter::Connection::flushBatch()
{
    // At most maxBatch keys per script run: Redis runs a script to its end before it serves
    // anyone else, so one run must stay short.
    const size_t maxBatch = static_cast<size_t>(std::max(1, m_owner.m_options.maxBatch));
    const auto now = Clock::now();
    for (size_t first = 0; first < m_batch.size(); first += maxBatch) {
        const size_t n = std::min(maxBatch, m_batch.size() - first);
        std::vector<Check> checks;
        checks.reserve(n);
        const auto from = m_batch.begin() + qsizetype(first);
        std::move(from, from + qsizetype(n), std::back_inserter(checks));
        const int counters = assignSlots(checks);
        appendScriptCall(m_out, "EVALSHA", view(m_owner.m_scriptSha), checks, counters);
        m_pending.push_back({ {}, std::move(checks), counters, now, false });
        ++m_batchesInFlight;
    }
    m_batch.clear(); // keeps its capacity for the next batch
}

void RedisRateLimiter::Connection::answerBatch(Pending &batch, const redisReply *reply)
{
    std::vector<Check> &checks = batch.checks;
    if (reply->type == REDIS_REPLY_ERROR && std::string_view(reply->str, reply->len).substr(0, 8) == "NOSCRIPT"
        && !batch.resent) {
        // Someone flushed the script cache. Nothing of the batch was counted: send it again as
        // EVAL, which runs the script and caches it again for the EVALSHAs that follow. Once
        // only, and with its first deadline, so that it cannot circle.
        appendScriptCall(m_out, "EVAL", Script, checks, batch.counters);
        m_pending.push_back({ {}, std::move(checks), batch.counters, batch.queued, true });
        m_queued += m_pending.back().weight();
        ++m_batchesInFlight;
        scheduleWrite();
        return;
    }
    // A well-formed answer: two elements per counter, each an integer, or the count an error.
    const size_t counters = size_t(batch.counters);
    bool wellFormed = reply->type == REDIS_REPLY_ARRAY && reply->elements == 2 * counters;
    for (size_t i = 0; wellFormed && i < counters; ++i) {
        const int countType = reply->element[2 * i]->type;
        wellFormed = (countType == REDIS_REPLY_INTEGER || countType == REDIS_REPLY_ERROR)
            && reply->element[2 * i + 1]->type == REDIS_REPLY_INTEGER;
    }
    if (!wellFormed) {
        // The whole batch failed (NOPERM, BUSY, …): every check answers with the error.
        const QString error = reply->type == REDIS_REPLY_ERROR ? errorText(reply) : QStringLiteral("unexpected reply");
        for (Check &check : checks)
            answerUnavailable(check, error);
        return;
    }
    m_owner.m_available.store(true, std::memory_order_relaxed);
    // A counter's n checks get count - n + 1 … count, in the order they were issued.
    std::vector<qint64> last = hitsPerSlot(checks, batch.counters);
    for (size_t i = 0; i < counters; ++i) {
        if (reply->element[2 * i]->type == REDIS_REPLY_INTEGER)
            last[i] = reply->element[2 * i]->integer - last[i];
    }
    for (Check &check : checks) {
        const redisReply *count = reply->element[2 * size_t(check.slot)];
        if (count->type == REDIS_REPLY_ERROR)
            answerUnavailable(check, errorText(count));
        else
            answerCounted(check, ++last[size_t(check.slot)], reply->element[2 * size_t(check.slot) + 1]->integer);
    }
}

void RedisRateLimiter::Connection::onConnected()
{
    m_state = State::Up;
    const quint64 generation = m_generation;
    m_watcher->waitReadable([this, generation](bool ok) {
        if (generation == m_generation)
            onReadable(ok);
    });
    write();
}

void RedisRateLimiter::Connection::scheduleWrite()
{
    // Commands issued by the requests handled in this turn of the loop leave together.
    if (m_writeScheduled)
        return;
    m_writeScheduled = true;
    std::weak_ptr<Connection> weak = shared_from_this();
    const quint64 generation = m_generation;
    m_owner.m_loop.post(m_index, [weak, generation] {
        auto self = weak.lock();
        if (!self || generation != self->m_generation)
            return;
        self->m_writeScheduled = false;
        self->write();
    });
}

void RedisRateLimiter::Connection::write()
{
    // Every check issued since the last batch left goes in this write, as one script call
    // (several above maxBatch), unless a batch is still on the wire (see check()).
    if (m_batchesInFlight == 0)
        flushBatch();
    while (!m_out.isEmpty()) {
        const ssize_t n = ::send(m_fd, m_out.constData(), static_cast<size_t>(m_out.size()), MSG_NOSIGNAL);
        if (n > 0) {
            m_out.remove(0, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeScheduled = true;
            const quint64 generation = m_generation;
            m_watcher->waitWritable([this, generation](bool) {
                if (generation != m_generation)
                    return;
                m_writeScheduled = false;
                write();
            });
            return;
        }
        close(errnoText(errno), true);
        return;
    }
}

void RedisRateLimiter::Connection::onReadable(bool ok)
{
    if (!ok) {
        close(QStringLiteral("redis connection failed"), true);
        return;
    }
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            redisReaderFeed(m_reader, buffer, static_cast<size_t>(n));
            if (static_cast<size_t>(n) < sizeof buffer)
                break;
            continue;
        }
        if (n == 0) {
            close(QStringLiteral("redis closed the connection"), true);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        close(errnoText(errno), true);
        return;
    }
    m_lastActivity = Clock::now();
    const quint64 generation = m_generation;
    for (;;) {
        void *raw = nullptr;
        if (redisReaderGetReply(m_reader, &raw) != REDIS_OK) {
            close(QStringLiteral("redis protocol error"), true);
            return;
        }
        if (!raw)
            break;
        std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(static_cast<redisReply *>(raw), freeReplyObject);
        if (m_pending.empty()) {
            close(QStringLiteral("redis sent an unexpected reply"), true);
            return;
        }
        Pending pending = std::move(m_pending.front());
        m_pending.pop_front();
        m_queued -= pending.weight();
        if (pending.checks.empty()) {
            pending.handler(reply.get(), QString());
        } else {
            --m_batchesInFlight;
            answerBatch(pending, reply.get());
        }
        if (generation != m_generation)
            return; // the handler closed the connection
    }
    if (m_batchesInFlight == 0 && !m_batch.empty())
        scheduleWrite(); // the checks gathered while the batch was on the wire
    m_watcher->waitReadable([this, generation](bool readable) {
        if (generation == m_generation)
            onReadable(readable);
    });
}

void RedisRateLimiter::Connection::close(const QString &why, bool scheduleReconnect)
{
    ++m_generation;
    m_watcher.reset(); // cancels its waits before the descriptor goes
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    const bool wasOpen = m_state != State::Down;
    m_state = State::Down;
    m_out.clear();
    m_writeScheduled = false;
    if (m_reader) {
        redisReaderFree(m_reader);
        m_reader = nullptr;
    }
    if (wasOpen) {
        m_lastError = why;
        m_owner.m_available = false;
        // A connection that was up may be retried by the next check at once (Redis restarted);
        // one that failed to open waits for the reconnect delay set by connect().
        if (scheduleReconnect && m_connectStarted + m_owner.m_options.reconnectDelay < Clock::now())
            m_nextConnect = Clock::now();
    }
    std::deque<Pending> pending;
    pending.swap(m_pending);
    std::vector<Check> batch;
    batch.swap(m_batch);
    m_queued = 0;
    m_batchesInFlight = 0;
    for (Pending &p : pending) {
        if (p.checks.empty())
            p.handler(nullptr, why);
        for (Check &check : p.checks)
            answerUnavailable(check, why);
    }
    for (Check &check : batch)
        answerUnavailable(check, why);
}

void RedisRateLimiter::Connection::tick()
{
    const auto now = Clock::now();
    const Options &options = m_owner.m_options;
    if (m_state == State::Connecting && now - m_connectStarted > options.connectTimeout) {
        ++m_addressIndex;
        close(QStringLiteral("connect timeout"), false);
    } else if (m_state == State::Up && !m_pending.empty() && now - m_pending.front().queued > options.commandTimeout) {
        close(QStringLiteral("redis did not answer within %1 ms").arg(options.commandTimeout.count()), false);
    } else if (m_queued == 0 && now - m_lastActivity >= options.reconnectDelay) {
        // Idle: PING when up, reconnect when down, so isAvailable() follows Redis.
        m_lastActivity = now;
        if (m_state == State::Up) {
            appendCommand(m_out, { "PING" });
            expect([](const redisReply *, const QString &) {});
            scheduleWrite();
        } else if (m_state == State::Down && now >= m_nextConnect) {
            connect();
        }
    }
    startTicking();
}

RedisRateLimiter::RedisRateLimiter(Http::EventLoop &loop, Options options)
    : m_options(std::move(options))
    , m_loop(loop)
    , m_scriptSha(QCryptographicHash::hash(QByteArray(Script), QCryptographicHash::Sha1).toHex())
{
    m_connections.resize(static_cast<size_t>(std::max(1, m_loop.threadCount())));
    const QByteArray host = m_options.access.endpoint.host.toUtf8();
    const QByteArray port = QByteArray::number(m_options.access.endpoint.port);
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const int rc = ::getaddrinfo(host.constData(), port.constData(), &hints, &found);
    for (const addrinfo *a = rc == 0 ? found : nullptr; a; a = a->ai_next) {
        if (a->ai_addrlen > sizeof(sockaddr_storage))
            continue;
        Address address;
        std::memcpy(&address.address, a->ai_addr, a->ai_addrlen);
        address.length = a->ai_addrlen;
        m_addresses.push_back(address);
    }
    if (m_addresses.empty()) {
        m_resolveError = QStringLiteral("cannot resolve %1: %2")
                             .arg(m_options.access.endpoint.host,
                                 rc != 0 ? QString::fromLocal8Bit(gai_strerror(rc)) : QStringLiteral("no address"));
    }
    if (found)
        ::freeaddrinfo(found);
}

RedisRateLimiter::~RedisRateLimiter()
{
    if (!m_loop.isRunning()) {
        m_connections.clear();
        return;
    }
    std::mutex mutex;
    std::condition_variable closed;
    size_t remaining = m_connections.size();
    for (size_t i = 0; i < m_connections.size(); ++i) {
        m_loop.post(int(i), [&, i] {
            m_connections[i].reset(); // answers its pending checks "gateway stopping"
            std::lock_guard lock(mutex);
            if (--remaining == 0)
                closed.notify_all();
        });
    }
    std::unique_lock lock(mutex);
    closed.wait(lock, [&] { return remaining == 0; });
}

RedisRateLimiter::Connection &RedisRateLimiter::connection()
{
    auto &slot = m_connections[static_cast<size_t>(m_loop.currentThreadIndex())];
    if (!slot) {
        slot = std::make_shared<Connection>(*this, m_loop.currentThreadIndex());
        slot->startTicking();
    }
    return *slot;
}

template<typename Task>
void RedisRateLimiter::onLoopThread(Task task)
{
    if (m_loop.currentThreadIndex() >= 0)
        task();
    else
        m_loop.post(std::move(task));
}

void RedisRateLimiter::start()
{
    for (int i = 0; i < int(m_connections.size()); ++i) {
        m_loop.post(i, [this] {
            Connection &c = connection();
            c.send([](QByteArray &out) { appendCommand(out, { "PING" }); }, [](const redisReply *, const QString &) {});
        });
    }
}

void RedisRateLimiter::check(const QByteArray &identity, int limit, int windowSeconds, Callback done)
{
    Check check { m_options.keyPrefix + identity, QByteArray::number(static_cast<qint64>(windowSeconds) * 1000), limit,
        std::move(done) };
    onLoopThread([this, check = std::move(check)]() mutable { connection().check(std::move(check)); });
}

// An admin SCAN in progress: pages of keys, each followed by GET and PTTL of its keys.
struct RedisRateLimiter::Scan
{
    QByteArray pattern;
    int max = 0;
    QByteArray cursor = "0";
    QList<RateCounter> result;
    std::function<void(QList<RateCounter>, QString)> done;
    bool finished = false;
    void finish(const QString &error)
    {
        if (!finished) {
            finished = true;
            done(std::move(result), error);
        }
    }
};

void RedisRateLimiter::counters(int max, std::function<void(QList<RateCounter>, QString)> done)
{
    auto scan = std::make_shared<Scan>();
    scan->pattern = m_options.keyPrefix + '*';
    scan->max = max;
    scan->done = std::move(done);
    onLoopThread([this, scan] { scanPage(scan); });
}

void RedisRateLimiter::scanPage(const std::shared_ptr<Scan> &scan)
{
    connection().send(
        [&](QByteArray &out) {
            appendCommand(out, { "SCAN", view(scan->cursor), "MATCH", view(scan->pattern), "COUNT", "200" });
        },
        [this, scan](const redisReply *reply, const QString &error) {
            if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2
                || reply->element[0]->type != REDIS_REPLY_STRING || reply->element[1]->type != REDIS_REPLY_ARRAY) {
                scan->finish(reply ? QStringLiteral("SCAN failed") : error);
                return;
            }
            scan->cursor = QByteArray(reply->element[0]->str, qsizetype(reply->element[0]->len));
            const redisReply *keys = reply->element[1];
            const qsizetype first = scan->result.size();
            for (size_t i = 0; i < keys->elements && scan->result.size() < scan->max; ++i) {
                RateCounter counter;
                counter.key = QByteArray(keys->element[i]->str, qsizetype(keys->element[i]->len));
                scan->result.append(counter);
            }
            const qsizetype last = scan->result.size();
            auto continueOrFinish = [this, scan] {
                if (scan->cursor != "0" && scan->result.size() < scan->max)
                    scanPage(scan);
                else
                    scan->finish(QString());
            };
            if (first == last) {
                continueOrFinish();
                return;
            }
            // Replies come in order: the last PTTL's answer means the whole page is in.
            for (qsizetype i = first; i < last; ++i) {
                const QByteArray key = scan->result.at(i).key;
                connection().send([&](QByteArray &out) { appendCommand(out, { "GET", view(key) }); },
                    [scan, i](const redisReply *value, const QString &error) {
                        if (!value)
                            scan->finish(error);
                        else if (value->type == REDIS_REPLY_STRING && !scan->finished)
                            scan->result[i].count = QByteArray(value->str, qsizetype(value->len)).toLongLong();
                    });
                connection().send([&](QByteArray &out) { appendCommand(out, { "PTTL", view(key) }); },
                    [scan, i, last, continueOrFinish](const redisReply *ttl, const QString &error) {
                        if (!ttl) {
                            scan->finish(error);
                            return;
                        }
                        if (ttl->type == REDIS_REPLY_INTEGER && !scan->finished)
                            scan->result[i].resetMs = ttl->integer;
                        if (i == last - 1 && !scan->finished)
                            continueOrFinish();
                    });
            }
        });
}

} // namespace Gatehouse::Runtime
