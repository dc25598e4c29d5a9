// The upstream client against the engine's own server and against hand-driven raw sockets:
// pooling, caps, timeouts, refused connections, upstreams that misbehave mid-response.
#include "http/client.h"
#include "rawsocket.h"
#include "testserver.h"

#include <QtTest>

#include <future>

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
        QTest::newRow("closes mid-body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")
                                         << int(ClientError::Reset);
        QTest::newRow("closes mid-head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << int(ClientError::Reset);
        QTest::newRow("closes before reply") << QByteArray() << int(ClientError::Reset);
        QTest::newRow("garbage") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << int(ClientError::Protocol);
        QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                   << int(ClientError::Protocol);
        QTest::newRow("body too large") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")
                                        << int(ClientError::TooLarge);
    }

    void upstreamMisbehaves()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, error);
        RawListener listener;
        EventLoop loop(1);
        loop.start();
        ClientOptions options;
        options.maxResponseBodyBytes = 1000;
        Client client(loop, options);
        auto result = std::async(std::launch::async, [&] { return fetch(client, get(listener.port(), "/")); });
        const int fd = listener.accept();
        QVERIFY(fd >= 0);
        std::string head;
        QVERIFY(readRequestHead(fd, head));
        QVERIFY(sendAll(fd, reply.toStdString()));
        ::shutdown(fd, SHUT_WR);
        const auto response = result.get();
        ::close(fd);
        QVERIFY(response);
        QCOMPARE(int(response->error), error);
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
