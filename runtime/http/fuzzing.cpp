#include "http/fuzzing.h"

#include "http/detail/requestdecoder.h"

#include <algorithm>

namespace Gatehouse::Runtime::Http {

std::size_t parseRequestForFuzzing(const std::uint8_t *data, std::size_t size)
{
    // Small limits so the fuzzer reaches 413/414/431 quickly; same code path as the server.
    detail::DecoderLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxTargetBytes = 512;
    limits.maxHeaderFields = 32;
    limits.maxBodyBytes = 4096;
    detail::RequestDecoder decoder(limits);

    // The first byte chooses the read size, so the fuzzer also explores split reads.
    const std::size_t step = size > 0 ? 1 + data[0] % 64 : 1;
    const char *bytes = reinterpret_cast<const char *>(data);
    std::string buffer; // received and not yet consumed, as in a connection
    std::size_t offered = size > 0 ? 1 : 0;
    std::size_t accepted = 0;
    while (true) {
        if (!buffer.empty()) {
            const std::size_t consumed = decoder.feed(buffer.data(), buffer.size());
            buffer.erase(0, consumed);
        }
        const auto state = decoder.state();
        if (state == detail::RequestDecoder::State::Error)
            return accepted;
        if (state == detail::RequestDecoder::State::Complete) {
            Request request = decoder.takeRequest();
            if (request.path.empty() || request.method.empty())
                __builtin_trap(); // an accepted request always has both
            ++accepted;
            decoder.reset();
            continue;
        }
        if (offered >= size)
            return accepted;
        const std::size_t n = std::min(step, size - offered);
        buffer.append(bytes + offered, n);
        offered += n;
    }
}

} // namespace Gatehouse::Runtime::Http
