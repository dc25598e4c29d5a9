#pragma once

#include "model/kinds.h"

#include <QMap>
#include <QString>

namespace Gatehouse::DrawioStyles {

// draw.io style strings per kind, taken from the tested table in
// ../shared/tools/drawio/FORMAT.md §4 (all render in real draw.io without warnings).
QString nodeStyle(NodeKind kind);
QString edgeStyle(EdgeKind kind);
// A sync edge with a timeout and a fallback: solid like every sync call, drawn in red.
QString fallbackEdgeStyle();
QString laneStyle(Lane lane);
QString layerName(Lane lane);

// A parsed style string: named tokens (no '=') in order, and key=value pairs.
struct Style
{
    QStringList names;
    QMap<QString, QString> values;

    bool has(const QString &name) const { return names.contains(name); }
    QString value(const QString &key) const { return values.value(key); }
};
Style parseStyle(const QString &style);

} // namespace Gatehouse::DrawioStyles
