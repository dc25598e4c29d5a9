#include "http/detail/responsewriter.h"

#include "http/detail/tokenchars.h"
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
    if (name.empty())
        return false;
    for (unsigned char c : name) {
        if (!isTokenChar(c))
            return false;
    }
    return isFieldValue(value);
}

namespace {

int validStatus(int status)
{
    return (status < 100 || status > 999) ? 500 : status;
}

// Status line and the handler's fields, without the framing fields the engine owns.
void appendHead(const Response &response, int status, std::string &out)
{
    out += "HTTP/1.1 "sv;
    appendNumber(out, static_cast<std::size_t>(status));
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n"sv;
    const auto &fields = response.headers.fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto &[name, value] = fields[i];
        if (Headers::equalsIgnoreCase(name, "content-length") || Headers::equalsIgnoreCase(name, "transfer-encoding")
            || Headers::equalsIgnoreCase(name, "connection")
            || (i >= response.headers.parsedCount() && !isValidField(name, value)))
            continue;
        out += name;
        out += ": "sv;
        out += value;
        out += "\r\n"sv;
    }
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
    out.reserve(128 + response.headers.size() * 48);
    appendHead(response, status, out);
    switch (framing) {
    case StreamFraming::Length:
        out += "Content-Length: "sv;
        appendNumber(out, static_cast<std::size_t>(length));
        out += "\r\n"sv;
        break;
    case StreamFraming::Chunked:
        out += "Transfer-Encoding: chunked\r\n"sv;
        break;
    case StreamFraming::UntilClose:
        keepAlive = false;
        break;
    }
    if (!keepAlive)
        out += "Connection: close\r\n"sv;
    else if (requestVersion == 10)
        out += "Connection: keep-alive\r\n"sv;
    out += "\r\n"sv;
}

void writeResponse(const Response &response, bool headRequest, bool keepAlive, int requestVersion, std::string &out,
                   bool includeBody)
{
    out.clear();
    const int status = validStatus(response.status);
    const bool bodyAllowed = !(status < 200 || status == 204 || status == 304);
    const bool chunked = bodyAllowed && response.chunked && requestVersion == 11;
    out.reserve(128 + response.headers.size() * 48 + (headRequest || !includeBody ? 0 : response.body.size()));
    appendHead(response, status, out);
    if (bodyAllowed) {
        if (chunked) {
            out += "Transfer-Encoding: chunked\r\n"sv;
        } else {
            out += "Content-Length: "sv;
            appendNumber(out, response.body.size());
            out += "\r\n"sv;
        }
    }
    if (!keepAlive)
        out += "Connection: close\r\n"sv;
    else if (requestVersion == 10)
        out += "Connection: keep-alive\r\n"sv;
    out += "\r\n"sv;
    if (!bodyAllowed || headRequest)
        return;
    if (chunked) {
        if (!response.body.empty()) {
            appendNumber(out, response.body.size(), 16);
            out += "\r\n"sv;
            out += response.body;
            out += "\r\n"sv;
        }
        out += "0\r\n\r\n"sv;
    } else if (includeBody) {
        out += response.body;
    }
}

} // namespace Gatehouse::Runtime::Http::detail
