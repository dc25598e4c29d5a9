#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Gatehouse {

class LogFilter;
class LogModel;

// The Logs dock: every node's lines merged, or one node's; a minimum level, a text filter and
// "Follow" (keep the newest line in view).
class LogsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LogsPanel(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QComboBox *nodeCombo() const { return m_node; }
    QComboBox *levelCombo() const { return m_level; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *followBox() const { return m_follow; }

    void setMessage(const QString &text);
    void clear(); // lines and the node list

private:
    void addNode(const QString &nodeId);

    LogModel *m_model = nullptr;
    LogFilter *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_node = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_follow = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Gatehouse
