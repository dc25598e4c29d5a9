#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>
#include <optional>

namespace Gatehouse {

// The graphics items of the live overlay (TrafficOverlay owns and pools them). They are not
// selectable and take no mouse buttons, so editing the diagram underneath keeps working.

// A request dot (circle) or an event glyph (diamond), always the same size on screen.
class TrafficDotItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 20 };
    TrafficDotItem();
    int type() const override { return Type; }
    void setLook(bool event, const QColor &color);
    bool isEvent() const { return m_event; }
    QColor color() const { return m_color; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    bool m_event = false;
    QColor m_color;
};

// A small card of text lines next to an edge or node (rates, latency, errors, lag).
class MetricLabelItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 21 };
    MetricLabelItem();
    int type() const override { return Type; }
    // `alert` is appended to the last line in red (errors, only when there are any).
    void setLines(const QStringList &lines, const QColor &accent, const QString &alert = {});
    // The text as shown, the alert included.
    QStringList lines() const;
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QStringList m_lines;
    QString m_alert;
    QColor m_accent;
    QRectF m_rect;
};

// A glowing stroke along an edge's route with a caption ("timeout → fallback"); its opacity
// fades out as the overlay advances.
class FlashItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 22 };
    FlashItem();
    int type() const override { return Type; }
    // `captionScale` > 1 keeps the caption readable when zoomed out. `captionTopLeft`: where
    // the caption card goes (scene coordinates; the caller finds free space for it); without
    // it the caption sits above the middle of the route.
    void setRoute(const QPolygonF &route, const QString &caption, const QColor &color, qreal captionScale = 1,
                  std::optional<QPointF> captionTopLeft = std::nullopt);
    QString caption() const { return m_caption; }
    // The caption card in scene coordinates.
    QRectF captionSceneRect() const;
    // The size of a caption card before scaling.
    static QSizeF captionSize(const QString &caption);
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath m_path;
    QString m_caption;
    QPointF m_captionAt;
    QColor m_color;
    qreal m_captionScale = 1;
    QRectF m_bounds;
};

// The path of a selected trace: a wide translucent stroke along an edge or around a node.
class HighlightItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 23 };
    explicit HighlightItem(const QPainterPath &path, bool filled);
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath m_path;
    bool m_filled;
    QRectF m_bounds;
};

// A lightning mark on an edge whose calls have faults injected from the canvas.
class FaultMarkItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 24 };
    FaultMarkItem();
    int type() const override { return Type; }
    QRectF boundingRect() const override { return QRectF(-10, -10, 20, 20); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// Length of `route` (the sum of its segments).
qreal routeLength(const QPolygonF &route);
// Point at `fraction` (0…1) of the length of `route`.
QPointF pointAlong(const QPolygonF &route, qreal fraction);

} // namespace Gatehouse
