#pragma once

#include "renderoptions.h"

#include <QPointF>
#include <QSizeF>

class QPainter;

namespace Gatehouse {

// The legend strip: one sample per visible edge kind plus the failure-path and internal-route
// marks, laid out in one row.
class LegendPainter
{
public:
    static QSizeF size(const RenderOptions &options);
    static void paint(QPainter &painter, const QPointF &topLeft, const RenderOptions &options);
};

} // namespace Gatehouse
