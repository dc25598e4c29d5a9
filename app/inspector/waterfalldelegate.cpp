#include "waterfalldelegate.h"

#include "tracemodel.h"

#include <QPainter>
#include <QPointF>

namespace Gatehouse {

WaterfallDelegate::WaterfallDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor WaterfallDelegate::colorOf(SpanKind kind)
{
    switch (kind) {
    case SpanKind::HttpServer:
        return QColor(0x1f, 0x5f, 0xa8);
    case SpanKind::HttpClient:
        return QColor(0x5b, 0x8f, 0xd0);
    case SpanKind::Sql:
        return QColor(0x2e, 0x8b, 0x57);
    case SpanKind::Cache:
        return QColor(0xc6, 0x3d, 0x3d);
    case SpanKind::KafkaProduce:
    case SpanKind::KafkaConsume:
        return QColor(0x7b, 0x4f, 0xb8);
    case SpanKind::Internal:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == TraceModel::SpanColumn) {
        QStyleOptionViewItem indented = option;
        indented.rect.adjust(index.data(TraceModel::DepthRole).toInt() * indentPerLevel, 0, 0, 0);
        // The selection background still spans the whole cell.
        if (option.state & QStyle::State_Selected)
            painter->fillRect(option.rect, option.palette.highlight());
        QStyledItemDelegate::paint(painter, indented, index);
        return;
    }
    if (index.column() != TraceModel::TimelineColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index); // background and selection
    const QPointF bar = index.data(TraceModel::BarRole).toPointF();
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    QRectF r(area.left() + bar.x() * area.width(), area.top(), std::max(2.0, bar.y() * area.width()), area.height());
    if (r.right() > area.right())
        r.moveRight(area.right());
    const auto kind = SpanKind(index.data(TraceModel::KindRole).toInt());
    const auto outcome = SpanOutcome(index.data(TraceModel::OutcomeRole).toInt());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(colorOf(kind));
    if (outcome == SpanOutcome::Ok) {
        painter->setPen(Qt::NoPen);
    } else {
        QPen pen(outcome == SpanOutcome::ClientError ? QColor(0xe0, 0x8a, 0x00) : QColor(0xd3, 0x2f, 0x2f), 2);
        if (outcome == SpanOutcome::Timeout)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
    }
    painter->drawRoundedRect(r, 2, 2);
    painter->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == TraceModel::SpanColumn)
        size.rwidth() += index.data(TraceModel::DepthRole).toInt() * indentPerLevel;
    if (index.column() == TraceModel::TimelineColumn)
        size.setWidth(std::max(size.width(), 240));
    return size;
}

} // namespace Gatehouse
