// Fuzzes the server's request decoder (pre-scan + Beast parser + target checks) through the
// same path a connection uses, including split reads and pipelined requests.
#include "http/fuzzing.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Gatehouse::Runtime::Http::parseRequestForFuzzing(data, size);
    return 0;
}
