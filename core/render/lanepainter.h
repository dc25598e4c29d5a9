#pragma once

#include "model/node.h"

#include <QList>
#include <QRectF>
#include <optional>

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
    // The lane whose band holds `y` (bands touch, so at most one does); nullopt above the first
    // band, below the last one, or when there are no bands.
    static std::optional<Lane> laneAt(const QList<LaneBand> &bands, qreal y);
    static QString caption(Lane lane);
};

} // namespace Gatehouse
