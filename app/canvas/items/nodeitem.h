#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <optional>

namespace Gatehouse {

class DiagramScene;
struct Node;

// A thin view of one node: knows its id, reads the node from the scene's Document when it
// paints, and delegates drawing to NodePainter. Not the data model (STYLE §Patterns 6).
class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal ResizeHandle = 10; // the bottom-right square of a selected node
    // Levels of detail, by zoom (device pixels per scene unit):
    //   below OverviewBelow  the OverviewItem draws every node as a box and every edge as a thin
    //                        line in batches; node and edge items paint nothing (a live badge
    //                        excepted): titles would be under 4 px, unreadable anyway;
    //   below LabelsBelow    nodes with their title only, edges without labels;
    //   from LabelsBelow     everything (subtitles, badges, edge labels).
    // While the view is zooming (DiagramScene::isDraft(), one wheel gesture), zooms from
    // OverviewBelow up to DraftBelow are drawn in draft: plain boxes with their title and a
    // role stripe, thin edges with an arrowhead and no label. The full detail follows once the
    // gesture settles (below LabelsBelow a draft title is a bar: it could not be read). At
    // 100 % and above nothing changes.
    static constexpr qreal OverviewBelow = 0.35;
    static constexpr qreal LabelsBelow = 0.45;
    static constexpr qreal DraftBelow = 1.0;

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
    void paintDraft(QPainter *painter, const Node &node, qreal lod) const;

    DiagramScene *m_scene;
    QString m_id;
    QSizeF m_size;
    std::optional<LiveBadge> m_badge;
};

} // namespace Gatehouse
