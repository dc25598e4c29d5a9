#include "edgepainter.h"

#include "diagramstyle.h"

#include <QPainter>
#include <QtMath>

namespace Gatehouse {

QRectF EdgeGeometry::boundingRect() const
{
    QRectF r = path.boundingRect().adjusted(-10, -10, 10, 10);
    if (!labelRect.isEmpty())
        r = r.united(labelRect.adjusted(-2, -2, 2, 2));
    return r;
}

bool EdgePainter::hasFailurePath(const Edge &edge)
{
    if (edge.kind != EdgeKind::Sync)
        return false;
    if (edge.timeoutMs > 0 && edge.fallback.isSet())
        return true;
    for (const Route &r : edge.routes) {
        if (r.fallback.isSet())
            return true;
    }
    return edge.fallback.isSet();
}

void EdgePainter::paint(QPainter &p, const Edge &edge, const EdgeGeometry &g, const Context &ctx)
{
    if (!g.visible || g.path.size() < 2)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);

    if (ctx.selected) {
        QPen halo(DiagramStyle::selectionColor(), 6);
        halo.setColor(QColor(0x25, 0x63, 0xeb, 90));
        halo.setJoinStyle(Qt::RoundJoin);
        p.setPen(halo);
        p.drawPolyline(g.path);
    }
    if ((ctx.filters & ViewFilter::FailurePaths) && hasFailurePath(edge)) {
        QPen halo(QColor(0xe0, 0x6c, 0x00, 70), 7);
        halo.setJoinStyle(Qt::RoundJoin);
        p.setPen(halo);
        p.drawPolyline(g.path);
    }

    QPen pen = DiagramStyle::edgePen(edge.kind);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    // Stop the line at the arrowhead's base so the dash pattern does not poke through the tip.
    QPolygonF line = g.path;
    const QPointF tip = line.last();
    const QPointF prev = line[line.size() - 2];
    const QLineF last(prev, tip);
    const qreal arrowLen = edge.kind == EdgeKind::Owns || edge.kind == EdgeKind::UsesCache ? 7 : 9;
    if (last.length() > arrowLen)
        line.last() = last.pointAt(1.0 - arrowLen / last.length());
    if (ctx.clip.isNull() || pen.style() == Qt::SolidLine) {
        p.drawPolyline(line);
    } else {
        // Stroke segment by segment, each clipped to the visible area, with the dash offset
        // it would have had as part of the whole line.
        const QRectF clip = ctx.clip.adjusted(-4, -4, 4, 4);
        qreal travelled = 0;
        for (int i = 1; i < line.size(); ++i) {
            const QLineF seg(line[i - 1], line[i]);
            const qreal len = seg.length();
            const QRectF bounds = QRectF(seg.p1(), seg.p2()).normalized().adjusted(-1, -1, 1, 1);
            if (len > 0 && bounds.intersects(clip)) {
                // Axis-aligned segments: clip by projecting the clip rect on the segment.
                qreal t0 = 0, t1 = 1;
                if (std::abs(seg.dx()) > std::abs(seg.dy())) {
                    const qreal a = (clip.left() - seg.x1()) / seg.dx(), b = (clip.right() - seg.x1()) / seg.dx();
                    t0 = std::max<qreal>(0, std::min(a, b));
                    t1 = std::min<qreal>(1, std::max(a, b));
                } else {
                    const qreal a = (clip.top() - seg.y1()) / seg.dy(), b = (clip.bottom() - seg.y1()) / seg.dy();
                    t0 = std::max<qreal>(0, std::min(a, b));
                    t1 = std::min<qreal>(1, std::max(a, b));
                }
                if (t1 > t0) {
                    QPen part = pen;
                    part.setDashOffset((travelled + t0 * len) / pen.widthF());
                    p.setPen(part);
                    p.drawLine(seg.pointAt(t0), seg.pointAt(t1));
                }
            }
            travelled += len;
        }
        p.setPen(pen);
    }

    // Arrowhead.
    const qreal angle = std::atan2(tip.y() - prev.y(), tip.x() - prev.x());
    const qreal spread = 0.42;
    QPolygonF head;
    head << tip << tip - QPointF(std::cos(angle - spread) * arrowLen, std::sin(angle - spread) * arrowLen)
         << tip - QPointF(std::cos(angle + spread) * arrowLen, std::sin(angle + spread) * arrowLen);
    p.setPen(Qt::NoPen);
    p.setBrush(pen.color());
    if (edge.kind == EdgeKind::Owns) {
        // Ownership: a filled dot at the owner's end and an open head at the database.
        p.drawEllipse(g.path.first(), 3.0, 3.0);
        p.setPen(QPen(pen.color(), 1.2));
        p.setBrush(Qt::white);
    }
    p.drawPolygon(head);

    if (ctx.drawLabel && !g.labelRect.isEmpty())
        g.label.paint(p, g.labelRect);
    p.restore();
}

} // namespace Gatehouse
