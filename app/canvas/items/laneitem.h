#pragma once

#include <QGraphicsItem>

namespace Gatehouse {

class DiagramScene;

// The lane bands and the legend behind everything (z = -100), from the scene's layout.
class LaneItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    explicit LaneItem(DiagramScene *scene);
    int type() const override { return Type; }
    void sync();
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    DiagramScene *m_scene;
    QRectF m_bounds;
    QPointF m_legendTopLeft; // computed in sync(): painting must not walk every edge
};

} // namespace Gatehouse
