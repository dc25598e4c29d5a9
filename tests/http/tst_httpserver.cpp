// The engine's server against raw sockets: keep-alive, pipelining, chunked, HTTP/1.0,
// 100-continue, every limit with its status and a clean close, async responders, stop.
#include "http/detail/responsewriter.h"
#include "http/detail/tokenchars.h"
#include "rawsocket.h"
#include "testserver.h"

#include <QtTest>

using namespace HttpTest;

namespace {

const std::string kGet = "GET / HTTP/1.1\r\nHost: t\r\n\r\n";

std::string headerValue(const ParsedResponse &response, const std::string &name)
{
    std::string lowerHead = response.head;
    for (char &c : lowerHead)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = "\r\n" + name + ": ";
    for (char &c : key)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = lowerHead.find(key);
    if (at == std::string::npos)
        return {};
    const auto start = at + key.size();
    return response.head.substr(start, response.head.find("\r\n", start) - start);
}

// A fresh connection still gets a normal answer: the server survived.
bool serverStillAnswers(std::uint16_t port)
{
    RawConnection connection(port);
    if (!connection.connected() || !connection.send(kGet))
        return false;
    const auto response = connection.readResponse();
    return response && response->status == 200 && response->body == "ok";
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepAliveServesManyRequestsOnOneConnection()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.connected());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(connection.send("GET /echo?n=" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n"));
            const auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(headerValue(*response, "X-Query"), "n=" + std::to_string(i));
        }
        QCOMPARE(server.server().stats().acceptedConnections, 1u);
        QCOMPARE(server.server().stats().requests, 5u);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        TestServer server;
        RawConnection connection(server.port());
        // The first is answered later from another thread; the others must still follow it.
        QVERIFY(connection.send("GET /later HTTP/1.1\r\nHost: t\r\n\r\n"
                                "GET /echo?second HTTP/1.1\r\nHost: t\r\n\r\n"
                                "POST /echo?third HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"));
        const auto first = connection.readResponse();
        const auto second = connection.readResponse();
        const auto third = connection.readResponse();
        QVERIFY(first && second && third);
        QCOMPARE(first->body, std::string("later"));
        QCOMPARE(headerValue(*second, "X-Query"), std::string("second"));
        QCOMPARE(headerValue(*third, "X-Query"), std::string("third"));
        QCOMPARE(third->body, std::string("hello"));
    }

    void chunkedRequestBodyIsDecoded()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer-Field: x\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("Wikipedia"));
        // The connection stays usable after a chunked body.
        QVERIFY(connection.send(kGet));
        QVERIFY(connection.readResponse());
    }

    void chunkedResponse()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET /chunked HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QVERIFY(response->chunked);
        QCOMPARE(response->body, std::string("hello chunked world"));
        QVERIFY(headerValue(*response, "Content-Length").empty());
    }

    void chunkedResponseFallsBackToLengthForHttp10()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET /chunked HTTP/1.0\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QVERIFY(!response->chunked);
        QCOMPARE(headerValue(*response, "Content-Length"), std::string("19"));
        QCOMPARE(response->body, std::string("hello chunked world"));
    }

    void http10ClosesByDefault()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET /echo HTTP/1.0\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(headerValue(*response, "X-Version"), std::string("10"));
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
    }

    void http10KeepAliveOnRequest()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        const auto first = connection.readResponse();
        QVERIFY(first);
        QCOMPARE(headerValue(*first, "Connection"), std::string("keep-alive"));
        QVERIFY(connection.send("GET /echo HTTP/1.0\r\n\r\n"));
        const auto second = connection.readResponse();
        QVERIFY(second);
        QCOMPARE(second->status, 200);
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        QCOMPARE(server.server().stats().acceptedConnections, 1u);
    }

    void connectionCloseIsHonoured()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(headerValue(*response, "Connection"), std::string("close"));
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
    }

    void expectContinueGetsInterimResponse()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
        const auto interim = connection.readResponse();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        QVERIFY(connection.send("hello"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("hello"));
    }

    void expectContinueWithTooLargeBodyGets413()
    {
        ServerOptions options;
        options.maxBodyBytes = 10;
        TestServer server(options);
        RawConnection connection(server.port());
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const std::string longTarget = "/" + std::string(300, 'a');
        const std::string bigField = "X-Big: " + std::string(600, 'b') + "\r\n";
        QTest::newRow("431 header too large")
            << QByteArray::fromStdString("GET / HTTP/1.1\r\nHost: t\r\n" + bigField + "\r\n") << 431;
        QTest::newRow("431 too many fields")
            << QByteArray::fromStdString("GET / HTTP/1.1\r\nHost: t\r\n" + [] {
                   std::string fields;
                   for (int i = 0; i < 12; ++i)
                       fields += "X-F" + std::to_string(i) + ": v\r\n";
                   return fields;
               }() + "\r\n")
            << 431;
        QTest::newRow("414 uri too long")
            << QByteArray::fromStdString("GET " + longTarget + " HTTP/1.1\r\nHost: t\r\n\r\n") << 414;
        QTest::newRow("414 uri too long, incomplete line")
            << QByteArray::fromStdString("GET " + longTarget + longTarget) << 414;
        QTest::newRow("413 content-length") << QByteArray("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 101\r\n\r\n")
                                            << 413;
        QTest::newRow("413 chunked")
            << QByteArray::fromStdString("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         "40\r\n" + std::string(64, 'x') + "\r\n40\r\n" + std::string(64, 'y') + "\r\n0\r\n\r\n")
            << 413;
        QTest::newRow("400 bad request") << QByteArray("GET/HTTP/1.1\r\nHost: t\r\n\r\n") << 400;
        QTest::newRow("505 version") << QByteArray("GET / HTTP/9.9\r\nHost: t\r\n\r\n") << 505;
        QTest::newRow("505 HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: t\r\n\r\n") << 505;
        QTest::newRow("501 method") << QByteArray("BREW / HTTP/1.1\r\nHost: t\r\n\r\n") << 501;
        QTest::newRow("501 CONNECT") << QByteArray("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n") << 501;
        QTest::newRow("417 expectation") << QByteArray("POST / HTTP/1.1\r\nHost: t\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx")
                                         << 417;
    }

    void limits()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerOptions options;
        options.maxHeaderBytes = 512;
        options.maxTargetBytes = 256;
        options.maxHeaderFields = 10;
        options.maxBodyBytes = 100;
        TestServer server(options);
        RawConnection connection(server.port());
        QVERIFY(connection.send(request.toStdString()));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(headerValue(*response, "Connection"), std::string("close"));
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        QCOMPARE(server.server().stats().rejectedRequests, 1u);
        QVERIFY(serverStillAnswers(server.port()));
    }

    void slowClientGets408()
    {
        ServerOptions options;
        options.requestTimeout = std::chrono::milliseconds(150);
        TestServer server(options);
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET / HTTP/1.1\r\nHost: t\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        QVERIFY(serverStillAnswers(server.port()));
    }

    void slowBodyGets408()
    {
        ServerOptions options;
        options.requestTimeout = std::chrono::milliseconds(150);
        TestServer server(options);
        RawConnection connection(server.port());
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
    }

    void idleKeepAliveConnectionClosesSilently()
    {
        ServerOptions options;
        options.keepAliveTimeout = std::chrono::milliseconds(100);
        TestServer server(options);
        RawConnection connection(server.port());
        QVERIFY(connection.send(kGet));
        QVERIFY(connection.readResponse());
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        QVERIFY(connection.extra().empty());
    }

    void headResponseHasNoBody()
    {
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("HEAD /chunked HTTP/1.1\r\nHost: t\r\n\r\nHEAD / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto first = connection.readResponse(true);
        const auto second = connection.readResponse(true);
        QVERIFY(first && second);
        QCOMPARE(second->status, 200);
        QCOMPARE(headerValue(*second, "Content-Length"), std::string("2"));
        QVERIFY(connection.send(kGet));
        const auto third = connection.readResponse();
        QVERIFY(third);
        QCOMPARE(third->body, std::string("ok"));
    }

    void droppedOrThrowingHandlerAnswers500_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("dropped responder") << QByteArray("/drop");
        QTest::newRow("throwing handler") << QByteArray("/throw");
    }

    void droppedOrThrowingHandlerAnswers500()
    {
        QFETCH(QByteArray, path);
        TestServer server;
        RawConnection connection(server.port());
        QVERIFY(connection.send("GET " + path.toStdString() + " HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 500);
        QVERIFY(connection.send(kGet));
        const auto next = connection.readResponse();
        QVERIFY(next);
        QCOMPARE(next->status, 200);
    }

    void listenerIdsTellListenersApart()
    {
        TestServer server;
        for (auto [port, id] : {std::pair{server.port(), "1"}, std::pair{server.internalPort(), "2"}}) {
            RawConnection connection(port);
            QVERIFY(connection.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
            const auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(headerValue(*response, "X-Listener"), std::string(id));
        }
    }

    // The field-value check looks at eight bytes at once; it must agree with the byte rule
    // (no control byte but HTAB; obs-text allowed) for every byte value at every position of
    // a value, before, inside and after a whole word, with and without an HTAB ahead of it.
    void fieldValueCheckAgreesWithTheByteRule()
    {
        using namespace Gatehouse::Runtime::Http::detail;
        for (const std::string prefix : {"", "\t"}) {
            for (std::size_t length = 1; length <= 19; ++length) {
                for (std::size_t at = 0; at < length; ++at) {
                    for (int byte = 0; byte < 256; ++byte) {
                        std::string value = prefix + std::string(length, 'a');
                        value[prefix.size() + at] = static_cast<char>(byte);
                        const bool expected = isFieldValueByte(static_cast<unsigned char>(byte));
                        if (isFieldValue(value) != expected || isValidField("X-Name", value) != expected)
                            QFAIL(qPrintable(QStringLiteral("byte 0x%1 at %2 of %3 (prefix %4)")
                                                 .arg(byte, 2, 16, QLatin1Char('0')).arg(at).arg(length)
                                                 .arg(prefix.size())));
                    }
                }
            }
        }
        QVERIFY(!isValidField("", "v"));
        QVERIFY(!isValidField("Bad Name", "v"));
        QVERIFY(isValidField("Good-Name", ""));
    }

    // A handler's field whose value would break the head (CR LF inside a long value) is left
    // out of the answer rather than written through.
    void handlerFieldWithControlBytesIsLeftOut()
    {
        EventLoop loop(1);
        Server server(loop, ServerOptions{}, [](Request, Responder responder) {
            Response response = Response::text(200, "ok");
            response.headers.add("X-Injected", "first part\r\nSet-Cookie: stolen=1");
            response.headers.add("X-Fine", "a perfectly ordinary value\twith a tab");
            responder.send(std::move(response));
        });
        const auto listening = server.listen("127.0.0.1", 0);
        QVERIFY(listening.ok);
        loop.start();
        RawConnection connection(listening.port);
        QVERIFY(connection.send(kGet));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY2(response->head.find("stolen") == std::string::npos, response->head.c_str());
        QVERIFY2(response->head.find("X-Injected") == std::string::npos, response->head.c_str());
        QCOMPARE(headerValue(*response, "X-Fine"), std::string("a perfectly ordinary value\twith a tab"));
        server.stop();
        loop.stop();
    }

    // Headers count the fields that came through a parser (a writer checks only the rest):
    // removing keeps the count right, adding goes after it, taking, clearing and moving out
    // reset it, copying keeps it.
    void headersKnowWhichFieldsTheirParserChecked()
    {
        Headers headers;
        headers.add("A", "1");
        headers.add("B", "2");
        headers.add("C", "3");
        QCOMPARE(headers.parsedCount(), std::size_t(0));
        headers.markParsed();
        QCOMPARE(headers.parsedCount(), std::size_t(3));
        headers.add("D", "4");
        QCOMPARE(headers.parsedCount(), std::size_t(3));
        QCOMPARE(headers.removeIf([](std::string_view name, std::string_view) { return name == "B" || name == "D"; }),
                 std::size_t(2));
        QCOMPARE(headers.parsedCount(), std::size_t(2));
        QCOMPARE(headers.toVector(), (std::vector<Headers::Field>{{"A", "1"}, {"C", "3"}}));
        headers.set("a", "replaced"); // removes the parsed "A", appends an unchecked one
        QCOMPARE(headers.parsedCount(), std::size_t(1));
        QCOMPARE(headers.toVector(), (std::vector<Headers::Field>{{"C", "3"}, {"a", "replaced"}}));
        const Headers copy = headers;
        QCOMPARE(copy.parsedCount(), std::size_t(1));
        Headers moved = std::move(headers);
        QCOMPARE(moved.parsedCount(), std::size_t(1));
        QCOMPARE(headers.parsedCount(), std::size_t(0)); // NOLINT(bugprone-use-after-move): reset on purpose
        QVERIFY(headers.fields().empty());
        headers.add("X-Late", "v"); // a moved-from list reused: its fields are unchecked
        QCOMPARE(headers.parsedCount(), std::size_t(0));
        Headers assigned;
        assigned = std::move(moved);
        QCOMPARE(assigned.parsedCount(), std::size_t(1));
        QCOMPARE(moved.parsedCount(), std::size_t(0)); // NOLINT(bugprone-use-after-move)
        QCOMPARE(assigned.size(), std::size_t(2));
        assigned.clear();
        QCOMPARE(assigned.parsedCount(), std::size_t(0));
        Headers cleared = copy;
        cleared.clear();
        QCOMPARE(cleared.parsedCount(), std::size_t(0));
    }

    // The request's own fields are written back unchecked (they passed the parser); a field the
    // handler adds to them, or to a moved-from list it reuses, is still checked and left out.
    void addedFieldsAreCheckedAfterParsedOnes()
    {
        EventLoop loop(1);
        Server server(loop, ServerOptions{}, [](Request request, Responder responder) {
            Response response = Response::text(200, "ok");
            if (request.target == "/copy") {
                response.headers = request.headers; // parsed: Host, X-Echo
                response.headers.add("X-Bad", "long enough value\r\nInjected: 1");
            } else {
                const Headers taken = std::move(request.headers);
                request.headers.add("X-Bad", "another long value\r\nInjected: 2"); // NOLINT(bugprone-use-after-move)
                response.headers = std::move(request.headers);
                response.headers.add("X-Taken", std::to_string(taken.size()));
            }
            responder.send(std::move(response));
        });
        const auto listening = server.listen("127.0.0.1", 0);
        QVERIFY(listening.ok);
        loop.start();
        RawConnection connection(listening.port);
        for (const std::string target : {"/copy", "/moved"}) {
            QVERIFY(connection.send("GET " + target + " HTTP/1.1\r\nHost: t\r\nX-Echo: parsed value, checked once\r\n\r\n"));
            const auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            if (target == "/copy")
                QCOMPARE(headerValue(*response, "X-Echo"), std::string("parsed value, checked once"));
            else
                QCOMPARE(headerValue(*response, "X-Taken"), std::string("2"));
            QVERIFY2(response->head.find("Injected") == std::string::npos, response->head.c_str());
            QVERIFY2(response->head.find("X-Bad") == std::string::npos, response->head.c_str());
        }
        server.stop();
        loop.stop();
    }

    void requestHeadersAreCaseInsensitive()
    {
        TestServer server;
        RawConnection connection(server.port());
        const std::string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        QVERIFY(connection.send("GET /header?traceparent HTTP/1.1\r\nHost: t\r\nTraceParent:  " + traceparent + " \r\n\r\n"));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, traceparent);
    }

    // The handler sees every request field once, in the order received (duplicates interleaved
    // with other names stay where they were), values trimmed — also for a streamed body, and
    // for each request of a keep-alive connection (fewer or more fields than the one before).
    void requestFieldsReachTheHandlerInOrder()
    {
        std::mutex mutex;
        std::vector<std::vector<Headers::Field>> seen;
        EventLoop loop(1);
        ServerOptions options;
        options.maxStreamBodyBytes = 1024 * 1024;
        options.streamBodyAbove = 16;
        Server server(loop, options, [&](Request request, Responder responder) {
            {
                std::lock_guard lock(mutex);
                seen.push_back(request.headers.toVector());
            }
            if (!request.bodySource)
                return responder.send(Response::text(200, request.method + " " + request.target + " " + request.body));
            auto source = request.bodySource;
            readWholeBody(std::move(source), 1024 * 1024, [responder, request](bool ok, std::string body, std::string) {
                responder.send(Response::text(ok ? 200 : 400, request.method + " " + request.target + " " + body));
            });
        });
        const auto listening = server.listen("127.0.0.1", 0);
        QVERIFY(listening.ok);
        loop.start();
        std::vector<Headers::Field> many{{"Host", "t"}, {"Accept", "a/b"}, {"X-Dup", "1"}, {"Cookie", "c=1"},
                                         {"x-dup", "2"}, {"X-Padded", "v  w"}, {"X-DUP", "3"}};
        for (int i = 0; i < 30; ++i)
            many.emplace_back("X-Field-" + std::to_string(i), std::string(i, 'v'));
        const std::vector<Headers::Field> few{{"Host", "t"}, {"X-Dup", "only"}};
        const std::string longBody(100, 'b'); // over streamBodyAbove: streamed to the handler
        struct Case
        {
            const std::vector<Headers::Field> *fields;
            std::string body;
        };
        const std::vector<Case> cases{{&many, ""}, {&few, "short"}, {&many, longBody}, {&few, longBody}, {&many, "x"}};
        RawConnection connection(listening.port);
        for (const auto &[fields, body] : cases) {
            std::string request = body.empty() ? "GET /f?q=1 HTTP/1.1\r\n" : "POST /f?q=1 HTTP/1.1\r\n";
            for (const auto &[name, value] : *fields)
                request += name + ":" + (name == "X-Padded" ? " \t" + value + "\t " : " " + value) + "\r\n";
            if (!body.empty())
                request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
            QVERIFY(connection.send(request + "\r\n" + body));
            const auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, std::string(body.empty() ? "GET" : "POST") + " /f?q=1 " + body);
            std::vector<Headers::Field> expected = *fields;
            if (!body.empty())
                expected.emplace_back("Content-Length", std::to_string(body.size()));
            std::lock_guard lock(mutex);
            QVERIFY(!seen.empty());
            QCOMPARE(seen.back().size(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                const auto &[name, value] = seen.back()[i];
                QVERIFY2(name == expected[i].first && value == expected[i].second, (name + ": " + value).c_str());
            }
        }
        server.stop();
        loop.stop();
    }

    void gracefulStopFinishesInFlightRequests()
    {
        TestServer server;
        RawConnection busy(server.port());
        RawConnection idle(server.port());
        QVERIFY(busy.send("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n"));
        QVERIFY(idle.send(kGet));
        QVERIFY(idle.readResponse());
        QTRY_COMPARE(server.heldCount(), std::size_t(1));
        std::thread stopper([&] { server.server().stop(); });
        QCOMPARE(idle.waitForClose(), CloseKind::Clean);
        server.release();
        const auto response = busy.readResponse();
        stopper.join();
        QVERIFY(response);
        QCOMPARE(response->body, std::string("released"));
        QCOMPARE(headerValue(*response, "Connection"), std::string("close"));
        QCOMPARE(busy.waitForClose(), CloseKind::Clean);
        QCOMPARE(server.server().stats().openConnections, 0u);
        RawConnection refused(server.port());
        QVERIFY(!refused.connected());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
