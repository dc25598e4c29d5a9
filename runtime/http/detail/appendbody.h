#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <cstdint>
#include <string>

namespace Gatehouse::Runtime::Http::detail {

// A Beast body that appends what the parser decodes to a std::string, which its owner may empty
// at any time (streaming: the decoded bytes are taken piece by piece). Unlike beast's
// string_body it does not reserve the whole announced Content-Length up front, so a huge
// announced length costs nothing until bytes arrive.
struct AppendBody
{
    using value_type = std::string;

    static constexpr std::uint64_t ReserveLimit = 1024 * 1024;

    class reader
    {
    public:
        template <bool isRequest, class Fields>
        reader(boost::beast::http::header<isRequest, Fields> &, value_type &body)
            : m_body(body)
        {
        }

        void init(const boost::optional<std::uint64_t> &length, boost::beast::error_code &ec)
        {
            if (length && *length <= ReserveLimit)
                m_body.reserve(static_cast<std::size_t>(*length));
            ec = {};
        }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence &buffers, boost::beast::error_code &ec)
        {
            const std::size_t n = boost::asio::buffer_size(buffers);
            const std::size_t old = m_body.size();
            m_body.resize(old + n);
            boost::asio::buffer_copy(boost::asio::buffer(m_body.data() + old, n), buffers);
            ec = {};
            return n;
        }

        void finish(boost::beast::error_code &ec) { ec = {}; }

    private:
        value_type &m_body;
    };
};

} // namespace Gatehouse::Runtime::Http::detail
