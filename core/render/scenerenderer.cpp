#include "scenerenderer.h"

#include "edgepainter.h"
#include "legendpainter.h"
#include "nodepainter.h"

#include <QPainter>
#include <algorithm>

namespace Gatehouse {

namespace {
constexpr qreal Margin = 16, LegendGap = 14;
} // namespace

QRectF SceneRenderer::sceneRect(const DiagramLayout &layout, const RenderOptions &options)
{
    QRectF r = layout.contentBounds();
    if (options.drawLegend) {
        const QSizeF legend = LegendPainter::size(options);
        r = r.united(QRectF(QPointF(r.left(), r.bottom() + LegendGap), legend));
    }
    return r.adjusted(-Margin, -Margin, Margin, Margin);
}

QRectF SceneRenderer::sceneRect(const Topology &topology, const RenderOptions &options)
{
    DiagramLayout layout;
    layout.rebuild(topology, options);
    return sceneRect(layout, options);
}

void SceneRenderer::render(QPainter &painter, const Topology &topology, const RenderOptions &options)
{
    DiagramLayout layout;
    layout.rebuild(topology, options);
    render(painter, topology, layout, options);
}

void SceneRenderer::render(
    QPainter &painter, const Topology &topology, const DiagramLayout &layout, const RenderOptions &options)
{
    const QRectF bounds = sceneRect(layout, options);
    painter.save();
    if (options.drawBackground)
        painter.fillRect(bounds, options.background);
    if (options.drawLanes)
        LanePainter::paint(painter, layout.lanes());

    EdgePainter::Context ec;
    ec.filters = options.filters;
    ec.drawLabel = false;
    // Lines first, then nodes, then labels: a label is never hidden under a line or a node.
    for (const Edge &e : topology.edges) {
        if (const EdgeGeometry *g = layout.edge(e.id)) {
            ec.selected = options.selectedIds.contains(e.id);
            EdgePainter::paint(painter, e, *g, ec);
        }
    }
    QList<const Node *> stacked;
    for (const Node &n : topology.nodes)
        stacked.append(&n);
    std::stable_sort(stacked.begin(), stacked.end(), [](const Node *a, const Node *b) { return a->z < b->z; });
    for (const Node *node : stacked) {
        const Node &n = *node;
        NodePainter::Context nc;
        nc.selected = options.selectedIds.contains(n.id);
        nc.drawLabels = options.drawLabels;
        nc.marks = NodePainter::crossCuttingMarks(n, topology, options.filters);
        NodePainter::paint(painter, n, nc);
    }
    if (options.drawLabels) {
        for (const Edge &e : topology.edges) {
            const EdgeGeometry *g = layout.edge(e.id);
            if (g && g->visible && !g->labelRect.isEmpty())
                g->label.paint(painter, g->labelRect);
        }
    }
    if (options.drawLegend) {
        const QRectF content = layout.contentBounds();
        LegendPainter::paint(painter, QPointF(content.left(), content.bottom() + LegendGap), options);
    }
    painter.restore();
}

QImage SceneRenderer::renderImage(const Topology &topology, const RenderOptions &options, qreal scale)
{
    DiagramLayout layout;
    layout.rebuild(topology, options);
    const QRectF rect = sceneRect(layout, options);
    QImage image((rect.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    painter.translate(-rect.topLeft());
    render(painter, topology, layout, options);
    painter.end();
    return image;
}

} // namespace Gatehouse
