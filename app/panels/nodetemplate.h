#pragma once

#include "model/kinds.h"

#include <QByteArray>
#include <QIcon>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Gatehouse {

// One entry of the palette: a node kind, and for services a role. Also what travels in a
// palette drag: the canvas's DiagramScene::nodeKindMimeType() payload "<kind>[:<role>]".
struct NodeTemplate
{
    NodeKind kind = NodeKind::Service;
    ServiceRole role = ServiceRole::Generic;

    static QString mimeType(); // = DiagramScene::nodeKindMimeType()
    // Every kind; services once per role (generic first).
    static QList<NodeTemplate> all();

    QString displayName() const; // translated
    QString toolTip() const; // translated, one sentence
    QIcon icon() const;
    QByteArray toMimeData() const;
    static std::optional<NodeTemplate> fromMimeData(const QByteArray &data);

    bool operator==(const NodeTemplate &) const = default;
};

// The icon of a node kind (resources/icons/<kind>.svg).
QIcon nodeKindIcon(NodeKind kind);

} // namespace Gatehouse

Q_DECLARE_METATYPE(Gatehouse::NodeTemplate)
