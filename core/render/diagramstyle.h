#pragma once

#include "model/edge.h"
#include "model/node.h"

#include <QColor>
#include <QFont>
#include <QPen>

namespace Gatehouse {

// Colours, pens and fonts of the diagram, in one place so canvas, export and legend agree.
namespace DiagramStyle {

struct NodeColors
{
    QColor fill;
    QColor stroke;
    QColor text;
    QColor subtext;
    QColor accent; // role stripe, icon colour
};

NodeColors nodeColors(const Node &node);
QColor roleColor(ServiceRole role);

QPen edgePen(EdgeKind kind);
QColor edgeColor(EdgeKind kind);
QColor failureColor();
QColor selectionColor();
QColor laneFill(Lane lane);
QColor laneText();

QFont nodeTitleFont();
QFont nodeSubtitleFont();
QFont labelFont();
QFont labelBoldFont();
QFont chipFont();
QFont laneFont();

} // namespace DiagramStyle
} // namespace Gatehouse
