#include "clientlog.h"

#include "telemetry/telemetrysender.h"

#include <QDateTime>
#include <QJsonDocument>
#include <cstdio>

namespace Gatehouse::Runtime {

ClientLog::ClientLog(QString nodeId, TelemetrySender *telemetry)
    : m_nodeId(std::move(nodeId))
    , m_telemetry(telemetry)
{
}

void ClientLog::event(const QJsonObject &line)
{
    QJsonObject out = line;
    if (!out.contains(QStringLiteral("type")))
        out.insert(QStringLiteral("type"), QStringLiteral("event"));
    out.insert(QStringLiteral("nodeId"), m_nodeId);
    writeLine(out);
}

void ClientLog::log(const QString &level, const QString &message, const QJsonObject &fields)
{
    if (m_telemetry) {
        m_telemetry->log(level, message, fields);
        return;
    }
    QJsonObject out = fields;
    out.insert(QStringLiteral("type"), QStringLiteral("log"));
    out.insert(QStringLiteral("level"), level);
    out.insert(QStringLiteral("message"), message);
    out.insert(QStringLiteral("nodeId"), m_nodeId);
    writeLine(out);
}

void ClientLog::writeLine(const QJsonObject &line)
{
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(m_mutex);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fflush(stdout);
}

bool LogThrottle::occur(std::chrono::steady_clock::time_point now, quint64 *count)
{
    ++m_held;
    if (now < m_next)
        return false;
    *count = m_held;
    m_held = 0;
    m_next = now + m_interval;
    return true;
}

} // namespace Gatehouse::Runtime
