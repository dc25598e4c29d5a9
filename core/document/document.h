#pragma once

#include "documentchange.h"
#include "model/topology.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

class QUndoStack;

namespace Gatehouse {

class AddRemoveItemsCommand;
class ChangeValuesCommand;
struct ItemsSnapshot;

// The editor's model of one open diagram: the Topology plus its undo history, selection,
// file name and clean state.
//
// Contract:
//  - Every edit is a public method here that pushes one QUndoCommand on undoStack(); views
//    and docks never push commands themselves and never mutate the topology directly.
//  - Every mutation (do, undo, redo) is announced with exactly one `changed` signal per kind
//    of change; nothing else signals model changes.
//  - Commands hold ids and value snapshots, never pointers into the topology.
//  - Methods taking ids ignore ids that do not exist.
class Document : public QObject
{
    Q_OBJECT

public:
    // The clipboard MIME type for copied nodes and edges (a project-file JSON fragment).
    static QString clipboardMimeType() { return QStringLiteral("application/x-gatehouse-fragment+json"); }

    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Topology &topology() const { return m_topology; }
    const Node *node(const QString &id) const;
    const Edge *edge(const QString &id) const;
    // Ids of the edges that start or end at `nodeId`.
    QStringList edgeIdsOf(const QString &nodeId) const;

    // Replaces the whole topology (open / new): clears history and selection, emits Reset,
    // and the document is clean afterwards.
    void resetTopology(const Topology &topology);

    // --- history, file state ---------------------------------------------------------------
    QUndoStack *undoStack() const { return m_undoStack; }
    QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    bool isModified() const;
    void markClean(); // after a successful save

    // --- selection (by id; not part of the undo history) ------------------------------------
    QStringList selectedNodeIds() const;
    QStringList selectedEdgeIds() const;
    QStringList selectedIds() const; // nodes then edges, each sorted
    bool isSelected(const QString &id) const;
    void setSelection(const QStringList &ids); // node and edge ids mixed; unknown ids dropped
    void clearSelection() { setSelection({}); }
    void selectAll();

    // --- edits: each pushes one undo step ----------------------------------------------------
    // Adds a node. An empty id gets a fresh one from the kind; an empty name gets the kind's
    // display name. Returns the node's id.
    QString addNode(Node node);
    // Adds an edge if isEdgeAllowed() says so and both ends exist; otherwise returns an empty
    // id and, if given, sets `reason` to a sentence for the user.
    QString addEdge(Edge edge, QString *reason = nullptr);
    // Deletes nodes and edges by id; a deleted node takes its edges with it.
    void deleteItems(const QStringList &ids);

    // Moves nodes to new top-left positions. A drag calls this on every mouse move with
    // commit=false and once on release with commit=true: the whole drag is one undo step.
    // `lanes` moves nodes into another lane in the same step (a node dropped onto another band).
    void moveNodes(const QHash<QString, QPointF> &positions, bool commit = true, const QHash<QString, Lane> &lanes = {});
    void moveNodesBy(const QStringList &ids, const QPointF &delta);
    // Sets position and size (resize handle). Same commit rule as moveNodes.
    void setNodeGeometry(const QString &id, const QRectF &geometry, bool commit = true);
    void setNodeName(const QString &id, const QString &name);
    void setNodeKind(const QString &id, NodeKind kind);
    void setNodeRole(const QString &id, ServiceRole role);
    void setNodeDescription(const QString &id, const QString &description);
    void setNodePort(const QString &id, int port);
    void setNodeLane(const QString &id, Lane lane);
    // Stacking order of overlapping nodes: the given nodes go above (below) every other node,
    // keeping their order among themselves. One undo step; nothing happens when they already are.
    void bringToFront(const QStringList &ids);
    void sendToBack(const QStringList &ids);
    // Sets one key of Node::properties; an undefined value removes the key.
    void setNodeProperty(const QString &id, const QString &key, const QJsonValue &value);

    void setEdgeKind(const QString &id, EdgeKind kind);
    void setEdgeLabel(const QString &id, const QString &label);
    void setEdgeRoutes(const QString &id, const QList<Route> &routes);
    // Replaces route `index` (0-based) of a sync edge; undo text names the route.
    void setEdgeRoute(const QString &id, int index, const Route &route);
    void setEdgeTopics(const QString &id, const QList<Topic> &topics);
    void setEdgeConsumerGroup(const QString &id, const QString &group);
    void setEdgeKeyPrefix(const QString &id, const QString &prefix);
    void setEdgeTimeout(const QString &id, int timeoutMs);
    void setEdgeRetries(const QString &id, int retries);
    void setEdgeFallback(const QString &id, const Fallback &fallback);
    // Waypoints in scene coordinates; a waypoint drag uses commit=false until release.
    void setEdgeWaypoints(const QString &id, const QList<QPointF> &waypoints, bool commit = true);
    void setEdgeProperty(const QString &id, const QString &key, const QJsonValue &value);

    void setTopologyName(const QString &name);
    void setTopologyDescription(const QString &description);
    void setRunSettings(const RunSettings &settings);

    // The general form behind every setter above: applies `edit` to a copy of each node/edge
    // and pushes one value-change command (no-op edits push nothing). `mergeKey` non-empty
    // makes consecutive edits with the same key and ids merge until one has commit=true.
    void editNodes(const QStringList &ids, const std::function<void(Node &)> &edit, const QString &text,
        const QString &mergeKey = {}, bool commit = true);
    void editEdges(const QStringList &ids, const std::function<void(Edge &)> &edit, const QString &text,
        const QString &mergeKey = {}, bool commit = true);

    // --- clipboard -----------------------------------------------------------------------------
    // A project-file JSON fragment with the given nodes, the given edges and every edge between
    // two of the given nodes. Empty when nothing applies.
    QByteArray copy(const QStringList &ids) const;
    // Inserts a fragment made by copy() (this or another window) with fresh ids, shifted by
    // `offset`, as one undo step, and selects it. Returns the new ids; on bad input returns
    // nothing and sets `error`.
    QStringList paste(const QByteArray &fragment, const QPointF &offset, QString *error = nullptr);
    // copy() + paste() in one step, offset by one grid step.
    QStringList duplicate(const QStringList &ids, const QPointF &offset);

    // Groups every edit made during its lifetime into one undo step (RAII).
    class MacroGuard
    {
    public:
        MacroGuard(Document &document, const QString &text);
        ~MacroGuard();
        MacroGuard(const MacroGuard &) = delete;
        MacroGuard &operator=(const MacroGuard &) = delete;

    private:
        Document &m_document;
    };

Q_SIGNALS:
    void changed(const Gatehouse::DocumentChange &change);
    void selectionChanged();
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);

private:
    friend class AddRemoveItemsCommand;
    friend class ChangeValuesCommand;

    // The only code paths that mutate m_topology (besides resetTopology).
    void insertItems(const ItemsSnapshot &items);
    void removeItems(const ItemsSnapshot &items);
    void applyValues(const QList<Node> &nodes, const QList<Edge> &edges);

    ItemsSnapshot snapshotForDelete(const QStringList &ids) const;
    QString nodeLabel(const QString &id) const;
    void rebuildIndex() const;
    void emitChange(DocumentChange::Kind kind, const QStringList &ids, DocumentChange::Properties properties = {});
    void dropFromSelection(const QStringList &ids);

    Topology m_topology;
    QUndoStack *m_undoStack = nullptr;
    QString m_fileName;
    QSet<QString> m_selectedNodes;
    QSet<QString> m_selectedEdges;

    // Lookup caches, rebuilt lazily after inserts and removals.
    mutable bool m_indexDirty = true;
    mutable QHash<QString, int> m_nodeIndex;
    mutable QHash<QString, int> m_edgeIndex;
    mutable QHash<QString, QStringList> m_edgesOfNode;
};

} // namespace Gatehouse
