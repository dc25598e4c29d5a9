#include "itemssnapshot.h"

namespace Gatehouse {

QStringList ItemsSnapshot::nodeIds() const
{
    QStringList ids;
    ids.reserve(nodes.size());
    for (const IndexedNode &n : nodes)
        ids.append(n.node.id);
    return ids;
}

QStringList ItemsSnapshot::edgeIds() const
{
    QStringList ids;
    ids.reserve(edges.size());
    for (const IndexedEdge &e : edges)
        ids.append(e.edge.id);
    return ids;
}

} // namespace Gatehouse
