#include "diagramstyle.h"

namespace Gatehouse::DiagramStyle {

namespace {
QFont font(qreal pixelSize, QFont::Weight weight = QFont::Normal)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixelSize));
    f.setWeight(weight);
    return f;
}
} // namespace

QColor roleColor(ServiceRole role)
{
    switch (role) {
    case ServiceRole::Auth:
        return QColor(0x0e, 0x90, 0xc8);
    case ServiceRole::Order:
        return QColor(0x16, 0xa3, 0x4a);
    case ServiceRole::Inventory:
        return QColor(0xca, 0x8a, 0x04);
    case ServiceRole::Payment:
        return QColor(0xdb, 0x27, 0x77);
    case ServiceRole::Notification:
        return QColor(0x7c, 0x3a, 0xed);
    case ServiceRole::Generic:
        return QColor(0x64, 0x74, 0x8b);
    }
    return QColor(0x64, 0x74, 0x8b);
}

NodeColors nodeColors(const Node &node)
{
    switch (node.kind) {
    case NodeKind::ClientWeb:
    case NodeKind::ClientMobile:
    case NodeKind::ClientPartner:
        return { QColor(0xe8, 0xf1, 0xfb), QColor(0x4a, 0x86, 0xc8), QColor(0x12, 0x2b, 0x4a), QColor(0x4a, 0x5e, 0x78),
            QColor(0x2f, 0x6d, 0xb5) };
    case NodeKind::Gateway:
        return { QColor(0x1e, 0x2a, 0x4a), QColor(0x0b, 0x12, 0x24), QColor(0xff, 0xff, 0xff), QColor(0xc7, 0xd2, 0xe8),
            QColor(0xf5, 0xb7, 0x2d) };
    case NodeKind::Service:
        return { QColor(0xff, 0xff, 0xff), QColor(0x94, 0xa3, 0xb8), QColor(0x1e, 0x29, 0x3b), QColor(0x64, 0x74, 0x8b),
            roleColor(node.role) };
    case NodeKind::CacheRedis:
        return { QColor(0xfd, 0xec, 0xec), QColor(0xd0, 0x3b, 0x2f), QColor(0x5c, 0x14, 0x10), QColor(0x8a, 0x3a, 0x34),
            QColor(0xd0, 0x3b, 0x2f) };
    case NodeKind::BusKafka:
        return { QColor(0x2a, 0x2a, 0x30), QColor(0x10, 0x10, 0x14), QColor(0xff, 0xff, 0xff), QColor(0xc4, 0xc4, 0xcc),
            QColor(0x7c, 0x3a, 0xed) };
    case NodeKind::DbPostgres:
        return { QColor(0xe3, 0xed, 0xf8), QColor(0x33, 0x67, 0x91), QColor(0x17, 0x33, 0x4d), QColor(0x4b, 0x63, 0x7a),
            QColor(0x33, 0x67, 0x91) };
    }
    return { Qt::white, Qt::black, Qt::black, Qt::darkGray, Qt::gray };
}

QColor edgeColor(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sync:
        return QColor(0x1f, 0x3a, 0x5f);
    case EdgeKind::Publish:
    case EdgeKind::Subscribe:
        return QColor(0x7c, 0x3a, 0xed);
    case EdgeKind::Owns:
        return QColor(0x8a, 0x99, 0xad);
    case EdgeKind::UsesCache:
        return QColor(0xc9, 0x7b, 0x74);
    }
    return Qt::black;
}

QPen edgePen(EdgeKind kind)
{
    QPen pen(edgeColor(kind));
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    switch (kind) {
    case EdgeKind::Sync:
        pen.setWidthF(1.8);
        break;
    case EdgeKind::Publish:
    case EdgeKind::Subscribe:
        pen.setWidthF(1.8);
        pen.setDashPattern({ 4.0, 2.5 });
        break;
    case EdgeKind::Owns:
        pen.setWidthF(1.2);
        break;
    case EdgeKind::UsesCache:
        pen.setWidthF(1.2);
        pen.setDashPattern({ 1.5, 2.5 });
        break;
    }
    return pen;
}

QColor failureColor()
{
    return QColor(0xe0, 0x6c, 0x00);
}
QColor selectionColor()
{
    return QColor(0x25, 0x63, 0xeb);
}

QColor laneFill(Lane lane)
{
    switch (lane) {
    case Lane::Clients:
        return QColor(0xee, 0xf4, 0xfb);
    case Lane::Gateway:
        return QColor(0xe6, 0xe9, 0xf2);
    case Lane::Services:
        return QColor(0xf3, 0xf5, 0xf7);
    case Lane::Data:
        return QColor(0xef, 0xf2, 0xf0);
    }
    return Qt::white;
}

QColor laneText()
{
    return QColor(0x5b, 0x67, 0x78);
}

QFont nodeTitleFont()
{
    return font(12, QFont::Bold);
}
QFont nodeSubtitleFont()
{
    return font(11);
}
QFont labelFont()
{
    return font(11);
}
QFont labelBoldFont()
{
    return font(11, QFont::Bold);
}
QFont chipFont()
{
    return font(9, QFont::Bold);
}
QFont laneFont()
{
    return font(12, QFont::Bold);
}

} // namespace Gatehouse::DiagramStyle
