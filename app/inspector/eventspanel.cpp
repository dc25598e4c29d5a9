#include "eventspanel.h"

#include "topicmessagesmodel.h"
#include "topicsmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {
void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
}
} // namespace

EventsPanel::EventsPanel(QWidget *parent)
    : QWidget(parent)
    , m_topics(new TopicsModel(this))
    , m_messages(new TopicMessagesModel(this))
    , m_message(new QLabel(this))
    , m_topicsView(new QTableView(this))
    , m_messagesView(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
{
    m_message->setObjectName(QStringLiteral("eventsMessage"));
    m_message->setWordWrap(true);
    m_topicsView->setObjectName(QStringLiteral("eventsTopics"));
    m_messagesView->setObjectName(QStringLiteral("eventsMessages"));
    m_detail->setObjectName(QStringLiteral("eventsDetail"));
    m_topicsView->setModel(m_topics);
    m_messagesView->setModel(m_messages);
    setUpTable(m_topicsView);
    setUpTable(m_messagesView);
    m_topicsView->setColumnWidth(TopicsModel::NameColumn, 150);
    m_topicsView->setColumnWidth(TopicsModel::OffsetsColumn, 170);
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a message to see its headers and payload."));

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_messagesView);
    lower->addWidget(m_detail);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_topicsView);
    splitter->addWidget(lower);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_topicsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            showTopic(current.isValid() ? m_topics->index(current.row(), 0).data().toString() : QString());
        });
    connect(m_messagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid()) {
                const TopicsSnapshot::Message &m = m_messages->message(current.row());
                m_selectedPartition = m.partition;
                m_selectedOffset = m.offset;
            }
            showMessage();
        });
    clear();
}

void EventsPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void EventsPanel::clear()
{
    m_topics->setSnapshot({});
    m_selectedTopic.clear();
    m_selectedPartition = -1;
    m_selectedOffset = -1;
    m_messages->setMessages({});
    m_detail->clear();
}

QString EventsPanel::detailText() const
{
    return m_detail->toPlainText();
}

void EventsPanel::onTopics(const QJsonObject &message)
{
    m_topics->setSnapshot(TopicsSnapshot::fromJson(message));
    const QString wanted = m_selectedTopic;
    if (wanted.isEmpty() && m_topics->rowCount() > 0) {
        selectTopic(m_topics->index(0, 0).data().toString());
        return;
    }
    // A reset loses the view's current row: put it back, then refresh the messages.
    for (int row = 0; row < m_topics->rowCount(); ++row) {
        if (m_topics->index(row, 0).data().toString() == wanted) {
            if (m_topicsView->currentIndex().row() != row)
                m_topicsView->setCurrentIndex(m_topics->index(row, 0));
            break;
        }
    }
    showTopic(wanted);
}

void EventsPanel::selectTopic(const QString &name)
{
    for (int row = 0; row < m_topics->rowCount(); ++row) {
        if (m_topics->index(row, 0).data().toString() == name) {
            m_topicsView->setCurrentIndex(m_topics->index(row, 0));
            showTopic(name);
            return;
        }
    }
}

void EventsPanel::showTopic(const QString &name)
{
    if (name != m_selectedTopic) {
        m_selectedPartition = -1;
        m_selectedOffset = -1;
    }
    m_selectedTopic = name;
    const TopicsSnapshot::Topic *topic = m_topics->topic(name);
    const int partition = m_selectedPartition;
    const qint64 offset = m_selectedOffset;
    m_messages->setMessages(topic ? topic->recent : QList<TopicsSnapshot::Message> {});
    const int row = m_messages->rowOf(partition, offset);
    if (row >= 0) {
        const QSignalBlocker blocker(m_messagesView->selectionModel());
        m_messagesView->setCurrentIndex(m_messages->index(row, 0));
        m_messagesView->selectRow(row);
    }
    m_selectedPartition = partition;
    m_selectedOffset = offset;
    showMessage();
}

void EventsPanel::showMessage()
{
    const int row = m_messages->rowOf(m_selectedPartition, m_selectedOffset);
    const QString text = row >= 0 ? TopicMessagesModel::detailText(m_messages->message(row)) : QString();
    if (m_detail->toPlainText() != text)
        m_detail->setPlainText(text);
}

} // namespace Gatehouse
