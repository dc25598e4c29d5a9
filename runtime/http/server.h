#pragma once

#include "http/request.h"
#include "http/response.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace Gatehouse::Runtime::Http {

class EventLoop;

// Limits and timeouts of a server. Every violation is answered with its status and the
// connection is closed (docs/http-engine.md has the table).
struct ServerOptions
{
    std::size_t maxHeaderBytes = 16 * 1024;      // request line + fields + CRLFCRLF; else 431
    std::size_t maxTargetBytes = 8 * 1024;       // request-target length; else 414
    std::size_t maxHeaderFields = 100;           // number of fields; else 431
    std::size_t maxBodyBytes = 8 * 1024 * 1024;  // de-chunked body; else 413
    // Streaming of request bodies (0: off, every body is buffered up to maxBodyBytes). When set,
    // a chunked body or a Content-Length above streamBodyAbove is handed to the handler after
    // the head as Request::bodySource, up to this many bytes in total (413 when announced
    // larger; a chunked body growing beyond closes the connection, or answers 413 if no response
    // has started). 100-continue is then answered only when the handler first reads the body.
    std::size_t maxStreamBodyBytes = 0;
    std::size_t streamBodyAbove = 64 * 1024;
    // A request (header or body) that does not arrive completely in time: 408 and close.
    std::chrono::milliseconds requestTimeout{10000};
    // An idle keep-alive connection (no byte of a next request) is closed silently after this.
    std::chrono::milliseconds keepAliveTimeout{60000};
    // Writing a response to a peer that does not read: the connection is dropped after this.
    std::chrono::milliseconds writeTimeout{30000};
    // Requests served on one connection before it is closed (0: unlimited).
    std::size_t maxRequestsPerConnection = 0;
    // How long stop() lets in-flight requests finish before it closes their connections.
    std::chrono::milliseconds gracefulStopTimeout{5000};
};

// Counters for tests and telemetry; monotonic except openConnections.
struct ServerStats
{
    std::uint64_t acceptedConnections = 0;
    std::uint64_t openConnections = 0;
    std::uint64_t requests = 0;       // requests handed to the handler
    std::uint64_t rejectedRequests = 0; // answered by the engine with 4xx/5xx (parse, limits)
};

struct ListenResult
{
    bool ok = false;
    std::uint16_t port = 0; // the bound port (useful with port 0)
    std::string error;
};

// An HTTP/1.0 and 1.1 server on an EventLoop: keep-alive, pipelining (answered in order),
// chunked request bodies, 100-continue, strict parsing. The handler runs on the loop thread
// that owns the connection and must not block; it answers through the Responder, possibly
// later and from any thread. The next pipelined request of that connection is parsed only
// after the response has been written (this is the backpressure on the peer).
class Server
{
public:
    // Takes the request and responder as rvalues: a handler declared with by-value parameters
    // moves each once (a by-value std::function signature moved them twice more per request).
    using Handler = std::function<void(Request &&request, Responder &&responder)>;

    Server(EventLoop &loop, ServerOptions options, Handler handler);
    ~Server(); // stop()
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Binds address:port (port 0 picks a free one) and starts accepting on every loop
    // thread (SO_REUSEPORT). Requests from this listener carry `listenerId`. May be called
    // several times (a public and an internal listener) before or after EventLoop::start().
    ListenResult listen(const std::string &address, std::uint16_t port, int listenerId = 0);

    // Graceful stop: stops accepting, closes idle connections, lets in-flight requests finish
    // (their connections close after the response) up to gracefulStopTimeout, then closes
    // the rest. Blocks until done; call from outside the loop threads while the loop runs.
    void stop();

    ServerStats stats() const;
    const ServerOptions &options() const;

    class Private;

private:
    std::shared_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime::Http
