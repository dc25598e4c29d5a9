#pragma once

#include <cstddef>
#include <cstdint>

namespace Gatehouse::Runtime::Http {

// Feeds `data` to the server's request decoder exactly as a connection would (split into
// reads at points derived from the data, pipelined requests one after another) and returns
// the number of requests accepted before the first rejection or the end of the input.
// For fuzzing and tests; never throws, never aborts on any input.
std::size_t parseRequestForFuzzing(const std::uint8_t *data, std::size_t size);

} // namespace Gatehouse::Runtime::Http
