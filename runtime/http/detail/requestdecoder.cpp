#include "http/detail/requestdecoder.h"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

#include "http/detail/requestparser.h"
#include "http/detail/tokenchars.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace Gatehouse::Runtime::Http::detail {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes `in` into `out`; false on a malformed escape.
bool percentDecode(std::string_view in, std::string &out)
{
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out.push_back(in[i]);
            continue;
        }
        if (i + 2 >= in.size())
            return false;
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0)
            return false;
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return true;
}

bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        std::uint32_t cp = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(extra) >= s.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

bool hasControlByte(std::string_view s)
{
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

bool isKnownMethod(std::string_view m)
{
    static constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    for (auto known : kMethods) {
        if (m == known)
            return true;
    }
    return false;
}

} // namespace

bool isAcceptablePath(std::string_view path)
{
    if (path.empty() || path.front() != '/')
        return false;
    std::string decoded;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        const std::string_view segment = path.substr(start, end - start);
        if (segment.find('\\') != std::string_view::npos)
            return false;
        // Decoded only when it has a '%' (most paths have none: no copy then).
        std::string_view text = segment;
        if (segment.find('%') != std::string_view::npos) {
            if (!percentDecode(segment, decoded))
                return false;
            text = decoded;
        }
        if (text == "." || text == "..")
            return false;
        if (text.find('/') != std::string_view::npos || text.find('\\') != std::string_view::npos)
            return false;
        if (hasControlByte(text) || !isValidUtf8(text))
            return false;
        start = end + 1;
    }
    return true;
}

class RequestDecoder::Private
{
public:
    explicit Private(const DecoderLimits &limits)
        : limits(limits)
    {
        reset();
    }

    void reset()
    {
        parser.emplace(fieldsHint);
        parser->eager(true);
        parser->header_limit(static_cast<std::uint32_t>(limits.maxHeaderBytes + 1024));
        parser->body_limit(std::max(limits.maxBodyBytes, limits.maxStreamBodyBytes));
        state = State::NeedMore;
        status = 0;
        scanned = 0;
        lineStart = 0;
        lineIndex = 0;
        fieldCount = 0;
        firstSpace = std::string_view::npos;
        secondSpace = std::string_view::npos;
        headerDone = false;
        expectContinue = false;
        started = false;
        streaming = false;
        headTaken = false;
        length = -1;
    }

    void fail(int httpStatus)
    {
        state = State::Error;
        status = httpStatus;
    }

    // Validates a complete request line. Order: syntax (400), version (505), method (501),
    // target (414, 400).
    void checkRequestLine(std::string_view line)
    {
        const std::size_t sp1 = line.find(' ');
        if (sp1 == std::string_view::npos)
            return fail(400);
        const std::size_t sp2 = line.find(' ', sp1 + 1);
        if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
            return fail(400);
        const std::string_view method = line.substr(0, sp1);
        const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
        const std::string_view version = line.substr(sp2 + 1);
        if (!isToken(method) || target.empty())
            return fail(400);
        if (version.size() < 6 || version.substr(0, 5) != "HTTP/")
            return fail(400);
        const std::string_view number = version.substr(5);
        for (char c : number) {
            if (!(c >= '0' && c <= '9') && c != '.')
                return fail(400);
        }
        if (number != "1.1" && number != "1.0") {
            // Well-formed but another version (HTTP/2.0, HTTP/9.9, HTTP/3): 505.
            const bool wellFormed = number.size() == 3 && number[1] == '.' && number[0] != '.' && number[2] != '.';
            const bool major = number.size() == 1;
            return fail(wellFormed || major ? 505 : 400);
        }
        if (!isKnownMethod(method))
            return fail(501);
        if (target.size() > limits.maxTargetBytes)
            return fail(414);
        for (unsigned char c : target) {
            if (c <= 0x20 || c >= 0x7f || c == '#')
                return fail(400);
        }
        if (target == "*") {
            if (method != "OPTIONS")
                return fail(400);
            return;
        }
        const std::size_t q = target.find('?');
        if (!isAcceptablePath(target.substr(0, q)))
            return fail(400);
        if (q != std::string_view::npos) {
            std::string decoded;
            if (!percentDecode(target.substr(q + 1), decoded) || decoded.find('\0') != std::string::npos)
                return fail(400);
        }
    }

    void checkFieldLine(std::string_view line)
    {
        if (!isFieldLine(line))
            return fail(400); // also obs-fold and "Name : value"
        if (++fieldCount > limits.maxHeaderFields)
            return fail(431);
    }

    // Scans the header block from where the last call stopped. Returns the header length
    // (including the final CRLFCRLF) once complete, 0 when more bytes are needed or on error.
    std::size_t scanHeader(const char *data, std::size_t size)
    {
        const std::size_t end = std::min(size, limits.maxHeaderBytes);
        std::size_t i = scanned;
        while (i < end) {
            // The request line is read byte by byte (an overlong target is refused while it is
            // still arriving); a field line is found whole: checkFieldLine then refuses a bare CR
            // or a NUL in it like any other byte that is neither a token nor a field-value byte.
            const std::size_t lineEnd = lineIndex == 0 ? scanRequestLineBytes(data, i, end, size) : findLf(data, i, end);
            if (state == State::Error)
                return 0;
            if (lineEnd == std::string_view::npos) {
                i = end;
                break;
            }
            if (lineEnd == 0 || data[lineEnd - 1] != '\r') {
                fail(400); // bare LF
                return 0;
            }
            const std::string_view line(data + lineStart, lineEnd - 1 - lineStart);
            if (line.empty()) {
                if (lineIndex == 0) {
                    fail(400);
                    return 0;
                }
                return lineEnd + 1;
            }
            if (lineIndex == 0)
                checkRequestLine(line);
            else
                checkFieldLine(line);
            if (state == State::Error)
                return 0;
            ++lineIndex;
            lineStart = lineEnd + 1;
            i = lineEnd + 1;
        }
        if (i >= limits.maxHeaderBytes) {
            const bool inTarget = lineIndex == 0 && firstSpace != std::string_view::npos
                && secondSpace == std::string_view::npos;
            fail(inTarget && i - firstSpace > limits.maxTargetBytes ? 414 : 431);
            return 0;
        }
        // A CR as the last byte received is rechecked when its successor arrives.
        scanned = (size > 0 && data[size - 1] == '\r') ? size - 1 : size;
        if (scanned < lineStart)
            scanned = lineStart;
        return 0;
    }

    static std::size_t findLf(const char *data, std::size_t from, std::size_t end)
    {
        const void *found = std::memchr(data + from, '\n', end - from);
        return found ? static_cast<std::size_t>(static_cast<const char *>(found) - data) : std::string_view::npos;
    }

    // Scans the request line from `from` up to `end`: returns the index of its LF, or npos when
    // it has not arrived yet; fails on a bare CR (looked at up to `size`), a NUL or a target
    // longer than the limit.
    std::size_t scanRequestLineBytes(const char *data, std::size_t from, std::size_t end, std::size_t size)
    {
        for (std::size_t i = from; i < end; ++i) {
            const auto c = static_cast<unsigned char>(data[i]);
            if (c == '\n')
                return i;
            if (c == '\r') {
                if (i + 1 < size && data[i + 1] != '\n') {
                    fail(400); // bare CR
                    return std::string_view::npos;
                }
            } else if (c == 0) {
                fail(400);
                return std::string_view::npos;
            } else if (c == ' ') {
                if (firstSpace == std::string_view::npos)
                    firstSpace = i;
                else if (secondSpace == std::string_view::npos)
                    secondSpace = i;
            } else if (firstSpace != std::string_view::npos && secondSpace == std::string_view::npos
                       && i - firstSpace > limits.maxTargetBytes) {
                fail(414);
                return std::string_view::npos;
            }
        }
        return std::string_view::npos;
    }

    // The head has passed scanHeader, which checked every line of it (see putCheckedHead).
    void putHead(std::string_view head, beast::error_code &ec)
    {
        // The fields' bytes take less room than the head; the rest leaves room for the fields a
        // handler that forwards the request adds (the gateway adds four to six, ~150 bytes).
        parser->headers.reserve(fieldsHint + 8, head.size() + 256);
        putCheckedHead(*parser, head, framingHead, ec);
    }

    void checkHeaderSemantics()
    {
        const int version = parser->version;
        std::size_t hosts = 0, lengths = 0, encodings = 0;
        std::string_view length, encoding, expect;
        for (const auto &[name, value] : parser->headers.fields()) { // values already trimmed
            if (beast::iequals(name, "host")) {
                ++hosts;
            } else if (beast::iequals(name, "content-length")) {
                ++lengths;
                length = value;
            } else if (beast::iequals(name, "transfer-encoding")) {
                ++encodings;
                encoding = value;
            } else if (beast::iequals(name, "expect")) {
                expect = value;
            }
        }
        if (hosts > 1 || (version == 11 && hosts == 0))
            return fail(400);
        if (lengths > 1 || encodings > 1 || (lengths && encodings))
            return fail(400);
        if (lengths) {
            if (length.empty() || length.size() > 18)
                return fail(400);
            for (char c : length) {
                if (c < '0' || c > '9')
                    return fail(400);
            }
            const auto announced = std::stoull(std::string(length));
            const bool streamable = limits.maxStreamBodyBytes > 0 && announced > limits.inlineBodyBytes;
            if (announced > (streamable ? limits.maxStreamBodyBytes : limits.maxBodyBytes))
                return fail(413);
            this->length = static_cast<std::int64_t>(announced);
            streaming = streamable;
        }
        if (encodings && (version != 11 || !beast::iequals(encoding, "chunked")))
            return fail(400);
        if (encodings && limits.maxStreamBodyBytes > 0)
            streaming = true;
        if (!streaming)
            parser->body_limit(limits.maxBodyBytes);
        if (!expect.empty()) {
            if (!beast::iequals(expect, "100-continue"))
                return fail(417);
            expectContinue = version == 11 && !parser->is_done();
        }
    }

    void mapBeastError(const beast::error_code &ec)
    {
        if (ec == bhttp::error::body_limit)
            fail(413);
        else if (ec == bhttp::error::header_limit)
            fail(431);
        else
            fail(400);
    }

    std::size_t feed(const char *data, std::size_t size)
    {
        if (state == State::Error || state == State::Complete || size == 0)
            return 0;
        started = true;
        std::size_t consumed = 0;
        if (!headerDone) {
            const std::size_t headerLength = scanHeader(data, size);
            if (headerLength == 0)
                return 0;
            beast::error_code ec;
            putHead(std::string_view(data, headerLength), ec);
            if (ec || !parser->is_header_done()) {
                mapBeastError(ec ? ec : beast::error_code(bhttp::error::bad_value));
                return 0;
            }
            headerDone = true;
            consumed = headerLength;
            checkHeaderSemantics();
            if (state == State::Error)
                return consumed;
        }
        while (!parser->is_done() && consumed < size) {
            // Beast 1.74 asserts (parse_chunk_header: n >= 5) when the final chunk is presented
            // again with fewer than 5 bytes after a need_more. A chunked body can only end with
            // at least "0\r\n\r\n" still to come, so holding back a shorter remainder until more
            // bytes arrive never stalls a valid request (found by fuzz_http_request).
            if (parser->chunked() && size - consumed < 5)
                break;
            std::size_t offer = size - consumed;
            if (streaming) {
                // Bounded: stop consuming while a piece's worth of decoded bytes is not taken.
                const std::size_t pending = parser->body.size();
                if (pending >= limits.streamPieceBytes)
                    break;
                offer = std::min(offer, limits.streamPieceBytes - pending);
                if (parser->chunked() && offer < 5)
                    offer = std::min<std::size_t>(size - consumed, 5);
            }
            beast::error_code ec;
            const std::size_t n = parser->put(boost::asio::buffer(data + consumed, offer), ec);
            consumed += n;
            if (ec == bhttp::error::need_more)
                break;
            if (ec) {
                mapBeastError(ec);
                return consumed;
            }
            if (n == 0)
                break;
        }
        if (parser->is_done()) {
            state = State::Complete;
            expectContinue = false;
        } else {
            state = State::HeaderDone;
        }
        return consumed;
    }

    DecoderLimits limits;
    std::optional<RequestParser> parser;
    std::string framingHead; // what putHead shows Beast; its capacity serves the next request
    std::size_t fieldsHint = 8; // fields in the last request on this connection: reserved up front
    State state = State::NeedMore;
    int status = 0;
    std::size_t scanned = 0;
    std::size_t lineStart = 0;
    std::size_t lineIndex = 0;
    std::size_t fieldCount = 0;
    std::size_t firstSpace = std::string_view::npos;
    std::size_t secondSpace = std::string_view::npos;
    bool headerDone = false;
    bool expectContinue = false;
    bool started = false;
    bool streaming = false;
    bool headTaken = false;
    std::int64_t length = -1;
};

RequestDecoder::RequestDecoder(const DecoderLimits &limits)
    : m_d(std::make_unique<Private>(limits))
{
}

RequestDecoder::~RequestDecoder() = default;

std::size_t RequestDecoder::feed(const char *data, std::size_t size)
{
    return m_d->feed(data, size);
}

RequestDecoder::State RequestDecoder::state() const
{
    return m_d->state;
}

int RequestDecoder::errorStatus() const
{
    return m_d->status;
}

bool RequestDecoder::started() const
{
    return m_d->started;
}

bool RequestDecoder::expectsContinue() const
{
    return m_d->expectContinue && m_d->state == State::HeaderDone;
}

Request RequestDecoder::takeRequest()
{
    // The head moves out (in streaming mode the parser keeps decoding the body into its own
    // string); the field count is remembered first, as the next request's reservation.
    auto &parser = *m_d->parser;
    m_d->fieldsHint = parser.headers.size();
    Request request;
    request.method = std::move(parser.method);
    request.target = std::move(parser.target);
    const std::size_t q = request.target.find('?');
    request.path = request.target.substr(0, q);
    if (q != std::string::npos)
        request.query = request.target.substr(q + 1);
    request.version = parser.version;
    request.keepAlive = parser.keepAlive;
    request.headers = std::move(parser.headers);
    if (m_d->streaming)
        m_d->headTaken = true;
    else
        request.body = std::move(parser.body);
    return request;
}

void RequestDecoder::reset()
{
    m_d->reset();
}

bool RequestDecoder::streaming() const
{
    return m_d->streaming && m_d->headerDone && m_d->state != State::Error;
}

std::size_t RequestDecoder::bodyPending() const
{
    return m_d->streaming && m_d->parser ? m_d->parser->body.size() : 0;
}

std::string RequestDecoder::takeBody()
{
    std::string piece;
    if (m_d->streaming && m_d->parser)
        piece.swap(m_d->parser->body);
    return piece;
}

std::int64_t RequestDecoder::contentLength() const
{
    return m_d->length;
}

} // namespace Gatehouse::Runtime::Http::detail
