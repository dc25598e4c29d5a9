#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace Gatehouse {

class TopicsModel;
class TopicMessagesModel;

// The Events dock: the Kafka topics of the running stack (partitions, high offsets, rate,
// consumer-group lag) from the runtime's `topics` messages, and the recent messages of the
// selected topic with their headers; the selected message's payload is pretty-printed in the
// detail pane. Selections survive the once-a-second updates.
class EventsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPanel(QWidget *parent = nullptr);

    void onTopics(const QJsonObject &message);
    void clear();
    void setMessage(const QString &text);

    TopicsModel *topicsModel() const { return m_topics; }
    TopicMessagesModel *messagesModel() const { return m_messages; }
    QTableView *topicsView() const { return m_topicsView; }
    QTableView *messagesView() const { return m_messagesView; }
    QString detailText() const;
    QString selectedTopic() const { return m_selectedTopic; }
    void selectTopic(const QString &name);

private:
    void showTopic(const QString &name);
    void showMessage();

    TopicsModel *m_topics = nullptr;
    TopicMessagesModel *m_messages = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_topicsView = nullptr;
    QTableView *m_messagesView = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QString m_selectedTopic;
    int m_selectedPartition = -1;
    qint64 m_selectedOffset = -1;
};

} // namespace Gatehouse
