#pragma once

#include "http/request.h"

#include <cstddef>
#include <memory>

namespace Gatehouse::Runtime::Http::detail {

struct DecoderLimits
{
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxTargetBytes = 8 * 1024;
    std::size_t maxHeaderFields = 100;
    std::size_t maxBodyBytes = 8 * 1024 * 1024;
    // Streaming (0: off). When on, a chunked body or a Content-Length above inlineBodyBytes is
    // not buffered: the request is handed over after its head and the body is taken piece by
    // piece (takeBody()), up to maxStreamBodyBytes in total.
    std::size_t maxStreamBodyBytes = 0;
    std::size_t inlineBodyBytes = 64 * 1024;
    // Decoded body bytes held at most before feed() stops consuming (streaming only).
    std::size_t streamPieceBytes = 64 * 1024;
};

// The strict incremental request decoder shared by the server connections and the fuzzer.
// A byte-level pre-scan of the header block enforces what Beast's parser tolerates (bare LF,
// obs-fold, control bytes, 414/431 limits, …); Beast's request_parser then parses the block
// and decodes the body (Content-Length or chunked). One request at a time: after Complete,
// takeRequest() and reset() for the next pipelined one. In streaming mode (streaming() after
// HeaderDone) takeRequest() is called at HeaderDone and returns the head only; the body is then
// drained with takeBody() until the state is Complete and bodyPending() is 0.
class RequestDecoder
{
public:
    enum class State {
        NeedMore,   // feed more bytes
        HeaderDone, // header accepted, body still to come (check expectsContinue())
        Complete,   // takeRequest()
        Error       // errorStatus() is the status to answer with, then close
    };

    explicit RequestDecoder(const DecoderLimits &limits);
    ~RequestDecoder();

    // Parses from `data` (all bytes received and not yet consumed) and returns how many bytes
    // it consumed. Unconsumed bytes must be offered again, with more appended, next time.
    std::size_t feed(const char *data, std::size_t size);
    State state() const;
    int errorStatus() const;
    // True once any byte of the current request has been seen.
    bool started() const;
    // The header asked for 100-continue and the body has not been received yet.
    bool expectsContinue() const;
    Request takeRequest();
    void reset();

    // Streaming mode: the body is being decoded piece by piece (decided when the head is done).
    bool streaming() const;
    // Decoded body bytes not taken yet, and taking them (streaming mode).
    std::size_t bodyPending() const;
    std::string takeBody();
    // Content-Length of the current request, or -1 (chunked, or no body).
    std::int64_t contentLength() const;

private:
    class Private;
    std::unique_ptr<Private> m_d;
};

// Checks an origin-form target's path: percent-encoding well formed, decoded bytes valid UTF-8
// with no control bytes, no "." or ".." segment, no encoded '/' or '\'. Exposed for tests.
bool isAcceptablePath(std::string_view path);

} // namespace Gatehouse::Runtime::Http::detail
