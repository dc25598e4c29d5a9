#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <array>
#include <optional>
#include <string_view>

namespace Gatehouse::Runtime {

// A W3C Trace Context id: `Digits` lower-case hex digits, never all zero, held in place. Every
// proxied request makes and copies several of them (the server span, the client span, the
// traceparent sent on); as QByteArrays each was an allocation. Empty until set.
template <int Digits>
class HexId
{
public:
    HexId() = default;

    // `text` when it is exactly Digits lower-case hex digits and not all zero (W3C §3.2.2.3 and
    // §3.2.2.4 call such an id invalid); nullopt otherwise.
    static std::optional<HexId> parse(QByteArrayView text);
    // A new random id (see randomHexDigits in the .cpp).
    static HexId random();

    bool isEmpty() const { return !m_set; }
    const char *data() const { return m_digits.data(); }
    qsizetype size() const { return m_set ? Digits : 0; }
    std::string_view view() const { return { data(), static_cast<std::size_t>(size()) }; }
    QByteArray toByteArray() const { return QByteArray(data(), size()); }
    QString toString() const { return QString::fromLatin1(data(), size()); }

    friend bool operator==(const HexId &, const HexId &) = default;

private:
    std::array<char, Digits> m_digits {};
    bool m_set = false;
};

using TraceId = HexId<32>;
using SpanId = HexId<16>;

// "00-<traceId>-<spanId>-<flags>" written in place: what a hop sends on as `traceparent`.
struct TraceParentText
{
    std::array<char, 55> chars;
    // Valid as long as this object: pass it on within the expression that made it.
    std::string_view view() const { return { chars.data(), chars.size() }; }
};

// W3C Trace Context (https://www.w3.org/TR/trace-context/) for one hop: the trace id, the span
// id of *this* hop and the span id of the caller.
struct TraceContext
{
    TraceId traceId; // never all zero
    SpanId spanId; // the span this hop records
    SpanId parentSpanId; // from the incoming traceparent, empty for a root
    quint8 flags = 0x01; // trace-flags; we sample everything
    QByteArray traceState; // passed through untouched (bounded to 512 bytes)

    // Parses an incoming `traceparent` (version 00, or a higher version read as 00 per the spec).
    // Returns nullopt on any malformed value; the caller then starts a new trace.
    static std::optional<TraceContext> parseTraceParent(QByteArrayView header);

    // The context of a server hop: continues `traceparent` when valid (new span id, parent =
    // the caller's span), otherwise starts a new trace. `tracestate` is kept only when the
    // traceparent was valid, as the spec requires.
    static TraceContext forIncoming(QByteArrayView traceparent, QByteArrayView tracestate);

    // A child hop of this one (e.g. the gateway's client span towards an upstream).
    TraceContext child() const;

    // "00-<traceId>-<spanId>-<flags>": what this hop sends to the next one.
    QByteArray traceParent() const;
    // The same, built in place (no allocation), for the HTTP engine's header fields.
    TraceParentText traceParentText() const;

    static TraceId newTraceId() { return TraceId::random(); }
    static SpanId newSpanId() { return SpanId::random(); }
};

} // namespace Gatehouse::Runtime
