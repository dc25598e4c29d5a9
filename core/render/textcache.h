#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace Gatehouse {

// Draws short single-line texts (node titles, label spans) through a cache of laid-out
// QStaticText, so repainting a frame does not shape the same strings again. Text longer than
// `rect` is elided. Only the GUI thread uses the cache (other threads draw uncached); it is
// emptied when the application object goes away.
namespace TextCache {
void draw(QPainter &painter, const QFont &font, const QString &text, const QRectF &rect, Qt::Alignment alignment);
}

} // namespace Gatehouse
