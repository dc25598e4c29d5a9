#pragma once

#include "http/detail/headparser.h"

#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// Parses one request straight into the engine's fields: method and target, then the version,
// fields and body (HeadParser, BodyParser). RequestDecoder runs its strict byte-level checks
// before any byte reaches this parser. One per request.
class RequestParser final : public HeadParser<true>
{
public:
    // `expectedFields`: see HeadParser (the decoder passes the previous request's field count).
    explicit RequestParser(std::size_t expectedFields)
        : HeadParser<true>(expectedFields)
    {
    }

    std::string method;
    std::string target;

private:
    void on_request_impl(boost::beast::http::verb, std::string_view methodText, std::string_view targetText,
                         int messageVersion, error_code &ec) override
    {
        method.assign(methodText);
        target.assign(targetText);
        startHead(messageVersion);
        ec = {};
    }
    void on_response_impl(int, std::string_view, int, error_code &ec) override
    {
        ec = {}; // never called for a request parser
    }
};

} // namespace Gatehouse::Runtime::Http::detail
