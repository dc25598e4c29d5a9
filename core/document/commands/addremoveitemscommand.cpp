#include "addremoveitemscommand.h"

#include "document/document.h"

namespace Gatehouse {

AddRemoveItemsCommand::AddRemoveItemsCommand(
    Document *document, Mode mode, ItemsSnapshot items, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_mode(mode)
    , m_items(std::move(items))
{
}

void AddRemoveItemsCommand::redo()
{
    if (m_mode == Mode::Add)
        m_document->insertItems(m_items);
    else
        m_document->removeItems(m_items);
}

void AddRemoveItemsCommand::undo()
{
    if (m_mode == Mode::Add)
        m_document->removeItems(m_items);
    else
        m_document->insertItems(m_items);
}

} // namespace Gatehouse
