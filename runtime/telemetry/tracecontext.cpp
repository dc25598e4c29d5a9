#include "tracecontext.h"

#include <QRandomGenerator>

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

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    do {
        for (int i = 0; i < bytes; i += 4) {
            const quint32 value = QRandomGenerator::global()->generate();
            for (int j = 0; j < 4 && i + j < bytes; ++j)
                raw[i + j] = static_cast<char>((value >> (8 * j)) & 0xff);
        }
    } while (raw.count('\0') == bytes); // all-zero ids are invalid
    return raw.toHex();
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

QByteArray TraceContext::traceParent() const
{
    const QByteArray flagsHex = QByteArray::number(flags, 16).rightJustified(2, '0');
    return "00-" + traceId + '-' + spanId + '-' + flagsHex;
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
