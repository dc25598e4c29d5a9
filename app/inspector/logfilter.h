#pragma once

#include "logmodel.h"

#include <QSortFilterProxyModel>

namespace Gatehouse {

// Filters a LogModel by node (empty = all nodes merged), minimum level and text.
class LogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilter(QObject *parent = nullptr);

    void setNode(const QString &nodeId);
    void setMinimumLevel(LogLine::Level level);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_node;
    LogLine::Level m_level = LogLine::Level::Debug;
    QString m_text;
};

} // namespace Gatehouse
