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
    const QRectF bounds = SceneRenderer::sceneRect(m_scene->layout(), options);
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
    const QRectF content = m_scene->layout().contentBounds();
    LegendPainter::paint(*painter, QPointF(content.left(), content.bottom() + 14), options);
}

} // namespace Gatehouse
