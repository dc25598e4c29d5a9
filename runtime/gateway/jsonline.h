#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <string_view>

namespace Gatehouse::Runtime {

// Builds one compact JSON object directly as UTF-8 text, for lines written on every request
// (the access log): several times cheaper than filling a QJsonObject and serialising it.
// Keys are trusted literals; string values are escaped (quote, backslash, control bytes).
// The text is written with memcpy into a buffer sized once (QByteArray's own append is several
// times slower for the many small pieces of a line).
class JsonLine
{
public:
    JsonLine()
        : m_text(512, Qt::Uninitialized)
    {
        put('{');
    }

    JsonLine &add(std::string_view key, std::string_view value);
    JsonLine &add(std::string_view key, QStringView value);
    JsonLine &add(std::string_view key, const QString &value) { return add(key, QStringView(value)); }
    JsonLine &add(std::string_view key, const QByteArray &value)
    {
        return add(key, std::string_view(value.constData(), static_cast<size_t>(value.size())));
    }
    JsonLine &add(std::string_view key, const char *value) { return add(key, std::string_view(value)); }
    JsonLine &add(std::string_view key, qint64 value);
    JsonLine &add(std::string_view key, int value) { return add(key, static_cast<qint64>(value)); }
    JsonLine &add(std::string_view key, double value);
    JsonLine &add(std::string_view key, bool value);

    // A time as "2026-11-29T12:00:00.123Z" (UTC, milliseconds) for microseconds since the epoch.
    JsonLine &addTime(std::string_view key, qint64 epochMicros);

    // The object, closed, without a trailing newline.
    QByteArray text() const { return m_text.left(m_used) + '}'; }
    // The same, moving the text out instead of copying it (the line is spent).
    QByteArray take() &&
    {
        put('}');
        m_text.truncate(m_used);
        return std::move(m_text);
    }

    // "2026-11-29T12:00:00.123Z" for microseconds since the epoch.
    static QByteArray isoTime(qint64 epochMicros);

private:
    void key(std::string_view key);
    void appendEscaped(std::string_view value);
    void appendIsoTime(qint64 epochMicros);
    void put(const char *data, qsizetype size);
    void put(std::string_view text) { put(text.data(), static_cast<qsizetype>(text.size())); }
    void put(char c) { put(&c, 1); }
    QByteArray m_text; // m_used bytes of text, then spare room
    qsizetype m_used = 0;
    bool m_first = true;
};

} // namespace Gatehouse::Runtime
