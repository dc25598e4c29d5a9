#pragma once

#include "renderoptions.h"

#include <QColor>
#include <QList>
#include <QSizeF>
#include <QString>

class QPainter;

namespace Gatehouse {

// The compact text block next to an edge: one line per route ("POST /orders" + chips for
// auth, rate limit, internal, timeout/fallback), per topic, or the edge's label; built from
// the edge and the view filters, measured once by build() (span widths, line and chip
// heights), so paint() only draws: a full-detail frame with thousands of labels shapes no text
// beyond what TextCache has not seen yet.
struct EdgeLabel
{
    enum class SpanStyle { Text, Method, Muted, Chip, InternalChip, FailureChip, FailureText };
    struct Span
    {
        QString text;
        SpanStyle style = SpanStyle::Text;
        qreal width = 0; // pixels at 100 %, chip padding included; set by build()
    };
    using Line = QList<Span>;

    QList<Line> lines;
    QSizeF size; // including padding
    qreal lineHeight = 0; // pixels per line; set by build()
    qreal chipHeight = 0; // height of a chip's text; set by build()

    bool isEmpty() const { return lines.isEmpty(); }
    bool hasFailurePath = false; // the edge carries a timeout/fallback shown in the label

    static EdgeLabel build(const Edge &edge, ViewFilters filters);
    void paint(QPainter &painter, const QRectF &rect) const;
};

} // namespace Gatehouse
