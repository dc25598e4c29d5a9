#pragma once

#include "http/headers.h"
#include "http/response.h"

#include <cstdint>
#include <string>

namespace Gatehouse::Runtime::Http::detail {

// Serialises a response head and body into `out` (replacing its content); with includeBody
// false (for a body sent as a separate buffer) a non-chunked body is left out. The engine owns the
// framing fields: Content-Length, Transfer-Encoding and Connection given by the handler are
// ignored, and fields with invalid names or values are dropped (no response splitting).
void writeResponse(const Response &response, bool headRequest, bool keepAlive, int requestVersion,
                   std::string &out, bool includeBody = true);

// How a streamed body (Response::bodySource) is delimited on the wire.
enum class StreamFraming { Length, Chunked, UntilClose };

// Serialises only the head of a response whose body follows as a stream, with the framing
// fields for `framing` (Content-Length: length, Transfer-Encoding: chunked, or none and
// Connection: close).
void writeStreamHead(const Response &response, bool keepAlive, int requestVersion, StreamFraming framing,
                     std::uint64_t length, std::string &out);

// Appends one chunk of chunked transfer coding ("size CRLF" before the data); the data itself
// and the CRLF after it are separate buffers.
void appendChunkHeader(std::string &out, std::size_t size);

// Connection, Content-Length or Transfer-Encoding: the fields both writers (the server's
// answers, the client's requests) set themselves and never take from the caller. By length
// first, and inline: this runs for every field of every message written.
inline bool isFramingFieldOfTheWriter(std::string_view name)
{
    const auto is = [name](std::string_view field) { return Headers::equalsIgnoreCase(name, field); };
    switch (name.size()) {
    case 10: return is("connection");
    case 14: return is("content-length");
    case 17: return is("transfer-encoding");
    default: return false;
    }
}

// True when `name` is a token and `value` has no CR, LF, NUL or other control byte but HTAB.
bool isValidField(std::string_view name, std::string_view value);

} // namespace Gatehouse::Runtime::Http::detail
