#pragma once

#include "http/detail/bodyparser.h"
#include "http/headers.h"

#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// Parses one request straight into the engine's fields: method, target, version, the header
// fields in the order received with surrounding whitespace trimmed (each copied once, into
// Headers: no beast::http::basic_fields is built) and the body (BodyParser). RequestDecoder
// runs its strict byte-level checks before any byte reaches this parser. One per request.
class RequestParser final : public BodyParser<true>
{
public:
    // `expectedFields`: room reserved up front, so the field list is allocated once (the
    // decoder passes the previous request's field count on the same connection).
    explicit RequestParser(std::size_t expectedFields)
        : m_expectedFields(expectedFields)
    {
    }

    std::string method;
    std::string target;
    int version = 11;
    Headers headers;
    bool keepAlive = false; // the Connection field's verdict, kept after `headers` moved out

private:
    void on_request_impl(boost::beast::http::verb, std::string_view methodText, std::string_view targetText,
                         int messageVersion, error_code &ec) override
    {
        method.assign(methodText);
        target.assign(targetText);
        version = messageVersion;
        headers.reserve(m_expectedFields);
        ec = {};
    }
    void on_response_impl(int, std::string_view, int, error_code &ec) override
    {
        ec = {}; // never called for a request parser
    }
    void on_field_impl(boost::beast::http::field, std::string_view name, std::string_view value,
                       error_code &ec) override
    {
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
            value.remove_suffix(1);
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
