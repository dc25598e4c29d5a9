#include "nodeform.h"

#include "document/document.h"
#include "formrows.h"
#include "nodetemplate.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gatehouse {

NodeForm::NodeForm(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_layout(new QFormLayout)
    , m_kind(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_database(new QLineEdit(this))
    , m_owner(new QComboBox(this))
{
    m_name->setObjectName(QStringLiteral("nodeName"));
    m_role->setObjectName(QStringLiteral("nodeRole"));
    m_port->setObjectName(QStringLiteral("nodePort"));
    m_description->setObjectName(QStringLiteral("nodeDescription"));
    m_database->setObjectName(QStringLiteral("nodeDatabase"));
    m_owner->setObjectName(QStringLiteral("nodeOwner"));

    for (const NodeTemplate &t : NodeTemplate::all()) {
        if (t.kind == NodeKind::Service)
            m_role->addItem(t.icon(), t.displayName(), int(t.role));
    }
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_owner->setMinimumContentsLength(16);
    m_role->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_role->setMinimumContentsLength(16);
    m_kind->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("automatic"));
    m_port->setToolTip(tr("The port the node listens on; automatic lets the runtime choose a free one."));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_description->installEventFilter(this);
    m_database->setPlaceholderText(tr("defaults to the node id"));

    m_layout->addRow(tr("Kind:"), m_kind);
    m_layout->addRow(tr("&Name:"), m_name);
    m_layout->addRow(tr("&Role:"), m_role);
    m_layout->addRow(tr("&Port:"), m_port);
    m_layout->addRow(tr("&Description:"), m_description);
    m_layout->addRow(tr("Data&base:"), m_database);
    m_layout->addRow(tr("&Owner:"), m_owner);

    // The form keeps its natural height; spare room goes below it.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_layout);
    outer->addStretch();

    connect(m_name, &QLineEdit::editingFinished, this, &NodeForm::commitName);
    connect(m_role, &QComboBox::activated, this, &NodeForm::commitRole);
    connect(m_port, &QSpinBox::editingFinished, this, &NodeForm::commitPort);
    connect(m_database, &QLineEdit::editingFinished, this, &NodeForm::commitDatabase);
    connect(m_owner, &QComboBox::activated, this, &NodeForm::commitOwner);
}

void NodeForm::setNode(const QString &nodeId)
{
    m_nodeId = nodeId;
    reload();
}

void NodeForm::reload()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    if (!node)
        return;
    const QSignalBlocker b1(m_name), b2(m_role), b3(m_port), b4(m_description), b5(m_database), b6(m_owner);

    m_kind->setText(tr("%1 (%2)").arg(NodeTemplate { node->kind, ServiceRole::Generic }.displayName(), node->id));
    if (m_name->text() != node->name)
        m_name->setText(node->name);
    m_role->setCurrentIndex(m_role->findData(int(node->role)));
    m_port->setValue(node->port);
    if (m_description->toPlainText() != node->description)
        m_description->setPlainText(node->description);

    const bool isService = node->kind == NodeKind::Service;
    const bool isDatabase = node->kind == NodeKind::DbPostgres;
    setFormRowShown(m_layout, m_role, isService);
    setFormRowShown(m_layout, m_port, node->kind != NodeKind::DbPostgres && !isClient(node->kind));
    setFormRowShown(m_layout, m_database, isDatabase);
    setFormRowShown(m_layout, m_owner, isDatabase);
    if (!isDatabase)
        return;

    const QString database = node->properties.value(QLatin1String(NodeProperty::Database)).toString();
    if (m_database->text() != database)
        m_database->setText(database);
    m_owner->clear();
    m_owner->addItem(tr("(no owner)"), QString());
    for (const Node *service : m_document->topology().nodesOfKind(NodeKind::Service))
        m_owner->addItem(nodeKindIcon(NodeKind::Service), service->name, service->id);
    const QStringList owns = ownsEdgeIds();
    const Edge *ownsEdge = owns.isEmpty() ? nullptr : m_document->edge(owns.first());
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(ownsEdge ? ownsEdge->source : QString())));
}

bool NodeForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        commitDescription();
    return QWidget::eventFilter(watched, event);
}

void NodeForm::commitName()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    const QString name = m_name->text().trimmed();
    if (!node || name == node->name)
        return;
    if (name.isEmpty()) {
        reload(); // a node always has a name: restore it
        return;
    }
    m_document->setNodeName(m_nodeId, name);
}

void NodeForm::commitRole()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    const auto role = ServiceRole(m_role->currentData().toInt());
    if (node && node->role != role)
        m_document->setNodeRole(m_nodeId, role);
}

void NodeForm::commitPort()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    if (node && node->port != m_port->value())
        m_document->setNodePort(m_nodeId, m_port->value());
}

void NodeForm::commitDescription()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    if (node && node->description != m_description->toPlainText())
        m_document->setNodeDescription(m_nodeId, m_description->toPlainText());
}

void NodeForm::commitDatabase()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    const QString database = m_database->text().trimmed();
    if (!node || node->properties.value(QLatin1String(NodeProperty::Database)).toString() == database)
        return;
    const QString text = database.isEmpty() ? tr("Reset database name of “%1”").arg(node->name)
                                            : tr("Rename database of “%1” to “%2”").arg(node->name, database);
    m_document->editNodes(
        { m_nodeId },
        [&](Node &n) {
            if (database.isEmpty())
                n.properties.remove(QLatin1String(NodeProperty::Database));
            else
                n.properties.insert(QLatin1String(NodeProperty::Database), database);
        },
        text);
}

QStringList NodeForm::ownsEdgeIds() const
{
    QStringList ids;
    if (!m_document)
        return ids;
    for (const Edge *edge : m_document->topology().incoming(m_nodeId, EdgeKind::Owns))
        ids.append(edge->id);
    return ids;
}

void NodeForm::commitOwner()
{
    const Node *node = m_document ? m_document->node(m_nodeId) : nullptr;
    if (!node)
        return;
    const QString ownerId = m_owner->currentData().toString();
    const QStringList owns = ownsEdgeIds();
    const Edge *current = owns.isEmpty() ? nullptr : m_document->edge(owns.first());
    if ((current ? current->source : QString()) == ownerId)
        return;

    const QString nodeName = node->name;
    if (ownerId.isEmpty()) {
        Document::MacroGuard guard(*m_document, tr("Remove owner of “%1”").arg(nodeName));
        m_document->deleteItems(owns);
        return;
    }
    const QString ownerName = m_document->node(ownerId)->name;
    Document::MacroGuard guard(*m_document, tr("Make “%1” the owner of “%2”").arg(ownerName, nodeName));
    if (current) {
        m_document->editEdges({ current->id }, [&](Edge &edge) { edge.source = ownerId; }, {});
    } else {
        Edge edge;
        edge.kind = EdgeKind::Owns;
        edge.source = ownerId;
        edge.target = m_nodeId;
        m_document->addEdge(edge);
    }
}

} // namespace Gatehouse
