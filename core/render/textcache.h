#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace Gatehouse {

// Draws short single-line texts (node titles, label spans) through a cache of glyph runs laid
// out once at 100 %, so repainting a frame, at any zoom, does not shape the same strings again.
// Text longer than `rect` is elided. Uses the painter's pen; the painter's font afterwards is
// unspecified. Only the GUI thread uses the cache (other threads draw uncached); it is emptied
// when the application object goes away.
namespace TextCache {
void draw(QPainter &painter, const QFont &font, const QString &text, const QRectF &rect, Qt::Alignment alignment);
}

} // namespace Gatehouse
