#pragma once

#include "model/edge.h"
#include "model/node.h"

#include <QList>
#include <QStringList>

namespace Gatehouse {

// Nodes and edges with the list index each had (or gets), ascending by index, so removal
// and re-insertion restore the exact order of the topology's lists.
struct ItemsSnapshot
{
    struct IndexedNode
    {
        int index = -1; // -1: append
        Node node;
    };
    struct IndexedEdge
    {
        int index = -1;
        Edge edge;
    };
    QList<IndexedNode> nodes;
    QList<IndexedEdge> edges;

    bool isEmpty() const { return nodes.isEmpty() && edges.isEmpty(); }
    int count() const { return int(nodes.size() + edges.size()); }
    QStringList nodeIds() const;
    QStringList edgeIds() const;
};

} // namespace Gatehouse
