#include "legendpainter.h"

#include "diagramstyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace Gatehouse {

namespace {

struct Entry
{
    enum class Sample { Edge, Failure, Internal, Chip };
    Sample sample;
    EdgeKind kind;
    QString text;
};

QList<Entry> entries(const RenderOptions &o)
{
    QList<Entry> list;
    if (o.filters & ViewFilter::SyncCalls)
        list.append({ Entry::Sample::Edge, EdgeKind::Sync, QStringLiteral("sync call (HTTP)") });
    if (o.filters & ViewFilter::Events)
        list.append({ Entry::Sample::Edge, EdgeKind::Publish, QStringLiteral("event (Kafka publish / subscribe)") });
    if (o.filters & ViewFilter::DataOwnership) {
        list.append({ Entry::Sample::Edge, EdgeKind::Owns, QStringLiteral("owns database") });
        list.append({ Entry::Sample::Edge, EdgeKind::UsesCache, QStringLiteral("uses cache") });
    }
    if (o.filters & ViewFilter::FailurePaths)
        list.append({ Entry::Sample::Failure, EdgeKind::Sync, QStringLiteral("timeout / fallback path") });
    if (o.filters & ViewFilter::CrossCutting)
        list.append({ Entry::Sample::Chip, EdgeKind::Sync, QStringLiteral("auth / rate limit") });
    if (o.filters & ViewFilter::InternalRoutes)
        list.append({ Entry::Sample::Internal, EdgeKind::Sync, QStringLiteral("internal / admin route") });
    return list;
}

constexpr qreal SampleWidth = 34, Gap = 8, EntryGap = 22, Height = 26;

} // namespace

QSizeF LegendPainter::size(const RenderOptions &options)
{
    const QFontMetricsF fm(DiagramStyle::labelFont());
    qreal w = 12;
    for (const Entry &e : entries(options))
        w += SampleWidth + Gap + fm.horizontalAdvance(e.text) + EntryGap;
    return QSizeF(w, Height);
}

void LegendPainter::paint(QPainter &p, const QPointF &topLeft, const RenderOptions &options)
{
    const QList<Entry> list = entries(options);
    if (list.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont font = DiagramStyle::labelFont();
    const QFontMetricsF fm(font);
    const QRectF box(topLeft, size(options));
    p.setPen(QPen(QColor(0xd5, 0xdb, 0xe3), 1));
    p.setBrush(Qt::white);
    p.drawRoundedRect(box, 4, 4);
    qreal x = box.left() + 12;
    const qreal cy = box.center().y();
    p.setFont(font);
    for (const Entry &e : list) {
        const QLineF sample(x, cy, x + SampleWidth - 6, cy);
        switch (e.sample) {
        case Entry::Sample::Edge: {
            p.setPen(DiagramStyle::edgePen(e.kind));
            p.drawLine(sample);
            p.setPen(Qt::NoPen);
            p.setBrush(DiagramStyle::edgeColor(e.kind));
            p.drawPolygon(QPolygonF(
                { sample.p2() + QPointF(6, 0), sample.p2() + QPointF(-2, -4), sample.p2() + QPointF(-2, 4) }));
            break;
        }
        case Entry::Sample::Failure:
            p.setPen(QPen(QColor(0xe0, 0x6c, 0x00, 70), 7));
            p.drawLine(sample);
            p.setPen(DiagramStyle::edgePen(EdgeKind::Sync));
            p.drawLine(sample);
            break;
        case Entry::Sample::Chip:
        case Entry::Sample::Internal: {
            const QRectF chip(x, cy - 7, SampleWidth - 4, 14);
            p.setPen(Qt::NoPen);
            p.setBrush(e.sample == Entry::Sample::Chip ? QColor(0xfe, 0xf3, 0xc7) : QColor(0xe2, 0xe8, 0xf0));
            p.drawRoundedRect(chip, 3, 3);
            break;
        }
        }
        x += SampleWidth + Gap;
        p.setPen(QColor(0x33, 0x41, 0x55));
        const qreal w = fm.horizontalAdvance(e.text);
        p.drawText(QRectF(x, box.top(), w + 2, box.height()), Qt::AlignLeft | Qt::AlignVCenter, e.text);
        x += w + EntryGap;
    }
    p.restore();
}

} // namespace Gatehouse
