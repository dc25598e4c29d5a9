// Hostile input: smuggling, malformed framing, floods and slow clients. Each case gets its
// exact status (or statuses, when valid requests precede the bad one), a clean close (FIN,
// not RST), and afterwards the server still answers a normal request.
#include "rawsocket.h"
#include "testserver.h"

#include <QtTest>

using namespace HttpTest;

Q_DECLARE_METATYPE(std::string)

namespace {

bool serverStillAnswers(std::uint16_t port)
{
    RawConnection connection(port);
    if (!connection.connected() || !connection.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"))
        return false;
    const auto response = connection.readResponse();
    return response && response->status == 200 && response->body == "ok";
}

ServerOptions hostileOptions()
{
    ServerOptions options;
    options.maxHeaderBytes = 4096;
    options.maxTargetBytes = 1024;
    options.maxHeaderFields = 50;
    options.maxBodyBytes = 1024;
    options.requestTimeout = std::chrono::milliseconds(200);
    return options;
}

ServerOptions streamingOptions()
{
    ServerOptions options = hostileOptions();
    options.maxStreamBodyBytes = 4096;
    options.streamBodyAbove = 64;
    return options;
}

} // namespace

class TestHttpHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<TestServer>(hostileOptions()); }
    void cleanupTestCase()
    {
        m_server.reset();
        m_streaming.reset();
    }

    void hostile_data()
    {
        QTest::addColumn<std::string>("input");
        QTest::addColumn<QList<int>>("statuses");
        const auto row = [](const char *name, std::string input, QList<int> statuses) {
            QTest::newRow(name) << std::move(input) << std::move(statuses);
        };
        const std::string host = "Host: t\r\n";
        // Smuggling: framing ambiguity.
        row("CL + TE", "POST / HTTP/1.1\r\n" + host + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", {400});
        row("TE + CL", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n", {400});
        row("duplicate CL equal", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc", {400});
        row("conflicting CL", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", {400});
        row("CL list", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3, 3\r\n\r\nabc", {400});
        row("CL negative", "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n", {400});
        row("CL plus sign", "POST / HTTP/1.1\r\n" + host + "Content-Length: +3\r\n\r\nabc", {400});
        row("CL hex", "POST / HTTP/1.1\r\n" + host + "Content-Length: 0x3\r\n\r\nabc", {400});
        row("CL overflow", "POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999999\r\n\r\n", {400});
        row("TE gzip", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n", {400});
        row("TE chunked twice", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", {400});
        row("TE duplicated field", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", {400});
        row("TE with HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", {400});
        row("CL in odd case, body framed", "POST / HTTP/1.1\r\n" + host + "content-LENGTH: 3\r\n\r\nabcGET / HTTP/1.1\r\n" + host + "\r\nGET / HTTP/9.9\r\n" + host + "\r\n", {200, 200, 505});
        row("Connection not a token list", "GET / HTTP/1.1\r\n" + host + "Connection: keep alive\r\n\r\n", {400});
        row("TE space before colon", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n", {400});
        // Chunk framing.
        row("chunk size not hex", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", {400});
        row("chunk size overflow", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n", {400});
        row("chunk size negative", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n", {400});
        row("chunk data too long", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n", {400});
        row("chunked body over limit", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n401\r\n" + std::string(1025, 'x') + "\r\n0\r\n\r\n", {413});
        row("CL body over limit", "POST / HTTP/1.1\r\n" + host + "Content-Length: 1025\r\n\r\n", {413});
        // Line framing and header syntax.
        row("obs-fold", "GET / HTTP/1.1\r\n" + host + "X-A: one\r\n two\r\n\r\n", {400});
        row("bare LF line ends", "GET / HTTP/1.1\n" + host.substr(0, 7) + "\n\n", {400});
        row("bare CR in value", "GET / HTTP/1.1\r\n" + host + "X-A: a\rb\r\n\r\n", {400});
        row("NUL in value", std::string("GET / HTTP/1.1\r\nHost: t\r\nX-A: a\0b\r\n\r\n", 36), {400});
        row("NUL in target", std::string("GET /a\0b HTTP/1.1\r\nHost: t\r\n\r\n", 30), {400});
        row("control byte in value", "GET / HTTP/1.1\r\n" + host + "X-A: a\x01" "b\r\n\r\n", {400});
        row("invalid header name", "GET / HTTP/1.1\r\n" + host + "X(A): b\r\n\r\n", {400});
        row("empty header name", "GET / HTTP/1.1\r\n" + host + ": b\r\n\r\n", {400});
        row("missing colon", "GET / HTTP/1.1\r\n" + host + "NoColon\r\n\r\n", {400});
        row("missing Host", "GET / HTTP/1.1\r\n\r\n", {400});
        row("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", {400});
        row("header flood", "GET / HTTP/1.1\r\n" + host + [] {
            std::string fields;
            for (int i = 0; i < 60; ++i)
                fields += "X-" + std::to_string(i) + ": v\r\n";
            return fields;
        }() + "\r\n", {431});
        row("huge header", "GET / HTTP/1.1\r\n" + host + "X-Big: " + std::string(5000, 'a') + "\r\n\r\n", {431});
        // Request line and target.
        row("HTTP/9.9", "GET / HTTP/9.9\r\n" + host + "\r\n", {505});
        row("HTTP/1.10", "GET / HTTP/1.10\r\n" + host + "\r\n", {400});
        row("lower-case version", "GET / http/1.1\r\n" + host + "\r\n", {400});
        row("unknown method", "FOO / HTTP/1.1\r\n" + host + "\r\n", {501});
        row("TRACE", "TRACE / HTTP/1.1\r\n" + host + "\r\n", {501});
        row("bad method token", "G(T / HTTP/1.1\r\n" + host + "\r\n", {400});
        row("double space", "GET  / HTTP/1.1\r\n" + host + "\r\n", {400});
        row("dot-dot segment", "GET /a/../etc/passwd HTTP/1.1\r\n" + host + "\r\n", {400});
        row("encoded dot-dot", "GET /a/%2e%2E/etc HTTP/1.1\r\n" + host + "\r\n", {400});
        row("dot segment", "GET /a/./b HTTP/1.1\r\n" + host + "\r\n", {400});
        row("encoded slash", "GET /a%2f..%2fb HTTP/1.1\r\n" + host + "\r\n", {400});
        row("backslash", "GET /a\\..\\b HTTP/1.1\r\n" + host + "\r\n", {400});
        row("invalid UTF-8 raw", "GET /caf\xe9 HTTP/1.1\r\n" + host + "\r\n", {400});
        row("invalid UTF-8 encoded", "GET /caf%E9 HTTP/1.1\r\n" + host + "\r\n", {400});
        row("overlong UTF-8", "GET /%C0%AF HTTP/1.1\r\n" + host + "\r\n", {400});
        row("encoded NUL", "GET /a%00b HTTP/1.1\r\n" + host + "\r\n", {400});
        row("encoded NUL in query", "GET /a?x=%00 HTTP/1.1\r\n" + host + "\r\n", {400});
        row("bad percent escape", "GET /a%zz HTTP/1.1\r\n" + host + "\r\n", {400});
        row("absolute-form", "GET http://evil/ HTTP/1.1\r\n" + host + "\r\n", {400});
        row("fragment", "GET /a#b HTTP/1.1\r\n" + host + "\r\n", {400});
        row("asterisk with GET", "GET * HTTP/1.1\r\n" + host + "\r\n", {400});
        row("target too long", "GET /" + std::string(1100, 'a') + " HTTP/1.1\r\n" + host + "\r\n", {414});
        row("leading empty line", "\r\nGET / HTTP/1.1\r\n" + host + "\r\n", {400});
        row("binary garbage", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n", {400});
        // Pipelines: valid requests are answered, then the bad one is rejected.
        row("pipelined garbage", "GET / HTTP/1.1\r\n" + host + "\r\nGET / HTTP/1.1\r\n" + host + "\r\nxyzzy\r\n\r\n", {200, 200, 400});
        row("smuggled request in body", "POST / HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\nGET / HTTP/9.9\r\n" + host + "\r\n", {200, 505});
        // Slow clients (requestTimeout is 200 ms here).
        row("slowloris header", "GET / HTTP/1.1\r\n" + host + "X-A: ", {408});
        row("slow body", "POST / HTTP/1.1\r\n" + host + "Content-Length: 10\r\n\r\nab", {408});
        row("slow chunked body", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n5\r\nab", {408});
    }

    void hostile()
    {
        QFETCH(std::string, input);
        QFETCH(QList<int>, statuses);
        RawConnection connection(m_server->port());
        QVERIFY(connection.connected());
        QVERIFY(connection.send(input));
        for (int expected : statuses) {
            const auto response = connection.readResponse();
            QVERIFY2(response, "no response");
            QCOMPARE(response->status, expected);
        }
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        QVERIFY(connection.extra().empty());
        QVERIFY(serverStillAnswers(m_server->port()));
    }

    void splitIntoSingleBytesStillParses()
    {
        RawConnection connection(m_server->port());
        const std::string request = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        for (char c : request)
            QVERIFY(connection.send(std::string(1, c)));
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("abc"));
    }

    void peerHangsUpMidRequestAndMidResponse()
    {
        {
            RawConnection connection(m_server->port());
            QVERIFY(connection.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc"));
        }
        {
            RawConnection connection(m_server->port());
            QVERIFY(connection.send("GET /later HTTP/1.1\r\nHost: t\r\n\r\n"));
        }
        QVERIFY(serverStillAnswers(m_server->port()));
        QTRY_COMPARE(m_server->server().stats().openConnections, 0u);
    }

    // Streamed request bodies (ServerOptions::maxStreamBodyBytes): every way a body can break
    // off after the handler got the request ends with the exact status or a clean close, the
    // handler's body source reports the failure, and the server carries on.
    void streaming_data()
    {
        QTest::addColumn<std::string>("head");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<int>("status");
        const std::string post = "POST /echo HTTP/1.1\r\nHost: t\r\n";
        const std::string chunked = post + "Transfer-Encoding: chunked\r\n\r\n";
        std::string overrun;
        for (int i = 0; i < 5; ++i)
            overrun += "3e8\r\n" + std::string(1000, 'x') + "\r\n";
        // An empty body: refused from the head alone, the handler never sees it.
        QTest::newRow("announced over the stream limit") << post + "Content-Length: 5000\r\n\r\n" << std::string() << 413;
        QTest::newRow("chunked body growing over the limit") << chunked << overrun + "0\r\n\r\n" << 413;
        QTest::newRow("bad chunk size mid-body") << chunked << "100\r\n" + std::string(256, 'y') + "\r\nzz\r\n" << 400;
        QTest::newRow("chunk longer than announced")
            << chunked << "10\r\n" + std::string(40, 'y') + "\r\n0\r\n\r\n" << 400;
        QTest::newRow("body stalls") << post + "Content-Length: 2000\r\n\r\n" << std::string(100, 'z') << 408;
        QTest::newRow("chunked body stalls") << chunked << "7d0\r\n" + std::string(100, 'z') << 408;
    }

    void streaming()
    {
        QFETCH(std::string, head);
        QFETCH(std::string, body);
        QFETCH(int, status);
        if (!m_streaming)
            m_streaming = std::make_unique<TestServer>(streamingOptions());
        const int failuresBefore = m_streaming->bodyFailures();
        const auto requestsBefore = m_streaming->server().stats().requests;
        RawConnection connection(m_streaming->port());
        QVERIFY(connection.send(head));
        if (!body.empty()) {
            // The handler has the request (and reads its body) before the bad bytes arrive.
            QTRY_COMPARE(m_streaming->server().stats().requests, requestsBefore + 1);
            QVERIFY(connection.send(body));
        }
        const auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(connection.waitForClose(), CloseKind::Clean);
        if (!body.empty())
            QTRY_COMPARE(m_streaming->bodyFailures(), failuresBefore + 1);
        else
            QCOMPARE(m_streaming->server().stats().requests, requestsBefore);
        QVERIFY(serverStillAnswers(m_streaming->port()));
    }

    // A streamed body within the limits arrives whole, chunked or not; 100-continue is sent
    // when the handler reads it.
    void streamingWithinLimits()
    {
        if (!m_streaming)
            m_streaming = std::make_unique<TestServer>(streamingOptions());
        RawConnection connection(m_streaming->port());
        const std::string body(3000, 'q');
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3000\r\n\r\n"));
        auto interim = connection.readResponse();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        QVERIFY(connection.send(body));
        auto response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, body);
        QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        response = connection.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, std::string("hello world"));
        response = connection.readResponse(); // the pipelined one, in order
        QVERIFY(response);
        QCOMPARE(response->body, std::string("ok"));
    }

    // The client vanishes mid-body: the handler's source fails, nothing hangs.
    void streamingClientVanishes()
    {
        if (!m_streaming)
            m_streaming = std::make_unique<TestServer>(streamingOptions());
        const int failuresBefore = m_streaming->bodyFailures();
        {
            RawConnection connection(m_streaming->port());
            QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" + std::string(500, 'v')));
        }
        QTRY_COMPARE(m_streaming->bodyFailures(), failuresBefore + 1);
        QTRY_COMPARE(m_streaming->server().stats().openConnections, std::uint64_t(0));
        QVERIFY(serverStillAnswers(m_streaming->port()));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestServer> m_streaming;
};

QTEST_GUILESS_MAIN(TestHttpHostile)
#include "tst_httphostile.moc"
