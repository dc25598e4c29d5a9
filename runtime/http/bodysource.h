#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace Gatehouse::Runtime::Http {

// One piece of a streamed body.
struct BodyPiece
{
    std::string data; // the next bytes (may be empty, e.g. together with `last`)
    bool last = false; // the body is complete after `data`
    bool failed = false; // the body ended abnormally (peer gone, bad framing, limit, timeout)
    std::string error; // why, when failed
};

// A body that arrives while it is being consumed: a large request body the server is still
// reading from the client (Request::bodySource), or an upstream response body the client is
// still reading (ClientResponse::bodySource). Pull-based, and that is the backpressure: the
// producer reads from its socket only when asked for the next piece, so at most one piece
// (≤ PieceBytes) plus the socket buffers is held per direction.
//
// read() may be called from any thread; the callback runs exactly once, on the loop thread that
// owns the source (possibly before read() returns). At most one read() may be outstanding; after
// a piece with `last` or `failed` there is nothing more to read. Dropping every reference before
// the end abandons the body: its connection is then closed, never reused.
class BodySource
{
public:
    static constexpr std::size_t PieceBytes = 64 * 1024;

    using Callback = std::function<void(BodyPiece piece)>;

    virtual ~BodySource() = default;
    // Total size when known up front (Content-Length), otherwise -1 (chunked, or until close).
    virtual std::int64_t length() const = 0;
    virtual void read(Callback callback) = 0;
    // Bytes handed out so far.
    virtual std::uint64_t transferred() const = 0;
};

// Reads a whole body into memory, up to `maxBytes` (more: failed piece with error "too large").
// For the rare consumer that needs all of it (an admin document, a small JSON payload).
void readWholeBody(std::shared_ptr<BodySource> source, std::size_t maxBytes,
    std::function<void(bool ok, std::string body, std::string error)> callback);

} // namespace Gatehouse::Runtime::Http
