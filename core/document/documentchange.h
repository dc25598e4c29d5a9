#pragma once

#include <QFlags>
#include <QStringList>

namespace Gatehouse {

// The one change notification a Document sends (Document::changed). Listeners (scene, docks,
// property panel) resync only the items in `ids`, and for *Changed only what `properties` says.
// Order guarantees: EdgesRemoved comes before the NodesRemoved of their ends; NodesAdded
// comes before the EdgesAdded that reference them.
struct DocumentChange
{
    enum class Kind {
        Reset, // the whole topology was replaced (open, new); ids is empty
        NodesAdded,
        NodesRemoved,
        NodesChanged,
        EdgesAdded,
        EdgesRemoved,
        EdgesChanged,
        TopologyChanged, // name, description or run settings; ids is empty
    };

    // Which fields of a node, edge or the topology changed.
    enum class Property : quint32 {
        None = 0,
        Name = 1u << 0, // node name / topology name
        Kind = 1u << 1, // node kind / edge kind
        Role = 1u << 2,
        Description = 1u << 3, // node / topology description
        Lane = 1u << 4,
        Position = 1u << 5,
        Size = 1u << 6,
        Port = 1u << 7,
        Properties = 1u << 8, // node or edge `properties` object
        Ends = 1u << 9, // edge source or target
        Label = 1u << 10,
        Routes = 1u << 11,
        Topics = 1u << 12,
        ConsumerGroup = 1u << 13,
        KeyPrefix = 1u << 14,
        Timeout = 1u << 15,
        Retries = 1u << 16,
        Fallback = 1u << 17,
        Waypoints = 1u << 18,
        RunSettings = 1u << 19,
        StackOrder = 1u << 20, // node z
        CircuitBreaker = 1u << 21, // edge circuitBreaker (gateway → service)
        All = 0xffffffffu,
    };
    Q_DECLARE_FLAGS(Properties, Property)

    Kind kind = Kind::Reset;
    QStringList ids;
    Properties properties;

    bool isNodeChange() const
    {
        return kind == Kind::NodesAdded || kind == Kind::NodesRemoved || kind == Kind::NodesChanged;
    }
    bool isEdgeChange() const
    {
        return kind == Kind::EdgesAdded || kind == Kind::EdgesRemoved || kind == Kind::EdgesChanged;
    }
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DocumentChange::Properties)

} // namespace Gatehouse
