#pragma once

#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace Gatehouse {

class CircuitBreakerBox;
class Document;
class RouteDetails;
class RouteTableModel;
class TopicTableModel;

// Edits one edge: label; the route table and circuit breaker of a gateway → service sync edge;
// timeout, retries and
// fallback of a service → service call; topics and consumer group of publish/subscribe edges;
// the key prefix of a cache edge. Each committed field is one Document edit (one undo step).
// Invalid input is refused and explained in a message line under the tables.
class EdgeForm : public QWidget
{
    Q_OBJECT

public:
    explicit EdgeForm(Document *document, QWidget *parent = nullptr);

    void setEdge(const QString &edgeId);
    QString edgeId() const { return m_edgeId; }
    void reload();

    RouteTableModel *routeModel() const { return m_routeModel; }
    TopicTableModel *topicModel() const { return m_topicModel; }
    QTableView *routeView() const { return m_routeView; }
    RouteDetails *routeDetails() const { return m_routeDetails; }
    CircuitBreakerBox *circuitBreakerBox() const { return m_breakerBox; }
    QTableView *topicView() const { return m_topicView; }
    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *consumerGroupEdit() const { return m_consumerGroup; }
    QLineEdit *keyPrefixEdit() const { return m_keyPrefix; }
    QSpinBox *timeoutSpin() const { return m_timeout; }
    QSpinBox *retriesSpin() const { return m_retries; }
    QComboBox *fallbackCombo() const { return m_fallbackMode; }
    QLabel *messageLabel() const { return m_message; }

private:
    void showMessage(const QString &message);
    void commitLabel();
    void commitConsumerGroup();
    void commitKeyPrefix();
    void commitTimeout();
    void commitRetries();
    void commitFallback();
    QGroupBox *makeTableBox(const QString &title, QTableView *view, const QString &addText, const QString &removeText,
        const std::function<int()> &add, const std::function<void(int)> &remove, QWidget *details = nullptr);

    QPointer<Document> m_document;
    QString m_edgeId;
    QLabel *m_ends = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_label = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_retries = nullptr;
    QComboBox *m_fallbackMode = nullptr;
    QSpinBox *m_fallbackStatus = nullptr;
    QLineEdit *m_fallbackDescription = nullptr;
    QLineEdit *m_consumerGroup = nullptr;
    QLineEdit *m_keyPrefix = nullptr;
    RouteTableModel *m_routeModel = nullptr;
    TopicTableModel *m_topicModel = nullptr;
    QTableView *m_routeView = nullptr;
    RouteDetails *m_routeDetails = nullptr;
    QTableView *m_topicView = nullptr;
    QGroupBox *m_routeBox = nullptr;
    QGroupBox *m_topicBox = nullptr;
    CircuitBreakerBox *m_breakerBox = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Gatehouse
