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
        QCOMPARE(headers.fields().back().second, std::string_view("application/json"));
        QCOMPARE(headers.remove("SET-cookie"), std::size_t(2));
        QCOMPARE(headers.size(), std::size_t(1));
        const auto fields = headers.toVector();
        QCOMPARE(fields.size(), std::size_t(1));
        headers.clear();
        QVERIFY(headers.empty());
    }

    // Every field's bytes live in one buffer: growing it must keep what was there, and a field
    // added or set from a view into the same list (the buffer it points into is replaced while
    // the field is copied) must come out whole.
    void headersGrowAndAddFromThemselves()
    {
        Headers headers;
        headers.reserve(1, 8);
        std::vector<Headers::Field> expected;
        for (int i = 0; i < 200; ++i) {
            const std::string name = "X-Field-" + std::to_string(i);
            const std::string value(static_cast<std::size_t>(i % 37), static_cast<char>('a' + i % 26));
            headers.add(name, value);
            expected.emplace_back(name, value);
        }
        QVERIFY(headers.toVector() == expected);
        for (int i = 0; i < 50; ++i) { // each add copies a view into the buffer it may outgrow
            const std::string_view value = headers.value("X-Field-36");
            headers.add("X-Copy", value);
        }
        QCOMPARE(headers.count("x-copy"), std::size_t(50));
        for (const std::string_view copy : headers.values("X-Copy"))
            QCOMPARE(copy, std::string_view(std::string(36, 'k')));
        headers.set("X-Field-5", headers.value("X-Field-5")); // from the field it replaces
        QCOMPARE(headers.value("x-field-5"), std::string_view("fffff"));
        QCOMPARE(headers.fields().back().first, std::string_view("X-Field-5"));
        QCOMPARE(headers.size(), std::size_t(250));
        const Headers copy = headers; // a copy owns its bytes
        headers.clear();
        QCOMPARE(copy.value("X-Field-199"), std::string_view(std::string(199 % 37, static_cast<char>('a' + 199 % 26))));
    }

    // equalsIgnoreCase compares eight bytes at a time past seven: it must agree with the plain
    // byte rule (only 'A'..'Z' and 'a'..'z' fold) for every byte value at every position of
    // every length up to 40, and for every pair of bytes in one position.
    void equalsIgnoreCaseFoldsOnlyAsciiLetters()
    {
        const auto fold = [](unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : int(c); };
        const auto reference = [&fold](std::string_view a, std::string_view b) {
            if (a.size() != b.size())
                return false;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (fold(static_cast<unsigned char>(a[i])) != fold(static_cast<unsigned char>(b[i])))
                    return false;
            }
            return true;
        };
        for (std::size_t size = 1; size <= 40; ++size) {
            const std::string base = std::string("Content-Length-Transfer-Encoding-X-Forwarded").substr(0, size);
            std::string lower = base;
            for (char &c : lower)
                c = static_cast<char>(fold(static_cast<unsigned char>(c)));
            QVERIFY(Headers::equalsIgnoreCase(base, lower));
            for (std::size_t at = 0; at < size; ++at) {
                for (int a = 0; a < 256; ++a) {
                    for (const int b : {a, fold(static_cast<unsigned char>(a)), a ^ 0x20, a ^ 0x80, int(base[at])}) {
                        std::string left = base, right = lower;
                        left[at] = static_cast<char>(a);
                        right[at] = static_cast<char>(b & 0xff);
                        if (Headers::equalsIgnoreCase(left, right) != reference(left, right))
                            QFAIL(qPrintable(QString("size %1 at %2: %3 vs %4").arg(size).arg(at).arg(a).arg(b & 0xff)));
                    }
                }
            }
        }
        for (int a = 0; a < 256; ++a) { // every pair of bytes, in the last position of a long name
            for (int b = 0; b < 256; ++b) {
                const std::string left = "x-forwarded-" + std::string(1, char(a));
                const std::string right = "X-FORWARDED-" + std::string(1, char(b));
                if (Headers::equalsIgnoreCase(left, right) != reference(left, right))
                    QFAIL(qPrintable(QString("bytes %1 and %2").arg(a).arg(b)));
            }
        }
        QVERIFY(!Headers::equalsIgnoreCase("content-length", "content-lengtx"));
        QVERIFY(!Headers::equalsIgnoreCase("Content-Length", "Content-Lengt"));
    }

    // copySmall copies 4 to 16 bytes with overlapping words: every size and alignment must come
    // out byte for byte, with nothing written around the copy.
    void copySmallCopiesExactly()
    {
        for (std::size_t size = 0; size <= 64; ++size) {
            for (std::size_t offset = 0; offset < 8; ++offset) {
                std::string from(80, '\0'), to(80, '#');
                for (std::size_t i = 0; i < from.size(); ++i)
                    from[i] = static_cast<char>('a' + (i * 7 + size) % 26);
                Gatehouse::Runtime::Http::detail::copySmall(to.data() + offset, from.data() + 3, size);
                const std::string expected = std::string(offset, '#') + from.substr(3, size)
                    + std::string(80 - offset - size, '#');
                if (to != expected)
                    QFAIL(qPrintable(QString("size %1 offset %2").arg(size).arg(offset)));
            }
        }
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
        QVERIFY(headers.toVector() == expected);
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
