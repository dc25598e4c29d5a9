#include "laneitem.h"

#include "canvas/diagramscene.h"
#include "render/legendpainter.h"
#include "render/scenerenderer.h"

#include <QPainter>

namespace Gatehouse {

LaneItem::LaneItem(DiagramScene *scene)
    : m_scene(scene)
{
    setZValue(-100);
    setFlag(ItemIsSelectable, false);
    setAcceptedMouseButtons(Qt::NoButton);
}

void LaneItem::sync()
{
    RenderOptions options;
    options.filters = m_scene->filters();
    const QRectF content = m_scene->layout().contentBounds();
    m_legendTopLeft = QPointF(content.left(), content.bottom() + 14);
    const QRectF bounds
        = content.united(QRectF(m_legendTopLeft, LegendPainter::size(options))).adjusted(-16, -16, 16, 16);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    LanePainter::paint(*painter, m_scene->layout().lanes());
    RenderOptions options;
    options.filters = m_scene->filters();
    LegendPainter::paint(*painter, m_legendTopLeft, options);
}

} // namespace Gatehouse
