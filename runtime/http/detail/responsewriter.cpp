#include "http/detail/responsewriter.h"

#include "http/detail/tokenchars.h"
#include "http/detail/wirewriter.h"
#include "http/headers.h"

#include <charconv>

namespace Gatehouse::Runtime::Http::detail {

using namespace std::string_view_literals; // literals appended to the wire without a strlen

namespace {

void appendNumber(std::string &out, std::size_t value, int base = 10)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
    out.append(buffer, result.ptr);
}

} // namespace

bool isValidField(std::string_view name, std::string_view value)
{
    return isToken(name) && isFieldValue(value);
}

namespace {

int validStatus(int status)
{
    return (status < 100 || status > 999) ? 500 : status;
}

// Status line and the handler's fields, without the framing fields the engine owns.
void putHead(const Response &response, int status, WireWriter &wire)
{
    wire.put("HTTP/1.1 "sv);
    wire.putNumber(static_cast<std::size_t>(status));
    wire.put(' ');
    wire.put(reasonPhrase(status));
    wire.put("\r\n"sv);
    const auto &fields = response.headers.fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto &[name, value] = fields[i];
        if (isFramingFieldOfTheWriter(name) || (i >= response.headers.parsedCount() && !isValidField(name, value)))
            continue;
        wire.putField(name, value);
    }
}

// Room for the status line (the longest reason phrase is under 40 bytes), the fields, and the
// engine's framing and Connection fields.
std::size_t headRoom(const Response &response)
{
    return WireWriter::roomFor(response.headers, 160);
}

} // namespace

void appendChunkHeader(std::string &out, std::size_t size)
{
    appendNumber(out, size, 16);
    out += "\r\n"sv;
}

void writeStreamHead(const Response &response, bool keepAlive, int requestVersion, StreamFraming framing,
                     std::uint64_t length, std::string &out)
{
    out.clear();
    const int status = validStatus(response.status);
    WireWriter wire(out, headRoom(response));
    putHead(response, status, wire);
    switch (framing) {
    case StreamFraming::Length:
        wire.put("Content-Length: "sv);
        wire.putNumber(length);
        wire.put("\r\n"sv);
        break;
    case StreamFraming::Chunked:
        wire.put("Transfer-Encoding: chunked\r\n"sv);
        break;
    case StreamFraming::UntilClose:
        keepAlive = false;
        break;
    }
    if (!keepAlive)
        wire.put("Connection: close\r\n"sv);
    else if (requestVersion == 10)
        wire.put("Connection: keep-alive\r\n"sv);
    wire.put("\r\n"sv);
    wire.finish();
}

void writeResponse(const Response &response, bool headRequest, bool keepAlive, int requestVersion, std::string &out,
                   bool includeBody)
{
    out.clear();
    const int status = validStatus(response.status);
    const bool bodyAllowed = !(status < 200 || status == 204 || status == 304);
    const bool chunked = bodyAllowed && response.chunked && requestVersion == 11;
    const bool bodyWritten = bodyAllowed && !headRequest && (chunked || includeBody);
    // The body's room too (and a chunk's size line and the last chunk): the whole message is
    // one resize.
    WireWriter wire(out, headRoom(response) + (bodyWritten ? response.body.size() + 32 : 0));
    putHead(response, status, wire);
    if (bodyAllowed) {
        if (chunked) {
            wire.put("Transfer-Encoding: chunked\r\n"sv);
        } else {
            wire.put("Content-Length: "sv);
            wire.putNumber(response.body.size());
            wire.put("\r\n"sv);
        }
    }
    if (!keepAlive)
        wire.put("Connection: close\r\n"sv);
    else if (requestVersion == 10)
        wire.put("Connection: keep-alive\r\n"sv);
    wire.put("\r\n"sv);
    if (bodyWritten) {
        if (chunked) {
            if (!response.body.empty()) {
                wire.putNumber(response.body.size(), 16);
                wire.put("\r\n"sv);
                wire.put(response.body);
                wire.put("\r\n"sv);
            }
            wire.put("0\r\n\r\n"sv);
        } else {
            wire.put(response.body);
        }
    }
    wire.finish();
}

} // namespace Gatehouse::Runtime::Http::detail
