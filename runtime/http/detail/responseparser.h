#pragma once

#include "http/detail/bodyparser.h"
#include "http/headers.h"

#include <string>

namespace Gatehouse::Runtime::Http::detail {

// Parses one upstream response straight into the client's types: status, version, fields in
// the order received (each copied once, into Headers: no beast::http::basic_fields is built)
// and the body (BodyParser). One parser per message, as Beast requires; a 1xx interim response
// is a complete message of its own (isInterim()), after which the client starts a new parser.
class ResponseParser final : public BodyParser<false>
{
public:
    // `expectedFields`: room reserved up front, so the field list is allocated once (the client
    // passes the previous response's field count on the same connection).
    explicit ResponseParser(std::size_t expectedFields)
        : m_expectedFields(expectedFields)
    {
    }

    int status = 0;
    int version = 11;
    Headers headers;
    bool keepAlive = false; // the Connection field's verdict, kept after `headers` moved out

    // 1xx other than 101: informational, the final response follows on the same connection.
    bool isInterim() const { return status >= 100 && status < 200 && status != 101; }

    // After the whole message: whether the connection can carry another one. The Connection
    // field allows it and the framing delimits the message (a length, chunked, or a status
    // without body), as Beast's message::keep_alive() && !message::need_eof() decided.
    bool reusable() const
    {
        const bool noBody = (status >= 100 && status < 200) || status == 204 || status == 304;
        return keepAlive && !need_eof() && (noBody || content_length() || chunked());
    }

private:
    void on_request_impl(boost::beast::http::verb, std::string_view, std::string_view, int, error_code &ec) override
    {
        ec = {}; // never called for a response parser
    }
    void on_response_impl(int code, std::string_view, int messageVersion, error_code &ec) override
    {
        status = code;
        version = messageVersion;
        headers.reserve(m_expectedFields);
        ec = {};
    }
    void on_field_impl(boost::beast::http::field, std::string_view name, std::string_view value,
                       error_code &ec) override
    {
        headers.add(std::string(name), std::string(value));
        ec = {};
    }
    void on_header_impl(error_code &ec) override
    {
        keepAlive = keepAliveOf(version, headers);
        ec = {};
    }

    std::size_t m_expectedFields;
};

} // namespace Gatehouse::Runtime::Http::detail
