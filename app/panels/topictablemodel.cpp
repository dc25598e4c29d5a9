#include "topictablemodel.h"

#include "document/document.h"

#include <QRegularExpression>

namespace Gatehouse {

TopicTableModel::TopicTableModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
}

void TopicTableModel::setEdge(const QString &edgeId)
{
    beginResetModel();
    m_edgeId = edgeId;
    m_topics = currentTopics();
    endResetModel();
}

void TopicTableModel::reload()
{
    const QList<Topic> topics = currentTopics();
    if (topics.size() != m_topics.size()) {
        beginResetModel();
        m_topics = topics;
        endResetModel();
        return;
    }
    m_topics = topics;
    if (!m_topics.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_topics.size()) - 1, ColumnCount - 1));
}

QList<Topic> TopicTableModel::currentTopics() const
{
    const Edge *edge = m_document && !m_edgeId.isEmpty() ? m_document->edge(m_edgeId) : nullptr;
    return edge ? edge->topics : QList<Topic>();
}

std::optional<QString> TopicTableModel::applyText(Topic &topic, int column, const QString &input)
{
    const QString text = input.trimmed();
    switch (column) {
    case Name: {
        // Kafka's own rule for topic names.
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,249}$"));
        if (!valid.match(text).hasMatch())
            return tr("A topic name uses letters, digits, “.”, “_” and “-” only, e.g. order.created.");
        topic.name = text;
        return std::nullopt;
    }
    case Partitions: {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < 1 || value > 1000)
            return tr("Partitions is a whole number from 1 to 1000.");
        topic.partitions = value;
        return std::nullopt;
    }
    case Key: {
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.]*$"));
        if (!valid.match(text).hasMatch())
            return tr("The key names a payload field (letters, digits, “_” and “.”), or is empty.");
        topic.key = text;
        return std::nullopt;
    }
    default:
        return tr("This column cannot be edited.");
    }
}

int TopicTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_topics.size());
}

int TopicTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_topics.size() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const Topic &topic = m_topics.at(index.row());
    switch (index.column()) {
    case Name:
        return topic.name;
    case Partitions:
        return QString::number(topic.partitions);
    case Key:
        return topic.key;
    default:
        return {};
    }
}

bool TopicTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_topics.size() || !m_document)
        return false;
    const Topic old = m_topics.at(index.row());
    Topic topic = old;
    if (const auto error = applyText(topic, index.column(), value.toString())) {
        Q_EMIT rejected(*error);
        return false;
    }
    for (int i = 0; i < m_topics.size(); ++i) {
        if (i != index.row() && m_topics.at(i).name == topic.name) {
            Q_EMIT rejected(tr("This edge already carries the topic %1.").arg(topic.name));
            return false;
        }
    }
    if (topic == old)
        return true;
    const int row = index.row();
    const QString text = index.column() == Name ? tr("Rename topic %1 to %2").arg(old.name, topic.name)
                                                : tr("Edit topic %1").arg(topic.name);
    m_document->editEdges(
        { m_edgeId },
        [&](Edge &edge) {
            if (row < edge.topics.size())
                edge.topics[row] = topic;
        },
        text);
    m_topics = currentTopics();
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    return true;
}

QVariant TopicTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Topic");
    case Partitions:
        return tr("Partitions");
    case Key:
        return tr("Key");
    default:
        return {};
    }
}

Qt::ItemFlags TopicTableModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

int TopicTableModel::addTopic()
{
    if (!m_document || !m_document->edge(m_edgeId))
        return -1;
    Topic topic;
    topic.name = QStringLiteral("new.topic");
    for (int n = 2;
         std::any_of(m_topics.cbegin(), m_topics.cend(), [&](const Topic &t) { return t.name == topic.name; }); ++n)
        topic.name = QStringLiteral("new.topic%1").arg(n);
    m_document->editEdges(
        { m_edgeId }, [&](Edge &edge) { edge.topics.append(topic); }, tr("Add topic %1").arg(topic.name));
    reload();
    return int(m_topics.size()) - 1;
}

void TopicTableModel::removeTopic(int row)
{
    if (!m_document || row < 0 || row >= m_topics.size())
        return;
    const QString name = m_topics.at(row).name;
    m_document->editEdges(
        { m_edgeId },
        [&](Edge &edge) {
            if (row < edge.topics.size())
                edge.topics.removeAt(row);
        },
        tr("Remove topic %1").arg(name));
    reload();
}

} // namespace Gatehouse
