#include "jsonline.h"

#include <cstdio>
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
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"') {
            m_text += "\\\"";
        } else if (c == '\\') {
            m_text += "\\\\";
        } else if (u < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            m_text += escaped;
        } else {
            m_text += c;
        }
    }
    m_text += '"';
    return *this;
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
    const time_t seconds = static_cast<time_t>(epochMicros / 1000000);
    const int millis = static_cast<int>((epochMicros / 1000) % 1000);
    std::tm tm {};
    gmtime_r(&seconds, &tm);
    char buffer[96]; // room for any int the compiler can imagine in each field
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
        tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    return QByteArray(buffer);
}

} // namespace Gatehouse::Runtime
