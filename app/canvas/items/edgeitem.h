#pragma once

#include <QGraphicsItem>
#include <QString>

namespace Gatehouse {

class DiagramScene;

// A thin view of one edge: its geometry comes from the scene's DiagramLayout, its data from
// the Document, its drawing from EdgePainter. Selected edges show their waypoint handles.
class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    static constexpr qreal HandleRadius = 5;

    EdgeItem(DiagramScene *scene, const QString &id);
    int type() const override { return Type; }
    QString id() const { return m_id; }

    void sync(); // after the layout changed this edge's geometry
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // Index of the stored waypoint under `scenePos`, or -1.
    int waypointAt(const QPointF &scenePos) const;

private:
    DiagramScene *m_scene;
    QString m_id;
    QRectF m_bounds;
};

} // namespace Gatehouse
