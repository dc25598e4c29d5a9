#include "topology.h"

#include <algorithm>

namespace Gatehouse {

const Node *Topology::node(const QString &id) const
{
    const int index = indexOfNode(id);
    return index < 0 ? nullptr : &nodes[index];
}

Node *Topology::node(const QString &id)
{
    const int index = indexOfNode(id);
    return index < 0 ? nullptr : &nodes[index];
}

const Edge *Topology::edge(const QString &id) const
{
    const int index = indexOfEdge(id);
    return index < 0 ? nullptr : &edges[index];
}

Edge *Topology::edge(const QString &id)
{
    const int index = indexOfEdge(id);
    return index < 0 ? nullptr : &edges[index];
}

int Topology::indexOfNode(const QString &id) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id)
            return i;
    }
    return -1;
}

int Topology::indexOfEdge(const QString &id) const
{
    for (int i = 0; i < edges.size(); ++i) {
        if (edges[i].id == id)
            return i;
    }
    return -1;
}

QList<const Edge *> Topology::edgesOf(const QString &nodeId) const
{
    QList<const Edge *> result;
    for (const Edge &e : edges) {
        if (e.source == nodeId || e.target == nodeId)
            result.append(&e);
    }
    return result;
}

QList<const Edge *> Topology::outgoing(const QString &nodeId, EdgeKind kind) const
{
    QList<const Edge *> result;
    for (const Edge &e : edges) {
        if (e.source == nodeId && e.kind == kind)
            result.append(&e);
    }
    return result;
}

QList<const Edge *> Topology::incoming(const QString &nodeId, EdgeKind kind) const
{
    QList<const Edge *> result;
    for (const Edge &e : edges) {
        if (e.target == nodeId && e.kind == kind)
            result.append(&e);
    }
    return result;
}

QList<const Node *> Topology::nodesOfKind(NodeKind kind) const
{
    QList<const Node *> result;
    for (const Node &n : nodes) {
        if (n.kind == kind)
            result.append(&n);
    }
    return result;
}

QString Topology::uniqueId(const QString &prefix) const
{
    for (int n = 1;; ++n) {
        const QString candidate = prefix + QLatin1Char('-') + QString::number(n);
        if (indexOfNode(candidate) < 0 && indexOfEdge(candidate) < 0)
            return candidate;
    }
}

void Topology::sortById()
{
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node &a, const Node &b) { return a.id < b.id; });
    std::stable_sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) { return a.id < b.id; });
}

} // namespace Gatehouse
