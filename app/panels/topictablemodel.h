#pragma once

#include "model/topic.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <optional>

namespace Gatehouse {

class Document;

// The topics of one publish or subscribe edge as an editable table (name, partitions, key).
// Every accepted edit is one undo step ("Rename topic …", "Add topic …"); invalid input is
// refused and reported through rejected(message).
class TopicTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Partitions, Key, ColumnCount };

    explicit TopicTableModel(Document *document, QObject *parent = nullptr);

    void setEdge(const QString &edgeId);
    QString edgeId() const { return m_edgeId; }
    void reload();

    int addTopic();
    void removeTopic(int row);

    // Applies `text` to `column`; returns the error sentence if the text is not valid.
    static std::optional<QString> applyText(Topic &topic, int column, const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void rejected(const QString &message);

private:
    QList<Topic> currentTopics() const;

    QPointer<Document> m_document;
    QString m_edgeId;
    QList<Topic> m_topics;
};

} // namespace Gatehouse
