#pragma once

#include "model/node.h"

#include <QList>
#include <QRectF>

class QPainter;

namespace Gatehouse {

// A horizontal band behind the nodes of one lane, with its caption at the left.
struct LaneBand
{
    Lane lane = Lane::Services;
    QRectF rect;
};

class LanePainter
{
public:
    static constexpr qreal HeaderWidth = 34; // the caption column at the left of each band
    // Bands for the lanes that have nodes, top to bottom, not overlapping, all as wide as the
    // widest content; they reach at least `minRight` (room for labels past the last node).
    static QList<LaneBand> computeBands(const QList<Node> &nodes, qreal minRight = 0);
    static void paint(QPainter &painter, const QList<LaneBand> &bands);
    static QString caption(Lane lane);
};

} // namespace Gatehouse
