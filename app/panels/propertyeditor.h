#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;

namespace Gatehouse {

class Document;
class EdgeForm;
class NodeForm;
struct DocumentChange;

// The property dock's content. Follows the Document's selection: one node → NodeForm, one edge
// → EdgeForm, nothing → the diagram's name, several → a count. Re-reads what it shows when the
// Document reports a change to it.
class PropertyEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Page { Diagram, Node, Edge, Multiple };

    explicit PropertyEditor(Document *document, QWidget *parent = nullptr);

    Page currentPage() const;
    NodeForm *nodeForm() const { return m_nodeForm; }
    EdgeForm *edgeForm() const { return m_edgeForm; }
    QLineEdit *diagramNameEdit() const { return m_diagramName; }

private:
    void syncToSelection();
    void showPage(Page page);
    void onChanged(const DocumentChange &change);
    void reloadDiagram();

    QPointer<Document> m_document;
    QLabel *m_title = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_diagramPage = nullptr;
    QLineEdit *m_diagramName = nullptr;
    NodeForm *m_nodeForm = nullptr;
    EdgeForm *m_edgeForm = nullptr;
    QLabel *m_multiple = nullptr;
};

} // namespace Gatehouse
