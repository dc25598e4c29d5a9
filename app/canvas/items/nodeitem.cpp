#include "nodeitem.h"

#include "canvas/diagramscene.h"
#include "document/document.h"
#include "render/diagramstyle.h"
#include "render/nodepainter.h"
#include "render/textcache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace Gatehouse {

NodeItem::NodeItem(DiagramScene *scene, const QString &id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    sync();
}

void NodeItem::sync()
{
    const Node *node = m_scene->document()->node(m_id);
    if (!node)
        return;
    if (node->size != m_size) {
        prepareGeometryChange();
        m_size = node->size;
    }
    setPos(node->position);
    // Node stacking stays between the edges (-1) and the connect preview (1000).
    setZValue(std::clamp(node->z, -999, 999) / 1000.0);
    update();
}

namespace {
constexpr qreal BadgeHeight = 18;

constexpr qreal MaxBadgeScale = 1.8;

// The badge in its own coordinates: anchored at the node's top-right corner (0, 0), growing left.
QRectF badgeRect(const QString &text, bool fault)
{
    QFont font;
    font.setPixelSize(11);
    font.setBold(true);
    const qreal width = QFontMetricsF(font).horizontalAdvance(text) + 16 + (fault ? 14 : 0);
    return QRectF(-width, -BadgeHeight / 2 - 2, width, BadgeHeight);
}

QPointF badgeAnchor(const QSizeF &size)
{
    return QPointF(size.width() - 6, 0);
}

// Zoomed out the badge grows (up to MaxBadgeScale) so the state stays readable at "fit".
qreal badgeScale(qreal lod)
{
    return std::clamp(0.8 / std::max(lod, 0.01), 1.0, MaxBadgeScale);
}
} // namespace

void NodeItem::setLiveBadge(const std::optional<LiveBadge> &badge)
{
    if (badge == m_badge)
        return;
    prepareGeometryChange();
    m_badge = badge;
    update();
}

QRectF NodeItem::boundingRect() const
{
    QRectF r = QRectF(QPointF(), m_size).adjusted(-5, -5, 5, 5);
    if (m_badge) {
        const QRectF b = badgeRect(m_badge->text, m_badge->faultInjected).adjusted(-2, -2, 2, 2);
        r = r.united(QRectF(b.topLeft() * MaxBadgeScale, b.size() * MaxBadgeScale).translated(badgeAnchor(m_size)));
    }
    return r;
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(QPointF(), m_size));
    return path;
}

bool NodeItem::isOnResizeHandle(const QPointF &scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    return isSelected()
        && QRectF(m_size.width() - ResizeHandle, m_size.height() - ResizeHandle, ResizeHandle + 4, ResizeHandle + 4)
               .contains(p);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < OverviewBelow && m_scene->isLarge()) {
        // The OverviewItem draws the box; only the live state stays, grown to be readable.
        if (m_badge)
            paintBadge(painter, lod);
        return;
    }
    const Node *node = m_scene->document()->node(m_id);
    if (!node)
        return;
    if (lod < DraftBelow && m_scene->isDraft()) {
        paintDraft(painter, *node, lod);
        if (m_badge)
            paintBadge(painter, lod);
        return;
    }
    NodePainter::Context ctx;
    ctx.selected = isSelected();
    ctx.drawLabels = lod >= LabelsBelow;
    ctx.marks = NodePainter::crossCuttingMarks(*node, m_scene->document()->topology(), m_scene->filters());
    painter->save();
    painter->translate(-node->position);
    NodePainter::paint(*painter, *node, ctx);
    painter->restore();
    if (isSelected()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(DiagramStyle::selectionColor());
        painter->drawRect(
            QRectF(m_size.width() - ResizeHandle + 2, m_size.height() - ResizeHandle + 2, ResizeHandle, ResizeHandle));
    }
    if (m_badge)
        paintBadge(painter, lod);
}

void NodeItem::paintDraft(QPainter *painter, const Node &node, qreal lod) const
{
    // Axis-aligned and without antialiasing: the raster engine fills these as plain spans.
    const DiagramStyle::NodeColors colors = DiagramStyle::nodeColors(node);
    const QRectF r(QPointF(), m_size);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(isSelected() ? DiagramStyle::selectionColor() : colors.stroke, 0));
    painter->setBrush(colors.fill);
    painter->drawRect(r);
    qreal textLeft = 10;
    if (node.kind == NodeKind::Service) {
        painter->fillRect(QRectF(0, 0, 6, r.height()), colors.accent);
        textLeft = 16;
    }
    const QString title = node.name.isEmpty() ? node.id : node.name;
    const QRectF textRect(textLeft, 0, r.width() - textLeft - 8, r.height());
    if (lod < LabelsBelow) {
        // Under 6 px the title could not be read: a bar of about its length stands in for it.
        const qreal width = std::min<qreal>(textRect.width(), title.size() * 7.0);
        painter->fillRect(QRectF(textLeft, r.height() / 2 - 2, width, 4), colors.subtext);
        return;
    }
    painter->setPen(colors.text);
    TextCache::draw(*painter, DiagramStyle::nodeTitleFont(), title, textRect, Qt::AlignLeft | Qt::AlignVCenter);
}

void NodeItem::paintBadge(QPainter *painter, qreal lod) const
{
    const QRectF r = badgeRect(m_badge->text, m_badge->faultInjected);
    QFont font;
    font.setPixelSize(11);
    font.setBold(true);
    painter->save();
    painter->translate(badgeAnchor(m_size));
    const qreal scale = badgeScale(lod);
    painter->scale(scale, scale);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(m_badge->color);
    painter->drawRoundedRect(r, BadgeHeight / 2, BadgeHeight / 2);
    painter->setFont(font);
    painter->setPen(Qt::white);
    QRectF textRect = r.adjusted(8, 0, -8, 0);
    if (m_badge->faultInjected) {
        // A lightning mark: faults injected from the canvas are active on this node.
        const QPointF o(r.right() - 18, r.top() + 3);
        const QPolygonF bolt({ o + QPointF(6, 0), o + QPointF(1, 7), o + QPointF(5, 7), o + QPointF(3, 12),
            o + QPointF(9, 5), o + QPointF(5, 5), o + QPointF(7, 0) });
        painter->setBrush(QColor(0xff, 0xd5, 0x4f));
        painter->setPen(Qt::NoPen);
        painter->drawPolygon(bolt);
        painter->setPen(Qt::white);
        textRect.setRight(textRect.right() - 12);
    }
    painter->drawText(textRect, Qt::AlignCenter, m_badge->text);
    painter->restore();
}

} // namespace Gatehouse
