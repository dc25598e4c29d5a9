#include "undohistorypanel.h"

#include "document/document.h"

namespace Gatehouse {

UndoHistoryPanel::UndoHistoryPanel(Document *document, QWidget *parent)
    : QUndoView(document->undoStack(), parent)
{
    setObjectName(QStringLiteral("undoHistory"));
    setEmptyLabel(tr("<opened>"));
    setCleanIcon(QIcon(QStringLiteral(":/icons/action-save.svg")));
}

} // namespace Gatehouse
