#pragma once

#include "http/bodysource.h"
#include "http/headers.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http {

class EventLoop;

struct ClientOptions
{
    // Cap on connections (busy + idle) to one upstream host:port, for the whole client. It is
    // split evenly over the loop threads (each thread keeps its own pool, no locks); requests
    // over the cap wait in a FIFO for a free connection, within their own timeout.
    std::size_t maxConnectionsPerUpstream = 256;
    // Idle keep-alive connections kept per upstream and thread.
    std::size_t maxIdlePerUpstream = 64;
    std::chrono::milliseconds idleTimeout{30000};
    std::chrono::milliseconds defaultTimeout{10000}; // used when a request has none
    std::size_t maxResponseHeaderBytes = 64 * 1024;
    std::size_t maxResponseBodyBytes = 64 * 1024 * 1024;
};

// Why a request got no HTTP response.
enum class ClientError {
    None,
    ConnectRefused, // connection refused or host unreachable
    Timeout,        // the whole exchange (queueing, connect, write, read) exceeded the timeout
    Reset,          // the upstream closed or reset the connection before a complete response
    Protocol,       // the upstream sent something that is not valid HTTP/1.x
    TooLarge,       // the response exceeded maxResponseHeaderBytes / maxResponseBodyBytes
    Resolve,        // the host name did not resolve
    Cancelled,      // the client was stopped
    RequestBody     // the streamed request body broke off (ClientRequest::bodySource failed)
};

std::string_view nameOf(ClientError error);

struct ClientRequest
{
    std::string host; // IP literal or name ("127.0.0.1", "localhost")
    std::uint16_t port = 80;
    std::string method = "GET";
    std::string target = "/";
    Headers headers; // Host is added when absent; Content-Length is set from the body
    std::string body;
    // A streamed body instead of `body`: sent with Content-Length when its length() is known,
    // else chunked, piece by piece as the upstream accepts it. A request with a streamed body is
    // retried on a fresh connection only if no piece had been read from the source yet.
    std::shared_ptr<BodySource> bodySource;
    // 0: ClientOptions::defaultTimeout. Covers queueing, connect and the wait for the response
    // head; while a streamed body moves it counts from the last progress (a piece written to or
    // read from the upstream), and it is paused while the other side (the body's producer or
    // the response's reader) holds things up.
    std::chrono::milliseconds timeout{0};
    // Deliver the response after its head when its body is larger than streamResponseAbove or
    // of unknown length: ClientResponse::bodySource then yields the body as the caller reads it.
    bool streamResponse = false;
    std::size_t streamResponseAbove = 64 * 1024;
};

struct ClientResponse
{
    ClientError error = ClientError::None;
    std::string errorMessage; // empty when error == None
    int status = 0;
    int version = 11;
    Headers headers;
    std::string body;
    // Set instead of `body` for a streamed response (ClientRequest::streamResponse). The
    // upstream connection stays with this response until the body is read to its end (then it
    // returns to the pool) or the source is dropped (then it is closed).
    std::shared_ptr<BodySource> bodySource;
    bool reusedConnection = false; // served on a pooled keep-alive connection

    bool ok() const { return error == ClientError::None; }
};

struct ClientStats
{
    std::uint64_t connectionsOpened = 0;
    std::uint64_t requests = 0;
    std::uint64_t reusedRequests = 0;
};

// An HTTP/1.1 client with a keep-alive connection pool per upstream, on an EventLoop.
// request() may be called from any thread; called from a loop thread it runs on that thread
// (the proxy path never hops threads), otherwise on the next loop thread in turn. The
// callback runs exactly once, on the loop thread that ran the request (requests made while the
// loop is not running wait for EventLoop::start()). A pooled connection found dead before any
// response byte arrived is retried once on a fresh connection.
class Client
{
public:
    // The response is handed over as an rvalue: a callback declared with a by-value parameter
    // moves it once.
    using Callback = std::function<void(ClientResponse &&response)>;

    explicit Client(EventLoop &loop, ClientOptions options = {});
    ~Client(); // stop()
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    void request(ClientRequest &&request, Callback &&callback);
    // Fails pending requests with Cancelled and closes every connection. Blocks; call from
    // outside the loop threads while the loop runs.
    void stop();

    ClientStats stats() const;

    class Private;

private:
    std::shared_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime::Http
