#pragma once

#include "tracelayout.h"

#include <QAbstractTableModel>

namespace Gatehouse {

// The Trace dock's waterfall rows over a TraceLayout: span name (indented by depth in the
// delegate), node, duration and the timeline column, whose bar the WaterfallDelegate paints
// from BarRole. Tooltips list the span's kind, outcome, status and attributes.
class TraceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SpanColumn, NodeColumn, DurationColumn, TimelineColumn, ColumnCount };
    enum Role {
        DepthRole = Qt::UserRole + 1,
        BarRole, // QPointF(start fraction, length fraction) of the trace's time axis
        KindRole, // int(SpanKind)
        OutcomeRole, // int(SpanOutcome)
        SpanIdRole,
    };

    explicit TraceModel(QObject *parent = nullptr);

    void setLayout(const TraceLayout &layout);
    const TraceLayout &layout() const { return m_layout; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString tooltip(const Span &span);
    static QString durationText(qint64 us);

private:
    TraceLayout m_layout;
};

} // namespace Gatehouse
