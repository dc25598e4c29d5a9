#pragma once

#include <array>
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

} // namespace Gatehouse::Runtime::Http::detail
