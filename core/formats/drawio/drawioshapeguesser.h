#pragma once

#include "model/kinds.h"

#include <QString>

namespace Gatehouse {

// Maps a hand-drawn draw.io shape (style + plain-text label) to a node kind where the intent
// is clear: cylinder → database (or cache/bus by its label), hexagon → gateway, phone → mobile
// client, … `reason` says why, for the import report. `certain` is false when nothing matched
// and the shape was kept as a generic service.
struct ShapeGuess
{
    NodeKind kind = NodeKind::Service;
    ServiceRole role = ServiceRole::Generic;
    QString reason;
    bool certain = false;
};

class DrawioShapeGuesser
{
public:
    static ShapeGuess guessNode(const QString &style, const QString &label);
    // The edge kind for a hand-drawn edge between two nodes of these kinds.
    static EdgeKind guessEdge(NodeKind from, NodeKind to, bool dashed, QString *reason);
};

} // namespace Gatehouse
