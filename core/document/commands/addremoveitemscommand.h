#pragma once

#include "itemssnapshot.h"

#include <QUndoCommand>

namespace Gatehouse {

class Document;

// Adds (Mode::Add) or removes (Mode::Remove) a snapshot of nodes and edges. Add node, add
// edge, paste, duplicate and delete are all this command; undo is the opposite mode.
class AddRemoveItemsCommand : public QUndoCommand
{
public:
    enum class Mode { Add, Remove };

    AddRemoveItemsCommand(
        Document *document, Mode mode, ItemsSnapshot items, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document *m_document; // the document owns the undo stack, which owns this command
    Mode m_mode;
    ItemsSnapshot m_items;
};

} // namespace Gatehouse
