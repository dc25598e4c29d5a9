#pragma once

#include "model/topology.h"
#include "renderoptions.h"

#include <QRectF>
#include <QStringList>

class QPainter;

namespace Gatehouse {

// Draws one node in scene coordinates (the node's own rect: position + size). Every kind has
// its own look: clients light blue with a device icon, the gateway dark and wide with
// cross-cutting badges, services white with a role stripe, Redis red, Kafka a dark log, and
// PostgreSQL a cylinder.
class NodePainter
{
public:
    struct Context
    {
        bool selected = false;
        bool drawLabels = true; // false: title only at large zoom-out levels
        QStringList marks; // cross-cutting badges, see crossCuttingMarks()
    };

    static QRectF rect(const Node &node) { return QRectF(node.position, node.size); }
    // The area painted, including selection outline and badges.
    static QRectF boundingRect(const Node &node) { return rect(node).adjusted(-4, -4, 4, 4); }
    static void paint(QPainter &painter, const Node &node, const Context &context);

    // Badges for auth / rate limit / logging that apply at this node (gateway: from its
    // settings and the routes it serves). Empty unless `filters` has CrossCutting.
    static QStringList crossCuttingMarks(const Node &node, const Topology &topology, ViewFilters filters);
    // The second text line: kind, role and port ("service · order · :8083").
    static QString subtitle(const Node &node);
};

} // namespace Gatehouse
