#pragma once

#include "nodetemplate.h"

#include <QTreeWidget>

namespace Gatehouse {

// The palette dock's content: every node kind (services once per role) grouped by lane, with
// icons. Dragging an entry carries NodeTemplate::mimeType() data to the canvas; double-click
// or Enter emits templateActivated (the main window then adds the node at the view's centre).
class NodePalette : public QTreeWidget
{
    Q_OBJECT

public:
    explicit NodePalette(QWidget *parent = nullptr);

    // The item showing `nodeTemplate`, or nullptr.
    QTreeWidgetItem *itemFor(const NodeTemplate &nodeTemplate) const;
    static std::optional<NodeTemplate> templateOf(const QTreeWidgetItem *item);

Q_SIGNALS:
    void templateActivated(const Gatehouse::NodeTemplate &nodeTemplate);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

} // namespace Gatehouse
