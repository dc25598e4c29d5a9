#pragma once

#include "http/bodysource.h"
#include "http/headers.h"

#include <memory>
#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http {

// A response the handler hands back. The engine adds Content-Length (or Transfer-Encoding:
// chunked when `chunked` is set), Connection when needed, and Date/Server are never added
// (the gateway decides). Header fields with invalid names or values containing CR, LF or NUL
// are dropped rather than written (no response splitting).
struct Response
{
    int status = 200;
    Headers headers;
    std::string body;
    bool chunked = false; // send the body with chunked transfer coding (HTTP/1.1 peers only)
    // A streamed body (instead of `body`): written piece by piece as the peer reads it.
    // Content-Length when bodySource->length() is known, else chunked (HTTP/1.1) or, for
    // HTTP/1.0 peers, the body until the connection closes. If the source fails midway the
    // connection is closed, so the peer sees a truncated message, never a complete wrong one.
    std::shared_ptr<BodySource> bodySource;

    static Response text(int status, std::string body, std::string contentType = "text/plain; charset=utf-8");
};

// The standard reason phrase for `status` ("Not Found"), or "Unknown".
std::string_view reasonPhrase(int status);

namespace detail {
class ResponderState;
}

// The handle through which a handler answers one request, now or later, from any thread.
// Copyable; all copies refer to the same request. The first send() wins, later ones are
// ignored. If every copy is destroyed without a send(), the engine answers 500 so a
// forgotten request never hangs the connection. Sending after the peer went away is a no-op.
class Responder
{
public:
    Responder() = default;
    explicit Responder(std::shared_ptr<detail::ResponderState> state);

    void send(Response &&response) const; // an rvalue: a response is moved, never copied
    // True when send() has been called on any copy.
    bool isSent() const;
    bool isValid() const { return m_state != nullptr; }

private:
    std::shared_ptr<detail::ResponderState> m_state;
};

} // namespace Gatehouse::Runtime::Http
