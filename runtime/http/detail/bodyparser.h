#pragma once

#include "http/headers.h"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/optional.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// The body half of the engine's Beast parsers (HeadParser, then RequestParser / ResponseParser): appends what the
// parser decodes (Content-Length, chunked or until EOF) to `body`, which its owner may empty at
// any time (streaming takes the decoded bytes piece by piece). Beast itself enforces the header
// and body limits and every framing error. Unlike beast::http::string_body it does not reserve
// a huge announced Content-Length up front: that costs nothing until the bytes arrive.
template <bool isRequest>
class BodyParser : public boost::beast::http::basic_parser<isRequest>
{
public:
    static constexpr std::uint64_t ReserveLimit = 1024 * 1024;

    std::string body;

protected:
    using error_code = boost::beast::error_code;

    void on_body_init_impl(const boost::optional<std::uint64_t> &length, error_code &ec) override
    {
        if (length && *length <= ReserveLimit)
            body.reserve(static_cast<std::size_t>(*length));
        ec = {};
    }
    std::size_t on_body_impl(std::string_view data, error_code &ec) override
    {
        body.append(data.data(), data.size());
        ec = {};
        return data.size();
    }
    void on_chunk_header_impl(std::uint64_t, std::string_view, error_code &ec) override { ec = {}; }
    std::size_t on_chunk_body_impl(std::uint64_t, std::string_view data, error_code &ec) override
    {
        return on_body_impl(data, ec);
    }
    void on_finish_impl(error_code &ec) override { ec = {}; }
};

} // namespace Gatehouse::Runtime::Http::detail
