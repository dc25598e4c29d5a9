#pragma once

#include "diagramlayout.h"
#include "model/topology.h"
#include "renderoptions.h"

#include <QImage>
#include <QRectF>

class QPainter;

namespace Gatehouse {

// The one renderer of a whole diagram, shared by image export (PNG, SVG through
// QSvgGenerator) and anything else that draws a topology without the canvas. The canvas
// items use the same NodePainter / EdgePainter / LanePainter pieces.
//
// The painter is in scene coordinates: callers map sceneRect() to their device first.
class SceneRenderer
{
public:
    // Everything render() draws: lanes, nodes, edges, labels, legend, plus a margin.
    static QRectF sceneRect(const Topology &topology, const RenderOptions &options);
    static QRectF sceneRect(const DiagramLayout &layout, const RenderOptions &options);
    static void render(QPainter &painter, const Topology &topology, const RenderOptions &options);
    // Same with a layout the caller already computed (for `topology` and `options`).
    static void render(
        QPainter &painter, const Topology &topology, const DiagramLayout &layout, const RenderOptions &options);
    // An ARGB image of sceneRect() at `scale` device pixels per scene unit.
    static QImage renderImage(const Topology &topology, const RenderOptions &options, qreal scale = 1.0);
};

} // namespace Gatehouse
