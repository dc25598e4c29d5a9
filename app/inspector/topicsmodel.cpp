#include "topicsmodel.h"

#include <QColor>

namespace Gatehouse {

TopicsModel::TopicsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TopicsModel::setSnapshot(const TopicsSnapshot &snapshot)
{
    bool sameTopics = snapshot.topics.size() == m_snapshot.topics.size();
    for (qsizetype i = 0; sameTopics && i < snapshot.topics.size(); ++i)
        sameTopics = snapshot.topics.at(i).name == m_snapshot.topics.at(i).name;
    if (!sameTopics) {
        beginResetModel();
        m_snapshot = snapshot;
        endResetModel();
        return;
    }
    m_snapshot = snapshot;
    if (!m_snapshot.topics.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const TopicsSnapshot::Topic *TopicsModel::topic(const QString &name) const
{
    for (const TopicsSnapshot::Topic &t : m_snapshot.topics) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

int TopicsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.topics.size());
}

int TopicsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TopicsModel::offsetsText(const TopicsSnapshot::Topic &topic)
{
    QStringList parts;
    for (const TopicsSnapshot::PartitionOffsets &o : topic.offsets)
        parts << QStringLiteral("p%1: %2").arg(o.partition).arg(o.high);
    return parts.join(QStringLiteral(" · "));
}

QString TopicsModel::lagText(const TopicsSnapshot::Topic &topic)
{
    QStringList parts;
    for (const TopicsSnapshot::Group &g : topic.groups)
        parts << QStringLiteral("%1: %2").arg(g.group).arg(g.lag);
    return parts.join(QStringLiteral(" · "));
}

QVariant TopicsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TopicsSnapshot::Topic &t = m_snapshot.topics.at(index.row());
    qint64 totalLag = 0;
    for (const TopicsSnapshot::Group &g : t.groups)
        totalLag += g.lag;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case PartitionsColumn:
            return t.partitions;
        case MessagesColumn:
            return t.messages;
        case OffsetsColumn:
            return offsetsText(t);
        case RateColumn:
            return tr("%1/s").arg(t.rate, 0, 'f', 1);
        case LagColumn:
            return t.groups.isEmpty() ? tr("no consumer group") : lagText(t);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == LagColumn && !t.groups.isEmpty()) {
            QStringList lines;
            for (const TopicsSnapshot::Group &g : t.groups) {
                QStringList partitions;
                for (const TopicsSnapshot::GroupOffset &o : g.offsets)
                    partitions << tr("p%1 committed %2, lag %3").arg(o.partition).arg(o.committed).arg(o.lag);
                lines << QStringLiteral("%1: %2").arg(g.group, partitions.join(QStringLiteral("; ")));
            }
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == LagColumn && totalLag > 0)
            return QColor(0xb2, 0x6a, 0x00);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PartitionsColumn || index.column() == MessagesColumn || index.column() == RateColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case TotalLagRole:
        return totalLag;
    }
    return {};
}

QVariant TopicsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Topic");
    case PartitionsColumn:
        return tr("Partitions");
    case MessagesColumn:
        return tr("Messages");
    case OffsetsColumn:
        return tr("High offsets");
    case RateColumn:
        return tr("Rate");
    case LagColumn:
        return tr("Consumer lag");
    }
    return {};
}

} // namespace Gatehouse
