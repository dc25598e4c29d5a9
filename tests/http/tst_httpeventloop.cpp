// The event loop: posting to threads, thread identity, and foreign descriptors (the way
// hiredis/libpq/librdkafka sockets join a loop thread) through SocketWatcher.
#include "http/eventloop.h"
#include "http/headers.h"
#include "http/socketwatcher.h"

#include <QtTest>

#include <atomic>
#include <fcntl.h>
#include <future>
#include <unistd.h>

using namespace Gatehouse::Runtime::Http;

class TestHttpEventLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headersLookupIsCaseInsensitiveAndOrdered()
    {
        Headers headers;
        headers.add("Set-Cookie", "a=1");
        headers.add("Content-Type", "text/plain");
        headers.add("set-cookie", "b=2");
        QCOMPARE(headers.value("SET-COOKIE"), std::string_view("a=1"));
        QCOMPARE(headers.count("set-cookie"), std::size_t(2));
        QCOMPARE(headers.values("Set-Cookie").at(1), std::string_view("b=2"));
        QVERIFY(headers.value("missing").empty());
        headers.set("content-type", "application/json");
        QCOMPARE(headers.count("Content-Type"), std::size_t(1));
        QCOMPARE(headers.fields().back().second, std::string("application/json"));
        QCOMPARE(headers.remove("SET-cookie"), std::size_t(2));
        QCOMPARE(headers.size(), std::size_t(1));
        const auto fields = headers.takeFields();
        QCOMPARE(fields.size(), std::size_t(1));
        QVERIFY(headers.empty());
    }

    void headersRemoveIfKeepsTheOthersInOrder()
    {
        Headers headers;
        headers.add("Host", "h");
        headers.add("Connection", "keep-alive");
        headers.add("X-A", "1");
        headers.add("Keep-Alive", "timeout=5");
        headers.add("X-B", "drop");
        headers.add("X-A", "2");
        const auto removed = headers.removeIf([](std::string_view name, std::string_view value) {
            return Headers::equalsIgnoreCase(name, "connection") || Headers::equalsIgnoreCase(name, "keep-alive")
                || value == "drop";
        });
        QCOMPARE(removed, std::size_t(3));
        const std::vector<Headers::Field> expected{{"Host", "h"}, {"X-A", "1"}, {"X-A", "2"}};
        QVERIFY(headers.fields() == expected);
        QCOMPARE(headers.removeIf([](std::string_view, std::string_view) { return false; }), std::size_t(0));
        QCOMPARE(headers.size(), std::size_t(3));
    }

    void postRunsOnTheChosenThread()
    {
        EventLoop loop(3);
        QCOMPARE(loop.threadCount(), 3);
        QCOMPARE(loop.currentThreadIndex(), -1);
        loop.start();
        for (int i = 0; i < 3; ++i) {
            std::promise<int> seen;
            loop.post(i, [&] { seen.set_value(loop.currentThreadIndex()); });
            QCOMPARE(seen.get_future().get(), i);
        }
        // From a loop thread, post() without an index stays on that thread.
        std::promise<std::pair<int, int>> nested;
        loop.post(1, [&] {
            const int outer = loop.currentThreadIndex();
            loop.post([&, outer] { nested.set_value({outer, loop.currentThreadIndex()}); });
        });
        const auto [outer, inner] = nested.get_future().get();
        QCOMPARE(outer, 1);
        QCOMPARE(inner, 1);
        loop.stop();
        QVERIFY(!loop.isRunning());
    }

    void socketWatcherReportsReadability()
    {
        int fds[2];
        QCOMPARE(::pipe2(fds, O_NONBLOCK), 0);
        EventLoop loop(2);
        loop.start();
        std::promise<std::pair<bool, int>> readable;
        std::unique_ptr<SocketWatcher> watcher;
        std::promise<int> armed;
        loop.post(1, [&] {
            watcher = std::make_unique<SocketWatcher>(loop, fds[0]);
            watcher->waitReadable([&](bool ok) {
                char byte = 0;
                const auto n = ::read(fds[0], &byte, 1);
                readable.set_value({ok && n == 1 && byte == 'x', loop.currentThreadIndex()});
            });
            armed.set_value(watcher->threadIndex());
        });
        QCOMPARE(armed.get_future().get(), 1);
        QCOMPARE(::write(fds[1], "x", 1), ssize_t(1));
        const auto [ok, thread] = readable.get_future().get();
        QVERIFY(ok);
        QCOMPARE(thread, 1);
        std::promise<void> destroyed;
        loop.post(1, [&] {
            watcher.reset();
            destroyed.set_value();
        });
        destroyed.get_future().get();
        // The watcher never closes the descriptor it watched.
        QCOMPARE(::fcntl(fds[0], F_GETFD), 0);
        loop.stop();
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

QTEST_GUILESS_MAIN(TestHttpEventLoop)
#include "tst_httpeventloop.moc"
