#include "nodeitem.h"

#include "canvas/diagramscene.h"
#include "document/document.h"
#include "render/diagramstyle.h"
#include "render/nodepainter.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace Gatehouse {

NodeItem::NodeItem(DiagramScene *scene, const QString &id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    sync();
}

void NodeItem::sync()
{
    const Node *node = m_scene->document()->node(m_id);
    if (!node)
        return;
    if (node->size != m_size) {
        prepareGeometryChange();
        m_size = node->size;
    }
    setPos(node->position);
    // Node stacking stays between the edges (-1) and the connect preview (1000).
    setZValue(std::clamp(node->z, -999, 999) / 1000.0);
    update();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(QPointF(), m_size).adjusted(-5, -5, 5, 5);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(QPointF(), m_size));
    return path;
}

bool NodeItem::isOnResizeHandle(const QPointF &scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    return isSelected()
        && QRectF(m_size.width() - ResizeHandle, m_size.height() - ResizeHandle, ResizeHandle + 4, ResizeHandle + 4)
               .contains(p);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Node *node = m_scene->document()->node(m_id);
    if (!node)
        return;
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < SimplifyBelow) {
        // Zoomed far out: a box in the kind's colours is all that can be seen anyway.
        const DiagramStyle::NodeColors colors = DiagramStyle::nodeColors(*node);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(isSelected() ? DiagramStyle::selectionColor() : colors.stroke, 0));
        painter->setBrush(colors.fill);
        painter->drawRect(QRectF(QPointF(), m_size));
        return;
    }
    NodePainter::Context ctx;
    ctx.selected = isSelected();
    ctx.drawLabels = lod >= LabelsBelow;
    ctx.marks = NodePainter::crossCuttingMarks(*node, m_scene->document()->topology(), m_scene->filters());
    painter->save();
    painter->translate(-node->position);
    NodePainter::paint(*painter, *node, ctx);
    painter->restore();
    if (isSelected()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(DiagramStyle::selectionColor());
        painter->drawRect(
            QRectF(m_size.width() - ResizeHandle + 2, m_size.height() - ResizeHandle + 2, ResizeHandle, ResizeHandle));
    }
}

} // namespace Gatehouse
