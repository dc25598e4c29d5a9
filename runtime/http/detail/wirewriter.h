#pragma once

#include "http/detail/smallcopy.h"
#include "http/headers.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// Appends a message head to a std::string piece by piece through a plain cursor. A proxied head
// is some thirty pieces (each field is a name, ": ", a value and CR LF); std::string::append
// checks its length limit and capacity out of line for every one of them, which cost more than
// copying the bytes. Here the string is grown once to the room the caller asks for, each piece
// is one inline bounds check and a memcpy, and finish() trims the string to what was written.
// A piece that does not fit still goes in (the string grows), so a wrong guess costs a copy,
// never memory safety.
class WireWriter
{
public:
    WireWriter(std::string &out, std::size_t room)
        : m_out(out)
    {
        const std::size_t start = out.size();
        out.resize(start + room);
        m_cursor = out.data() + start;
        m_end = out.data() + out.size();
    }
    WireWriter(const WireWriter &) = delete;
    WireWriter &operator=(const WireWriter &) = delete;
    ~WireWriter()
    {
        if (!m_finished)
            finish();
    }

    void put(std::string_view piece)
    {
        if (static_cast<std::size_t>(m_end - m_cursor) < piece.size())
            grow(piece.size());
        copySmall(m_cursor, piece.data(), piece.size());
        m_cursor += piece.size();
    }
    void put(char c) { put(std::string_view(&c, 1)); }
    void putNumber(std::uint64_t value, int base = 10)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value, base).ptr;
        put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }
    // "name: value" CR LF.
    void putField(std::string_view name, std::string_view value)
    {
        const std::size_t size = name.size() + value.size() + 4;
        if (static_cast<std::size_t>(m_end - m_cursor) < size)
            grow(size);
        copySmall(m_cursor, name.data(), name.size());
        m_cursor += name.size();
        std::memcpy(m_cursor, ": ", 2);
        m_cursor += 2;
        copySmall(m_cursor, value.data(), value.size());
        m_cursor += value.size();
        std::memcpy(m_cursor, "\r\n", 2);
        m_cursor += 2;
    }

    // Trims the string to the bytes written; the writer is done then (the destructor does it
    // when the caller did not, so the string never keeps the unwritten room).
    void finish()
    {
        m_out.resize(static_cast<std::size_t>(m_cursor - m_out.data()));
        m_finished = true;
    }

    // The room a head needs for these fields as field lines, beside `extra` for everything else.
    static std::size_t roomFor(const Headers &headers, std::size_t extra)
    {
        std::size_t room = extra;
        for (const auto &[name, value] : headers.fields())
            room += name.size() + value.size() + 4;
        return room;
    }

private:
    // Out of line and marked cold, so that put() stays small enough to be inlined everywhere.
    [[gnu::cold, gnu::noinline]] void grow(std::size_t needed)
    {
        const std::size_t written = static_cast<std::size_t>(m_cursor - m_out.data());
        m_out.resize(std::max(m_out.size() * 2, written + needed));
        m_cursor = m_out.data() + written;
        m_end = m_out.data() + m_out.size();
    }

    std::string &m_out;
    char *m_cursor;
    char *m_end;
    bool m_finished = false;
};

} // namespace Gatehouse::Runtime::Http::detail
