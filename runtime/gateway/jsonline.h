#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <string_view>

namespace Gatehouse::Runtime {

// Builds one compact JSON object directly as UTF-8 text, for lines written on every request
// (the access log): several times cheaper than filling a QJsonObject and serialising it.
// Keys are trusted literals; string values are escaped (quote, backslash, control bytes).
class JsonLine
{
public:
    JsonLine()
    {
        m_text.reserve(512);
        m_text += '{';
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

    // The object, closed, without a trailing newline.
    QByteArray text() const { return m_text + '}'; }

    // "2026-11-29T12:00:00.123Z" for microseconds since the epoch.
    static QByteArray isoTime(qint64 epochMicros);

private:
    void key(std::string_view key);
    void appendEscaped(std::string_view value);
    QByteArray m_text;
    bool m_first = true;
};

} // namespace Gatehouse::Runtime
