#include "edgeitem.h"

#include "canvas/diagramscene.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "render/diagramstyle.h"
#include "render/edgepainter.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace Gatehouse {

EdgeItem::EdgeItem(DiagramScene *scene, const QString &id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: long dashed edges stroke only what shows
    setZValue(-1);
    sync();
}

void EdgeItem::sync()
{
    const EdgeGeometry *g = m_scene->layout().edge(m_id);
    const QRectF bounds = g && g->visible ? g->boundingRect() : QRectF();
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    setVisible(g && g->visible);
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path;
    const EdgeGeometry *g = m_scene->layout().edge(m_id);
    if (!g || g->path.size() < 2)
        return path;
    QPainterPath line;
    line.addPolygon(g->path);
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    path = stroker.createStroke(line);
    if (!g->labelRect.isEmpty())
        path.addRect(g->labelRect);
    return path;
}

int EdgeItem::waypointAt(const QPointF &scenePos) const
{
    const Edge *edge = m_scene->document()->edge(m_id);
    if (!edge)
        return -1;
    for (int i = 0; i < edge->waypoints.size(); ++i) {
        if (QLineF(edge->waypoints[i], scenePos).length() <= HandleRadius + 3)
            return i;
    }
    return -1;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < NodeItem::OverviewBelow && m_scene->isLarge())
        return; // the OverviewItem draws every edge in one batch per colour
    const Edge *edge = m_scene->document()->edge(m_id);
    const EdgeGeometry *g = m_scene->layout().edge(m_id);
    if (!edge || !g)
        return;
    if (lod < NodeItem::DraftBelow && m_scene->isDraft() && g->path.size() >= 2) {
        // Zooming: the route in the kind's colour and dash, one device pixel wide, with a small
        // arrowhead for the direction; the label comes back when the gesture settles.
        const QColor color = isSelected() ? DiagramStyle::selectionColor() : DiagramStyle::edgeColor(edge->kind);
        painter->setRenderHint(QPainter::Antialiasing, false);
        QPen pen = DiagramStyle::edgePen(edge->kind); // keeps the kind's dash pattern
        pen.setColor(color);
        pen.setWidth(0); // cosmetic
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(g->path);
        const QLineF last(g->path[g->path.size() - 2], g->path.last());
        if (last.length() > 0) {
            const QPointF dir = (last.p2() - last.p1()) / last.length();
            const QPointF normal(-dir.y(), dir.x());
            const QPointF base = last.p2() - dir * 8;
            const QPointF head[3] = { last.p2(), base + normal * 3.5, base - normal * 3.5 };
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawPolygon(head, 3);
        }
        return;
    }
    EdgePainter::Context ctx;
    ctx.selected = isSelected();
    ctx.filters = m_scene->filters();
    ctx.drawLabel = lod >= NodeItem::LabelsBelow;
    ctx.clip = option->exposedRect;
    EdgePainter::paint(*painter, *edge, *g, ctx);
    if (isSelected()) {
        painter->setPen(QPen(DiagramStyle::selectionColor(), 1.5));
        painter->setBrush(Qt::white);
        for (const QPointF &wp : edge->waypoints)
            painter->drawEllipse(wp, HandleRadius, HandleRadius);
    }
}

} // namespace Gatehouse
