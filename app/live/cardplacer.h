#pragma once

#include <QLineF>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <optional>

namespace Gatehouse {

// Finds free space for the live overlay's cards (traffic figures, failure captions) so they
// never cover what the diagram itself says. Hard obstacles are node boxes (with their badges)
// and the diagram's route/topic labels; every placed card becomes a hard obstacle for the next.
// Edge segments are soft: a spot that crosses no other edge is preferred, one that does is
// accepted when nothing better is free. Plain linear scans: a diagram has tens of nodes and
// labels and placement runs once a second.
class CardPlacer
{
public:
    void addObstacle(const QRectF &rect) { m_hard.append(rect); }
    void addSegments(const QString &edgeId, const QPolygonF &path);
    void addCard(const QRectF &rect) { m_hard.append(rect); }

    // True when `rect` touches no hard obstacle (and, with `avoidEdges`, no edge other than
    // `ownEdge`).
    bool isFree(const QRectF &rect, bool avoidEdges = false, const QString &ownEdge = {}) const;

    // The first free spot for a card of `size` beside `path` (tried at a few points along it,
    // both sides), or nothing. `reach` > 0 also tries spots that many card heights (widths
    // beside a vertical run) further out. Does not reserve it: call addCard().
    std::optional<QRectF> besideEdge(const QPolygonF &path, const QSizeF &size, const QString &edgeId,
                                     int reach = 0) const;
    // The first free spot for a card of `size` just outside `nodeRect`: below, right, left, above.
    std::optional<QRectF> besideNode(const QRectF &nodeRect, const QSizeF &size) const;

    // Candidate spots in order of preference (also used by tests).
    static QList<QRectF> edgeCandidates(const QPolygonF &path, const QSizeF &size, int reach = 0);
    static QList<QRectF> nodeCandidates(const QRectF &nodeRect, const QSizeF &size);

private:
    struct Segment
    {
        QString edgeId;
        QRectF rect;
    };
    QList<QRectF> m_hard;
    QList<Segment> m_segments;
};

} // namespace Gatehouse
