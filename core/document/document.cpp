#include "document.h"

#include "commands/addremoveitemscommand.h"
#include "commands/changevaluescommand.h"
#include "commands/itemssnapshot.h"
#include "model/projectfile.h"

#include <QJsonValue>
#include <QUndoStack>
#include <algorithm>

namespace Gatehouse {

namespace {

using Property = DocumentChange::Property;

DocumentChange::Properties diff(const Node &a, const Node &b)
{
    DocumentChange::Properties p;
    if (a.name != b.name)
        p |= Property::Name;
    if (a.kind != b.kind)
        p |= Property::Kind;
    if (a.role != b.role)
        p |= Property::Role;
    if (a.description != b.description)
        p |= Property::Description;
    if (a.lane != b.lane)
        p |= Property::Lane;
    if (a.position != b.position)
        p |= Property::Position;
    if (a.size != b.size)
        p |= Property::Size;
    if (a.port != b.port)
        p |= Property::Port;
    if (a.z != b.z)
        p |= Property::StackOrder;
    if (a.properties != b.properties)
        p |= Property::Properties;
    return p;
}

DocumentChange::Properties diff(const Edge &a, const Edge &b)
{
    DocumentChange::Properties p;
    if (a.kind != b.kind)
        p |= Property::Kind;
    if (a.source != b.source || a.target != b.target)
        p |= Property::Ends;
    if (a.label != b.label)
        p |= Property::Label;
    if (a.routes != b.routes)
        p |= Property::Routes;
    if (a.topics != b.topics)
        p |= Property::Topics;
    if (a.consumerGroup != b.consumerGroup)
        p |= Property::ConsumerGroup;
    if (a.keyPrefix != b.keyPrefix)
        p |= Property::KeyPrefix;
    if (a.timeoutMs != b.timeoutMs)
        p |= Property::Timeout;
    if (a.retries != b.retries)
        p |= Property::Retries;
    if (a.fallback != b.fallback)
        p |= Property::Fallback;
    if (a.circuitBreaker != b.circuitBreaker)
        p |= Property::CircuitBreaker;
    if (a.waypoints != b.waypoints)
        p |= Property::Waypoints;
    if (a.properties != b.properties)
        p |= Property::Properties;
    return p;
}

QString idPrefix(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ClientWeb:
        return QStringLiteral("web");
    case NodeKind::ClientMobile:
        return QStringLiteral("mobile");
    case NodeKind::ClientPartner:
        return QStringLiteral("partner");
    case NodeKind::Gateway:
        return QStringLiteral("gateway");
    case NodeKind::Service:
        return QStringLiteral("service");
    case NodeKind::CacheRedis:
        return QStringLiteral("redis");
    case NodeKind::BusKafka:
        return QStringLiteral("kafka");
    case NodeKind::DbPostgres:
        return QStringLiteral("db");
    }
    return QStringLiteral("node");
}

// A fresh id based on `wanted` that is neither in the topology nor in `taken`.
QString freshId(const Topology &topology, const QSet<QString> &taken, const QString &wanted)
{
    auto used = [&](const QString &id) { return taken.contains(id) || topology.node(id) || topology.edge(id); };
    if (!wanted.isEmpty() && !used(wanted))
        return wanted;
    QString base = wanted.isEmpty() ? QStringLiteral("node") : wanted;
    // "order-2" → base "order" so copies count up instead of growing suffixes.
    const int dash = int(base.lastIndexOf(QLatin1Char('-')));
    if (dash > 0) {
        bool numeric = false;
        base.mid(dash + 1).toInt(&numeric);
        if (numeric)
            base.truncate(dash);
    }
    for (int n = 2;; ++n) {
        const QString id = base + QLatin1Char('-') + QString::number(n);
        if (!used(id))
            return id;
    }
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document() = default;

void Document::rebuildIndex() const
{
    if (!m_indexDirty)
        return;
    m_nodeIndex.clear();
    m_edgeIndex.clear();
    m_edgesOfNode.clear();
    m_nodeIndex.reserve(m_topology.nodes.size());
    m_edgeIndex.reserve(m_topology.edges.size());
    for (int i = 0; i < m_topology.nodes.size(); ++i)
        m_nodeIndex.insert(m_topology.nodes[i].id, i);
    for (int i = 0; i < m_topology.edges.size(); ++i) {
        const Edge &e = m_topology.edges[i];
        m_edgeIndex.insert(e.id, i);
        m_edgesOfNode[e.source].append(e.id);
        if (e.target != e.source)
            m_edgesOfNode[e.target].append(e.id);
    }
    m_indexDirty = false;
}

const Node *Document::node(const QString &id) const
{
    rebuildIndex();
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_topology.nodes[*it];
}

const Edge *Document::edge(const QString &id) const
{
    rebuildIndex();
    const auto it = m_edgeIndex.constFind(id);
    return it == m_edgeIndex.cend() ? nullptr : &m_topology.edges[*it];
}

QStringList Document::edgeIdsOf(const QString &nodeId) const
{
    rebuildIndex();
    return m_edgesOfNode.value(nodeId);
}

void Document::resetTopology(const Topology &topology)
{
    m_undoStack->clear();
    m_topology = topology;
    m_indexDirty = true;
    const bool hadSelection = !m_selectedNodes.isEmpty() || !m_selectedEdges.isEmpty();
    m_selectedNodes.clear();
    m_selectedEdges.clear();
    m_undoStack->setClean();
    emitChange(DocumentChange::Kind::Reset, {}, Property::All);
    if (hadSelection)
        Q_EMIT selectionChanged();
}

void Document::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    Q_EMIT fileNameChanged(fileName);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::markClean()
{
    m_undoStack->setClean();
}

// --- selection -----------------------------------------------------------------------------

QStringList Document::selectedNodeIds() const
{
    QStringList ids(m_selectedNodes.cbegin(), m_selectedNodes.cend());
    ids.sort();
    return ids;
}

QStringList Document::selectedEdgeIds() const
{
    QStringList ids(m_selectedEdges.cbegin(), m_selectedEdges.cend());
    ids.sort();
    return ids;
}

QStringList Document::selectedIds() const
{
    return selectedNodeIds() + selectedEdgeIds();
}

bool Document::isSelected(const QString &id) const
{
    return m_selectedNodes.contains(id) || m_selectedEdges.contains(id);
}

void Document::setSelection(const QStringList &ids)
{
    QSet<QString> nodes, edges;
    for (const QString &id : ids) {
        if (node(id))
            nodes.insert(id);
        else if (edge(id))
            edges.insert(id);
    }
    if (nodes == m_selectedNodes && edges == m_selectedEdges)
        return;
    m_selectedNodes = std::move(nodes);
    m_selectedEdges = std::move(edges);
    Q_EMIT selectionChanged();
}

void Document::selectAll()
{
    QStringList ids;
    for (const Node &n : m_topology.nodes)
        ids.append(n.id);
    for (const Edge &e : m_topology.edges)
        ids.append(e.id);
    setSelection(ids);
}

void Document::dropFromSelection(const QStringList &ids)
{
    bool dropped = false;
    for (const QString &id : ids)
        dropped |= m_selectedNodes.remove(id) | m_selectedEdges.remove(id);
    if (dropped)
        Q_EMIT selectionChanged();
}

// --- the private apply functions: the only mutations -----------------------------------------

void Document::insertItems(const ItemsSnapshot &items)
{
    for (const auto &n : items.nodes) {
        const int at = n.index < 0 ? int(m_topology.nodes.size()) : std::min(n.index, int(m_topology.nodes.size()));
        m_topology.nodes.insert(at, n.node);
    }
    for (const auto &e : items.edges) {
        const int at = e.index < 0 ? int(m_topology.edges.size()) : std::min(e.index, int(m_topology.edges.size()));
        m_topology.edges.insert(at, e.edge);
    }
    m_indexDirty = true;
    if (!items.nodes.isEmpty())
        emitChange(DocumentChange::Kind::NodesAdded, items.nodeIds(), Property::All);
    if (!items.edges.isEmpty())
        emitChange(DocumentChange::Kind::EdgesAdded, items.edgeIds(), Property::All);
}

void Document::removeItems(const ItemsSnapshot &items)
{
    const QStringList edgeIds = items.edgeIds();
    const QStringList nodeIds = items.nodeIds();
    const QSet<QString> edgeSet(edgeIds.cbegin(), edgeIds.cend());
    const QSet<QString> nodeSet(nodeIds.cbegin(), nodeIds.cend());
    m_topology.edges.removeIf([&](const Edge &e) { return edgeSet.contains(e.id); });
    m_topology.nodes.removeIf([&](const Node &n) { return nodeSet.contains(n.id); });
    m_indexDirty = true;
    dropFromSelection(edgeIds + nodeIds);
    if (!edgeIds.isEmpty())
        emitChange(DocumentChange::Kind::EdgesRemoved, edgeIds, Property::All);
    if (!nodeIds.isEmpty())
        emitChange(DocumentChange::Kind::NodesRemoved, nodeIds, Property::All);
}

void Document::applyValues(const QList<Node> &nodes, const QList<Edge> &edges)
{
    rebuildIndex();
    QStringList nodeIds, edgeIds;
    DocumentChange::Properties nodeProps, edgeProps;
    for (const Node &n : nodes) {
        const auto it = m_nodeIndex.constFind(n.id);
        if (it == m_nodeIndex.cend())
            continue;
        Node &current = m_topology.nodes[*it];
        const auto props = diff(current, n);
        if (!props)
            continue;
        current = n;
        nodeProps |= props;
        nodeIds.append(n.id);
    }
    for (const Edge &e : edges) {
        const auto it = m_edgeIndex.constFind(e.id);
        if (it == m_edgeIndex.cend())
            continue;
        Edge &current = m_topology.edges[*it];
        const auto props = diff(current, e);
        if (!props)
            continue;
        if (props & Property::Ends)
            m_indexDirty = true;
        current = e;
        edgeProps |= props;
        edgeIds.append(e.id);
    }
    if (!nodeIds.isEmpty())
        emitChange(DocumentChange::Kind::NodesChanged, nodeIds, nodeProps);
    if (!edgeIds.isEmpty())
        emitChange(DocumentChange::Kind::EdgesChanged, edgeIds, edgeProps);
}

void Document::emitChange(DocumentChange::Kind kind, const QStringList &ids, DocumentChange::Properties properties)
{
    DocumentChange change;
    change.kind = kind;
    change.ids = ids;
    change.properties = properties;
    Q_EMIT changed(change);
}

// --- edits -----------------------------------------------------------------------------------

QString Document::nodeLabel(const QString &id) const
{
    const Node *n = node(id);
    return n ? (n->name.isEmpty() ? n->id : n->name) : id;
}

QString Document::addNode(Node node)
{
    node.id = freshId(m_topology, {}, node.id.isEmpty() ? idPrefix(node.kind) : node.id);
    if (node.name.isEmpty())
        node.name = displayName(node.kind);
    ItemsSnapshot items;
    items.nodes.append({ -1, node });
    m_undoStack->push(
        new AddRemoveItemsCommand(this, AddRemoveItemsCommand::Mode::Add, items, tr("Add “%1”").arg(node.name)));
    return node.id;
}

QString Document::addEdge(Edge edge, QString *reason)
{
    const Node *from = node(edge.source);
    const Node *to = node(edge.target);
    if (!from || !to) {
        if (reason)
            *reason = tr("Both ends of a connection must be nodes of this diagram.");
        return {};
    }
    if (from->id == to->id) {
        if (reason)
            *reason = tr("A node cannot connect to itself.");
        return {};
    }
    QString why;
    if (!isEdgeAllowed(edge.kind, from->kind, to->kind, &why)) {
        if (reason)
            *reason = why;
        return {};
    }
    for (const Edge &e : m_topology.edges) {
        if (e.source == edge.source && e.target == edge.target && e.kind == edge.kind) {
            if (reason)
                *reason = tr("“%1” already has a %2 connection to “%3”.")
                              .arg(nodeLabel(from->id), displayName(edge.kind), nodeLabel(to->id));
            return {};
        }
    }
    edge.id = freshId(m_topology, {}, edge.id.isEmpty() ? QStringLiteral("e-%1-%2").arg(from->id, to->id) : edge.id);
    const QString text = tr("Connect “%1” → “%2”").arg(nodeLabel(from->id), nodeLabel(to->id));
    ItemsSnapshot items;
    items.edges.append({ -1, edge });
    m_undoStack->push(new AddRemoveItemsCommand(this, AddRemoveItemsCommand::Mode::Add, items, text));
    return edge.id;
}

namespace {
QString edgeText(const Document &doc, const QString &id)
{
    const Edge *e = doc.edge(id);
    if (!e)
        return id;
    const Node *s = doc.node(e->source);
    const Node *t = doc.node(e->target);
    return QStringLiteral("%1 → %2").arg(s ? s->name : e->source, t ? t->name : e->target);
}
} // namespace

ItemsSnapshot Document::snapshotForDelete(const QStringList &ids) const
{
    rebuildIndex();
    QSet<QString> nodeIds, edgeIds;
    for (const QString &id : ids) {
        if (m_nodeIndex.contains(id)) {
            nodeIds.insert(id);
            for (const QString &e : m_edgesOfNode.value(id))
                edgeIds.insert(e);
        } else if (m_edgeIndex.contains(id)) {
            edgeIds.insert(id);
        }
    }
    ItemsSnapshot items;
    for (int i = 0; i < m_topology.nodes.size(); ++i) {
        if (nodeIds.contains(m_topology.nodes[i].id))
            items.nodes.append({ i, m_topology.nodes[i] });
    }
    for (int i = 0; i < m_topology.edges.size(); ++i) {
        if (edgeIds.contains(m_topology.edges[i].id))
            items.edges.append({ i, m_topology.edges[i] });
    }
    return items;
}

void Document::deleteItems(const QStringList &ids)
{
    ItemsSnapshot items = snapshotForDelete(ids);
    if (items.isEmpty())
        return;
    QString text;
    const int nodes = int(items.nodes.size()), edges = int(items.edges.size());
    if (nodes == 1)
        text = tr("Delete “%1”").arg(items.nodes.first().node.name);
    else if (nodes == 0 && edges == 1)
        text = tr("Delete connection %1").arg(edgeText(*this, items.edges.first().edge.id));
    else if (edges == 0)
        text = tr("Delete %1 nodes").arg(nodes);
    else if (nodes == 0)
        text = tr("Delete %1 connections").arg(edges);
    else
        text = tr("Delete %1 nodes and %2 connections").arg(nodes).arg(edges);
    m_undoStack->push(new AddRemoveItemsCommand(this, AddRemoveItemsCommand::Mode::Remove, std::move(items), text));
}

void Document::editNodes(const QStringList &ids, const std::function<void(Node &)> &edit, const QString &text,
    const QString &mergeKey, bool commit)
{
    QList<Node> before, after;
    for (const QString &id : ids) {
        const Node *n = node(id);
        if (!n)
            continue;
        Node changed = *n;
        edit(changed);
        changed.id = n->id; // ids are not editable through values
        before.append(*n);
        after.append(std::move(changed));
    }
    if (before == after) {
        // Still close an open merge chain so the next drag starts a new step.
        if (commit && !mergeKey.isEmpty() && m_undoStack->count() > 0 && m_undoStack->index() == m_undoStack->count()) {
            m_undoStack->push(new ChangeValuesCommand(this, before, after, {}, {}, text, mergeKey, true));
        }
        return;
    }
    m_undoStack->push(new ChangeValuesCommand(this, before, after, {}, {}, text, mergeKey, commit));
}

void Document::editEdges(const QStringList &ids, const std::function<void(Edge &)> &edit, const QString &text,
    const QString &mergeKey, bool commit)
{
    QList<Edge> before, after;
    for (const QString &id : ids) {
        const Edge *e = edge(id);
        if (!e)
            continue;
        Edge changed = *e;
        edit(changed);
        changed.id = e->id;
        before.append(*e);
        after.append(std::move(changed));
    }
    if (before == after) {
        if (commit && !mergeKey.isEmpty() && m_undoStack->count() > 0 && m_undoStack->index() == m_undoStack->count()) {
            m_undoStack->push(new ChangeValuesCommand(this, {}, {}, before, after, text, mergeKey, true));
        }
        return;
    }
    m_undoStack->push(new ChangeValuesCommand(this, {}, {}, before, after, text, mergeKey, commit));
}

void Document::moveNodes(const QHash<QString, QPointF> &positions, bool commit, const QHash<QString, Lane> &lanes)
{
    QStringList ids;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (node(it.key()))
            ids.append(it.key());
    }
    if (ids.isEmpty())
        return;
    ids.sort();
    const QString text
        = ids.size() == 1 ? tr("Move “%1”").arg(nodeLabel(ids.first())) : tr("Move %1 nodes").arg(ids.size());
    editNodes(
        ids,
        [&](Node &n) {
            n.position = positions.value(n.id);
            n.lane = lanes.value(n.id, n.lane);
        },
        text, QStringLiteral("move"), commit);
}

void Document::moveNodesBy(const QStringList &ids, const QPointF &delta)
{
    QHash<QString, QPointF> positions;
    for (const QString &id : ids) {
        if (const Node *n = node(id))
            positions.insert(id, n->position + delta);
    }
    moveNodes(positions, true);
}

void Document::setNodeGeometry(const QString &id, const QRectF &geometry, bool commit)
{
    editNodes(
        { id },
        [&](Node &n) {
            n.position = geometry.topLeft();
            n.size = geometry.size();
        },
        tr("Resize “%1”").arg(nodeLabel(id)), QStringLiteral("resize"), commit);
}

void Document::setNodeName(const QString &id, const QString &name)
{
    editNodes(
        { id }, [&](Node &n) { n.name = name; }, tr("Rename “%1”").arg(nodeLabel(id)));
}

void Document::setNodeKind(const QString &id, NodeKind kind)
{
    editNodes(
        { id }, [&](Node &n) { n.kind = kind; }, tr("Change kind of “%1”").arg(nodeLabel(id)));
}

void Document::setNodeRole(const QString &id, ServiceRole role)
{
    editNodes(
        { id }, [&](Node &n) { n.role = role; }, tr("Change role of “%1”").arg(nodeLabel(id)));
}

void Document::setNodeDescription(const QString &id, const QString &description)
{
    editNodes(
        { id }, [&](Node &n) { n.description = description; }, tr("Edit description of “%1”").arg(nodeLabel(id)));
}

void Document::setNodePort(const QString &id, int port)
{
    editNodes(
        { id }, [&](Node &n) { n.port = port; }, tr("Change port of “%1”").arg(nodeLabel(id)));
}

void Document::setNodeLane(const QString &id, Lane lane)
{
    editNodes(
        { id }, [&](Node &n) { n.lane = lane; }, tr("Move “%1” to another lane").arg(nodeLabel(id)));
}

namespace {

// New z values that put `ids` above (up = true) or below every other node, in their present
// stacking order; equal z values keep the order of the ids.
QHash<QString, int> restacked(const QList<Node> &nodes, const QStringList &ids, bool up)
{
    QList<const Node *> moving;
    int othersMin = 0, othersMax = 0;
    bool anyOther = false;
    for (const Node &n : nodes) {
        if (ids.contains(n.id)) {
            moving.append(&n);
        } else {
            othersMin = anyOther ? std::min(othersMin, n.z) : n.z;
            othersMax = anyOther ? std::max(othersMax, n.z) : n.z;
            anyOther = true;
        }
    }
    std::stable_sort(moving.begin(), moving.end(), [](const Node *a, const Node *b) { return a->z < b->z; });
    QHash<QString, int> z;
    const int count = int(moving.size());
    if (count == 0)
        return z;
    bool distinct = true;
    for (int i = 1; i < count; ++i)
        distinct = distinct && moving.at(i - 1)->z < moving.at(i)->z;
    const bool alreadyThere = !anyOther || (up ? moving.first()->z > othersMax : moving.last()->z < othersMin);
    if (alreadyThere && distinct) {
        for (const Node *n : moving)
            z.insert(n->id, n->z); // no change: no undo step
        return z;
    }
    for (int i = 0; i < count; ++i)
        z.insert(moving.at(i)->id, up ? othersMax + 1 + i : othersMin - count + i);
    return z;
}

} // namespace

void Document::bringToFront(const QStringList &ids)
{
    const QHash<QString, int> z = restacked(m_topology.nodes, ids, true);
    editNodes(z.keys(), [&](Node &n) { n.z = z.value(n.id); }, tr("Bring to front"));
}

void Document::sendToBack(const QStringList &ids)
{
    const QHash<QString, int> z = restacked(m_topology.nodes, ids, false);
    editNodes(z.keys(), [&](Node &n) { n.z = z.value(n.id); }, tr("Send to back"));
}

void Document::setNodeProperty(const QString &id, const QString &key, const QJsonValue &value)
{
    editNodes(
        { id },
        [&](Node &n) {
            if (value.isUndefined())
                n.properties.remove(key);
            else
                n.properties.insert(key, value);
        },
        tr("Set %1 of “%2”").arg(key, nodeLabel(id)));
}

void Document::setEdgeKind(const QString &id, EdgeKind kind)
{
    editEdges(
        { id }, [&](Edge &e) { e.kind = kind; }, tr("Change kind of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeLabel(const QString &id, const QString &label)
{
    editEdges(
        { id }, [&](Edge &e) { e.label = label; }, tr("Edit label of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeRoutes(const QString &id, const QList<Route> &routes)
{
    editEdges(
        { id }, [&](Edge &e) { e.routes = routes; }, tr("Edit routes of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeRoute(const QString &id, int index, const Route &route)
{
    const Edge *e = edge(id);
    if (!e || index < 0 || index >= e->routes.size())
        return;
    const Route &old = e->routes[index];
    editEdges(
        { id }, [&](Edge &edge) { edge.routes[index] = route; }, tr("Edit route %1 %2").arg(old.method, old.path));
}

void Document::setEdgeTopics(const QString &id, const QList<Topic> &topics)
{
    editEdges(
        { id }, [&](Edge &e) { e.topics = topics; }, tr("Edit topics of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeConsumerGroup(const QString &id, const QString &group)
{
    editEdges(
        { id }, [&](Edge &e) { e.consumerGroup = group; }, tr("Edit consumer group of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeKeyPrefix(const QString &id, const QString &prefix)
{
    editEdges(
        { id }, [&](Edge &e) { e.keyPrefix = prefix; }, tr("Edit key prefix of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeTimeout(const QString &id, int timeoutMs)
{
    editEdges(
        { id }, [&](Edge &e) { e.timeoutMs = timeoutMs; }, tr("Edit timeout of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeRetries(const QString &id, int retries)
{
    editEdges(
        { id }, [&](Edge &e) { e.retries = retries; }, tr("Edit retries of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeFallback(const QString &id, const Fallback &fallback)
{
    editEdges(
        { id }, [&](Edge &e) { e.fallback = fallback; }, tr("Edit fallback of %1").arg(edgeText(*this, id)));
}

void Document::setEdgeWaypoints(const QString &id, const QList<QPointF> &waypoints, bool commit)
{
    editEdges(
        { id }, [&](Edge &e) { e.waypoints = waypoints; }, tr("Edit waypoints of %1").arg(edgeText(*this, id)),
        QStringLiteral("waypoints"), commit);
}

void Document::setEdgeProperty(const QString &id, const QString &key, const QJsonValue &value)
{
    editEdges(
        { id },
        [&](Edge &e) {
            if (value.isUndefined())
                e.properties.remove(key);
            else
                e.properties.insert(key, value);
        },
        tr("Set %1 of %2").arg(key, edgeText(*this, id)));
}

// Topology-level fields go through a tiny command of their own: they are not nodes or edges.
namespace {
class SetTopologyFieldsCommand : public QUndoCommand
{
public:
    SetTopologyFieldsCommand(
        std::function<void(const Topology &)> apply, Topology before, Topology after, const QString &text)
        : QUndoCommand(text)
        , m_apply(std::move(apply))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_apply(m_after); }
    void undo() override { m_apply(m_before); }

private:
    std::function<void(const Topology &)> m_apply;
    Topology m_before, m_after; // nodes and edges left empty: only the header fields matter
};
} // namespace

static Topology headerOf(const Topology &t)
{
    Topology h;
    h.name = t.name;
    h.description = t.description;
    h.runSettings = t.runSettings;
    return h;
}

void Document::setTopologyName(const QString &name)
{
    Topology after = headerOf(m_topology);
    after.name = name;
    if (after.name == m_topology.name)
        return;
    auto apply = [this](const Topology &h) {
        m_topology.name = h.name;
        emitChange(DocumentChange::Kind::TopologyChanged, {}, Property::Name);
    };
    m_undoStack->push(new SetTopologyFieldsCommand(apply, headerOf(m_topology), after, tr("Rename diagram")));
}

void Document::setTopologyDescription(const QString &description)
{
    if (description == m_topology.description)
        return;
    Topology after = headerOf(m_topology);
    after.description = description;
    auto apply = [this](const Topology &h) {
        m_topology.description = h.description;
        emitChange(DocumentChange::Kind::TopologyChanged, {}, Property::Description);
    };
    m_undoStack->push(new SetTopologyFieldsCommand(apply, headerOf(m_topology), after, tr("Edit diagram description")));
}

void Document::setRunSettings(const RunSettings &settings)
{
    if (settings == m_topology.runSettings)
        return;
    Topology after = headerOf(m_topology);
    after.runSettings = settings;
    auto apply = [this](const Topology &h) {
        m_topology.runSettings = h.runSettings;
        emitChange(DocumentChange::Kind::TopologyChanged, {}, Property::RunSettings);
    };
    m_undoStack->push(new SetTopologyFieldsCommand(apply, headerOf(m_topology), after, tr("Edit run settings")));
}

// --- clipboard -------------------------------------------------------------------------------

QByteArray Document::copy(const QStringList &ids) const
{
    Topology fragment;
    QSet<QString> nodeIds;
    for (const QString &id : ids) {
        if (const Node *n = node(id)) {
            fragment.nodes.append(*n);
            nodeIds.insert(id);
        }
    }
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    for (const Edge &e : m_topology.edges) {
        const bool inner = nodeIds.contains(e.source) && nodeIds.contains(e.target);
        // A lone edge can only be pasted where its ends exist: take it with its ends' ids kept.
        if (inner || (wanted.contains(e.id) && nodeIds.contains(e.source) && nodeIds.contains(e.target)))
            fragment.edges.append(e);
    }
    if (fragment.nodes.isEmpty())
        return {};
    fragment.name = m_topology.name;
    return ProjectFile::toJson(fragment);
}

QStringList Document::paste(const QByteArray &fragmentJson, const QPointF &offset, QString *error)
{
    const LoadResult loaded = ProjectFile::fromJson(fragmentJson);
    if (!loaded.ok()) {
        if (error)
            *error = tr("The clipboard does not hold Gatehouse nodes: %1").arg(loaded.problems.first().toString());
        return {};
    }
    if (loaded.topology.nodes.isEmpty()) {
        if (error)
            *error = tr("The clipboard holds no nodes.");
        return {};
    }
    QSet<QString> taken;
    QHash<QString, QString> newIds;
    ItemsSnapshot items;
    for (Node n : loaded.topology.nodes) {
        const QString id = freshId(m_topology, taken, n.id);
        taken.insert(id);
        newIds.insert(n.id, id);
        n.id = id;
        n.position += offset;
        items.nodes.append({ -1, n });
    }
    for (Edge e : loaded.topology.edges) {
        const QString id = freshId(m_topology, taken, e.id);
        taken.insert(id);
        e.id = id;
        e.source = newIds.value(e.source);
        e.target = newIds.value(e.target);
        for (QPointF &p : e.waypoints)
            p += offset;
        items.edges.append({ -1, e });
    }
    const QStringList ids = items.nodeIds() + items.edgeIds();
    m_undoStack->push(new AddRemoveItemsCommand(this, AddRemoveItemsCommand::Mode::Add, items,
        ids.size() == 1 ? tr("Paste 1 item") : tr("Paste %1 items").arg(ids.size())));
    setSelection(ids);
    return ids;
}

QStringList Document::duplicate(const QStringList &ids, const QPointF &offset)
{
    const QByteArray data = copy(ids);
    if (data.isEmpty())
        return {};
    MacroGuard guard(*this, tr("Duplicate"));
    return paste(data, offset);
}

Document::MacroGuard::MacroGuard(Document &document, const QString &text)
    : m_document(document)
{
    m_document.m_undoStack->beginMacro(text);
}

Document::MacroGuard::~MacroGuard()
{
    m_document.m_undoStack->endMacro();
}

} // namespace Gatehouse
