#pragma once

#include "topicssnapshot.h"

#include <QAbstractTableModel>

namespace Gatehouse {

// The Events dock's topic table, replaced by every `topics` message: name, partitions,
// messages, high offset per partition, rate and the lag of each consumer group. When the
// topics are the same as before only the values change (dataChanged), so the selection stays.
class TopicsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PartitionsColumn, MessagesColumn, OffsetsColumn, RateColumn, LagColumn, ColumnCount };
    enum Role { TotalLagRole = Qt::UserRole + 1 };

    explicit TopicsModel(QObject *parent = nullptr);

    void setSnapshot(const TopicsSnapshot &snapshot);
    const TopicsSnapshot &snapshot() const { return m_snapshot; }
    const TopicsSnapshot::Topic *topic(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString offsetsText(const TopicsSnapshot::Topic &topic); // "p0: 40 · p1: 38"
    static QString lagText(const TopicsSnapshot::Topic &topic); // "notification: 3 · order: 0"

private:
    TopicsSnapshot m_snapshot;
};

} // namespace Gatehouse
