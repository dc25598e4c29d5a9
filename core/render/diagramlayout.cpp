#include "diagramlayout.h"

#include "edgerouter.h"
#include "nodepainter.h"

#include <QLineF>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Gatehouse {

namespace {

QRectF segmentRect(const QPointF &a, const QPointF &b)
{
    return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
        QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())))
        .adjusted(-1, -1, 1, 1);
}

qreal area(const QRectF &r)
{
    return r.isValid() ? r.width() * r.height() : 0;
}

} // namespace

DiagramLayout::DiagramLayout()
    : m_nodeGrid(200)
    , m_labelGrid(200)
    , m_segmentGrid(200)
{
}

void DiagramLayout::rebuild(const Topology &topology, const RenderOptions &options)
{
    m_options = options;
    m_nodes.clear();
    m_edges.clear();
    m_geometry.clear();
    m_edgesOfNode.clear();
    m_nodeGrid.clear();
    m_labelGrid.clear();
    m_segmentGrid.clear();
    m_nodes.reserve(topology.nodes.size());
    m_edges.reserve(topology.edges.size());
    m_leftEdge = topology.nodes.isEmpty() ? 0.0 : std::numeric_limits<qreal>::max();
    for (const Node &n : topology.nodes) {
        m_leftEdge = std::min(m_leftEdge, n.position.x());
        m_nodes.insert(n.id, n);
        m_nodeGrid.insert(n.id, NodePainter::rect(n));
    }
    for (const Edge &e : topology.edges) {
        m_edges.insert(e.id, e);
        m_edgesOfNode[e.source].insert(e.id);
        m_edgesOfNode[e.target].insert(e.id);
        routeEdge(e);
    }
    // Big labels first: they have the fewest places to go.
    QStringList order = m_geometry.keys();
    std::sort(order.begin(), order.end(), [this](const QString &a, const QString &b) {
        const qreal aa = area(QRectF(QPointF(), m_geometry[a].label.size)),
                    ab = area(QRectF(QPointF(), m_geometry[b].label.size));
        return aa != ab ? aa > ab : a < b;
    });
    for (const QString &id : std::as_const(order))
        placeLabel(id, m_geometry[id]);
    recomputeLanes();
}

void DiagramLayout::unplace(const QString &id)
{
    m_labelGrid.remove(id);
    m_segmentGrid.remove(id);
}

void DiagramLayout::routeEdge(const Edge &edge)
{
    unplace(edge.id);
    EdgeGeometry g;
    const auto s = m_nodes.constFind(edge.source);
    const auto t = m_nodes.constFind(edge.target);
    g.visible = s != m_nodes.cend() && t != m_nodes.cend() && isEdgeVisible(edge, m_options.filters);
    if (g.visible) {
        const EdgeRouter router(m_nodeGrid);
        g.path = router.route(edge, NodePainter::rect(*s), NodePainter::rect(*t));
        for (int i = 1; i < g.path.size(); ++i)
            m_segmentGrid.add(edge.id, segmentRect(g.path[i - 1], g.path[i]));
        g.label = EdgeLabel::build(edge, m_options.filters);
    }
    m_geometry.insert(edge.id, g);
}

void DiagramLayout::placeLabel(const QString &id, EdgeGeometry &g)
{
    m_labelGrid.remove(id);
    g.labelRect = QRectF();
    if (!g.visible || g.label.isEmpty() || g.path.size() < 2)
        return;
    const QSizeF size = g.label.size;
    constexpr qreal Offset = 6;

    auto score = [&](const QRectF &r) {
        qreal s = 0;
        const QRectF probe = r.adjusted(-3, -3, 3, 3);
        for (const SpatialGrid::Hit &hit : m_nodeGrid.query(probe))
            s += area(probe.intersected(hit.rect)) * 8 + 400;
        for (const SpatialGrid::Hit &hit : m_labelGrid.query(probe))
            s += area(probe.intersected(hit.rect)) * 8 + 400;
        for (const SpatialGrid::Hit &hit : m_segmentGrid.query(r))
            s += *hit.key == id ? 2000 : 250;
        return s;
    };

    QRectF best;
    qreal bestScore = std::numeric_limits<qreal>::max();
    static constexpr qreal positions[] = { 0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92 };
    for (int i = 1; i < g.path.size(); ++i) {
        const QPointF a = g.path[i - 1], b = g.path[i];
        const qreal len = QLineF(a, b).length();
        if (len < 12)
            continue;
        const bool vertical = std::abs(a.x() - b.x()) < 0.5;
        for (qreal t : positions) {
            const QPointF c = a + (b - a) * t;
            QList<QRectF> options;
            if (vertical) {
                options << QRectF(c.x() + Offset, c.y() - size.height() / 2, size.width(), size.height())
                        << QRectF(
                               c.x() - Offset - size.width(), c.y() - size.height() / 2, size.width(), size.height());
            } else {
                // Centred on the point, or hanging off it to either side; close to the line or
                // pushed clear of nodes the line runs between.
                for (qreal off : { Offset, Offset + 22, Offset + 44 }) {
                    for (qreal dx : { -size.width() / 2, -size.width() + 20, -20.0 }) {
                        options << QRectF(c.x() + dx, c.y() - off - size.height(), size.width(), size.height())
                                << QRectF(c.x() + dx, c.y() + off, size.width(), size.height());
                    }
                }
            }
            for (int k = 0; k < options.size(); ++k) {
                const QRectF &r = options[k];
                // Small preferences: the middle of the path, the right/upper side, near the line,
                // long segments, and inside the diagram's left edge.
                const qreal overlap = score(r);
                qreal s = overlap + std::abs(t - 0.5) * 30 + k * 3 + 2000.0 / (len + 20);
                if (r.left() < m_leftEdge)
                    s += 800;
                // Candidates come in order of preference: a free spot on a long enough segment
                // near the middle is as good as it gets.
                if (overlap == 0 && r.left() >= m_leftEdge && t == 0.5 && len >= 60) {
                    g.labelRect = r;
                    m_labelGrid.insert(id, r);
                    return;
                }
                if (s < bestScore) {
                    bestScore = s;
                    best = r;
                }
            }
        }
    }
    if (best.isNull()) {
        const QPointF c = g.path.boundingRect().center();
        best = QRectF(c.x() + Offset, c.y() - size.height() / 2, size.width(), size.height());
    }
    g.labelRect = best;
    m_labelGrid.insert(id, best);
}

QStringList DiagramLayout::setNode(const Node &node)
{
    const auto it = m_nodes.find(node.id);
    const bool moved
        = it == m_nodes.end() || it->position != node.position || it->size != node.size || it->lane != node.lane;
    const bool laneChange = it == m_nodes.end() || it->lane != node.lane || moved;
    m_nodes.insert(node.id, node);
    if (!moved)
        return {};
    m_nodeGrid.insert(node.id, NodePainter::rect(node));
    QStringList changed;
    for (const QString &edgeId : m_edgesOfNode.value(node.id)) {
        const auto e = m_edges.constFind(edgeId);
        if (e == m_edges.cend())
            continue;
        routeEdge(*e);
        changed.append(edgeId);
    }
    for (const QString &edgeId : std::as_const(changed))
        placeLabel(edgeId, m_geometry[edgeId]);
    if (laneChange)
        recomputeLanes();
    return changed;
}

QStringList DiagramLayout::removeNode(const QString &id)
{
    m_nodes.remove(id);
    m_nodeGrid.remove(id);
    QStringList changed;
    for (const QString &edgeId : m_edgesOfNode.take(id)) {
        const auto e = m_edges.constFind(edgeId);
        if (e == m_edges.cend())
            continue;
        routeEdge(*e); // now invisible: one end is gone
        changed.append(edgeId);
    }
    recomputeLanes();
    return changed;
}

QStringList DiagramLayout::setEdge(const Edge &edge)
{
    const auto old = m_edges.constFind(edge.id);
    if (old != m_edges.cend()) {
        m_edgesOfNode[old->source].remove(edge.id);
        m_edgesOfNode[old->target].remove(edge.id);
    }
    m_edges.insert(edge.id, edge);
    m_edgesOfNode[edge.source].insert(edge.id);
    m_edgesOfNode[edge.target].insert(edge.id);
    routeEdge(edge);
    placeLabel(edge.id, m_geometry[edge.id]);
    return { edge.id };
}

void DiagramLayout::removeEdge(const QString &id)
{
    const auto old = m_edges.constFind(id);
    if (old == m_edges.cend())
        return;
    m_edgesOfNode[old->source].remove(id);
    m_edgesOfNode[old->target].remove(id);
    unplace(id);
    m_edges.remove(id);
    m_geometry.remove(id);
}

const EdgeGeometry *DiagramLayout::edge(const QString &id) const
{
    const auto it = m_geometry.constFind(id);
    return it == m_geometry.cend() ? nullptr : &*it;
}

void DiagramLayout::recomputeLanes()
{
    qreal right = 0;
    for (auto it = m_geometry.cbegin(); it != m_geometry.cend(); ++it) {
        if (it->visible && !it->labelRect.isEmpty())
            right = std::max(right, it->labelRect.right());
    }
    m_lanes = LanePainter::computeBands(QList<Node>(m_nodes.cbegin(), m_nodes.cend()), right);
}

QRectF DiagramLayout::contentBounds() const
{
    QRectF r;
    for (const LaneBand &b : m_lanes)
        r = r.united(b.rect);
    for (auto it = m_geometry.cbegin(); it != m_geometry.cend(); ++it) {
        if (it->visible)
            r = r.united(it->boundingRect());
    }
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        r = r.united(NodePainter::boundingRect(*it));
    return r;
}

} // namespace Gatehouse
