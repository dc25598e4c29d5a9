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
    // The first byte's high bit turns on body streaming (small pieces, so the bounded feeding
    // and the piece-by-piece path get explored as much as the buffered one).
    const bool streaming = size > 0 && (data[0] & 0x80) != 0;
    if (streaming) {
        limits.maxStreamBodyBytes = 16384;
        limits.inlineBodyBytes = 64;
        limits.streamPieceBytes = 256;
    }
    detail::RequestDecoder decoder(limits);
    bool headTaken = false;
    std::size_t streamed = 0;

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
        if (decoder.streaming()) {
            if (!headTaken) {
                Request head = decoder.takeRequest();
                if (head.path.empty() || head.method.empty())
                    __builtin_trap();
                headTaken = true;
            }
            const std::string piece = decoder.takeBody();
            // Bounded pieces (a chunk header may need up to 5 bytes past the budget), bounded total.
            streamed += piece.size();
            if (piece.size() > limits.streamPieceBytes + 5 || streamed > limits.maxStreamBodyBytes)
                __builtin_trap();
            if (state == detail::RequestDecoder::State::Complete) {
                ++accepted;
                decoder.reset();
                headTaken = false;
                streamed = 0;
                continue;
            }
            if (!buffer.empty() && !piece.empty())
                continue; // more may be decodable now that the piece was taken
        } else if (state == detail::RequestDecoder::State::Complete) {
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
