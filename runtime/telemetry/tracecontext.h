#pragma once

#include <QByteArray>
#include <optional>
#include <string>

namespace Gatehouse::Runtime {

// W3C Trace Context (https://www.w3.org/TR/trace-context/) for one hop: the trace id, the span
// id of *this* hop and the span id of the caller. Ids are lower-case hex (32 and 16 digits).
struct TraceContext
{
    QByteArray traceId; // 32 hex digits, never all zero
    QByteArray spanId; // 16 hex digits: the span this hop records
    QByteArray parentSpanId; // 16 hex digits from the incoming traceparent, empty for a root
    quint8 flags = 0x01; // trace-flags; we sample everything
    QByteArray traceState; // passed through untouched (bounded to 512 bytes)

    // Parses an incoming `traceparent` (version 00, or a higher version read as 00 per the spec).
    // Returns nullopt on any malformed value; the caller then starts a new trace.
    static std::optional<TraceContext> parseTraceParent(const QByteArray &header);

    // The context of a server hop: continues `traceparent` when valid (new span id, parent =
    // the caller's span), otherwise starts a new trace. `tracestate` is kept only when the
    // traceparent was valid, as the spec requires.
    static TraceContext forIncoming(const QByteArray &traceparent, const QByteArray &tracestate);

    // A child hop of this one (e.g. the gateway's client span towards an upstream).
    TraceContext child() const;

    // "00-<traceId>-<spanId>-<flags>": what this hop sends to the next one.
    QByteArray traceParent() const;
    // The same as a std::string, for the HTTP engine's header fields (built in place).
    std::string traceParentText() const;

    static QByteArray newTraceId();
    static QByteArray newSpanId();
};

} // namespace Gatehouse::Runtime
