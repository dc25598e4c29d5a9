#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <optional>

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

    // The live state of a running stack, drawn as a coloured pill on the node's top edge
    // ("ready", "paused", …) with a lightning mark when faults are injected. nullopt clears it
    // (the stack stopped). The caller supplies the translated text.
    struct LiveBadge
    {
        QString text;
        QColor color;
        bool faultInjected = false;
        bool operator==(const LiveBadge &) const = default;
    };
    void setLiveBadge(const std::optional<LiveBadge> &badge);
    std::optional<LiveBadge> liveBadge() const { return m_badge; }

private:
    void paintBadge(QPainter *painter, qreal lod) const;

    DiagramScene *m_scene;
    QString m_id;
    QSizeF m_size;
    std::optional<LiveBadge> m_badge;
};

} // namespace Gatehouse
