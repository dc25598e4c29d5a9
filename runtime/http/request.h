#pragma once

#include "http/bodysource.h"
#include "http/headers.h"

#include <cstdint>
#include <string>

namespace Gatehouse::Runtime::Http {

// One parsed and validated HTTP/1.x request, as the server hands it to its handler.
// Everything here has passed the engine's strict checks (docs/http-engine.md, "Limits"):
// the method is a known one, the target is origin-form (or "*" for OPTIONS), the path has no
// "." / ".." segments, no encoded "/" or "\", no control bytes and decodes to valid UTF-8.
struct Request
{
    std::string method;   // upper-case token as received: GET, POST, …
    std::string target;   // request-target exactly as received, e.g. "/orders/7?x=1"
    std::string path;     // target up to '?', still percent-encoded, e.g. "/orders/7"
    std::string query;    // after '?', without it; empty when absent
    int version = 11;     // 10 for HTTP/1.0, 11 for HTTP/1.1
    Headers headers;      // request header fields in order (Host included)
    std::string body;     // de-chunked body; at most ServerOptions::maxBodyBytes
    // Set instead of `body` when the server streams this request's body (ServerOptions::
    // maxStreamBodyBytes): read it piece by piece, as fast as it can be passed on. A handler
    // that answers without reading it all gets its connection closed after the response.
    std::shared_ptr<BodySource> bodySource;
    std::string remoteAddress; // peer IP address, e.g. "127.0.0.1"
    std::uint16_t remotePort = 0;
    int listenerId = 0;   // id given to Server::listen() for the listener that accepted it
    bool keepAlive = true; // whether the connection stays open after the response
};

} // namespace Gatehouse::Runtime::Http
