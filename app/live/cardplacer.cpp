#include "cardplacer.h"

#include "overlayitems.h"

#include <QString>
#include <algorithm>

namespace Gatehouse {

namespace {
constexpr qreal Gap = 4;        // between a card and the line or box it belongs to
constexpr qreal EndMargin = 18; // keep off arrowheads and the boxes an edge connects

// The segment of `route` at `fraction` of its length.
QLineF segmentAt(const QPolygonF &route, qreal fraction)
{
    qreal left = std::clamp(fraction, 0.0, 1.0) * routeLength(route);
    for (int i = 1; i < route.size(); ++i) {
        const QLineF segment(route[i - 1], route[i]);
        if (left <= segment.length())
            return segment;
        left -= segment.length();
    }
    return route.size() >= 2 ? QLineF(route[route.size() - 2], route.last()) : QLineF();
}
} // namespace

void CardPlacer::addSegments(const QString &edgeId, const QPolygonF &path)
{
    for (int i = 1; i < path.size(); ++i)
        m_segments.append(Segment {edgeId, QRectF(path[i - 1], path[i]).normalized().adjusted(-1, -1, 1, 1)});
}

bool CardPlacer::isFree(const QRectF &rect, bool avoidEdges, const QString &ownEdge) const
{
    for (const QRectF &r : m_hard) {
        if (r.intersects(rect))
            return false;
    }
    if (avoidEdges) {
        for (const Segment &s : m_segments) {
            if (s.edgeId != ownEdge && s.rect.intersects(rect))
                return false;
        }
    }
    return true;
}

QList<QRectF> CardPlacer::edgeCandidates(const QPolygonF &path, const QSizeF &size, int reach)
{
    QList<QRectF> result;
    if (path.size() < 2)
        return result;
    const qreal length = routeLength(path);
    // Middle first, then outwards; never within EndMargin of either end.
    static const qreal fractions[] = {0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85, 0.44, 0.56, 0.32, 0.68};
    for (int step = 0; step <= reach; ++step) {
        for (const qreal f : fractions) {
            if (length * f < EndMargin || length * (1 - f) < EndMargin)
                continue;
            const QPointF p = pointAlong(path, f);
            const QLineF segment = segmentAt(path, f);
            const bool vertical = std::abs(segment.dx()) < std::abs(segment.dy());
            if (vertical) {
                // Right of the line, then left, vertically centred on the point.
                const qreal out = Gap + step * size.width() / 2;
                result << QRectF(QPointF(p.x() + out, p.y() - size.height() / 2), size)
                       << QRectF(QPointF(p.x() - out - size.width(), p.y() - size.height() / 2), size);
            } else {
                // Above the line, then below, horizontally centred on the point.
                const qreal out = Gap + step * (size.height() + Gap);
                result << QRectF(QPointF(p.x() - size.width() / 2, p.y() - out - size.height()), size)
                       << QRectF(QPointF(p.x() - size.width() / 2, p.y() + out), size);
            }
        }
    }
    return result;
}

QList<QRectF> CardPlacer::nodeCandidates(const QRectF &nodeRect, const QSizeF &size)
{
    const qreal w = size.width();
    const qreal h = size.height();
    const QRectF &n = nodeRect;
    return {
        QRectF(QPointF(n.left(), n.bottom() + Gap), size),             // below, left-aligned
        QRectF(QPointF(n.right() - w, n.bottom() + Gap), size),        // below, right-aligned
        QRectF(QPointF(n.center().x() - w / 2, n.bottom() + Gap), size), // below, centred
        QRectF(QPointF(n.right() + Gap, n.bottom() - h), size),        // right, bottom-aligned
        QRectF(QPointF(n.right() + Gap, n.top()), size),               // right, top-aligned
        QRectF(QPointF(n.left() - Gap - w, n.bottom() - h), size),     // left, bottom-aligned
        QRectF(QPointF(n.left() - Gap - w, n.top()), size),            // left, top-aligned
        QRectF(QPointF(n.left(), n.top() - Gap - h), size),            // above, left-aligned
    };
}

std::optional<QRectF> CardPlacer::besideEdge(const QPolygonF &path, const QSizeF &size, const QString &edgeId,
                                             int reach) const
{
    const QList<QRectF> candidates = edgeCandidates(path, size, reach);
    for (const bool avoidEdges : {true, false}) {
        for (const QRectF &c : candidates) {
            if (isFree(c, avoidEdges, edgeId))
                return c;
        }
    }
    return std::nullopt;
}

std::optional<QRectF> CardPlacer::besideNode(const QRectF &nodeRect, const QSizeF &size) const
{
    const QList<QRectF> candidates = nodeCandidates(nodeRect, size);
    for (const bool avoidEdges : {true, false}) {
        for (const QRectF &c : candidates) {
            if (isFree(c, avoidEdges))
                return c;
        }
    }
    return std::nullopt;
}

} // namespace Gatehouse
