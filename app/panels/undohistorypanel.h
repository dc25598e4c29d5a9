#pragma once

#include <QUndoView>

namespace Gatehouse {

class Document;

// The Undo History dock's content: the Document's undo stack as a list; clicking an entry
// goes back (or forward) to that state. The first entry is the state the document was opened in.
class UndoHistoryPanel : public QUndoView
{
    Q_OBJECT

public:
    explicit UndoHistoryPanel(Document *document, QWidget *parent = nullptr);
};

} // namespace Gatehouse
