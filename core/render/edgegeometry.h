#pragma once

#include "edgelabel.h"

#include <QPolygonF>
#include <QRectF>

namespace Gatehouse {

// Where an edge is drawn: its orthogonal polyline (source boundary → target boundary, scene
// coordinates) and its placed label. Computed by DiagramLayout, drawn by EdgePainter.
struct EdgeGeometry
{
    QPolygonF path;
    EdgeLabel label;
    QRectF labelRect; // empty when there is no label
    bool visible = true;

    QRectF boundingRect() const; // path + arrowhead + label, with a small margin
};

} // namespace Gatehouse
