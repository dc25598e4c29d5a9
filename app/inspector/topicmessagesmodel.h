#pragma once

#include "topicssnapshot.h"

#include <QAbstractTableModel>

namespace Gatehouse {

// The recent messages of one topic, newest first: partition, offset, time, key, headers.
class TopicMessagesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PartitionColumn, OffsetColumn, TimeColumn, KeyColumn, HeadersColumn, ColumnCount };

    explicit TopicMessagesModel(QObject *parent = nullptr);

    void setMessages(const QList<TopicsSnapshot::Message> &newestLast);
    const TopicsSnapshot::Message &message(int row) const { return m_messages.at(row); }
    int rowOf(int partition, qint64 offset) const; // -1 when gone

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The detail pane's text: headers, then the payload pretty-printed (or as sent, when not JSON).
    static QString detailText(const TopicsSnapshot::Message &message);

private:
    QList<TopicsSnapshot::Message> m_messages; // newest first
};

} // namespace Gatehouse
