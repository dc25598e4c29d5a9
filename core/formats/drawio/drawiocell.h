#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <vector>

namespace Gatehouse {

// One page of a draw.io file as parsed, before any interpretation (DrawioPageMapper).
struct DrawioGeometry
{
    bool present = false;
    bool relative = false;
    double x = 0, y = 0, width = 0, height = 0;
    QList<QPointF> points;
};

struct DrawioCell
{
    QString id;
    QString value;
    QString style;
    QString parent;
    QString source;
    QString target;
    bool hasParent = false;
    bool vertex = false;
    bool edge = false;
    bool wrapped = false; // inside <object>/<UserObject>: value = its label attribute
    QHash<QString, QString> attributes; // of the <object>/<UserObject> wrapper
    DrawioGeometry geometry;
};

struct DrawioPage
{
    QString name;
    std::vector<DrawioCell> cells;
};

} // namespace Gatehouse
