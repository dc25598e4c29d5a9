#include "tracemodel.h"

#include "jsonvaluetext.h"

#include <QPointF>

namespace Gatehouse {

TraceModel::TraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TraceModel::setLayout(const TraceLayout &layout)
{
    beginResetModel();
    m_layout = layout;
    endResetModel();
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layout.rows().size());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraceModel::durationText(qint64 us)
{
    if (us < 1000)
        return tr("%1 µs").arg(us);
    if (us < 10'000'000)
        return tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', 1);
    return tr("%1 s").arg(double(us) / 1e6, 0, 'f', 2);
}

QString TraceModel::tooltip(const Span &span)
{
    QStringList lines;
    lines << span.name.toHtmlEscaped();
    lines << tr("Kind: %1").arg(nameOf(span.kind));
    lines << tr("Outcome: %1").arg(nameOf(span.outcome));
    if (span.httpStatus > 0)
        lines << tr("HTTP status: %1").arg(span.httpStatus);
    lines << tr("Node: %1").arg(span.nodeId.toHtmlEscaped());
    if (!span.edgeId.isEmpty())
        lines << tr("Connection: %1").arg(span.edgeId.toHtmlEscaped());
    lines << tr("Duration: %1").arg(durationText(span.durationUs));
    lines << tr("Span: %1").arg(span.spanId);
    for (auto it = span.attributes.constBegin(); it != span.attributes.constEnd(); ++it) {
        lines << QStringLiteral("%1: %2").arg(it.key().toHtmlEscaped(), jsonValueText(it.value()).toHtmlEscaped());
    }
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(lines.join(QStringLiteral("<br>")));
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TraceLayout::Row &row = m_layout.rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SpanColumn:
            return row.span.name;
        case NodeColumn:
            return row.span.nodeId;
        case DurationColumn:
            return durationText(row.span.durationUs);
        case TimelineColumn:
            return {};
        }
        break;
    case Qt::ToolTipRole:
        return tooltip(row.span);
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case DepthRole:
        return row.depth;
    case BarRole: {
        const double total = double(std::max<qint64>(1, m_layout.durationUs()));
        return QPointF(double(row.offsetUs) / total, double(std::max<qint64>(0, row.span.durationUs)) / total);
    }
    case KindRole:
        return int(row.span.kind);
    case OutcomeRole:
        return int(row.span.outcome);
    case SpanIdRole:
        return row.span.spanId;
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SpanColumn:
        return tr("Span");
    case NodeColumn:
        return tr("Node");
    case DurationColumn:
        return tr("Duration");
    case TimelineColumn:
        return tr("Timeline");
    }
    return {};
}

} // namespace Gatehouse
