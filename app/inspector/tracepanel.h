#pragma once

#include "model/telemetry.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTreeWidget;

namespace Gatehouse {

class TraceModel;

// The Trace dock: the waterfall of one trace (gateway, services, SQL, cache and Kafka spans on
// one time axis) and below it the events the request caused (each produced Kafka event with
// its consumers). setTrace() replaces the trace; addSpans() adds late spans of the same trace
// (async consumers finish after the request did), ignoring other traces.
class TracePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TracePanel(QWidget *parent = nullptr);

    void setTrace(const QString &traceId, const QList<Gatehouse::Span> &spans);
    void addSpans(const QList<Gatehouse::Span> &spans); // returns quietly when none belongs to it
    void clear();
    void setMessage(const QString &text); // shown above the waterfall ("not running", errors)

    QString traceId() const { return m_traceId; }
    QList<Span> spans() const { return m_spans; }
    TraceModel *model() const { return m_model; }
    QTableView *waterfall() const { return m_view; }
    QTreeWidget *eventsView() const { return m_events; }
    QString summaryText() const;

private:
    void rebuild();

    QString m_traceId;
    QList<Span> m_spans;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    TraceModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QTreeWidget *m_events = nullptr;
};

} // namespace Gatehouse
