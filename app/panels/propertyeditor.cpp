#include "propertyeditor.h"

#include "document/document.h"
#include "edgeform.h"
#include "nodeform.h"
#include "nodetemplate.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gatehouse {

PropertyEditor::PropertyEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_diagramPage(new QWidget(this))
    , m_diagramName(new QLineEdit(this))
    , m_nodeForm(new NodeForm(document, this))
    , m_edgeForm(new EdgeForm(document, this))
    , m_multiple(new QLabel(this))
{
    setObjectName(QStringLiteral("propertyEditor"));
    m_diagramName->setObjectName(QStringLiteral("diagramName"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    auto *diagramLayout = new QFormLayout;
    diagramLayout->addRow(tr("Diagram &name:"), m_diagramName);
    auto *hint = new QLabel(tr("Select a node or connection to edit its properties."), m_diagramPage);
    hint->setWordWrap(true);
    auto *diagramOuter = new QVBoxLayout(m_diagramPage);
    diagramOuter->setContentsMargins(0, 0, 0, 0);
    diagramOuter->addLayout(diagramLayout);
    diagramOuter->addWidget(hint);
    diagramOuter->addStretch();
    m_multiple->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_multiple->setWordWrap(true);

    // The order matches Page.
    m_stack->addWidget(m_diagramPage);
    m_stack->addWidget(m_nodeForm);
    m_stack->addWidget(m_edgeForm);
    m_stack->addWidget(m_multiple);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_stack);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);

    connect(m_diagramName, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_diagramName->text().trimmed();
        if (m_document && name != m_document->topology().name)
            m_document->setTopologyName(name);
    });
    connect(document, &Document::selectionChanged, this, &PropertyEditor::syncToSelection);
    connect(document, &Document::changed, this, &PropertyEditor::onChanged);
    syncToSelection();
}

void PropertyEditor::showPage(Page page)
{
    // A stacked widget is as tall as its tallest page; let only the shown page count, so a
    // short form does not scroll because the edge form with its tables is tall.
    for (int i = 0; i < m_stack->count(); ++i) {
        const auto policy = i == int(page) ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_stack->widget(i)->setSizePolicy(policy, policy);
    }
    m_stack->setCurrentIndex(int(page));
    m_stack->adjustSize();
}

PropertyEditor::Page PropertyEditor::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void PropertyEditor::syncToSelection()
{
    if (!m_document)
        return;
    const QStringList nodes = m_document->selectedNodeIds();
    const QStringList edges = m_document->selectedEdgeIds();
    const Node *node = nodes.size() == 1 ? m_document->node(nodes.first()) : nullptr;
    const Edge *edge = edges.size() == 1 ? m_document->edge(edges.first()) : nullptr;
    if (node && edges.isEmpty()) {
        m_title->setText(tr("Node: %1").arg(node->name));
        m_nodeForm->setNode(node->id);
        showPage(Page::Node);
    } else if (edge && nodes.isEmpty()) {
        m_title->setText(tr("Connection: %1").arg(displayName(edge->kind)));
        m_edgeForm->setEdge(edge->id);
        showPage(Page::Edge);
    } else if (nodes.isEmpty() && edges.isEmpty()) {
        m_title->setText(tr("Diagram"));
        reloadDiagram();
        showPage(Page::Diagram);
    } else {
        m_title->setText(tr("Selection"));
        m_multiple->setText(tr("%1 nodes and %2 connections selected.").arg(nodes.size()).arg(edges.size()));
        showPage(Page::Multiple);
    }
}

void PropertyEditor::reloadDiagram()
{
    const QSignalBlocker blocker(m_diagramName);
    if (m_diagramName->text() != m_document->topology().name)
        m_diagramName->setText(m_document->topology().name);
}

void PropertyEditor::onChanged(const DocumentChange &change)
{
    switch (change.kind) {
    case DocumentChange::Kind::Reset:
    case DocumentChange::Kind::NodesRemoved:
    case DocumentChange::Kind::EdgesRemoved:
    case DocumentChange::Kind::NodesAdded:
    case DocumentChange::Kind::EdgesAdded:
        // The selection signal follows removals; adds can change a database's owner choices.
        syncToSelection();
        break;
    case DocumentChange::Kind::NodesChanged:
        if (currentPage() == Page::Node && change.ids.contains(m_nodeForm->nodeId()))
            syncToSelection();
        else if (currentPage() == Page::Edge) // an end's new name shows in the connection line
            m_edgeForm->reload();
        break;
    case DocumentChange::Kind::EdgesChanged:
        if (currentPage() == Page::Edge && change.ids.contains(m_edgeForm->edgeId()))
            m_edgeForm->reload();
        else if (currentPage() == Page::Node) // an owns edge may have moved
            m_nodeForm->reload();
        break;
    case DocumentChange::Kind::TopologyChanged:
        if (currentPage() == Page::Diagram)
            reloadDiagram();
        break;
    }
}

} // namespace Gatehouse
