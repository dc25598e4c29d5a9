#pragma once

#include "edgegeometry.h"

class QPainter;

namespace Gatehouse {

// Draws one edge from its geometry: the line in its kind's pen (sync solid, events dashed in
// violet, ownership/cache thin and grey), an arrowhead at the target, a failure-path halo when
// the edge has a timeout or fallback (and FailurePaths is shown), and the label.
class EdgePainter
{
public:
    struct Context
    {
        bool selected = false;
        bool drawLabel = true;
        ViewFilters filters = allViewFilters();
        // When set, only the part of the line inside it is stroked (dash phase kept), so a
        // long dashed edge costs what its visible part costs. The canvas passes the exposed rect.
        QRectF clip;
    };
    static void paint(QPainter &painter, const Edge &edge, const EdgeGeometry &geometry, const Context &context);
    static bool hasFailurePath(const Edge &edge);
};

} // namespace Gatehouse
