#include "edgerouter.h"

#include <QLineF>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Gatehouse {

namespace {

constexpr qreal Inset = 14; // keep anchors away from rounded corners

QRectF segmentRect(const QPointF &a, const QPointF &b)
{
    return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
        QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())))
        .adjusted(-1, -1, 1, 1);
}

qreal length(const QPolygonF &path)
{
    qreal total = 0;
    for (int i = 1; i < path.size(); ++i)
        total += QLineF(path[i - 1], path[i]).length();
    return total;
}

// Removes repeated points and collinear middle points.
QPolygonF simplify(const QPolygonF &in)
{
    QPolygonF out;
    for (const QPointF &p : in) {
        if (!out.isEmpty() && QLineF(out.last(), p).length() < 0.5)
            continue;
        if (out.size() >= 2) {
            const QPointF &a = out[out.size() - 2];
            const QPointF &b = out.last();
            const bool vertical = std::abs(a.x() - b.x()) < 0.5 && std::abs(b.x() - p.x()) < 0.5;
            const bool horizontal = std::abs(a.y() - b.y()) < 0.5 && std::abs(b.y() - p.y()) < 0.5;
            if (vertical || horizontal) {
                out.last() = p;
                continue;
            }
        }
        out << p;
    }
    return out;
}

// The point where a route leaving `r` towards `toward` starts, on the side facing it.
QPointF anchorToward(const QRectF &r, const QPointF &toward)
{
    const qreal minX = r.left() + std::min(Inset, r.width() / 2), maxX = r.right() - std::min(Inset, r.width() / 2);
    const qreal minY = r.top() + std::min(Inset, r.height() / 2), maxY = r.bottom() - std::min(Inset, r.height() / 2);
    if (toward.x() >= minX && toward.x() <= maxX)
        return QPointF(toward.x(), toward.y() < r.center().y() ? r.top() : r.bottom());
    if (toward.y() >= minY && toward.y() <= maxY)
        return QPointF(toward.x() < r.center().x() ? r.left() : r.right(), toward.y());
    // Diagonal: leave vertically from the centre line; the elbow goes to the waypoint.
    return QPointF(r.center().x(), toward.y() < r.center().y() ? r.top() : r.bottom());
}

} // namespace

int EdgeRouter::hits(const QPolygonF &path, const QString &sourceId, const QString &targetId) const
{
    int count = 0;
    for (int i = 1; i < path.size(); ++i) {
        const QRectF seg = segmentRect(path[i - 1], path[i]);
        for (const SpatialGrid::Hit &hit : m_obstacles.query(seg)) {
            if (*hit.key == sourceId || *hit.key == targetId)
                continue;
            if (hit.rect.adjusted(2, 2, -2, -2).intersects(seg))
                ++count;
        }
    }
    return count;
}

QPolygonF EdgeRouter::routeThrough(const QList<QPointF> &waypoints, const QRectF &source, const QRectF &target) const
{
    QPolygonF path;
    path << anchorToward(source, waypoints.first());
    auto appendOrthogonal = [&path](const QPointF &next) {
        const QPointF cur = path.last();
        if (std::abs(cur.x() - next.x()) > 0.5 && std::abs(cur.y() - next.y()) > 0.5) {
            // Continue the current direction first: fewer surprising bends.
            const bool lastVertical = path.size() >= 2 && std::abs(path[path.size() - 2].x() - cur.x()) < 0.5;
            path << (lastVertical || path.size() == 1 ? QPointF(cur.x(), next.y()) : QPointF(next.x(), cur.y()));
        }
        path << next;
    };
    for (const QPointF &wp : waypoints)
        appendOrthogonal(wp);
    const QPointF end = anchorToward(target, waypoints.last());
    // Enter the target straight: the elbow goes on the waypoint's side.
    const QPointF cur = path.last();
    if (std::abs(cur.x() - end.x()) > 0.5 && std::abs(cur.y() - end.y()) > 0.5) {
        const bool enterVertically = end.y() == target.top() || end.y() == target.bottom();
        path << (enterVertically ? QPointF(end.x(), cur.y()) : QPointF(cur.x(), end.y()));
    }
    path << end;
    return simplify(path);
}

QPolygonF EdgeRouter::route(const Edge &edge, const QRectF &s, const QRectF &t) const
{
    if (!edge.waypoints.isEmpty())
        return routeThrough(edge.waypoints, s, t);

    const QString &sid = edge.source, &tid = edge.target;
    // Straight runs when the rects overlap on one axis.
    const qreal ox0 = std::max(s.left(), t.left()) + Inset, ox1 = std::min(s.right(), t.right()) - Inset;
    const qreal oy0 = std::max(s.top(), t.top()) + Inset, oy1 = std::min(s.bottom(), t.bottom()) - Inset;
    QList<QPolygonF> candidates;
    if (ox0 <= ox1 && (t.top() >= s.bottom() || t.bottom() <= s.top())) {
        // Prefer the target's centre (edges into wide nodes stay straight), else the source's.
        qreal x = std::clamp(t.center().x(), ox0, ox1);
        if (std::abs(x - t.center().x()) > 0.5)
            x = std::clamp(s.center().x(), ox0, ox1);
        const bool down = t.top() >= s.bottom();
        candidates << QPolygonF({ QPointF(x, down ? s.bottom() : s.top()), QPointF(x, down ? t.top() : t.bottom()) });
    }
    if (oy0 <= oy1 && (t.left() >= s.right() || t.right() <= s.left())) {
        qreal y = std::clamp(t.center().y(), oy0, oy1);
        if (std::abs(y - t.center().y()) > 0.5)
            y = std::clamp(s.center().y(), oy0, oy1);
        const bool right = t.left() >= s.right();
        candidates << QPolygonF({ QPointF(right ? s.right() : s.left(), y), QPointF(right ? t.left() : t.right(), y) });
    }
    if (!candidates.isEmpty() && hits(candidates.first(), sid, tid) == 0)
        return candidates.first();

    const bool below = t.center().y() > s.center().y();
    const bool rightOf = t.center().x() > s.center().x();
    const QPointF sv(s.center().x(), below ? s.bottom() : s.top());
    const QPointF tv(t.center().x(), below ? t.top() : t.bottom());
    const QPointF sh(rightOf ? s.right() : s.left(), s.center().y());
    const QPointF th(rightOf ? t.left() : t.right(), t.center().y());

    // Z shapes with the middle run at several offsets from the gap's centre.
    const qreal gapY0 = below ? s.bottom() : t.bottom(), gapY1 = below ? t.top() : s.top();
    const qreal gapX0 = rightOf ? s.right() : t.right(), gapX1 = rightOf ? t.left() : s.left();
    for (qreal k : { 0.0, -1.0, 1.0, -2.0, 2.0, -3.0, 3.0 }) {
        const qreal midY = (gapY0 + gapY1) / 2 + k * 18;
        candidates << QPolygonF({ sv, QPointF(sv.x(), midY), QPointF(tv.x(), midY), tv });
        const qreal midX = (gapX0 + gapX1) / 2 + k * 18;
        candidates << QPolygonF({ sh, QPointF(midX, sh.y()), QPointF(midX, th.y()), th });
    }
    // L shapes.
    candidates << QPolygonF(
        { sv, QPointF(sv.x(), t.center().y()), QPointF(rightOf ? t.left() : t.right(), t.center().y()) });
    candidates << QPolygonF(
        { sh, QPointF(t.center().x(), sh.y()), QPointF(t.center().x(), below ? t.top() : t.bottom()) });
    // Detours around the row: out of the top/bottom, along a channel beyond both nodes.
    const qreal over = std::min(s.top(), t.top()) - 24, under = std::max(s.bottom(), t.bottom()) + 24;
    candidates << QPolygonF({ QPointF(s.center().x(), s.bottom()), QPointF(s.center().x(), under),
        QPointF(t.center().x(), under), QPointF(t.center().x(), t.bottom()) });
    candidates << QPolygonF({ QPointF(s.center().x(), s.top()), QPointF(s.center().x(), over),
        QPointF(t.center().x(), over), QPointF(t.center().x(), t.top()) });

    QPolygonF best;
    qreal bestScore = std::numeric_limits<qreal>::max();
    for (const QPolygonF &raw : std::as_const(candidates)) {
        const QPolygonF c = simplify(raw);
        // Reject shapes that double back through their own end nodes.
        bool backtracks = false;
        for (int i = 1; i + 1 < c.size(); ++i) {
            const QPointF &p = c[i];
            if (s.adjusted(1, 1, -1, -1).contains(p) || t.adjusted(1, 1, -1, -1).contains(p))
                backtracks = true;
        }
        if (backtracks)
            continue;
        const qreal score = hits(c, sid, tid) * 10000.0 + length(c) + (c.size() - 2) * 40.0;
        if (score < bestScore) {
            bestScore = score;
            best = c;
        }
    }
    if (best.isEmpty())
        best = QPolygonF({ s.center(), t.center() });
    return best;
}

} // namespace Gatehouse
