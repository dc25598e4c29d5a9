#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace Gatehouse::Runtime::Http::detail {

// RFC 9110 tchar, as a table: the request decoder checks every byte of every method and field
// name it reads, the response writer every byte of every field name it writes.
constexpr std::array<bool, 256> makeTokenTable()
{
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[c] = true;
    for (char c : std::string_view("!#$%&'*+-.^_`|~"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}

inline constexpr std::array<bool, 256> TokenChars = makeTokenTable();

inline bool isTokenChar(unsigned char c)
{
    return TokenChars[c];
}

// A non-empty run of tchar: a method or a field name.
inline bool isToken(std::string_view text)
{
    if (text.empty())
        return false;
    for (unsigned char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// RFC 9110 field-value bytes: anything but a control byte, HTAB excepted (obs-text allowed).
inline bool isFieldValueByte(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

// True when every byte of `value` is a field-value byte. Every field of every message is
// checked on the way in and on the way out, so eight bytes are looked at at once: a word with
// no byte below 0x20 and none equal to 0x7f is fine as it stands (a value of eight bytes or more
// ends with its last eight bytes, overlapping the word before); a word that has one (an HTAB,
// or a real control byte), and a value shorter than eight bytes, are looked at byte by byte.
inline bool isFieldValue(std::string_view value)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highBits = 0x8080808080808080ULL;
    const auto plainWord = [](const char *bytes) {
        std::uint64_t word;
        std::memcpy(&word, bytes, sizeof word);
        // The classic "has a byte less than n" and "has a zero byte" tests (exact for n <= 128).
        const std::uint64_t below0x20 = (word - ones * 0x20) & ~word & highBits;
        const std::uint64_t xorDel = word ^ (ones * 0x7f);
        const std::uint64_t hasDel = (xorDel - ones) & ~xorDel & highBits;
        return (below0x20 | hasDel) == 0;
    };
    const auto byteByByte = [](std::string_view bytes) {
        for (unsigned char c : bytes) {
            if (!isFieldValueByte(c))
                return false;
        }
        return true;
    };
    if (value.size() < 8)
        return byteByByte(value);
    for (std::size_t i = 0; i + 8 < value.size(); i += 8) {
        if (!plainWord(value.data() + i) && !byteByByte(value.substr(i, 8)))
            return false;
    }
    const std::size_t last = value.size() - 8;
    return plainWord(value.data() + last) || byteByByte(value.substr(last));
}

// The length of the field name that starts `line`: a non-empty token right before a colon (no
// space between them), or npos when the line does not start that way. One pass over the name,
// no separate search for the colon.
inline std::size_t fieldNameLength(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == ':')
            return i > 0 ? i : std::string_view::npos;
        if (!isTokenChar(c))
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

// One field line without its CR LF, as both parsers accept it: a token name right before the
// colon, a value of field-value bytes. A folded line (leading space or tab, obs-fold, which RFC
// 9112 lets a server refuse and a proxy answer with 502) fails the name test.
inline bool isFieldLine(std::string_view line)
{
    const std::size_t nameLength = fieldNameLength(line);
    return nameLength != std::string_view::npos && isFieldValue(line.substr(nameLength + 1));
}

} // namespace Gatehouse::Runtime::Http::detail
