#include "overviewitem.h"

#include "canvas/diagramscene.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "render/diagramstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace Gatehouse {

namespace {

template <typename Batch, typename Key> Batch &batchFor(QList<Batch> &batches, const Key &matches)
{
    for (Batch &b : batches) {
        if (matches(b))
            return b;
    }
    return batches.emplace_back();
}

} // namespace

OverviewItem::OverviewItem(DiagramScene *scene)
    : m_scene(scene)
{
    setZValue(-50);
    setFlag(ItemIsSelectable, false);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: a pan step draws only the new strip
    setAcceptedMouseButtons(Qt::NoButton);
}

void OverviewItem::invalidate()
{
    m_dirty = true;
    // Nodes and edges never leave the lanes' bounds by more than the legend below them.
    const QRectF bounds = m_scene->layout().contentBounds().adjusted(-16, -16, 16, 16);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

void OverviewItem::rebuild()
{
    m_dirty = false;
    for (BoxBatch &b : m_boxes)
        b.rects.clear();
    for (LineBatch &b : m_lines)
        b.lines.clear();
    const Document *doc = m_scene->document();
    const QColor selection = DiagramStyle::selectionColor();
    for (const Node &node : doc->topology().nodes) {
        const DiagramStyle::NodeColors colors = DiagramStyle::nodeColors(node);
        const QColor stroke = doc->isSelected(node.id) ? selection : colors.stroke;
        BoxBatch &batch
            = batchFor(m_boxes, [&](const BoxBatch &b) { return b.fill == colors.fill && b.stroke == stroke; });
        if (!batch.fill.isValid()) {
            batch.fill = colors.fill;
            batch.stroke = stroke;
        }
        batch.rects.append(QRectF(node.position, node.size));
    }
    // Selected edges last, so they show on top of the others.
    QList<LineBatch> selected;
    for (const Edge &edge : doc->topology().edges) {
        const EdgeGeometry *g = m_scene->layout().edge(edge.id);
        if (!g || !g->visible || g->path.size() < 2)
            continue;
        const bool isSelected = doc->isSelected(edge.id);
        const QColor color = isSelected ? selection : DiagramStyle::edgeColor(edge.kind);
        LineBatch &batch
            = batchFor(isSelected ? selected : m_lines, [&](const LineBatch &b) { return b.color == color; });
        batch.color = color;
        for (qsizetype i = 1; i < g->path.size(); ++i)
            batch.lines.append(QLineF(g->path[i - 1], g->path[i]));
    }
    m_lines.append(selected);
    // Drop batches left empty by an earlier state (a colour no longer used).
    m_boxes.removeIf([](const BoxBatch &b) { return b.rects.isEmpty(); });
    m_lines.removeIf([](const LineBatch &b) { return b.lines.isEmpty(); });
}

void OverviewItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    m_paintedBoxes = 0;
    m_paintedSegments = 0;
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod >= NodeItem::OverviewBelow || !m_scene->isLarge())
        return;
    if (m_dirty)
        rebuild();
    const QRectF exposed = option->exposedRect.isNull() ? m_bounds : option->exposedRect.adjusted(-2, -2, 2, 2);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    // Lines are drawn in device pixels, with the segments that fall on the same pixel row or
    // column merged: zoomed out this far, hundreds of routes share a channel (every event edge
    // runs down to the Kafka row), and stroking each of them would fill the same pixels again
    // and again. The result is the same picture for a fraction of the pixel writes.
    const QTransform toDevice = painter->worldTransform();
    painter->save();
    painter->resetTransform();
    for (const LineBatch &batch : std::as_const(m_lines)) {
        m_horizontal.clear();
        m_vertical.clear();
        m_visibleLines.clear();
        for (const QLineF &line : batch.lines) {
            if (!QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1).intersects(exposed))
                continue;
            const QPoint a = toDevice.map(line.p1()).toPoint(), b = toDevice.map(line.p2()).toPoint();
            if (a.y() == b.y())
                m_horizontal.append({ a.y(), std::min(a.x(), b.x()), std::max(a.x(), b.x()) });
            else if (a.x() == b.x())
                m_vertical.append({ a.x(), std::min(a.y(), b.y()), std::max(a.y(), b.y()) });
            else
                m_visibleLines.append(QLine(a, b));
        }
        const auto merge = [this](QList<Span> &spans, bool horizontal) {
            std::sort(spans.begin(), spans.end());
            for (qsizetype i = 0; i < spans.size();) {
                Span run = spans[i];
                qsizetype j = i + 1;
                for (; j < spans.size() && spans[j].at == run.at && spans[j].from <= run.to + 1; ++j)
                    run.to = std::max(run.to, spans[j].to);
                m_visibleLines.append(
                    horizontal ? QLine(run.from, run.at, run.to, run.at) : QLine(run.at, run.from, run.at, run.to));
                i = j;
            }
        };
        merge(m_horizontal, true);
        merge(m_vertical, false);
        if (m_visibleLines.isEmpty())
            continue;
        painter->setPen(QPen(batch.color, 0)); // cosmetic: one device pixel
        painter->drawLines(m_visibleLines.constData(), int(m_visibleLines.size()));
        m_paintedSegments += int(m_visibleLines.size());
    }
    painter->restore();
    for (const BoxBatch &batch : std::as_const(m_boxes)) {
        m_visibleRects.clear();
        for (const QRectF &r : batch.rects) {
            if (r.intersects(exposed))
                m_visibleRects.append(r);
        }
        if (m_visibleRects.isEmpty())
            continue;
        painter->setPen(QPen(batch.stroke, 0));
        painter->setBrush(batch.fill);
        painter->drawRects(m_visibleRects.constData(), int(m_visibleRects.size()));
        m_paintedBoxes += int(m_visibleRects.size());
    }
}

} // namespace Gatehouse
