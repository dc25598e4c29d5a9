#pragma once

#include "http/detail/bodyparser.h"
#include "http/headers.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// A message's own keep-alive semantics, as Beast's message::keep_alive(): the first Connection
// field decides; HTTP/1.1 stays open unless it lists "close", HTTP/1.0 only if it lists "keep-alive".
inline bool keepAliveOf(int version, const Headers &headers)
{
    for (const auto &[name, value] : headers.fields()) {
        if (!Headers::equalsIgnoreCase(name, "connection"))
            continue;
        boost::beast::http::token_list tokens{value};
        return version < 11 ? tokens.exists("keep-alive") : !tokens.exists("close");
    }
    return version >= 11;
}

// A field value without the spaces and tabs around it (RFC 9110 §5.5).
inline std::string_view trimmedFieldValue(std::string_view value)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    return value;
}

// What RequestParser and ResponseParser share: the version, the header fields in the order
// received with surrounding whitespace trimmed (each copied once, into Headers: no
// beast::http::basic_fields is built) and the Connection verdict. The body half is BodyParser.
template <bool isRequest>
class HeadParser : public BodyParser<isRequest>
{
public:
    int version = 11;
    Headers headers;
    bool keepAlive = false; // the Connection field's verdict, kept after `headers` moved out
    // Set by an owner that has put the fields into `headers` itself (after checking each one)
    // and shows Beast only the fields it needs for framing: those are then not added again.
    bool fieldsGiven = false;

protected:
    using error_code = typename BodyParser<isRequest>::error_code;

    // `expectedFields`: room reserved up front, so the field list is allocated once (the owner
    // passes the previous message's field count on the same connection).
    explicit HeadParser(std::size_t expectedFields)
        : m_expectedFields(expectedFields)
    {
    }
    // Called by the start-line callback of the subclass.
    void startHead(int messageVersion)
    {
        version = messageVersion;
        if (!fieldsGiven) // else the owner has put the fields in already, into room it reserved
            headers.reserve(m_expectedFields, m_expectedFields * AverageFieldBytes);
    }

private:
    void on_field_impl(boost::beast::http::field, std::string_view name, std::string_view value,
                       error_code &ec) override
    {
        ec = {};
        if (fieldsGiven)
            return;
        headers.add(name, trimmedFieldValue(value));
    }
    void on_header_impl(error_code &ec) override
    {
        headers.markParsed(); // Beast refused any field with a bad name or a control byte in its value
        keepAlive = keepAliveOf(version, headers);
        ec = {};
    }

    // Name and value of a typical response or request field ("Date" and its 29-byte value is
    // 33): a guess for the room reserved up front; a longer head grows the buffer once or twice.
    static constexpr std::size_t AverageFieldBytes = 40;
    std::size_t m_expectedFields;
};

// The fields Beast acts on while it frames a message: it is shown these, as they came.
inline bool isFramingField(std::string_view name)
{
    const auto is = [name](std::string_view framing) { return Headers::equalsIgnoreCase(name, framing); };
    switch (name.size()) { // by length first: this runs for every field of every message
    case 7: return is("upgrade");
    case 10: return is("connection");
    case 14: return is("content-length");
    case 16: return is("proxy-connection");
    case 17: return is("transfer-encoding");
    default: return false;
    }
}

// Gives Beast's parser a short head — the start line and the framing fields, exactly as they
// came, then the empty line — after the caller has put every field into parser.headers itself
// from lines it checked one by one: Beast's framing, its checks of those values and its body
// decoding are then what they would have been, without parsing every field a second time.
template <bool isRequest>
void putFramingHead(HeadParser<isRequest> &parser, const std::string &framingHead, boost::beast::error_code &ec)
{
    parser.fieldsGiven = true;
    const std::size_t n = parser.put(boost::asio::buffer(framingHead), ec);
    if (!ec && (n != framingHead.size() || !parser.is_header_done()))
        ec = boost::beast::http::error::bad_value;
}

// One checked field line (without its CR LF; `colon` where its name ends) into parser.headers,
// the value trimmed, and into `framingHead` as it came (`lineWithEnd`, CR LF included) when
// Beast frames the body by it.
template <bool isRequest>
void takeFieldLine(HeadParser<isRequest> &parser, std::string_view line, std::size_t colon,
                   std::string_view lineWithEnd, std::string &framingHead)
{
    const std::string_view name = line.substr(0, colon);
    parser.headers.add(name, trimmedFieldValue(line.substr(colon + 1)));
    if (isFramingField(name))
        framingHead.append(lineWithEnd);
}

// For a head whose lines the caller has checked already (the request decoder's scan): its
// fields into parser.headers, the rest as putFramingHead. `framingHead`: the caller's scratch.
template <bool isRequest>
void putCheckedHead(HeadParser<isRequest> &parser, std::string_view head, std::string &framingHead,
                    boost::beast::error_code &ec)
{
    framingHead.clear();
    std::size_t lineEnd = head.find('\n');
    framingHead.append(head.substr(0, lineEnd + 1));
    const std::size_t fieldsEnd = head.size() - 2; // the empty line's CR LF
    for (std::size_t line = lineEnd + 1; line < fieldsEnd; line = lineEnd + 1) {
        lineEnd = head.find('\n', line);
        const std::string_view text = head.substr(line, lineEnd - 1 - line); // without CR LF
        takeFieldLine(parser, text, text.find(':'), head.substr(line, lineEnd + 1 - line), framingHead);
    }
    framingHead.append("\r\n");
    putFramingHead(parser, framingHead, ec);
}

} // namespace Gatehouse::Runtime::Http::detail
