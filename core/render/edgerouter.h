#pragma once

#include "model/edge.h"
#include "spatialgrid.h"

#include <QPolygonF>
#include <QRectF>

namespace Gatehouse {

// Orthogonal routing between two node rects that avoids the other nodes' rects.
//  - With waypoints, the route goes through each of them in order (elbows inserted where two
//    consecutive points are not aligned) and leaves/enters the nodes on the side facing them.
//  - Without, it uses a straight run when the nodes overlap horizontally or vertically, else the
//    cheapest of several 2- and 3-segment candidates (obstacle hits first, then length, bends).
class EdgeRouter
{
public:
    explicit EdgeRouter(const SpatialGrid &obstacles)
        : m_obstacles(obstacles)
    {
    }

    QPolygonF route(const Edge &edge, const QRectF &source, const QRectF &target) const;
    // How many obstacle rects (other than the two ends) the polyline crosses.
    int hits(const QPolygonF &path, const QString &sourceId, const QString &targetId) const;

private:
    QPolygonF routeThrough(const QList<QPointF> &waypoints, const QRectF &source, const QRectF &target) const;
    const SpatialGrid &m_obstacles;
};

} // namespace Gatehouse
