#include "tracecontext.h"

#include <QRandomGenerator>
#include <array>
#include <cstdint>
#include <cstring>
#include <random>

namespace Gatehouse::Runtime {

namespace {

bool isLowerHex(QByteArrayView text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isAllZero(QByteArrayView text)
{
    for (char c : text) {
        if (c != '0')
            return false;
    }
    return true;
}

// Ids only need to be unique and unpredictable enough to not collide, not secret (W3C Trace
// Context §3.3.1): one generator per thread, seeded from the system's entropy, so that every
// request's ids cost a few nanoseconds and no lock (QRandomGenerator::global() locks a mutex
// shared by all I/O threads).
std::mt19937_64 &idGenerator()
{
    thread_local std::mt19937_64 generator = [] {
        std::seed_seq seed { QRandomGenerator::system()->generate(), QRandomGenerator::system()->generate(),
            QRandomGenerator::system()->generate(), QRandomGenerator::system()->generate() };
        return std::mt19937_64(seed);
    }();
    return generator;
}

// The eight nibbles of `value`, one per byte of the result, as lower-case hex digits. The
// order of the digits does not matter here (the bits are random), so no byte swapping: spread
// the nibbles apart, then add '0' to each, and 'a' - '0' - 10 more to those of ten and above.
std::uint64_t hexDigitsOf(std::uint32_t value)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    std::uint64_t x = value;
    x = (x | (x << 16)) & 0x0000ffff0000ffffULL;
    x = (x | (x << 8)) & 0x00ff00ff00ff00ffULL;
    x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    const std::uint64_t tenOrMore = ((x + ones * 6) >> 4) & ones; // 6 + nibble carries into bit 4 from ten on
    return x + ones * '0' + tenOrMore * ('a' - '0' - 10);
}

// Fills `out` (a multiple of 16 digits) with random lower-case hex digits, never all zero.
void randomHexDigits(char *out, int digits)
{
    bool allZero = true;
    do {
        allZero = true;
        for (int i = 0; i < digits; i += 16) {
            const quint64 value = idGenerator()();
            allZero = allZero && value == 0;
            const std::uint64_t low = hexDigitsOf(static_cast<std::uint32_t>(value));
            const std::uint64_t high = hexDigitsOf(static_cast<std::uint32_t>(value >> 32));
            std::memcpy(out + i, &low, 8);
            std::memcpy(out + i + 8, &high, 8);
        }
    } while (allZero); // all-zero ids are invalid
}

} // namespace

template <int Digits>
std::optional<HexId<Digits>> HexId<Digits>::parse(QByteArrayView text)
{
    if (text.size() != Digits || !isLowerHex(text) || isAllZero(text))
        return std::nullopt;
    HexId id;
    std::memcpy(id.m_digits.data(), text.data(), Digits);
    id.m_set = true;
    return id;
}

template <int Digits>
HexId<Digits> HexId<Digits>::random()
{
    HexId id;
    randomHexDigits(id.m_digits.data(), Digits);
    id.m_set = true;
    return id;
}

template class HexId<32>;
template class HexId<16>;

std::optional<TraceContext> TraceContext::parseTraceParent(QByteArrayView header)
{
    const QByteArrayView value = header.trimmed();
    // version(2) '-' trace-id(32) '-' parent-id(16) '-' flags(2); higher versions may append "-…".
    if (value.size() < 55)
        return std::nullopt;
    const QByteArrayView version = value.first(2);
    if (!isLowerHex(version) || version == "ff")
        return std::nullopt;
    if (version == "00" && value.size() != 55)
        return std::nullopt;
    if (value.size() > 55 && value.at(55) != '-')
        return std::nullopt;
    if (value.at(2) != '-' || value.at(35) != '-' || value.at(52) != '-')
        return std::nullopt;
    const auto traceId = TraceId::parse(value.sliced(3, 32));
    const auto parentSpanId = SpanId::parse(value.sliced(36, 16));
    const QByteArrayView flags = value.sliced(53, 2);
    if (!traceId || !parentSpanId || !isLowerHex(flags))
        return std::nullopt;
    TraceContext ctx;
    ctx.traceId = *traceId;
    ctx.parentSpanId = *parentSpanId;
    ctx.flags = static_cast<quint8>(flags.toByteArray().toUInt(nullptr, 16));
    ctx.spanId = newSpanId();
    return ctx;
}

TraceContext TraceContext::forIncoming(QByteArrayView traceparent, QByteArrayView tracestate)
{
    if (!traceparent.isEmpty()) {
        if (auto ctx = parseTraceParent(traceparent)) {
            if (tracestate.size() <= 512)
                ctx->traceState = tracestate.toByteArray();
            return *ctx;
        }
    }
    TraceContext ctx;
    ctx.traceId = newTraceId();
    ctx.spanId = newSpanId();
    return ctx;
}

TraceContext TraceContext::child() const
{
    TraceContext ctx = *this;
    ctx.parentSpanId = spanId;
    ctx.spanId = newSpanId();
    return ctx;
}

TraceParentText TraceContext::traceParentText() const
{
    static constexpr char digits[] = "0123456789abcdef";
    TraceParentText text;
    char *out = text.chars.data();
    std::memcpy(out, "00-", 3);
    std::memcpy(out + 3, traceId.data(), 32);
    out[35] = '-';
    std::memcpy(out + 36, spanId.data(), 16);
    out[52] = '-';
    out[53] = digits[flags >> 4];
    out[54] = digits[flags & 0xf];
    return text;
}

QByteArray TraceContext::traceParent() const
{
    const TraceParentText text = traceParentText();
    return QByteArray(text.chars.data(), static_cast<qsizetype>(text.chars.size()));
}

} // namespace Gatehouse::Runtime
