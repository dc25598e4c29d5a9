#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Gatehouse {

class TrafficFilter;
class TrafficModel;

// The Traffic dock: the live request table with a text filter, a status-class filter, a pause
// toggle (the view freezes, skipped requests are counted) and "Copy as curl". Selecting a row
// asks for its trace (traceRequested); double-click or Enter also asks to show the Trace dock.
// While the newest row is visible the view follows new rows.
class TrafficPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficPanel(QWidget *parent = nullptr);

    TrafficModel *model() const { return m_model; }
    TrafficFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *curlButton() const { return m_curl; }
    QString countsText() const;

    // The gateway's public listener, for "Copy as curl" (from the runtime's snapshot).
    void setGatewayAddress(const QString &host, int port);
    void setMessage(const QString &text);
    // The selected request's curl command ("" when none is selected); copyAsCurl() puts it on
    // the clipboard.
    QString curlForSelection() const;
    void copyAsCurl();
    QString selectedTraceId() const;
    void selectTrace(const QString &traceId); // selects its row when shown

Q_SIGNALS:
    void traceRequested(const QString &traceId);
    void traceActivated(const QString &traceId);

private:
    void updateCounts();

    TrafficModel *m_model = nullptr;
    TrafficFilter *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_curl = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_message = nullptr;
    QString m_gatewayHost = QStringLiteral("127.0.0.1");
    int m_gatewayPort = 0;
    bool m_follow = true;
};

} // namespace Gatehouse
