#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QLine>
#include <QLineF>
#include <QList>
#include <QRectF>

namespace Gatehouse {

class DiagramScene;

// The coarsest level of detail: below NodeItem::OverviewBelow the whole diagram is drawn by this
// one item, as boxes in each node kind's colours and one-pixel polylines in each edge kind's
// colour, a few batched draw calls instead of one paint() per node and edge (at "fit" a large
// diagram has thousands of them, and the per-item cost alone exceeds a frame). The NodeItems and
// EdgeItems stay in the scene for hit testing, selection and the live overlays; at this zoom they
// paint nothing but a node's live badge.
//
// The batches are rebuilt lazily after invalidate() (the scene calls it on every document,
// filter or selection change), so a change costs one pass over the nodes and edges at the next
// coarse frame, and nothing at all while the view shows more detail. z = -50: above the lanes,
// below every node and edge item.
class OverviewItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };
    explicit OverviewItem(DiagramScene *scene);
    int type() const override { return Type; }

    void invalidate();
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // What the last coarse paint() drew (for tests): boxes, and device-pixel line runs after
    // overlapping segments were merged.
    int paintedBoxes() const { return m_paintedBoxes; }
    int paintedSegments() const { return m_paintedSegments; }

private:
    struct BoxBatch
    {
        QColor fill, stroke;
        QList<QRectF> rects;
    };
    struct LineBatch
    {
        QColor color;
        QList<QLineF> lines;
    };
    void rebuild();

    DiagramScene *m_scene;
    QRectF m_bounds;
    bool m_dirty = true;
    QList<BoxBatch> m_boxes;
    QList<LineBatch> m_lines;
    // A horizontal (vertical) run of device pixels: row (column) `at`, from..to inclusive.
    struct Span
    {
        int at, from, to;
        bool operator<(const Span &o) const { return at != o.at ? at < o.at : from < o.from; }
    };
    // Per-frame scratch lists, kept to avoid allocating on every frame.
    QList<QRectF> m_visibleRects;
    QList<QLine> m_visibleLines;
    QList<Span> m_horizontal, m_vertical;
    int m_paintedBoxes = 0;
    int m_paintedSegments = 0;
};

} // namespace Gatehouse
