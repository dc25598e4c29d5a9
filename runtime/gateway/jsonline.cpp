#include "jsonline.h"

#include <charconv>
#include <cstdio>
#include <iterator>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ctime>

namespace Gatehouse::Runtime {

namespace {

// True when one of the eight bytes of `word` is one a JSON string cannot hold as it is: a
// control byte, '"' or '\' (the classic "has a byte less than n" and "has a zero byte" tests).
bool wordNeedsEscape(std::uint64_t word)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highBits = 0x8080808080808080ULL;
    const auto hasZeroByte = [](std::uint64_t v) { return (v - ones) & ~v & highBits; };
    const std::uint64_t below0x20 = (word - ones * 0x20) & ~word & highBits;
    return (below0x20 | hasZeroByte(word ^ (ones * '"')) | hasZeroByte(word ^ (ones * '\\'))) != 0;
}

} // namespace

void JsonLine::grow(qsizetype size)
{
    m_text.resize(std::max(m_text.size() * 2, m_used + size));
}

void JsonLine::key(std::string_view key)
{
    if (!m_first)
        put(',');
    m_first = false;
    put('"');
    put(key);
    put("\":");
}

JsonLine &JsonLine::add(std::string_view k, std::string_view value)
{
    key(k);
    put('"');
    appendEscaped(value);
    put('"');
    return *this;
}

void JsonLine::appendEscaped(std::string_view value)
{
    // Runs of characters that need no escaping are copied in one append; they are found eight
    // bytes at a time up to the first word that holds something to escape.
    size_t start = 0;
    size_t clean = 0;
    for (std::uint64_t word; clean + 8 <= value.size(); clean += 8) {
        std::memcpy(&word, value.data() + clean, sizeof word);
        if (wordNeedsEscape(word))
            break;
    }
    for (size_t i = clean; i < value.size(); ++i) {
        const auto u = static_cast<unsigned char>(value[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        put(value.data() + start, static_cast<qsizetype>(i - start));
        start = i + 1;
        if (u == '"') {
            put("\\\"");
        } else if (u == '\\') {
            put("\\\\");
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            put(std::string_view(escaped));
        }
    }
    put(value.data() + start, static_cast<qsizetype>(value.size() - start));
}

JsonLine &JsonLine::add(std::string_view k, QStringView value)
{
    // ASCII (node ids, route keys, decisions: nearly always) goes straight in, without the
    // temporary UTF-8 copy; anything else through toUtf8().
    char buffer[256];
    if (value.size() <= qsizetype(sizeof buffer)) {
        bool ascii = true;
        for (qsizetype i = 0; i < value.size() && ascii; ++i) {
            const char16_t c = value[i].unicode();
            ascii = c < 0x80;
            buffer[i] = static_cast<char>(c);
        }
        if (ascii)
            return add(k, std::string_view(buffer, static_cast<size_t>(value.size())));
    }
    const QByteArray utf8 = value.toUtf8();
    return add(k, std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
}

JsonLine &JsonLine::add(std::string_view k, qint64 value)
{
    key(k);
    char digits[24];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
    put(digits, written.ptr - digits);
    return *this;
}

JsonLine &JsonLine::add(std::string_view k, double value)
{
    key(k);
    // Fixed notation with three decimals, like QByteArray::number(value, 'f', 3), written in
    // place; a value too large for the buffer (never a latency) falls back to Qt.
    char digits[48];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), value, std::chars_format::fixed, 3);
    if (written.ec == std::errc())
        put(digits, written.ptr - digits);
    else
        put(QByteArray::number(value, 'f', 3).toStdString());
    return *this;
}

JsonLine &JsonLine::add(std::string_view k, bool value)
{
    key(k);
    put(value ? std::string_view("true") : std::string_view("false"));
    return *this;
}

JsonLine &JsonLine::addTime(std::string_view k, qint64 epochMicros)
{
    key(k);
    put('"');
    appendIsoTime(epochMicros);
    put('"');
    return *this;
}

QByteArray JsonLine::isoTime(qint64 epochMicros)
{
    JsonLine line;
    line.m_used = 0; // without the '{'
    line.appendIsoTime(epochMicros);
    return line.m_text.left(line.m_used);
}

void JsonLine::appendIsoTime(qint64 epochMicros)
{
    // The date and time up to the second change once a second: formatted once per thread and
    // second, only the milliseconds are written per call.
    thread_local qint64 cachedSecond = -1;
    thread_local char cached[32];
    const qint64 second = epochMicros >= 0 ? epochMicros / 1000000 : (epochMicros - 999999) / 1000000;
    if (second != cachedSecond) {
        const time_t seconds = static_cast<time_t>(second);
        std::tm tm {};
        gmtime_r(&seconds, &tm);
        char buffer[96]; // room for any int the compiler can imagine in each field
        const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
            tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        if (n <= 0 || n >= int(sizeof cached)) {
            put(std::string_view(buffer));
            return;
        }
        std::memcpy(cached, buffer, size_t(n) + 1);
        cachedSecond = second;
    }
    const int millis = static_cast<int>((epochMicros - second * 1000000) / 1000);
    const char tail[] = { '.', char('0' + millis / 100), char('0' + millis / 10 % 10), char('0' + millis % 10), 'Z' };
    put(std::string_view(cached));
    put(tail, sizeof tail);
}

} // namespace Gatehouse::Runtime
