#pragma once

#include <QGraphicsItem>
#include <QString>

namespace Gatehouse {

class DiagramScene;

// A thin view of one node: knows its id, reads the node from the scene's Document when it
// paints, and delegates drawing to NodePainter. Not the data model (STYLE §Patterns 6).
class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal ResizeHandle = 10; // the bottom-right square of a selected node
    static constexpr qreal SimplifyBelow = 0.35; // zoom under which nodes are plain boxes (text unreadable)
    static constexpr qreal LabelsBelow = 0.45; // zoom under which subtitles and edge labels are left out

    NodeItem(DiagramScene *scene, const QString &id);
    int type() const override { return Type; }
    QString id() const { return m_id; }

    // Re-reads position and size from the document (call after a NodesChanged).
    void sync();
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    bool isOnResizeHandle(const QPointF &scenePos) const;

private:
    DiagramScene *m_scene;
    QString m_id;
    QSizeF m_size;
};

} // namespace Gatehouse
