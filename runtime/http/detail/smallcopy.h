#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace Gatehouse::Runtime::Http::detail {

// Copies `size` bytes, inline for the sizes of header names and values. A memcpy of a size
// unknown at compile time is a call into libc (through the PLT and its CPU dispatch), which
// costs more than copying the ten to thirty bytes of a typical field; every field of every
// proxied message is copied two or three times. From 4 to 16 bytes: two overlapping loads and
// stores; anything else goes to memcpy.
inline void copySmall(char *to, const char *from, std::size_t size)
{
    if (size >= 8 && size <= 16) {
        std::uint64_t head, tail;
        std::memcpy(&head, from, 8);
        std::memcpy(&tail, from + size - 8, 8);
        std::memcpy(to, &head, 8);
        std::memcpy(to + size - 8, &tail, 8);
    } else if (size >= 4 && size < 8) {
        std::uint32_t head, tail;
        std::memcpy(&head, from, 4);
        std::memcpy(&tail, from + size - 4, 4);
        std::memcpy(to, &head, 4);
        std::memcpy(to + size - 4, &tail, 4);
    } else {
        std::memcpy(to, from, size);
    }
}

} // namespace Gatehouse::Runtime::Http::detail
