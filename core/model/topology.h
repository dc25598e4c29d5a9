#pragma once

#include "edge.h"
#include "node.h"

#include <QList>
#include <QString>

namespace Gatehouse {

// Where the runtime finds infrastructure. Empty fields mean "embedded" (the runtime starts it).
// Never holds a secret: credentials live in the OS keychain under keys derived from the project.
struct RunSettings
{
    QString postgresDsn;     // e.g. "host=db.example port=5432 user=gatehouse" (no password)
    QString redisUrl;        // e.g. "redis://cache.example:6379/0" (no password)
    QString kafkaBootstrap;  // e.g. "broker1:9092,broker2:9092"
    QString kafkaSaslMechanism; // "", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"

    bool isEmbedded() const { return postgresDsn.isEmpty() && redisUrl.isEmpty() && kafkaBootstrap.isEmpty(); }
    bool operator==(const RunSettings &) const = default;
};

// The whole diagram: nodes, edges and how to run them. A plain value type; the editor's
// Document wraps it with undo and selection.
class Topology
{
public:
    QString name;
    QString description;
    QList<Node> nodes;
    QList<Edge> edges;
    RunSettings runSettings;

    const Node *node(const QString &id) const;
    Node *node(const QString &id);
    const Edge *edge(const QString &id) const;
    Edge *edge(const QString &id);
    int indexOfNode(const QString &id) const;
    int indexOfEdge(const QString &id) const;

    // Edges that start or end at `nodeId`.
    QList<const Edge *> edgesOf(const QString &nodeId) const;
    QList<const Edge *> outgoing(const QString &nodeId, EdgeKind kind) const;
    QList<const Edge *> incoming(const QString &nodeId, EdgeKind kind) const;
    QList<const Node *> nodesOfKind(NodeKind kind) const;

    // A fresh id "<prefix>-<n>" not used by any node or edge.
    QString uniqueId(const QString &prefix) const;

    // Nodes and edges sorted by id: the canonical order the file format writes.
    void sortById();

    bool operator==(const Topology &) const = default;
};

} // namespace Gatehouse
