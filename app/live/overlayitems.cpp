#include "overlayitems.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <cmath>

namespace Gatehouse {

namespace {
constexpr qreal DotRadius = 5;
constexpr qreal GlyphRadius = 7;

QFont labelFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}
} // namespace

qreal routeLength(const QPolygonF &route)
{
    qreal total = 0;
    for (int i = 1; i < route.size(); ++i)
        total += QLineF(route[i - 1], route[i]).length();
    return total;
}

QPointF pointAlong(const QPolygonF &route, qreal fraction)
{
    if (route.isEmpty())
        return {};
    if (route.size() == 1)
        return route.first();
    qreal left = std::clamp(fraction, 0.0, 1.0) * routeLength(route);
    for (int i = 1; i < route.size(); ++i) {
        const QLineF segment(route[i - 1], route[i]);
        const qreal length = segment.length();
        if (left <= length && length > 0)
            return segment.pointAt(left / length);
        left -= length;
    }
    return route.last();
}

// --- TrafficDotItem ---------------------------------------------------------------------------

TrafficDotItem::TrafficDotItem()
{
    // Constant size on screen: readable at "fit to window" and not huge at 200 %.
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(20);
}

void TrafficDotItem::setLook(bool event, const QColor &color)
{
    if (event == m_event && color == m_color)
        return;
    m_event = event;
    m_color = color;
    update();
}

QRectF TrafficDotItem::boundingRect() const
{
    const qreal r = GlyphRadius + 2;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

void TrafficDotItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(m_color);
    if (m_event) {
        const qreal r = GlyphRadius;
        painter->drawPolygon(QPolygonF({QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)}));
    } else {
        painter->drawEllipse(QPointF(), DotRadius, DotRadius);
    }
}

// --- MetricLabelItem --------------------------------------------------------------------------

MetricLabelItem::MetricLabelItem()
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(15);
    // Text changes once a second; in between the card is a cached pixmap.
    setCacheMode(DeviceCoordinateCache);
}

QStringList MetricLabelItem::lines() const
{
    QStringList shown = m_lines;
    if (!m_alert.isEmpty() && !shown.isEmpty())
        shown.last() += m_alert;
    return shown;
}

void MetricLabelItem::setLines(const QStringList &lines, const QColor &accent, const QString &alert)
{
    if (lines == m_lines && accent == m_accent && alert == m_alert)
        return;
    const QFontMetricsF metrics(labelFont());
    qreal width = 0;
    for (int i = 0; i < lines.size(); ++i)
        width = std::max(width, metrics.horizontalAdvance(i == lines.size() - 1 ? lines[i] + alert : lines[i]));
    const QRectF rect(0, 0, width + 14, lines.size() * metrics.height() + 6);
    if (rect != m_rect)
        prepareGeometryChange();
    m_rect = rect;
    m_lines = lines;
    m_alert = alert;
    m_accent = accent;
    update();
}

void MetricLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(m_accent, 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(m_rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_accent);
    painter->drawRect(QRectF(m_rect.left() + 1, m_rect.top() + 3, 3, m_rect.height() - 6));
    painter->setFont(labelFont());
    painter->setPen(QColor(0x1f, 0x2a, 0x3a));
    const QFontMetricsF metrics(labelFont());
    qreal y = 3 + metrics.ascent();
    for (const QString &line : m_lines) {
        painter->drawText(QPointF(9, y), line);
        y += metrics.height();
    }
    if (!m_alert.isEmpty() && !m_lines.isEmpty()) {
        painter->setPen(QColor(0xd6, 0x45, 0x41));
        painter->drawText(QPointF(9 + metrics.horizontalAdvance(m_lines.last()), y - metrics.height()), m_alert);
    }
}

// --- FlashItem --------------------------------------------------------------------------------

FlashItem::FlashItem()
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(16); // over the traffic cards, so the caption shows
}

QSizeF FlashItem::captionSize(const QString &caption)
{
    QFont font = labelFont();
    font.setBold(true);
    const QFontMetricsF metrics(font);
    return QSizeF(metrics.horizontalAdvance(caption) + 14, metrics.height() + 6);
}

QRectF FlashItem::captionSceneRect() const
{
    return QRectF(m_captionAt, captionSize(m_caption) * m_captionScale);
}

void FlashItem::setRoute(const QPolygonF &route, const QString &caption, const QColor &color, qreal captionScale,
                         std::optional<QPointF> captionTopLeft)
{
    prepareGeometryChange();
    m_path = QPainterPath();
    m_path.addPolygon(route);
    m_caption = caption;
    m_color = color;
    m_captionScale = captionScale;
    const QSizeF size = captionSize(caption) * captionScale;
    m_captionAt = captionTopLeft ? *captionTopLeft : pointAlong(route, 0.5) + QPointF(8, -size.height() - 8);
    m_bounds = m_path.boundingRect().adjusted(-10, -10, 10, 10).united(captionSceneRect().adjusted(-2, -2, 2, 2));
    update();
}

void FlashItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    QColor glow = m_color;
    glow.setAlpha(110);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(glow, 12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(m_path);
    painter->setPen(QPen(m_color, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(m_path);
    if (m_caption.isEmpty())
        return;
    painter->save();
    painter->translate(m_captionAt);
    painter->scale(m_captionScale, m_captionScale);
    const QRectF text(QPointF(), captionSize(m_caption));
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    painter->drawRoundedRect(text, 4, 4);
    QFont font = labelFont();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(text, Qt::AlignCenter, m_caption);
    painter->restore();
}

// --- HighlightItem ----------------------------------------------------------------------------

HighlightItem::HighlightItem(const QPainterPath &path, bool filled)
    : m_path(path)
    , m_filled(filled)
    , m_bounds(path.boundingRect().adjusted(-12, -12, 12, 12))
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(-2); // under edges and nodes, over the lanes
}

void HighlightItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor color(0xff, 0xb3, 0x00, 150);
    painter->setPen(QPen(color, m_filled ? 8 : 14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(m_filled ? QColor(0xff, 0xb3, 0x00, 60) : QColor(Qt::transparent));
    painter->drawPath(m_path);
}

// --- FaultMarkItem -----------------------------------------------------------------------------

FaultMarkItem::FaultMarkItem()
{
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(18);
}

void FaultMarkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(QColor(0x1f, 0x2a, 0x3a), 1));
    painter->setBrush(QColor(0xff, 0xd5, 0x4f));
    painter->drawEllipse(QPointF(), 9, 9);
    const QPolygonF bolt({QPointF(1, -7), QPointF(-4, 1), QPointF(0, 1), QPointF(-2, 7), QPointF(4, -1), QPointF(0, -1),
        QPointF(2, -7)});
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x1f, 0x2a, 0x3a));
    painter->drawPolygon(bolt);
}

} // namespace Gatehouse
