#include "logmodel.h"

#include "jsonvaluetext.h"

#include <QColor>
#include <QDateTime>

namespace Gatehouse {

LogLine::Level LogLine::levelFromString(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("debug") || t == QLatin1String("trace"))
        return Level::Debug;
    if (t == QLatin1String("warning") || t == QLatin1String("warn"))
        return Level::Warning;
    if (t == QLatin1String("error") || t == QLatin1String("critical") || t == QLatin1String("fatal"))
        return Level::Error;
    return Level::Info;
}

LogLine LogLine::fromJson(const QJsonObject &o)
{
    LogLine line;
    const double time = o.value(QLatin1String("timeMs")).toDouble(0);
    line.timeMs = time > 0 && time < 1e15 ? qint64(time) : QDateTime::currentMSecsSinceEpoch();
    line.nodeId = o.value(QLatin1String("nodeId")).toString();
    line.stream = o.value(QLatin1String("stream")).toString();
    line.level = levelFromString(o.value(QLatin1String("level")).toString());
    line.message = o.value(QLatin1String("message")).toString();
    line.fields = o.value(QLatin1String("fields")).toObject();
    if (line.message.isEmpty() && !line.fields.isEmpty()) {
        // A structured line without a message (the gateway's access log): the request first
        // ("POST /orders → 201"), then the other fields as key=value.
        QStringList parts;
        QJsonObject rest = line.fields;
        const QString method = rest.value(QLatin1String("method")).toString();
        const QString path = rest.value(QLatin1String("path")).toString();
        if (!method.isEmpty() && !path.isEmpty()) {
            QString request = method + QLatin1Char(' ') + path;
            if (rest.value(QLatin1String("status")).isDouble())
                request += QStringLiteral(" → %1").arg(rest.value(QLatin1String("status")).toInt());
            parts << request;
            for (const char *key : { "method", "path", "status" })
                rest.remove(QLatin1String(key));
        }
        for (auto it = rest.constBegin(); it != rest.constEnd(); ++it) {
            parts << QStringLiteral("%1=%2").arg(it.key(), jsonValueText(it.value()));
        }
        line.message = parts.join(QLatin1Char(' '));
    }
    return line;
}

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(150);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LogModel::flush);
}

void LogModel::append(const QJsonObject &json)
{
    LogLine line = LogLine::fromJson(json);
    if (!line.nodeId.isEmpty() && !m_nodes.contains(line.nodeId)) {
        m_nodes.insert(line.nodeId);
        Q_EMIT nodeSeen(line.nodeId);
    }
    m_pending.push_back(std::move(line));
    if (int(m_pending.size()) > m_capacity)
        m_pending.pop_front();
    if (!m_timer.isActive())
        m_timer.start();
}

void LogModel::flush()
{
    m_timer.stop();
    if (!m_pending.empty()) {
        const int first = int(m_lines.size());
        beginInsertRows({}, first, first + int(m_pending.size()) - 1);
        for (LogLine &line : m_pending)
            m_lines.push_back(std::move(line));
        m_pending.clear();
        endInsertRows();
    }
    const int excess = int(m_lines.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        endRemoveRows();
    }
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_pending.clear();
    m_nodes.clear();
    endResetModel();
}

void LogModel::setCapacity(int lines)
{
    m_capacity = std::max(1, lines);
    flush();
}

QStringList LogModel::nodeIds() const
{
    QStringList ids(m_nodes.cbegin(), m_nodes.cend());
    ids.sort();
    return ids;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(LogLine::Level level)
{
    switch (level) {
    case LogLine::Level::Debug:
        return tr("debug");
    case LogLine::Level::Info:
        return tr("info");
    case LogLine::Level::Warning:
        return tr("warning");
    case LogLine::Level::Error:
        return tr("error");
    }
    return {};
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LogLine &l = m_lines.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case NodeColumn:
            return l.nodeId;
        case LevelColumn:
            return levelName(l.level);
        case MessageColumn:
            return l.message;
        }
        break;
    case Qt::ForegroundRole:
        if (l.level == LogLine::Level::Error)
            return QColor(0xc6, 0x28, 0x28);
        if (l.level == LogLine::Level::Warning)
            return QColor(0xb2, 0x6a, 0x00);
        if (l.level == LogLine::Level::Debug)
            return QColor(0x80, 0x80, 0x80);
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return l.message;
        break;
    case LevelRole:
        return int(l.level);
    case NodeRole:
        return l.nodeId;
    case SearchTextRole:
        return l.message + QLatin1Char('\n') + l.nodeId;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NodeColumn:
        return tr("Node");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Gatehouse
