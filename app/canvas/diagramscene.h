#pragma once

#include "model/kinds.h"
#include "render/diagramlayout.h"
#include "render/renderoptions.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointF>
#include <QPointer>
#include <functional>
#include <optional>

class QGraphicsLineItem;

namespace Gatehouse {

class Document;
struct DocumentChange;
class EdgeItem;
class LaneItem;
class OverviewItem;
class NodeItem;

// The graphics scene of one Document. It mirrors the document (one NodeItem / EdgeItem per
// node / edge, resynced from Document::changed, never the other way round) and turns mouse
// gestures into Document edits: a drag is moveNodes(commit=false)… then commit=true, so the
// whole drag is one undo step; dragging from a node to another connects them.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    // Drag-and-drop payload for "create a node": "<kind>" or "<kind>:<role>" in UTF-8,
    // e.g. "service:payment" (palette → canvas).
    static QString nodeKindMimeType() { return QStringLiteral("application/x-gatehouse-node-kind"); }

    enum class Tool { Select, Connect };
    enum class Alignment { Left, HCenter, Right, Top, VCenter, Bottom };

    // Asked when more than one edge kind fits between two nodes; nullopt cancels. The
    // default shows a menu at `screenPos`.
    using EdgeKindChooser
        = std::function<std::optional<EdgeKind>(const QList<EdgeKind> &kinds, const QPoint &screenPos)>;

    explicit DiagramScene(Document *document, QObject *parent = nullptr);
    ~DiagramScene() override;

    Document *document() const { return m_document; }
    const DiagramLayout &layout() const { return m_layout; }
    NodeItem *nodeItem(const QString &id) const { return m_nodeItems.value(id); }
    EdgeItem *edgeItem(const QString &id) const { return m_edgeItems.value(id); }
    // Draws the whole diagram below NodeItem::OverviewBelow (see OverviewItem).
    OverviewItem *overviewItem() const { return m_overviewItem; }

    ViewFilters filters() const { return m_filters; }
    void setFilters(ViewFilters filters);
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool on) { m_snap = on; }
    static constexpr qreal GridSize = 10;
    void setEdgeKindChooser(EdgeKindChooser chooser) { m_chooser = std::move(chooser); }
    // Detailed zoom levels: nodes keep a device-pixel cache so a pan step blits instead of
    // repainting text and antialiased shapes. Far out (plain boxes) caching only costs memory
    // and re-renders on every zoom step, so the view turns it off there. Edges are never
    // cached: a long edge's cache would be a pixmap the size of the diagram.
    void setItemCaching(bool on);
    // Draft drawing while the view zooms (see NodeItem::DraftBelow); the view turns it on at
    // each zoom step and off when the gesture settles. Changing it repaints the scene.
    bool isDraft() const { return m_draft; }
    void setDraft(bool on);
    // The overview and the zoom draft pay off only on large diagrams: a diagram with fewer
    // than largeFrom() nodes + edges (the example has 48) is drawn in full at every zoom and
    // every step, so its text stays as sharp as the zoom allows. Tests lower it to 0.
    static constexpr int LargeFromItems = 300;
    bool isLarge() const;
    int largeFrom() const { return m_largeFrom; }
    void setLargeFrom(int items);

    // --- operations on the document's selection (each one undo step) ---
    QString createNode(NodeKind kind, ServiceRole role, const QPointF &centre);
    // Connects two nodes as a user's drag would: picks or asks the edge kind, refuses with a
    // reason (connectionRefused) when no kind fits. Returns the new edge id or "".
    QString connectNodes(const QString &from, const QString &to, const QPoint &screenPos = {});
    void deleteSelection();
    void copySelection() const;
    void cutSelection();
    void paste();
    void duplicateSelection();
    void alignSelection(Alignment alignment);
    void distributeSelection(Qt::Orientation orientation);
    // Lays nodes out in rows by lane. all=false moves only nodes that overlap another node
    // (e.g. just dropped or pasted); all=true re-lays out every node.
    void autoLayout(bool all);
    void clearWaypoints(const QStringList &edgeIds);
    // Adds a waypoint on the edge's route at the point nearest to `scenePos` (double-click);
    // it can then be dragged.
    void addWaypoint(const QString &edgeId, const QPointF &scenePos);
    // Ids of nodes whose name or id contains `text` (case-insensitive), in document order.
    QStringList findNodes(const QString &text) const;

Q_SIGNALS:
    void connectionRefused(const QString &reason);
    void renameRequested(const QString &nodeId);
    void filtersChanged(Gatehouse::ViewFilters filters);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void onDocumentChanged(const DocumentChange &change);
    void rebuildAll();
    void syncEdges(const QStringList &edgeIds);
    void syncSelectionFromDocument();
    void syncSelectionToDocument();
    void updateSceneRect();
    NodeItem *nodeAt(const QPointF &scenePos) const;
    QPointF snapped(const QPointF &p) const;
    // Nodes of `movedIds` whose centre now lies in another lane's band, with that lane. The bands
    // come from the nodes that did not move, so a node dragged out of its lane joins the lane it
    // was dropped on; dropped outside every band, it keeps its lane.
    QHash<QString, Lane> lanesAfterDrop(const QStringList &movedIds) const;

    Document *m_document;
    DiagramLayout m_layout;
    ViewFilters m_filters = allViewFilters();
    Tool m_tool = Tool::Select;
    bool m_snap = true;
    EdgeKindChooser m_chooser;
    QHash<QString, NodeItem *> m_nodeItems;
    QHash<QString, EdgeItem *> m_edgeItems;
    LaneItem *m_laneItem = nullptr;
    OverviewItem *m_overviewItem = nullptr;
    bool m_syncingSelection = false;
    bool m_itemCaching = false;
    bool m_draft = false;
    int m_largeFrom = LargeFromItems;

    // Gesture state.
    enum class Gesture { None, Move, Resize, Connect, Waypoint };
    Gesture m_gesture = Gesture::None;
    QPointF m_pressPos;
    bool m_dragStarted = false;
    QHash<QString, QPointF> m_moveOrigins;
    QString m_gestureId;
    QRectF m_resizeOrigin;
    int m_waypointIndex = -1;
    QGraphicsLineItem *m_connectLine = nullptr;
    int m_pasteCount = 0;
};

} // namespace Gatehouse
