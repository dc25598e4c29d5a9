#include "jsonline.h"

#include <cstdio>
#include <cstring>
#include <ctime>

namespace Gatehouse::Runtime {

void JsonLine::key(std::string_view key)
{
    if (!m_first)
        m_text += ',';
    m_first = false;
    m_text += '"';
    m_text.append(key.data(), static_cast<qsizetype>(key.size()));
    m_text += "\":";
}

JsonLine &JsonLine::add(std::string_view k, std::string_view value)
{
    key(k);
    m_text += '"';
    appendEscaped(value);
    m_text += '"';
    return *this;
}

void JsonLine::appendEscaped(std::string_view value)
{
    // Runs of characters that need no escaping are copied in one append.
    size_t start = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        const auto u = static_cast<unsigned char>(value[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        m_text.append(value.data() + start, static_cast<qsizetype>(i - start));
        start = i + 1;
        if (u == '"') {
            m_text += "\\\"";
        } else if (u == '\\') {
            m_text += "\\\\";
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            m_text += escaped;
        }
    }
    m_text.append(value.data() + start, static_cast<qsizetype>(value.size() - start));
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
    m_text += QByteArray::number(value);
    return *this;
}

JsonLine &JsonLine::add(std::string_view k, double value)
{
    key(k);
    m_text += QByteArray::number(value, 'f', 3);
    return *this;
}

JsonLine &JsonLine::add(std::string_view k, bool value)
{
    key(k);
    m_text += value ? "true" : "false";
    return *this;
}

QByteArray JsonLine::isoTime(qint64 epochMicros)
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
        if (n <= 0 || n >= int(sizeof cached))
            return QByteArray(buffer);
        std::memcpy(cached, buffer, size_t(n) + 1);
        cachedSecond = second;
    }
    const int millis = static_cast<int>((epochMicros - second * 1000000) / 1000);
    QByteArray out;
    out.reserve(32);
    out += cached;
    out += '.';
    out += char('0' + millis / 100);
    out += char('0' + millis / 10 % 10);
    out += char('0' + millis % 10);
    out += 'Z';
    return out;
}

} // namespace Gatehouse::Runtime
