#pragma once

#include "edgegeometry.h"
#include "lanepainter.h"
#include "model/topology.h"
#include "renderoptions.h"
#include "spatialgrid.h"

#include <QHash>
#include <QSet>

namespace Gatehouse {

// The computed geometry of a whole diagram: every visible edge's route and placed label, the
// lane bands and the overall bounds. Built once (rebuild) and then updated incrementally as
// nodes and edges change, so the canvas re-routes only what a change touches.
//
// Label placement is greedy: each label takes the free spot along its path that overlaps the
// fewest nodes, other labels and other edges.
class DiagramLayout
{
public:
    DiagramLayout();

    void rebuild(const Topology &topology, const RenderOptions &options);

    // Incremental updates. Each returns the ids of edges whose geometry changed.
    QStringList setNode(const Node &node);
    QStringList removeNode(const QString &id);
    QStringList setEdge(const Edge &edge);
    void removeEdge(const QString &id);

    const EdgeGeometry *edge(const QString &id) const;
    const QList<LaneBand> &lanes() const { return m_lanes; }
    // Nodes, edges, labels and lanes; the legend goes below this.
    QRectF contentBounds() const;
    const RenderOptions &options() const { return m_options; }

private:
    void routeEdge(const Edge &edge);
    void placeLabel(const QString &id, EdgeGeometry &geometry);
    void unplace(const QString &id);
    void recomputeLanes();

    RenderOptions m_options;
    QHash<QString, Node> m_nodes;
    QHash<QString, Edge> m_edges;
    QHash<QString, EdgeGeometry> m_geometry;
    QHash<QString, QSet<QString>> m_edgesOfNode;
    SpatialGrid m_nodeGrid;
    SpatialGrid m_labelGrid;
    SpatialGrid m_segmentGrid; // one rect per segment, keyed by edge id
    QList<LaneBand> m_lanes;
    qreal m_leftEdge = 0; // leftmost node edge at rebuild: labels stay right of it
};

} // namespace Gatehouse
