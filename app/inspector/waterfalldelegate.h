#pragma once

#include "model/telemetry.h"

#include <QStyledItemDelegate>

namespace Gatehouse {

// Paints the Trace dock's waterfall: the span column indented by depth, and in the timeline
// column one bar per span on the trace's common time axis (TraceModel::BarRole), coloured by
// kind (HTTP blue, SQL green, cache red, Kafka violet, other grey); a failed span gets a red
// outline, a timeout a dashed one.
class WaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WaterfallDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor colorOf(SpanKind kind);
    static constexpr int indentPerLevel = 14;
};

} // namespace Gatehouse
