#include "tracecontext.h"

#include <QRandomGenerator>
#include <array>
#include <cstring>
#include <random>

namespace Gatehouse::Runtime {

namespace {

bool isLowerHex(const QByteArray &text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isAllZero(const QByteArray &text)
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

// Every byte's two lower-case hex digits, in the order they are written: an id's 24 or 48
// digits are then one 16-bit copy per byte instead of two table lookups and shifts each.
constexpr std::array<std::array<char, 2>, 256> makeHexPairs()
{
    constexpr char digits[] = "0123456789abcdef";
    std::array<std::array<char, 2>, 256> pairs{};
    for (int byte = 0; byte < 256; ++byte)
        pairs[byte] = { digits[byte >> 4], digits[byte & 0xf] };
    return pairs;
}
constexpr auto HexPairs = makeHexPairs();

// `bytes` random bytes (a multiple of 8), never all zero, as lower-case hex: one allocation.
QByteArray randomHex(int bytes)
{
    QByteArray hex(bytes * 2, Qt::Uninitialized);
    char *out = hex.data();
    bool allZero = true;
    do {
        allZero = true;
        for (int i = 0; i < bytes; i += 8) {
            const quint64 value = idGenerator()();
            allZero = allZero && value == 0;
            for (int j = 0; j < 8; ++j)
                std::memcpy(out + 2 * (i + j), HexPairs[(value >> (8 * j)) & 0xff].data(), 2);
        }
    } while (allZero); // all-zero ids are invalid
    return hex;
}

} // namespace

std::optional<TraceContext> TraceContext::parseTraceParent(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    // version(2) '-' trace-id(32) '-' parent-id(16) '-' flags(2); higher versions may append "-…".
    if (value.size() < 55)
        return std::nullopt;
    const QByteArray version = value.left(2);
    if (!isLowerHex(version) || version == "ff")
        return std::nullopt;
    if (version == "00" && value.size() != 55)
        return std::nullopt;
    if (value.size() > 55 && value.at(55) != '-')
        return std::nullopt;
    if (value.at(2) != '-' || value.at(35) != '-' || value.at(52) != '-')
        return std::nullopt;
    TraceContext ctx;
    ctx.traceId = value.mid(3, 32);
    ctx.parentSpanId = value.mid(36, 16);
    const QByteArray flags = value.mid(53, 2);
    if (!isLowerHex(ctx.traceId) || !isLowerHex(ctx.parentSpanId) || !isLowerHex(flags))
        return std::nullopt;
    if (isAllZero(ctx.traceId) || isAllZero(ctx.parentSpanId))
        return std::nullopt;
    ctx.flags = static_cast<quint8>(flags.toUInt(nullptr, 16));
    ctx.spanId = newSpanId();
    return ctx;
}

TraceContext TraceContext::forIncoming(const QByteArray &traceparent, const QByteArray &tracestate)
{
    if (!traceparent.isEmpty()) {
        if (auto ctx = parseTraceParent(traceparent)) {
            if (tracestate.size() <= 512)
                ctx->traceState = tracestate;
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

namespace {

// Appends "00-<traceId>-<spanId>-<flags>" to `out` (a QByteArray or a std::string) after one
// reservation: it is written on every forwarded request.
template<typename Text>
Text traceParentOf(const TraceContext &ctx)
{
    static constexpr char digits[] = "0123456789abcdef";
    Text out;
    out.reserve(3 + ctx.traceId.size() + 1 + ctx.spanId.size() + 3);
    out.append("00-", 3);
    out.append(ctx.traceId.constData(), ctx.traceId.size());
    out += '-';
    out.append(ctx.spanId.constData(), ctx.spanId.size());
    out += '-';
    out += digits[ctx.flags >> 4];
    out += digits[ctx.flags & 0xf];
    return out;
}

} // namespace

QByteArray TraceContext::traceParent() const
{
    return traceParentOf<QByteArray>(*this);
}

std::string TraceContext::traceParentText() const
{
    return traceParentOf<std::string>(*this);
}

QByteArray TraceContext::newTraceId()
{
    return randomHex(16);
}
QByteArray TraceContext::newSpanId()
{
    return randomHex(8);
}

} // namespace Gatehouse::Runtime
