#include "statusprinter.h"

#include "runtimeclient/protocol.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Gatehouse::Runtime {

namespace {

QString lineOf(const NodeStatus &s)
{
    QString line = QStringLiteral("%1 %2 %3").arg(s.nodeId.leftJustified(16), nameOf(s.state).leftJustified(9),
                                                 s.port > 0 ? QStringLiteral(":%1").arg(s.port).leftJustified(7) : QStringLiteral("-").leftJustified(7));
    line += s.pid > 0 ? QStringLiteral(" pid %1").arg(s.pid).leftJustified(11) : QStringLiteral(" -").leftJustified(11);
    if (s.restarts > 0)
        line += QStringLiteral(" restarts %1").arg(s.restarts);
    if (!s.message.isEmpty())
        line += QStringLiteral("  %1").arg(s.message);
    return line;
}

} // namespace

StatusPrinter::StatusPrinter(QTextStream &out, Mode mode, bool logs, bool terminal)
    : m_out(out)
    , m_mode(mode)
    , m_logs(logs)
    , m_terminal(terminal)
{
}

void StatusPrinter::status(const NodeStatus &status, const QList<NodeStatus> &all)
{
    switch (m_mode) {
    case Mode::Json:
        m_out << Protocol::encode(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Status)},
                                              {QStringLiteral("node"), status.toJson()}});
        break;
    case Mode::Table:
        drawTable(all);
        break;
    case Mode::Lines:
        m_out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << ' ' << lineOf(status) << '\n';
        break;
    }
    m_out.flush();
}

void StatusPrinter::drawTable(const QList<NodeStatus> &all)
{
    if (m_terminal && m_tableLines > 0)
        m_out << "\x1b[" << m_tableLines << "F\x1b[J"; // back to the table's first line, clear below
    for (const NodeStatus &s : all)
        m_out << lineOf(s) << '\n';
    if (!m_terminal)
        m_out << '\n';
    m_tableLines = static_cast<int>(all.size());
}

void StatusPrinter::log(const QJsonObject &line)
{
    if (m_mode == Mode::Json) {
        m_out << Protocol::encode(line);
        m_out.flush();
        return;
    }
    if (!m_logs)
        return;
    m_tableLines = 0; // a log line scrolls the table away; draw it afresh next time
    m_out << QDateTime::fromMSecsSinceEpoch(line.value(QStringLiteral("timeMs")).toInteger()).toString(QStringLiteral("HH:mm:ss"))
          << ' ' << line.value(QStringLiteral("nodeId")).toString() << ' ' << line.value(QStringLiteral("level")).toString()
          << ": " << line.value(QStringLiteral("message")).toString() << '\n';
    m_out.flush();
}

void StatusPrinter::metrics(const QJsonObject &metrics)
{
    if (m_mode != Mode::Json)
        return;
    m_out << Protocol::encode(metrics);
    m_out.flush();
}

void StatusPrinter::message(const QString &text)
{
    if (m_mode == Mode::Json) {
        m_out << Protocol::encode(QJsonObject{{QStringLiteral("type"), QStringLiteral("supervisor")}, {QStringLiteral("message"), text}});
    } else {
        m_tableLines = 0;
        m_out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << ' ' << text << '\n';
    }
    m_out.flush();
}

} // namespace Gatehouse::Runtime
