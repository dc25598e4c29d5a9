#pragma once

#include "http/detail/headparser.h"

#include <string>

namespace Gatehouse::Runtime::Http::detail {

// Parses one upstream response straight into the client's types: status, then the version,
// fields and body (HeadParser, BodyParser). One parser per message, as Beast requires; a 1xx
// interim response is a complete message of its own (isInterim()), after which the client
// starts a new parser.
class ResponseParser final : public HeadParser<false>
{
public:
    // `expectedFields`: see HeadParser (the client passes the previous response's field count).
    explicit ResponseParser(std::size_t expectedFields)
        : HeadParser<false>(expectedFields)
    {
    }

    int status = 0;

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
        startHead(messageVersion);
        ec = {};
    }
};

} // namespace Gatehouse::Runtime::Http::detail
