#pragma once

// A body made on demand for the streaming tests: pattern bytes handed out piece by piece as the
// reader asks for them (so a test sees backpressure), optionally breaking off part way (a
// service dying mid-answer). Header-only; the includer links the HTTP engine.
#include "http/bodysource.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>

namespace Gatehouse::Test {

// Byte `offset` of the pattern every generated body is made of: not one repeated value, so a
// byte lost, doubled or moved shows in a checksum.
inline char patternByte(std::uint64_t offset)
{
    return static_cast<char>((offset * 7 + (offset >> 16)) & 0xff);
}

inline std::string patternPiece(std::uint64_t offset, std::size_t size)
{
    std::string piece(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        piece[i] = patternByte(offset + i);
    return piece;
}

// `size` pattern bytes (length announced when `knownLength`, else unknown: chunked), failing
// after `failAfter` bytes when that is set. `onRead` is told of every read with the bytes it
// handed out (0 when it failed), on the reader's thread.
class GeneratedBody final : public Runtime::Http::BodySource
{
public:
    GeneratedBody(std::uint64_t size, bool knownLength, std::uint64_t failAfter = 0,
                  std::function<void(std::size_t)> onRead = {})
        : m_size(size)
        , m_known(knownLength)
        , m_failAfter(failAfter)
        , m_onRead(std::move(onRead))
    {
    }
    std::int64_t length() const override { return m_known ? static_cast<std::int64_t>(m_size) : -1; }
    std::uint64_t transferred() const override { return m_offset; }
    void read(Callback callback) override
    {
        Runtime::Http::BodyPiece piece;
        if (m_failAfter && m_offset >= m_failAfter) {
            piece.failed = true;
            piece.error = "the body's source stopped";
            if (m_onRead)
                m_onRead(0);
            return callback(std::move(piece));
        }
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(PieceBytes, m_size - m_offset));
        piece.data = patternPiece(m_offset, n);
        m_offset += n;
        piece.last = m_offset == m_size;
        if (m_onRead)
            m_onRead(n);
        callback(std::move(piece));
    }

private:
    std::uint64_t m_size;
    bool m_known;
    std::uint64_t m_failAfter;
    std::function<void(std::size_t)> m_onRead;
    std::uint64_t m_offset = 0;
};

} // namespace Gatehouse::Test
