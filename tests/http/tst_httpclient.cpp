// The upstream client against the engine's own server and against hand-driven raw sockets:
// pooling, caps, timeouts, refused connections, upstreams that misbehave mid-response.
#include "http/client.h"
#include "rawsocket.h"
#include "testserver.h"

#include <QtTest>

#include <future>
#include <thread>

using namespace HttpTest;

namespace {

// Runs one request and waits for its callback (the wait is a hang guard, not a timing check).
std::optional<ClientResponse> fetch(Client &client, ClientRequest request)
{
    auto promise = std::make_shared<std::promise<ClientResponse>>();
    auto future = promise->get_future();
    client.request(std::move(request), [promise](ClientResponse response) { promise->set_value(std::move(response)); });
    if (future.wait_for(std::chrono::seconds(kGuardSeconds)) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

ClientRequest get(std::uint16_t port, std::string target)
{
    ClientRequest request;
    request.host = "127.0.0.1";
    request.port = port;
    request.target = std::move(target);
    return request;
}

// A request body made on demand (unknown length: sent chunked).
class PatternSource final : public BodySource
{
public:
    explicit PatternSource(std::size_t size)
        : m_size(size)
    {
    }
    std::int64_t length() const override { return -1; }
    std::uint64_t transferred() const override { return m_offset; }
    void read(Callback callback) override
    {
        BodyPiece piece;
        const std::size_t n = std::min<std::size_t>(10000, m_size - m_offset);
        for (std::size_t i = 0; i < n; ++i)
            piece.data.push_back(static_cast<char>('a' + (m_offset + i) % 26));
        m_offset += n;
        piece.last = m_offset == m_size;
        callback(std::move(piece));
    }

private:
    std::size_t m_size;
    std::size_t m_offset = 0;
};

std::string pattern(std::size_t size)
{
    std::string text;
    for (std::size_t i = 0; i < size; ++i)
        text.push_back(static_cast<char>('a' + i % 26));
    return text;
}

// Reads a streamed body to its end (on this thread, waiting for each piece).
std::optional<std::string> drain(const std::shared_ptr<BodySource> &source)
{
    std::string body;
    for (;;) {
        auto promise = std::make_shared<std::promise<BodyPiece>>();
        auto future = promise->get_future();
        source->read([promise](BodyPiece piece) { promise->set_value(std::move(piece)); });
        if (future.wait_for(std::chrono::seconds(kGuardSeconds)) != std::future_status::ready)
            return std::nullopt;
        BodyPiece piece = future.get();
        if (piece.failed)
            return std::nullopt;
        body += piece.data;
        if (piece.last)
            return body;
    }
}

ServerOptions streamingServer()
{
    ServerOptions options;
    options.maxStreamBodyBytes = 64 * 1024 * 1024;
    return options;
}

// Sends `reply` to the first request that arrives at `listener` and returns what the client made
// of it (streamed: the head first, then `bodyLater` and the drained body).
struct RawExchange
{
    std::optional<ClientResponse> response;
    std::optional<std::string> drained; // streamed responses: the body read through bodySource
    int fd = -1;                        // the upstream side, still open (the caller closes it)
};

RawExchange exchangeWithRaw(Client &client, RawListener &listener, ClientRequest request, const std::string &reply,
                            const std::string &bodyLater = {}, int fd = -1)
{
    RawExchange result;
    const bool streamed = request.streamResponse;
    auto pending = std::async(std::launch::async, [&client, request = std::move(request)]() mutable {
        return fetch(client, std::move(request));
    });
    result.fd = fd >= 0 ? fd : listener.accept();
    std::string head;
    if (result.fd < 0 || !readRequestHead(result.fd, head) || !sendAll(result.fd, reply))
        return result;
    result.response = pending.get();
    if (streamed && result.response && result.response->bodySource) {
        if (!bodyLater.empty() && !sendAll(result.fd, bodyLater))
            return result;
        result.drained = drain(result.response->bodySource);
    }
    return result;
}

std::vector<Headers::Field> manyFields()
{
    std::vector<Headers::Field> fields{{"Content-Type", "text/plain"}, {"Set-Cookie", "a=1"}, {"X-Empty", ""},
                                       {"set-cookie", "b=2; Path=/"}, {"X-Padded", "padded value"},
                                       {"SET-COOKIE", "c=3"}, {"X-Long", std::string(300, 'v')}};
    for (int i = 0; i < 40; ++i)
        fields.emplace_back("X-Field-" + std::to_string(i), "value " + std::to_string(i));
    fields.emplace_back("X-Field-7", "again");
    return fields;
}

// A request in flight to a RawListener on which the test plays the upstream: the client on its
// own loop thread, the connection accepted and the request head read (`ready`).
struct RawUpstreamCall
{
    RawListener listener;
    EventLoop loop { 1 };
    std::optional<Client> client;
    std::future<std::optional<ClientResponse>> pending; // declared after client: waited for first
    int fd = -1;
    bool ready = false;

    explicit RawUpstreamCall(bool streamed, ClientOptions options = {})
    {
        loop.start();
        client.emplace(loop, options);
        ClientRequest request = get(listener.port(), "/");
        request.streamResponse = streamed;
        pending = std::async(std::launch::async, [this, request]() mutable { return fetch(*client, std::move(request)); });
        fd = listener.accept();
        std::string head;
        ready = fd >= 0 && readRequestHead(fd, head);
    }
};

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A streamed upload (chunked, unknown length) and a streamed answer; once the answer is read
    // to its end the connection goes back to the pool and serves the next request.
    void streamedUploadAndResponse()
    {
        TestServer server(streamingServer(), 1);
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        ClientRequest request = get(server.port(), "/echo");
        request.method = "POST";
        request.bodySource = std::make_shared<PatternSource>(300 * 1000);
        request.streamResponse = true;
        auto response = fetch(client, std::move(request));
        QVERIFY(response);
        QVERIFY(response->ok());
        QCOMPARE(response->status, 200);
        QVERIFY(response->bodySource);
        QCOMPARE(response->bodySource->length(), std::int64_t(300 * 1000));
        const auto body = drain(response->bodySource);
        QVERIFY(body);
        QVERIFY(*body == pattern(300 * 1000));
        response.reset();

        ClientRequest small = get(server.port(), "/echo?small");
        small.streamResponse = true; // small answers still come whole, in one callback
        const auto next = fetch(client, std::move(small));
        QVERIFY(next && next->ok());
        QVERIFY(!next->bodySource);
        QVERIFY(next->reusedConnection);
        QCOMPARE(client.stats().connectionsOpened, 1u);
    }

    // Dropping a streamed answer before its end closes that upstream connection.
    void abandonedStreamedResponseIsNotReused()
    {
        TestServer server(streamingServer(), 1);
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        ClientRequest request = get(server.port(), "/echo");
        request.method = "POST";
        request.body = pattern(2 * 1000 * 1000);
        request.streamResponse = true;
        auto response = fetch(client, std::move(request));
        QVERIFY(response && response->ok());
        QVERIFY(response->bodySource);
        response.reset(); // abandoned after the head
        QTRY_COMPARE(server.server().stats().openConnections, 0u);
        const auto next = fetch(client, get(server.port(), "/echo?after"));
        QVERIFY(next && next->ok());
        QVERIFY(!next->reusedConnection);
        QCOMPARE(client.stats().connectionsOpened, 2u);
    }

    void keepAlivePoolReusesOneConnection()
    {
        TestServer server({}, 1);
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        for (int i = 0; i < 10; ++i) {
            const auto response = fetch(client, get(server.port(), "/echo?i=" + std::to_string(i)));
            QVERIFY(response);
            QVERIFY(response->ok());
            QCOMPARE(response->status, 200);
            QCOMPARE(std::string(response->headers.value("x-query")), "i=" + std::to_string(i));
            QCOMPARE(response->reusedConnection, i > 0);
        }
        QCOMPARE(server.server().stats().acceptedConnections, 1u);
        QCOMPARE(client.stats().connectionsOpened, 1u);
        QCOMPARE(client.stats().reusedRequests, 9u);
    }

    void postBodyHeadersAndChunkedResponse()
    {
        TestServer server;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        ClientRequest post = get(server.port(), "/echo");
        post.method = "POST";
        post.body = std::string(100000, 'z');
        post.headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        const auto echoed = fetch(client, post);
        QVERIFY(echoed && echoed->ok());
        QCOMPARE(echoed->body.size(), std::size_t(100000));
        QCOMPARE(std::string(echoed->headers.value("X-Method")), std::string("POST"));

        const auto traced = fetch(client, get(server.port(), "/header?traceparent"));
        QVERIFY(traced && traced->ok());
        QCOMPARE(traced->body, std::string()); // a GET without the header gets an empty value

        const auto chunked = fetch(client, get(server.port(), "/chunked"));
        QVERIFY(chunked && chunked->ok());
        QCOMPARE(chunked->body, std::string("hello chunked world"));

        ClientRequest head = get(server.port(), "/echo");
        head.method = "HEAD";
        const auto headResponse = fetch(client, head);
        QVERIFY(headResponse && headResponse->ok());
        QVERIFY(headResponse->body.empty());
        const auto after = fetch(client, get(server.port(), "/"));
        QVERIFY(after && after->ok());
        QCOMPARE(after->body, std::string("ok"));
    }

    void capLimitsConnectionsPerUpstream()
    {
        TestServer server({}, 1);
        EventLoop loop(1);
        loop.start();
        ClientOptions options;
        options.maxConnectionsPerUpstream = 2;
        Client client(loop, options);
        std::atomic<int> done{0};
        std::atomic<int> okCount{0};
        for (int i = 0; i < 6; ++i) {
            client.request(get(server.port(), "/hold"), [&](ClientResponse response) {
                if (response.ok() && response.body == "released")
                    ++okCount;
                ++done;
            });
        }
        QTRY_COMPARE(server.heldCount(), std::size_t(2));
        QCOMPARE(server.server().stats().acceptedConnections, 2u);
        // Release in rounds; queued requests move onto the two pooled connections.
        QTRY_VERIFY_WITH_TIMEOUT((server.release(), done.load() == 6), 20000);
        QCOMPARE(okCount.load(), 6);
        QCOMPARE(server.server().stats().acceptedConnections, 2u);
        QCOMPARE(client.stats().connectionsOpened, 2u);
    }

    void timeoutFailsTheRequest()
    {
        TestServer server;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        ClientRequest request = get(server.port(), "/hold");
        request.timeout = std::chrono::milliseconds(100);
        const auto response = fetch(client, request);
        QVERIFY(response);
        QCOMPARE(response->error, ClientError::Timeout);
        QCOMPARE(nameOf(response->error), std::string_view("timeout"));
        // The timed-out connection is not reused; a new request still works.
        const auto next = fetch(client, get(server.port(), "/"));
        QVERIFY(next && next->ok());
        QVERIFY(!next->reusedConnection);
    }

    void connectionRefused()
    {
        std::uint16_t port;
        {
            RawListener listener;
            port = listener.port();
        }
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        const auto response = fetch(client, get(port, "/"));
        QVERIFY(response);
        QCOMPARE(response->error, ClientError::ConnectRefused);
        QVERIFY(!response->errorMessage.empty());
    }

    void upstreamMisbehaves_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("error");
        // Streamed (ClientRequest::streamResponse): -1 when the head is delivered and the body fails.
        QTest::addColumn<int>("streamedError");
        QTest::newRow("closes mid-body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")
                                         << int(ClientError::Reset) << int(ClientError::Reset);
        QTest::newRow("closes mid-head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << int(ClientError::Reset) << int(ClientError::Reset);
        QTest::newRow("closes before reply") << QByteArray() << int(ClientError::Reset) << int(ClientError::Reset);
        QTest::newRow("garbage") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                   << int(ClientError::Protocol) << -1;
        QTest::newRow("body too large") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")
                                        << int(ClientError::TooLarge) << int(ClientError::Reset); // no size cap when streamed
        QTest::newRow("head too large") << QByteArray("HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(70 * 1024, 'b')
                                                      + "\r\nContent-Length: 0\r\n\r\n")
                                        << int(ClientError::TooLarge) << int(ClientError::TooLarge);
        QTest::newRow("bad version") << QByteArray("HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                                     << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n")
                                    << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("space in field name") << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 0\r\n\r\n")
                                             << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("space before colon") << QByteArray("HTTP/1.1 200 OK\r\nName : x\r\nContent-Length: 0\r\n\r\n")
                                            << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("control byte in value") << QByteArray("HTTP/1.1 200 OK\r\nX-A: a\x01b\r\nContent-Length: 0\r\n\r\n")
                                               << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("field without colon") << QByteArray("HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 0\r\n\r\n")
                                             << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("two lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
                                     << int(ClientError::Protocol) << int(ClientError::Protocol);
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\nab")
                                    << int(ClientError::Protocol) << int(ClientError::Protocol);
    }

    void upstreamMisbehaves()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, error);
        QFETCH(int, streamedError);
        for (const bool streamed : {false, true}) { // the head is parsed by another path when streamed
            ClientOptions options;
            options.maxResponseBodyBytes = 1000;
            RawUpstreamCall call(streamed, options);
            QVERIFY(call.ready);
            QVERIFY(sendAll(call.fd, reply.toStdString()));
            ::shutdown(call.fd, SHUT_WR);
            const auto response = call.pending.get();
            ::close(call.fd);
            QVERIFY(response);
            const int expected = streamed ? streamedError : error;
            if (expected == -1) {
                QVERIFY(response->ok() && response->bodySource);
                QVERIFY(!drain(response->bodySource));
                continue;
            }
            QVERIFY2(int(response->error) == expected,
                     (std::string(streamed ? "streamed: " : "buffered: ") + std::string(nameOf(response->error))).c_str());
        }
    }

    // Interim 1xx responses (103 Early Hints, 100 Continue, 102 Processing) before the final one
    // are read past: the caller gets the final response and the connection stays usable.
    void interimResponsesAreSkipped_data()
    {
        QTest::addColumn<QByteArray>("interim");
        QTest::newRow("103") << QByteArray("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n");
        QTest::newRow("100 and 102") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n");
    }

    void interimResponsesAreSkipped()
    {
        QFETCH(QByteArray, interim);
        for (const bool streamed : {false, true}) {
            for (const bool split : {false, true}) { // the final response in the same segment or later
                RawUpstreamCall call(streamed);
                QVERIFY(call.ready);
                const int fd = call.fd;
                auto &pending = call.pending;
                const std::string final = "HTTP/1.1 200 OK\r\nX-Final: yes\r\nContent-Length: 2\r\n\r\nok";
                QVERIFY(sendAll(fd, interim.toStdString() + (split ? std::string() : final)));
                if (split) {
                    // The interim head alone first (no response may be delivered for it).
                    QCOMPARE(pending.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
                    QVERIFY(sendAll(fd, final));
                }
                const auto response = pending.get();
                QVERIFY(response && response->ok());
                QCOMPARE(response->status, 200);
                QCOMPARE(std::string(response->headers.value("x-final")), std::string("yes"));
                QVERIFY(!response->headers.contains("link"));
                QCOMPARE(response->body, std::string("ok"));
                // The same connection serves the next request.
                auto second = std::async(std::launch::async, [&] { return fetch(*call.client, get(call.listener.port(), "/2")); });
                std::string buffer;
                QVERIFY(readRequestHead(fd, buffer));
                QVERIFY(sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"));
                const auto next = second.get();
                QVERIFY(next && next->ok());
                QCOMPARE(next->body, std::string("two"));
                ::close(fd);
            }
        }
    }

    // An upstream that sends nothing but interim responses gets a Protocol error, not a loop.
    void endlessInterimResponsesAreRefused()
    {
        std::string interims;
        for (int i = 0; i < 40; ++i)
            interims += "HTTP/1.1 102 Processing\r\n\r\n";
        RawListener listener;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        const auto result = exchangeWithRaw(client, listener, get(listener.port(), "/"), interims);
        ::close(result.fd);
        QVERIFY(result.response);
        QCOMPARE(result.response->error, ClientError::Protocol);
    }

    // Every field of an upstream response reaches the caller once, in order, duplicates and case
    // kept, values without surrounding whitespace — buffered, and streamed after the head.
    void responseFieldsKeptInOrder_data()
    {
        QTest::addColumn<bool>("streamed");
        QTest::addColumn<bool>("chunked");
        QTest::newRow("buffered") << false << false;
        QTest::newRow("buffered chunked") << false << true;
        QTest::newRow("streamed") << true << false;
        QTest::newRow("streamed chunked") << true << true;
    }

    void responseFieldsKeptInOrder()
    {
        QFETCH(bool, streamed);
        QFETCH(bool, chunked);
        const auto fields = manyFields();
        std::string reply = "HTTP/1.1 200 OK\r\n";
        for (const auto &[name, value] : fields)
            reply += name + ":" + (name == "X-Padded" ? "  \t" + value + " \t" : " " + value) + "\r\n";
        reply += chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: 11\r\n\r\n";
        const std::string body = chunked ? "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n" : "hello world";
        RawListener listener;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        ClientRequest request = get(listener.port(), "/");
        request.streamResponse = streamed;
        request.streamResponseAbove = 0; // streamed: always after the head
        // Streamed: the body follows once the head has been delivered.
        const auto result = exchangeWithRaw(client, listener, request, streamed ? reply : reply + body, body);
        ::close(result.fd);
        QVERIFY(result.response && result.response->ok());
        const auto &response = *result.response;
        QCOMPARE(response.status, 200);
        std::vector<Headers::Field> expected = fields;
        expected.emplace_back(chunked ? "Transfer-Encoding" : "Content-Length", chunked ? "chunked" : "11");
        QCOMPARE(response.headers.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const auto &[name, value] = response.headers.fields()[i];
            QVERIFY2(name == expected[i].first && value == expected[i].second, (std::string(name) + ": " + std::string(value)).c_str());
        }
        QCOMPARE(response.headers.count("set-cookie"), std::size_t(3));
        QCOMPARE(std::string(response.headers.value("x-field-7")), std::string("value 7"));
        QCOMPARE(bool(response.bodySource), streamed);
        QCOMPARE(streamed ? result.drained.value_or("(failed)") : response.body, std::string("hello world"));
    }

    // An obs-fold in an upstream response is unfolded (each fold becomes spaces, RFC 9112 §5.2),
    // not refused: the value reaches the caller on one line.
    void responseObsFoldIsUnfolded()
    {
        RawListener listener;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        const auto result = exchangeWithRaw(
            client, listener, get(listener.port(), "/"),
            "HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\nContent-Length: 2\r\n\r\nok");
        ::close(result.fd);
        QVERIFY(result.response && result.response->ok());
        const std::string value(result.response->headers.value("x-folded"));
        QVERIFY2(value.find('\n') == std::string::npos && value.find('\r') == std::string::npos, value.c_str());
        QVERIFY2(value.rfind("first ", 0) == 0 && value.size() > 6 && value.substr(value.size() - 6) == "second",
                 value.c_str());
        QCOMPARE(result.response->body, std::string("ok"));
    }

    // A streamed answer's head is taken straight from the first bytes read when it is all there
    // and plain; otherwise Beast reads it. Either way the caller must get the same fields and
    // body as from a buffered read: heads sent whole, byte by byte, and cut in a field; plain,
    // folded, with a tab in a value, with a bare LF (refused on every path).
    void streamedHeadIsTheSameHowEverItArrives_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QByteArray("HTTP/1.1 200 OK\r\nServer: up\r\nX-A:  a b\t\r\ncontent-LENGTH: 5\r\n"
                                             "Date: Mon, 30 Nov 2026 01:29:16 GMT\r\n\r\nhello")
                               << true;
        QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-B: \x80\xff\r\n\r\n"
                                               "5\r\nhello\r\n0\r\n\r\n")
                                 << true;
        QTest::newRow("folded") << QByteArray("HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\nContent-Length: 2\r\n\r\nok")
                                << true;
        QTest::newRow("tab in value") << QByteArray("HTTP/1.1 200 OK\r\nX-Tab: a\tb\r\nContent-Length: 2\r\n\r\nok") << true;
        QTest::newRow("bare LF") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\nContent-Length: 2\r\n\r\nok") << false;
        QTest::newRow("no status line") << QByteArray("\r\nContent-Length: 2\r\n\r\nok") << false;
    }

    void streamedHeadIsTheSameHowEverItArrives()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, valid);
        const std::string wire = reply.toStdString();
        std::optional<ClientResponse> reference; // buffered, sent whole: Beast parses all of it
        std::string referenceBody;
        for (const bool streamed : {false, true}) {
            for (const std::string_view delivery : {"whole", "bytes", "cut"}) {
                RawUpstreamCall call(streamed);
                QVERIFY(call.ready);
                const int fd = call.fd;
                if (delivery == "whole") {
                    QVERIFY(sendAll(fd, wire));
                } else {
                    const std::size_t cut = delivery == "cut" ? wire.find(':') + 2 : 1;
                    for (std::size_t at = 0; at < wire.size(); at += delivery == "cut" ? cut : 1) {
                        if (!sendAll(fd, wire.substr(at, delivery == "cut" ? cut : 1))) {
                            QVERIFY(!valid); // the client may hang up on a bad head before its end
                            break;
                        }
                        std::this_thread::sleep_for(std::chrono::milliseconds(delivery == "cut" ? 20 : 1));
                    }
                }
                ::shutdown(fd, SHUT_WR);
                auto response = call.pending.get();
                ::close(fd);
                const std::string what = std::string(streamed ? "streamed, " : "buffered, ") + std::string(delivery);
                QVERIFY2(response, what.c_str());
                QVERIFY2(response->ok() == valid, (what + ": " + std::string(nameOf(response->error))).c_str());
                if (!valid) {
                    QVERIFY2(response->error == ClientError::Protocol, what.c_str());
                    continue;
                }
                const std::string body = response->bodySource ? drain(response->bodySource).value_or("(failed)") : response->body;
                if (!reference) {
                    reference = response;
                    referenceBody = body;
                    continue;
                }
                QVERIFY2(response->headers.toVector() == reference->headers.toVector(), what.c_str());
                QVERIFY2(body == referenceBody, what.c_str());
                QCOMPARE(response->status, reference->status);
            }
        }
    }

    // Whether the upstream connection goes back to the pool follows the response's framing and
    // Connection field; checked by sending a second request and seeing where it arrives.
    void responseDecidesConnectionReuse_data()
    {
        QTest::addColumn<bool>("head");
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<bool>("reused");
        QTest::newRow("1.1 length") << false << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << false
                                    << true;
        QTest::newRow("1.1 chunked") << false
                                     << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n")
                                     << false << true;
        QTest::newRow("1.1 close") << false
                                   << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
                                   << false << false;
        QTest::newRow("1.1 close token") << false
                                         << QByteArray("HTTP/1.1 200 OK\r\nConnection: foo, Close\r\nContent-Length: 2\r\n\r\nok")
                                         << false << false;
        QTest::newRow("1.0 default") << false << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false
                                     << false;
        QTest::newRow("1.0 keep-alive") << false
                                        << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok")
                                        << false << true;
        QTest::newRow("until close") << false << QByteArray("HTTP/1.1 200 OK\r\n\r\nok") << true << false;
        QTest::newRow("204 no length") << false << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << true;
        QTest::newRow("304 no length") << false << QByteArray("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n")
                                       << false << true;
        QTest::newRow("HEAD with length") << true << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n") << false
                                          << true;
        QTest::newRow("HEAD without length") << true << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << false << false;
    }

    void responseDecidesConnectionReuse()
    {
        QFETCH(bool, head);
        QFETCH(QByteArray, reply);
        QFETCH(bool, closeAfter);
        QFETCH(bool, reused);
        for (const bool streamed : {false, true}) {
            RawListener listener;
            EventLoop loop(1);
            loop.start();
            Client client(loop);
            ClientRequest request = get(listener.port(), "/first");
            request.method = head ? "HEAD" : "GET";
            request.streamResponse = streamed;
            std::optional<ClientResponse> first;
            auto pending = std::async(std::launch::async, [&] { return fetch(client, request); });
            const int fd1 = listener.accept();
            std::string buffer;
            QVERIFY(readRequestHead(fd1, buffer));
            QVERIFY(sendAll(fd1, reply.toStdString()));
            if (closeAfter)
                ::shutdown(fd1, SHUT_WR);
            first = pending.get();
            QVERIFY(first && first->ok());
            if (first->bodySource)
                QVERIFY(drain(first->bodySource));
            else if (!head && first->status == 200)
                QCOMPARE(first->body, std::string("ok"));

            auto second = std::async(std::launch::async, [&] { return fetch(client, get(listener.port(), "/second")); });
            int fd2 = fd1;
            if (!reused) {
                fd2 = listener.accept(); // a wrongly pooled connection makes this time out
                QVERIFY(fd2 >= 0);
            }
            buffer.clear();
            QVERIFY2(readRequestHead(fd2, buffer), streamed ? "streamed" : "buffered");
            QVERIFY(buffer.rfind("GET /second ", 0) == 0);
            QVERIFY(sendAll(fd2, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"));
            const auto secondResponse = second.get();
            QVERIFY(secondResponse && secondResponse->ok());
            QCOMPARE(secondResponse->body, std::string("two"));
            QCOMPARE(secondResponse->reusedConnection, reused);
            QCOMPARE(client.stats().connectionsOpened, reused ? 1u : 2u);
            ::close(fd1);
            if (fd2 != fd1)
                ::close(fd2);
        }
    }

    void stalePooledConnectionIsRetriedOnce()
    {
        RawListener listener;
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        auto first = std::async(std::launch::async, [&] { return fetch(client, get(listener.port(), "/one")); });
        const int fd1 = listener.accept();
        std::string buffer;
        QVERIFY(readRequestHead(fd1, buffer));
        QVERIFY(sendAll(fd1, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"));
        const auto firstResponse = first.get();
        QVERIFY(firstResponse && firstResponse->ok());

        auto second = std::async(std::launch::async, [&] { return fetch(client, get(listener.port(), "/two")); });
        buffer.clear();
        QVERIFY(readRequestHead(fd1, buffer)); // arrives on the pooled connection…
        ::close(fd1);                          // …which the upstream drops without answering
        const int fd2 = listener.accept();
        QVERIFY(fd2 >= 0);
        buffer.clear();
        QVERIFY(readRequestHead(fd2, buffer));
        QVERIFY(buffer.rfind("GET /two ", 0) == 0);
        QVERIFY(sendAll(fd2, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"));
        const auto secondResponse = second.get();
        ::close(fd2);
        QVERIFY(secondResponse);
        QVERIFY(secondResponse->ok());
        QCOMPARE(secondResponse->body, std::string("two"));
        QCOMPARE(client.stats().connectionsOpened, 2u);
    }

    void idleConnectionClosedByUpstreamIsNotReused()
    {
        ServerOptions serverOptions;
        serverOptions.keepAliveTimeout = std::chrono::milliseconds(50);
        TestServer server(serverOptions, 1);
        EventLoop loop(1);
        loop.start();
        Client client(loop);
        QVERIFY(fetch(client, get(server.port(), "/"))->ok());
        QTRY_COMPARE(server.server().stats().openConnections, 0u);
        const auto response = fetch(client, get(server.port(), "/"));
        QVERIFY(response && response->ok());
        QCOMPARE(server.server().stats().acceptedConnections, 2u);
    }

    void stopCancelsPendingRequests()
    {
        TestServer server;
        EventLoop loop(1);
        loop.start();
        auto client = std::make_unique<Client>(loop);
        std::promise<ClientResponse> promise;
        auto future = promise.get_future();
        client->request(get(server.port(), "/hold"), [&](ClientResponse response) { promise.set_value(response); });
        QTRY_COMPARE(server.heldCount(), std::size_t(1));
        client->stop();
        QCOMPARE(future.wait_for(std::chrono::seconds(kGuardSeconds)), std::future_status::ready);
        QCOMPARE(future.get().error, ClientError::Cancelled);
        const auto after = fetch(*client, get(server.port(), "/"));
        QVERIFY(after);
        QCOMPARE(after->error, ClientError::Cancelled);
    }

    void proxyThroughServerAndClientOnOneLoop()
    {
        TestServer upstream;
        EventLoop loop(2);
        Client client(loop);
        Server proxy(loop, {}, [&](Request request, Responder responder) {
            ClientRequest forward = get(upstream.port(), request.target);
            forward.method = request.method;
            forward.body = std::move(request.body);
            const int thread = loop.currentThreadIndex();
            client.request(std::move(forward), [responder, thread, &loop](ClientResponse reply) {
                // The callback runs on the proxy connection's own loop thread.
                Response response = Response::text(reply.status, reply.body);
                response.headers.add("X-Same-Thread", loop.currentThreadIndex() == thread ? "yes" : "no");
                responder.send(std::move(response));
            });
        });
        const auto listening = proxy.listen("127.0.0.1", 0);
        QVERIFY(listening.ok);
        loop.start();
        RawConnection connection(listening.port);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: p\r\nContent-Length: 4\r\n\r\nping"));
            const auto response = connection.readResponse();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, std::string("ping"));
            QVERIFY(response->head.find("X-Same-Thread: yes") != std::string::npos);
        }
        proxy.stop();
        client.stop();
        loop.stop();
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
