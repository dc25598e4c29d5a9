#include "topicmessagesmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Gatehouse {

TopicMessagesModel::TopicMessagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TopicMessagesModel::setMessages(const QList<TopicsSnapshot::Message> &newestLast)
{
    beginResetModel();
    m_messages.clear();
    m_messages.reserve(newestLast.size());
    for (auto it = newestLast.crbegin(); it != newestLast.crend(); ++it)
        m_messages.append(*it);
    endResetModel();
}

int TopicMessagesModel::rowOf(int partition, qint64 offset) const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).partition == partition && m_messages.at(i).offset == offset)
            return int(i);
    }
    return -1;
}

int TopicMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int TopicMessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::DisplayRole)
        return {};
    const TopicsSnapshot::Message &m = m_messages.at(index.row());
    switch (index.column()) {
    case PartitionColumn:
        return m.partition;
    case OffsetColumn:
        return m.offset;
    case TimeColumn:
        return m.timeMs > 0 ? QDateTime::fromMSecsSinceEpoch(m.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"))
                            : QString();
    case KeyColumn:
        return m.key;
    case HeadersColumn: {
        QStringList parts;
        for (auto it = m.headers.constBegin(); it != m.headers.constEnd(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant TopicMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PartitionColumn:
        return tr("Partition");
    case OffsetColumn:
        return tr("Offset");
    case TimeColumn:
        return tr("Time");
    case KeyColumn:
        return tr("Key");
    case HeadersColumn:
        return tr("Headers");
    }
    return {};
}

QString TopicMessagesModel::detailText(const TopicsSnapshot::Message &m)
{
    QStringList lines;
    for (auto it = m.headers.constBegin(); it != m.headers.constEnd(); ++it)
        lines << QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
    if (!lines.isEmpty())
        lines << QString();
    if (m.payload.isObject())
        lines << QString::fromUtf8(QJsonDocument(m.payload.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    else if (m.payload.isArray())
        lines << QString::fromUtf8(QJsonDocument(m.payload.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    else if (!m.payload.isUndefined()) // a string, number, bool or null as JSON writes it
        lines << QString::fromUtf8(
            QJsonDocument(QJsonArray { m.payload }).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    else
        lines << m.payloadText;
    return lines.join(QLatin1Char('\n'));
}

} // namespace Gatehouse
