#pragma once

#include "model/edge.h"
#include "model/node.h"

#include <QList>
#include <QUndoCommand>

namespace Gatehouse {

class Document;

// The one generic value-change command: before/after snapshots of some nodes and edges.
// Used for every property edit, move, resize and waypoint drag.
//  - merge: consecutive commands with the same non-empty merge key and the same ids merge
//    into one step until one of them was pushed with commit=true;
//  - obsolete: a command whose after equals its before is dropped by the undo stack.
class ChangeValuesCommand : public QUndoCommand
{
public:
    static constexpr int MergeId = 0x6761; // one id for all; mergeWith() checks the merge key

    ChangeValuesCommand(Document *document, QList<Node> nodesBefore, QList<Node> nodesAfter, QList<Edge> edgesBefore,
        QList<Edge> edgesAfter, const QString &text, const QString &mergeKey, bool commit,
        QUndoCommand *parent = nullptr);

    int id() const override { return m_mergeKey.isEmpty() ? -1 : MergeId; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

    bool isCommitted() const { return m_committed; }

private:
    bool isNoOp() const { return m_nodesBefore == m_nodesAfter && m_edgesBefore == m_edgesAfter; }

    Document *m_document;
    QList<Node> m_nodesBefore, m_nodesAfter;
    QList<Edge> m_edgesBefore, m_edgesAfter;
    QString m_mergeKey;
    bool m_committed;
};

} // namespace Gatehouse
