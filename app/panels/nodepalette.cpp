#include "nodepalette.h"

#include <QKeyEvent>
#include <QMimeData>

namespace Gatehouse {

namespace {
constexpr int TemplateRole = Qt::UserRole + 1;
}

NodePalette::NodePalette(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("nodePalette"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIconSize(QSize(24, 24));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("Drag a component onto the canvas, or double-click it to add it."));

    const struct
    {
        Lane lane;
        QString title;
    } groups[] = {
        { Lane::Clients, tr("Clients") },
        { Lane::Gateway, tr("Gateway") },
        { Lane::Services, tr("Services") },
        { Lane::Data, tr("Data and messaging") },
    };
    const QList<NodeTemplate> templates = NodeTemplate::all();
    for (const auto &group : groups) {
        auto *groupItem = new QTreeWidgetItem(this, { group.title });
        groupItem->setFlags(Qt::ItemIsEnabled);
        QFont font = groupItem->font(0);
        font.setBold(true);
        groupItem->setFont(0, font);
        for (const NodeTemplate &nodeTemplate : templates) {
            if (defaultLane(nodeTemplate.kind) != group.lane)
                continue;
            auto *item = new QTreeWidgetItem(groupItem, { nodeTemplate.displayName() });
            item->setIcon(0, nodeTemplate.icon());
            item->setToolTip(0, nodeTemplate.toolTip());
            item->setStatusTip(0, nodeTemplate.toolTip());
            item->setData(0, TemplateRole, QVariant::fromValue(nodeTemplate));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    expandAll();

    // Not itemActivated: whether a single click activates depends on the platform style.
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (const auto nodeTemplate = templateOf(item))
            Q_EMIT templateActivated(*nodeTemplate);
    });
}

QTreeWidgetItem *NodePalette::itemFor(const NodeTemplate &nodeTemplate) const
{
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (templateOf(group->child(i)) == nodeTemplate)
                return group->child(i);
        }
    }
    return nullptr;
}

std::optional<NodeTemplate> NodePalette::templateOf(const QTreeWidgetItem *item)
{
    const QVariant value = item ? item->data(0, TemplateRole) : QVariant();
    if (!value.canConvert<NodeTemplate>())
        return std::nullopt;
    return value.value<NodeTemplate>();
}

void NodePalette::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (const auto nodeTemplate = templateOf(currentItem())) {
            Q_EMIT templateActivated(*nodeTemplate);
            return;
        }
    }
    QTreeWidget::keyPressEvent(event);
}

QStringList NodePalette::mimeTypes() const
{
    return { NodeTemplate::mimeType() };
}

QMimeData *NodePalette::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    const auto nodeTemplate = items.isEmpty() ? std::nullopt : templateOf(items.first());
    if (!nodeTemplate)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(NodeTemplate::mimeType(), nodeTemplate->toMimeData());
    data->setText(nodeTemplate->displayName());
    return data;
}

} // namespace Gatehouse
