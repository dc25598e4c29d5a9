#pragma once

#include "http/bodysource.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace Gatehouse::Runtime {

// A streamed body passed on unchanged that reports, exactly once, how it ended: Complete (its
// last piece was handed out), Failed (the producer broke off: the upstream died mid-answer) or
// Abandoned (the consumer dropped it before the end: the client went away). The gateway writes
// a streamed answer's access line, span and latency from that report, with the bytes that
// really went out, instead of guessing them when the answer starts.
class ObservedBody final : public Http::BodySource
{
public:
    enum class End { Complete, Failed, Abandoned };
    // Runs on the thread that ends the body: a loop thread, or whichever drops it.
    using OnEnd = std::function<void(End end, std::uint64_t bytes, const std::string &error)>;

    ObservedBody(std::shared_ptr<Http::BodySource> inner, OnEnd onEnd);
    ~ObservedBody() override; // reports Abandoned when the body had not ended
    ObservedBody(const ObservedBody &) = delete;
    ObservedBody &operator=(const ObservedBody &) = delete;

    std::int64_t length() const override { return m_inner->length(); }
    std::uint64_t transferred() const override;
    void read(Callback callback) override;

private:
    // Shared with an outstanding read's callback, which may run after this object is gone.
    struct Progress
    {
        OnEnd onEnd;
        std::atomic<std::uint64_t> bytes { 0 };
        std::atomic<bool> ended { false };
        void end(End how, const std::string &error);
    };
    std::shared_ptr<Http::BodySource> m_inner;
    std::shared_ptr<Progress> m_progress;
};

} // namespace Gatehouse::Runtime
