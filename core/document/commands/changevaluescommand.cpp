#include "changevaluescommand.h"

#include "document/document.h"

namespace Gatehouse {

ChangeValuesCommand::ChangeValuesCommand(Document *document, QList<Node> nodesBefore, QList<Node> nodesAfter,
    QList<Edge> edgesBefore, QList<Edge> edgesAfter, const QString &text, const QString &mergeKey, bool commit,
    QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_nodesBefore(std::move(nodesBefore))
    , m_nodesAfter(std::move(nodesAfter))
    , m_edgesBefore(std::move(edgesBefore))
    , m_edgesAfter(std::move(edgesAfter))
    , m_mergeKey(mergeKey)
    , m_committed(commit)
{
}

bool ChangeValuesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeValuesCommand *>(other); // same id() ⇒ same class
    if (m_committed || next->m_mergeKey != m_mergeKey)
        return false;
    auto ids = [](const auto &list) {
        QStringList result;
        for (const auto &item : list)
            result.append(item.id);
        return result;
    };
    if (ids(next->m_nodesAfter) != ids(m_nodesAfter) || ids(next->m_edgesAfter) != ids(m_edgesAfter))
        return false;
    m_nodesAfter = next->m_nodesAfter;
    m_edgesAfter = next->m_edgesAfter;
    m_committed = next->m_committed;
    setObsolete(isNoOp());
    return true;
}

void ChangeValuesCommand::redo()
{
    m_document->applyValues(m_nodesAfter, m_edgesAfter);
    // A drag that ends where it started is not a step in the history.
    if (isNoOp())
        setObsolete(true);
}

void ChangeValuesCommand::undo()
{
    m_document->applyValues(m_nodesBefore, m_edgesBefore);
}

} // namespace Gatehouse
