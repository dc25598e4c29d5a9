#include "http/detail/responsewriter.h"

#include "http/headers.h"

#include <charconv>

namespace Gatehouse::Runtime::Http::detail {

namespace {

void appendNumber(std::string &out, std::size_t value, int base = 10)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
    out.append(buffer, result.ptr);
}

bool isTokenChar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
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
    for (unsigned char c : value) {
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

void writeResponse(const Response &response, bool headRequest, bool keepAlive, int requestVersion, std::string &out,
                   bool includeBody)
{
    out.clear();
    int status = response.status;
    if (status < 100 || status > 999)
        status = 500;
    const bool bodyAllowed = !(status < 200 || status == 204 || status == 304);
    const bool chunked = bodyAllowed && response.chunked && requestVersion == 11;
    out.reserve(128 + response.headers.size() * 48 + (headRequest || !includeBody ? 0 : response.body.size()));
    out += "HTTP/1.1 ";
    appendNumber(out, static_cast<std::size_t>(status));
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto &[name, value] : response.headers.fields()) {
        if (Headers::equalsIgnoreCase(name, "content-length") || Headers::equalsIgnoreCase(name, "transfer-encoding")
            || Headers::equalsIgnoreCase(name, "connection") || !isValidField(name, value))
            continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (bodyAllowed) {
        if (chunked) {
            out += "Transfer-Encoding: chunked\r\n";
        } else {
            out += "Content-Length: ";
            appendNumber(out, response.body.size());
            out += "\r\n";
        }
    }
    if (!keepAlive)
        out += "Connection: close\r\n";
    else if (requestVersion == 10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!bodyAllowed || headRequest)
        return;
    if (chunked) {
        if (!response.body.empty()) {
            appendNumber(out, response.body.size(), 16);
            out += "\r\n";
            out += response.body;
            out += "\r\n";
        }
        out += "0\r\n\r\n";
    } else if (includeBody) {
        out += response.body;
    }
}

} // namespace Gatehouse::Runtime::Http::detail
