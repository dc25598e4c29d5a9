// RedisRateLimiter on its own against a real redis-server: the checks issued before one write
// leave as one script call (Redis' INFO commandstats counts the EVALSHAs) and still count
// exactly, per key, across batches, threads, a flushed script cache, error replies, a hung
// Redis and a full queue.
#include "gatewaytestsupport.h"
#include "gateway/ratelimiter.h"
#include "http/eventloop.h"

#include <QtTest>
#include <csignal>
#include <mutex>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using GatewayTest::RedisServer;

namespace {

struct Request
{
    QByteArray key;
    int limit = 0;
    int windowSeconds = 0;
};

QList<Request> repeated(const QByteArray &key, int limit, int windowSeconds, int n)
{
    return QList<Request>(n, Request { key, limit, windowSeconds });
}

// The decisions of a series of checks, by the order they were issued in.
class Answers
{
public:
    void resize(qsizetype n)
    {
        std::lock_guard lock(m_mutex);
        m_decisions.resize(n);
    }
    void set(qsizetype index, RateDecision decision)
    {
        std::lock_guard lock(m_mutex);
        m_decisions[index] = std::move(decision);
        ++m_answered;
    }
    int answered() const
    {
        std::lock_guard lock(m_mutex);
        return m_answered;
    }
    QList<RateDecision> decisions() const
    {
        std::lock_guard lock(m_mutex);
        return m_decisions;
    }
    int count(RateDecision::State state) const
    {
        std::lock_guard lock(m_mutex);
        return int(std::count_if(
            m_decisions.cbegin(), m_decisions.cend(), [state](const RateDecision &d) { return d.state == state; }));
    }

private:
    mutable std::mutex m_mutex;
    QList<RateDecision> m_decisions;
    int m_answered = 0;
};

// A limiter on its own loop.
class Limiter
{
public:
    Limiter(int redisPort, int threads, RedisRateLimiter::Options options = {})
        : m_loop(threads)
    {
        options.access = RedisAccess { { "127.0.0.1", redisPort }, QString(), 0 };
        options.keyPrefix = "rl:";
        m_loop.start();
        m_limiter = std::make_unique<RedisRateLimiter>(m_loop, options);
        m_limiter->start();
    }
    ~Limiter()
    {
        m_limiter.reset();
        m_loop.stop();
    }
    RedisRateLimiter &limiter() { return *m_limiter; }

    // Issues `requests` from loop thread `thread` within one task, i.e. one turn of its loop:
    // they all leave in the connection's next write. Answers go to `answers` from `first` on.
    void fire(int thread, const QList<Request> &requests, Answers &answers, qsizetype first = 0)
    {
        m_loop.post(thread, [this, requests, &answers, first] {
            for (qsizetype i = 0; i < requests.size(); ++i) {
                const Request &r = requests.at(i);
                m_limiter->check(r.key, r.limit, r.windowSeconds,
                    [&answers, index = first + i](RateDecision d) { answers.set(index, std::move(d)); });
            }
        });
    }

    // Returns once loop thread `thread` has run everything posted to it so far, and what that
    // posted in turn (the connection's write): a task that posts the flag-setting task.
    bool sync(int thread)
    {
        auto done = std::make_shared<std::atomic<bool>>(false);
        m_loop.post(thread, [this, thread, done] { m_loop.post(thread, [done] { *done = true; }); });
        return QTest::qWaitFor([&] { return done->load(); }, 5000);
    }

private:
    Http::EventLoop m_loop;
    std::unique_ptr<RedisRateLimiter> m_limiter;
};

// How often Redis ran `command` (INFO commandstats), 0 when never.
int calls(RedisServer &redis, const QByteArray &command)
{
    const QByteArray stats = redis.command("INFO commandstats");
    const QByteArray marker = "cmdstat_" + command + ":calls=";
    const qsizetype at = stats.indexOf(marker);
    if (at < 0)
        return 0;
    const qsizetype from = at + marker.size();
    return stats.mid(from, stats.indexOf(',', from) - from).toInt();
}

// The integer of a RESP integer reply (":42\r\n").
qint64 integerReply(const QByteArray &reply)
{
    return reply.startsWith(':') ? reply.mid(1).trimmed().toLongLong() : -99;
}

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 300 checks of one key in one write against a limit of 200: exactly 200 pass, in order,
    // with ceil(300 / maxBatch) EVALSHAs instead of 300.
    void batchOfOneWriteCountsExactly_data()
    {
        QTest::addColumn<int>("maxBatch");
        QTest::addColumn<int>("evalshaCalls");
        QTest::newRow("default cap 256") << 256 << 2;
        QTest::newRow("cap 100") << 100 << 3;
        QTest::newRow("cap 1: one check per call") << 1 << 300;
    }
    void batchOfOneWriteCountsExactly()
    {
        QFETCH(int, maxBatch);
        QFETCH(int, evalshaCalls);
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.maxBatch = maxBatch;
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        Answers answers;
        answers.resize(300);
        l.fire(0, repeated("k", 200, 60, 300), answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 300, 10000);
        QCOMPARE(answers.count(RateDecision::State::Allowed), 200);
        QCOMPARE(answers.count(RateDecision::State::Limited), 100);
        const QList<RateDecision> decisions = answers.decisions();
        for (int i = 0; i < 300; ++i) {
            const RateDecision &d = decisions.at(i);
            QCOMPARE(d.state, i < 200 ? RateDecision::State::Allowed : RateDecision::State::Limited);
            QCOMPARE(d.limit, 200);
            QCOMPARE(d.remaining, std::max(0, 199 - i));
            QVERIFY2(d.resetMs > 0 && d.resetMs <= 60000, QByteArray::number(d.resetMs).constData());
        }
        QCOMPARE(calls(redis, "evalsha"), evalshaCalls);
        QCOMPARE(calls(redis, "incrby") + calls(redis, "incr"), evalshaCalls); // one per call: one key
        QCOMPARE(redis.command("GET rl:k"), QByteArray("$3\r\n300\r\n"));

        // The admin listing reads the same counter.
        std::mutex mutex;
        QList<RateCounter> counters;
        QString listError;
        bool listed = false;
        l.limiter().counters(10, [&](QList<RateCounter> found, QString error) {
            std::lock_guard lock(mutex);
            counters = std::move(found);
            listError = std::move(error);
            listed = true;
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                std::lock_guard lock(mutex);
                return listed;
            },
            5000));
        QVERIFY2(listError.isEmpty(), qPrintable(listError));
        QCOMPARE(counters.size(), 1);
        QCOMPARE(counters.first().key, QByteArray("rl:k"));
        QCOMPARE(counters.first().count, 300);
        QVERIFY(counters.first().resetMs > 0 && counters.first().resetMs <= 60000);
    }

    // Checks issued while a batch is on the wire wait for its reply and then leave together:
    // with Redis stopped, batch A is written, B and C (separate loop turns) gather behind it,
    // and after SIGCONT they go as one EVALSHA — two calls for three turns, counts in order.
    void checksGatherWhileABatchIsOnTheWire()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.commandTimeout = std::chrono::milliseconds(10000); // longer than the test
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        QVERIFY(l.sync(0)); // the start PING has gone out
        QCOMPARE(::kill(pid_t(redis.pid()), SIGSTOP), 0);
        Answers answers;
        answers.resize(90);
        l.fire(0, repeated("g", 1000, 60, 30), answers, 0);
        QVERIFY(l.sync(0)); // A is on the wire
        l.fire(0, repeated("g", 1000, 60, 30), answers, 30);
        QVERIFY(l.sync(0));
        l.fire(0, repeated("g", 1000, 60, 30), answers, 60);
        QVERIFY(l.sync(0));
        QCOMPARE(answers.answered(), 0);
        ::kill(pid_t(redis.pid()), SIGCONT);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 90, 5000);
        const QList<RateDecision> decisions = answers.decisions();
        for (int i = 0; i < 90; ++i) {
            QCOMPARE(decisions.at(i).state, RateDecision::State::Allowed);
            QCOMPARE(decisions.at(i).remaining, 999 - i);
        }
        QCOMPARE(calls(redis, "evalsha"), 2);
    }

    // Two loop threads, each its own connection and batch, one key: still exactly the limit.
    void exactAcrossTwoThreads()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        Limiter l(redis.port(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        Answers answers;
        answers.resize(300);
        l.fire(0, repeated("shared", 200, 60, 150), answers, 0);
        l.fire(1, repeated("shared", 200, 60, 150), answers, 150);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 300, 10000);
        QCOMPARE(answers.count(RateDecision::State::Allowed), 200);
        QCOMPARE(answers.count(RateDecision::State::Limited), 100);
        QSet<int> remaining;
        for (const RateDecision &d : answers.decisions()) {
            if (d.state == RateDecision::State::Allowed)
                remaining.insert(d.remaining);
        }
        QCOMPARE(remaining.size(), 200); // every count from 1 to 200 once
        QCOMPARE(calls(redis, "evalsha"), 2);
    }

    // One batch with several keys, limits and windows interleaved, a key someone left without
    // expiry (it gets one) and a key holding no counter (only its own checks fail). Each key
    // is named once in the call (one INCRBY per key); every check still gets its own count.
    void mixedKeysInOneBatch()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        QCOMPARE(redis.command("SET rl:old 5"), QByteArray("+OK\r\n"));
        QCOMPARE(redis.command("SET rl:text abc"), QByteArray("+OK\r\n"));
        Limiter l(redis.port(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        QList<Request> requests;
        for (int i = 0; i < 5; ++i) {
            requests.append({ "a", 3, 60 });
            if (i < 4)
                requests.append({ "b", 10, 1 });
            if (i < 2) {
                requests.append({ "c", 1, 3600 });
                requests.append({ "old", 10, 60 });
            }
            if (i == 2 || i == 4)
                requests.append({ "text", 10, 60 });
        }
        Answers answers;
        answers.resize(requests.size());
        l.fire(0, requests, answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), int(requests.size()), 10000);
        QCOMPARE(calls(redis, "evalsha"), 1);
        QCOMPARE(calls(redis, "incrby"), 5); // a, b, c, old, text: once each
        QCOMPARE(calls(redis, "incr"), 0);
        QCOMPARE(calls(redis, "pttl"), 4); // not for text

        QHash<QByteArray, QList<RateDecision>> byKey;
        const QList<RateDecision> decisions = answers.decisions();
        for (qsizetype i = 0; i < requests.size(); ++i)
            byKey[requests.at(i).key].append(decisions.at(i));
        using S = RateDecision::State;
        auto states = [&](const QByteArray &key) {
            QList<S> result;
            for (const RateDecision &d : byKey.value(key))
                result.append(d.state);
            return result;
        };
        auto remaining = [&](const QByteArray &key) {
            QList<int> result;
            for (const RateDecision &d : byKey.value(key))
                result.append(d.remaining);
            return result;
        };
        QCOMPARE(states("a"), QList<S>({ S::Allowed, S::Allowed, S::Allowed, S::Limited, S::Limited }));
        QCOMPARE(remaining("a"), QList<int>({ 2, 1, 0, 0, 0 }));
        QCOMPARE(remaining("b"), QList<int>({ 9, 8, 7, 6 }));
        QCOMPARE(states("c"), QList<S>({ S::Allowed, S::Limited }));
        QCOMPARE(remaining("old"), QList<int>({ 4, 3 })); // counts 6 and 7
        for (const RateDecision &d : byKey.value("a"))
            QVERIFY(d.resetMs > 1000 && d.resetMs <= 60000);
        for (const RateDecision &d : byKey.value("b"))
            QVERIFY(d.resetMs > 0 && d.resetMs <= 1000);
        for (const RateDecision &d : byKey.value("c"))
            QVERIFY(d.resetMs > 60000 && d.resetMs <= 3600000);
        for (const RateDecision &d : byKey.value("old"))
            QVERIFY(d.resetMs > 1000 && d.resetMs <= 60000);
        QCOMPARE(states("text"), QList<S>({ S::Unavailable, S::Unavailable }));
        for (const RateDecision &d : byKey.value("text"))
            QVERIFY2(d.error.contains("not an integer"), qPrintable(d.error));

        QCOMPARE(redis.command("GET rl:a"), QByteArray("$1\r\n5\r\n"));
        QCOMPARE(redis.command("GET rl:old"), QByteArray("$1\r\n7\r\n"));
        const qint64 oldTtl = integerReply(redis.command("PTTL rl:old"));
        QVERIFY2(oldTtl > 1000 && oldTtl <= 60000, QByteArray::number(oldTtl).constData());
        const qint64 cTtl = integerReply(redis.command("PTTL rl:c"));
        QVERIFY2(cTtl > 60000 && cTtl <= 3600000, QByteArray::number(cTtl).constData());
        QCOMPARE(redis.command("GET rl:text"), QByteArray("$3\r\nabc\r\n"));
    }

    // The window ends between two batches: the next batch starts a new window (count from 1,
    // a fresh expiry).
    void windowEndsBetweenBatches()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        Limiter l(redis.port(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        Answers first;
        first.resize(3);
        l.fire(0, repeated("w", 2, 1, 3), first);
        QTRY_COMPARE_WITH_TIMEOUT(first.answered(), 3, 5000);
        QCOMPARE(first.count(RateDecision::State::Allowed), 2);
        QTRY_COMPARE_WITH_TIMEOUT(redis.command("EXISTS rl:w"), QByteArray(":0\r\n"), 5000);
        Answers second;
        second.resize(3);
        l.fire(0, repeated("w", 2, 1, 3), second);
        QTRY_COMPARE_WITH_TIMEOUT(second.answered(), 3, 5000);
        const QList<RateDecision> decisions = second.decisions();
        QCOMPARE(decisions.at(0).state, RateDecision::State::Allowed);
        QCOMPARE(decisions.at(0).remaining, 1);
        QCOMPARE(decisions.at(1).state, RateDecision::State::Allowed);
        QCOMPARE(decisions.at(2).state, RateDecision::State::Limited);
        QVERIFY(decisions.at(0).resetMs > 0 && decisions.at(0).resetMs <= 1000);
    }

    // SCRIPT FLUSH: every batch that meets NOSCRIPT is sent again whole as EVAL; no check is
    // lost or counted twice, also with flushes in the middle of pipelined traffic.
    void scriptFlushMidTraffic()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.maxBatch = 10;
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);

        // Ten batches in one write, all of them after the flush.
        QCOMPARE(redis.command("SCRIPT FLUSH"), QByteArray("+OK\r\n"));
        Answers answers;
        answers.resize(500);
        l.fire(0, repeated("f", 1000, 60, 100), answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 100, 10000);
        const QList<RateDecision> decisions = answers.decisions();
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(decisions.at(i).state, RateDecision::State::Allowed);
            QCOMPARE(decisions.at(i).remaining, 999 - i);
        }
        QCOMPARE(calls(redis, "eval"), 10);

        // Flushes while batches are on the wire.
        QTcpSocket admin;
        admin.connectToHost(QHostAddress::LocalHost, quint16(redis.port()));
        QVERIFY(admin.waitForConnected(5000));
        for (int round = 0; round < 20; ++round) {
            l.fire(0, repeated("f", 1000, 60, 20), answers, 100 + round * 20);
            if (round % 4 == 1) {
                admin.write("SCRIPT FLUSH\r\n");
                QVERIFY(admin.waitForReadyRead(5000));
                QCOMPARE(admin.readAll(), QByteArray("+OK\r\n"));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 500, 10000);
        QCOMPARE(answers.count(RateDecision::State::Allowed), 500);
        QSet<int> remaining;
        for (const RateDecision &d : answers.decisions())
            remaining.insert(d.remaining);
        QCOMPARE(remaining.size(), 500); // every count from 1 to 500 once
        QCOMPARE(redis.command("GET rl:f"), QByteArray("$3\r\n500\r\n"));
    }

    // An error reply for a whole batch (here: the user may not run EVALSHA) answers each of its
    // checks Unavailable with that error; nothing was counted, the connection stays.
    void errorReplyAnswersWholeBatch()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.maxBatch = 10;
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        QCOMPARE(redis.command("ACL SETUSER default -evalsha"), QByteArray("+OK\r\n"));
        Answers refused;
        refused.resize(30);
        l.fire(0, repeated("e", 100, 60, 30), refused);
        QTRY_COMPARE_WITH_TIMEOUT(refused.answered(), 30, 5000);
        QCOMPARE(refused.count(RateDecision::State::Unavailable), 30);
        for (const RateDecision &d : refused.decisions())
            QVERIFY2(d.error.startsWith("NOPERM"), qPrintable(d.error));
        QCOMPARE(calls(redis, "eval"), 0); // only NOSCRIPT is resent

        QCOMPARE(redis.command("ACL SETUSER default +evalsha"), QByteArray("+OK\r\n"));
        Answers counted;
        counted.resize(5);
        l.fire(0, repeated("e", 100, 60, 5), counted);
        QTRY_COMPARE_WITH_TIMEOUT(counted.answered(), 5, 5000);
        QCOMPARE(counted.count(RateDecision::State::Allowed), 5);
        QCOMPARE(counted.decisions().last().remaining, 95);
    }

    // A hung Redis (SIGSTOP): after commandTimeout every check of every batch on the wire and
    // of the batch still being gathered answers Unavailable; once Redis runs again, checks count.
    void hungRedisAnswersEveryBatch()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.maxBatch = 10;
        options.commandTimeout = std::chrono::milliseconds(300);
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        QCOMPARE(::kill(pid_t(redis.pid()), SIGSTOP), 0);
        Answers answers;
        answers.resize(50);
        l.fire(0, repeated("h", 100, 60, 50), answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 50, 5000);
        ::kill(pid_t(redis.pid()), SIGCONT);
        QCOMPARE(answers.count(RateDecision::State::Unavailable), 50);
        for (const RateDecision &d : answers.decisions())
            QCOMPARE(d.error, QString("redis did not answer within 300 ms"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                Answers again;
                again.resize(1);
                l.fire(0, repeated("h", 100, 60, 1), again);
                return QTest::qWaitFor([&] { return again.answered() == 1; }, 5000)
                    && again.count(RateDecision::State::Allowed) == 1;
            }(),
            5000);
    }

    // queueCapacity bounds the checks awaiting a reply, whatever the number of script calls.
    void queueCapacityCountsChecks()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        RedisRateLimiter::Options options;
        options.queueCapacity = 50;
        options.reconnectDelay = std::chrono::milliseconds(60000); // no idle PING in the queue
        Limiter l(redis.port(), 1, options);
        QTRY_VERIFY_WITH_TIMEOUT(l.limiter().isAvailable(), 5000);
        Answers warmUp; // answered after the start PING: the queue is empty then
        warmUp.resize(1);
        l.fire(0, repeated("q", 1000, 60, 1), warmUp);
        QTRY_COMPARE_WITH_TIMEOUT(warmUp.answered(), 1, 5000);
        Answers answers;
        answers.resize(300);
        l.fire(0, repeated("q", 1000, 60, 300), answers);
        QTRY_COMPARE_WITH_TIMEOUT(answers.answered(), 300, 5000);
        QCOMPARE(answers.count(RateDecision::State::Allowed), 50);
        QCOMPARE(answers.count(RateDecision::State::Unavailable), 250);
        QCOMPARE(answers.decisions().last().error, QString("rate-limit queue full"));
        QCOMPARE(redis.command("GET rl:q"), QByteArray("$2\r\n51\r\n"));
        QCOMPARE(calls(redis, "evalsha"), 2);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
