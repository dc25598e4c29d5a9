#include "logfilter.h"

namespace Gatehouse {

LogFilter::LogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LogFilter::setNode(const QString &nodeId)
{
    if (nodeId == m_node)
        return;
    m_node = nodeId;
    invalidateRowsFilter();
}

void LogFilter::setMinimumLevel(LogLine::Level level)
{
    if (level == m_level)
        return;
    m_level = level;
    invalidateRowsFilter();
}

void LogFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool LogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < int(m_level))
        return false;
    if (!m_node.isEmpty() && index.data(LogModel::NodeRole).toString() != m_node)
        return false;
    return m_text.isEmpty() || index.data(LogModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace Gatehouse
