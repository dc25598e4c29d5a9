#include "diagramscene.h"

#include "document/document.h"
#include "items/edgeitem.h"
#include "items/laneitem.h"
#include "items/nodeitem.h"
#include "items/overviewitem.h"
#include "render/lanepainter.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsLineItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>
#include <QMimeData>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Gatehouse {

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    m_chooser = [](const QList<EdgeKind> &kinds, const QPoint &screenPos) -> std::optional<EdgeKind> {
        QMenu menu;
        for (EdgeKind kind : kinds)
            menu.addAction(displayName(kind))->setData(int(kind));
        QAction *chosen = menu.exec(screenPos);
        if (!chosen)
            return std::nullopt;
        return EdgeKind(chosen->data().toInt());
    };
    m_laneItem = new LaneItem(this);
    addItem(m_laneItem);
    m_overviewItem = new OverviewItem(this);
    addItem(m_overviewItem);
    connect(m_document, &Document::changed, this, &DiagramScene::onDocumentChanged);
    connect(m_document, &Document::selectionChanged, this, &DiagramScene::syncSelectionFromDocument);
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::syncSelectionToDocument);
    rebuildAll();
}

DiagramScene::~DiagramScene()
{
    // Items are deleted by ~QGraphicsScene; do not let their deselection reach the document.
    disconnect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::syncSelectionToDocument);
}

void DiagramScene::setFilters(ViewFilters filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    rebuildAll();
    Q_EMIT filtersChanged(filters);
}

void DiagramScene::setTool(Tool tool)
{
    m_tool = tool;
}

void DiagramScene::setItemCaching(bool on)
{
    if (on == m_itemCaching)
        return;
    m_itemCaching = on;
    const QGraphicsItem::CacheMode mode = on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache;
    for (NodeItem *item : std::as_const(m_nodeItems))
        item->setCacheMode(mode);
}

bool DiagramScene::isLarge() const
{
    const Topology &t = m_document->topology();
    return t.nodes.size() + t.edges.size() >= m_largeFrom;
}

void DiagramScene::setLargeFrom(int items)
{
    m_largeFrom = items;
    update();
}

void DiagramScene::setDraft(bool on)
{
    if (on == m_draft)
        return;
    m_draft = on;
    update();
}

// --- document → scene ------------------------------------------------------------------------

void DiagramScene::rebuildAll()
{
    m_syncingSelection = true;
    for (NodeItem *item : std::as_const(m_nodeItems))
        delete item;
    for (EdgeItem *item : std::as_const(m_edgeItems))
        delete item;
    m_nodeItems.clear();
    m_edgeItems.clear();
    RenderOptions options;
    options.filters = m_filters;
    m_layout.rebuild(m_document->topology(), options);
    m_nodeItems.reserve(m_document->topology().nodes.size());
    for (const Node &n : m_document->topology().nodes) {
        auto *item = new NodeItem(this, n.id);
        item->setCacheMode(m_itemCaching ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
        m_nodeItems.insert(n.id, item);
        addItem(item);
    }
    for (const Edge &e : m_document->topology().edges) {
        auto *item = new EdgeItem(this, e.id);
        m_edgeItems.insert(e.id, item);
        addItem(item);
    }
    m_syncingSelection = false;
    syncSelectionFromDocument();
    updateSceneRect();
    m_overviewItem->invalidate();
}

void DiagramScene::syncEdges(const QStringList &edgeIds)
{
    for (const QString &id : edgeIds) {
        if (EdgeItem *item = m_edgeItems.value(id))
            item->sync();
    }
}

void DiagramScene::onDocumentChanged(const DocumentChange &change)
{
    using K = DocumentChange::Kind;
    switch (change.kind) {
    case K::Reset:
        rebuildAll();
        return;
    case K::TopologyChanged:
        return;
    case K::NodesAdded:
        for (const QString &id : change.ids) {
            const Node *n = m_document->node(id);
            if (!n)
                continue;
            syncEdges(m_layout.setNode(*n));
            auto *item = new NodeItem(this, id);
            item->setCacheMode(m_itemCaching ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
            m_nodeItems.insert(id, item);
            addItem(item);
        }
        break;
    case K::NodesRemoved:
        m_syncingSelection = true;
        for (const QString &id : change.ids) {
            delete m_nodeItems.take(id);
            syncEdges(m_layout.removeNode(id));
        }
        m_syncingSelection = false;
        break;
    case K::NodesChanged:
        for (const QString &id : change.ids) {
            const Node *n = m_document->node(id);
            if (!n)
                continue;
            if (NodeItem *item = m_nodeItems.value(id))
                item->sync();
            syncEdges(m_layout.setNode(*n));
        }
        break;
    case K::EdgesAdded:
    case K::EdgesChanged:
        for (const QString &id : change.ids) {
            const Edge *e = m_document->edge(id);
            if (!e)
                continue;
            m_layout.setEdge(*e);
            if (EdgeItem *item = m_edgeItems.value(id)) {
                item->sync();
            } else {
                auto *newItem = new EdgeItem(this, id);
                m_edgeItems.insert(id, newItem);
                addItem(newItem);
            }
            // The gateway's badges summarise its routes.
            if (NodeItem *source = m_nodeItems.value(e->source))
                source->update();
        }
        break;
    case K::EdgesRemoved:
        m_syncingSelection = true;
        for (const QString &id : change.ids) {
            delete m_edgeItems.take(id);
            m_layout.removeEdge(id);
        }
        m_syncingSelection = false;
        break;
    }
    m_laneItem->sync();
    updateSceneRect();
    m_overviewItem->invalidate();
}

void DiagramScene::updateSceneRect()
{
    m_laneItem->sync();
    // Room around the content to drop and drag into.
    setSceneRect(m_laneItem->boundingRect().adjusted(-600, -400, 600, 400));
}

void DiagramScene::syncSelectionFromDocument()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it)
        it.value()->setSelected(m_document->isSelected(it.key()));
    for (auto it = m_edgeItems.cbegin(); it != m_edgeItems.cend(); ++it)
        it.value()->setSelected(m_document->isSelected(it.key()));
    m_syncingSelection = false;
    m_overviewItem->invalidate(); // selected boxes and lines are drawn in the selection colour
}

void DiagramScene::syncSelectionToDocument()
{
    if (m_syncingSelection)
        return;
    QStringList ids;
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *item : items) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            ids.append(n->id());
        else if (auto *e = qgraphicsitem_cast<EdgeItem *>(item))
            ids.append(e->id());
    }
    m_syncingSelection = true;
    m_document->setSelection(ids);
    m_syncingSelection = false;
    m_overviewItem->invalidate();
}

// --- gestures ----------------------------------------------------------------------------------

QPointF DiagramScene::snapped(const QPointF &p) const
{
    if (!m_snap)
        return p;
    return QPointF(std::round(p.x() / GridSize) * GridSize, std::round(p.y() / GridSize) * GridSize);
}

QHash<QString, Lane> DiagramScene::lanesAfterDrop(const QStringList &movedIds) const
{
    QList<Node> staying;
    for (const Node &n : m_document->topology().nodes) {
        if (!movedIds.contains(n.id))
            staying.append(n);
    }
    const QList<LaneBand> bands = LanePainter::computeBands(staying);
    QHash<QString, Lane> lanes;
    for (const QString &id : movedIds) {
        const Node *n = m_document->node(id);
        if (!n)
            continue;
        const std::optional<Lane> lane = LanePainter::laneAt(bands, n->position.y() + n->size.height() / 2);
        if (lane && *lane != n->lane)
            lanes.insert(id, *lane);
    }
    return lanes;
}

NodeItem *DiagramScene::nodeAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            return node;
    }
    return nullptr;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_gesture = Gesture::None;
    m_dragStarted = false;
    m_pressPos = event->scenePos();
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    NodeItem *node = nodeAt(event->scenePos());
    if (node && (m_tool == Tool::Connect || (event->modifiers() & Qt::AltModifier))) {
        m_gesture = Gesture::Connect;
        m_gestureId = node->id();
        m_connectLine = new QGraphicsLineItem(QLineF(event->scenePos(), event->scenePos()));
        m_connectLine->setPen(QPen(QColor(0x25, 0x63, 0xeb), 1.5, Qt::DashLine));
        m_connectLine->setZValue(1000);
        addItem(m_connectLine);
        event->accept();
        return;
    }
    if (node && node->isOnResizeHandle(event->scenePos())) {
        const Node *n = m_document->node(node->id());
        m_gesture = Gesture::Resize;
        m_gestureId = node->id();
        m_resizeOrigin = QRectF(n->position, n->size);
        event->accept();
        return;
    }
    const QList<QGraphicsItem *> hits = items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(item); edge && edge->isSelected()) {
            const int index = edge->waypointAt(event->scenePos());
            if (index >= 0) {
                m_gesture = Gesture::Waypoint;
                m_gestureId = edge->id();
                m_waypointIndex = index;
                event->accept();
                return;
            }
        }
    }
    // Selection (click, ctrl-click) by the base class; rubber band by the view.
    QGraphicsScene::mousePressEvent(event);
    if (node) {
        if (!node->isSelected()) {
            clearSelection();
            node->setSelected(true);
        }
        m_gesture = Gesture::Move;
        m_moveOrigins.clear();
        for (const QString &id : m_document->selectedNodeIds()) {
            if (const Node *n = m_document->node(id))
                m_moveOrigins.insert(id, n->position);
        }
        m_gestureId = node->id();
    }
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    const QPointF delta = event->scenePos() - m_pressPos;
    if (!m_dragStarted && delta.manhattanLength() < QApplication::startDragDistance()
        && m_gesture != Gesture::Connect) {
        if (m_gesture == Gesture::None)
            QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    m_dragStarted = true;
    switch (m_gesture) {
    case Gesture::None:
        QGraphicsScene::mouseMoveEvent(event);
        return;
    case Gesture::Connect:
        m_connectLine->setLine(QLineF(m_connectLine->line().p1(), event->scenePos()));
        return;
    case Gesture::Move: {
        // Snap the grabbed node; the others keep their offsets to it.
        const QPointF anchor = m_moveOrigins.value(m_gestureId);
        const QPointF step = snapped(anchor + delta) - anchor;
        QHash<QString, QPointF> positions;
        for (auto it = m_moveOrigins.cbegin(); it != m_moveOrigins.cend(); ++it)
            positions.insert(it.key(), it.value() + step);
        m_document->moveNodes(positions, false);
        return;
    }
    case Gesture::Resize: {
        const QPointF corner = snapped(m_resizeOrigin.bottomRight() + delta);
        QRectF r(m_resizeOrigin.topLeft(), corner);
        r.setWidth(std::max<qreal>(r.width(), 60));
        r.setHeight(std::max<qreal>(r.height(), 36));
        m_document->setNodeGeometry(m_gestureId, r, false);
        return;
    }
    case Gesture::Waypoint: {
        const Edge *e = m_document->edge(m_gestureId);
        if (!e || m_waypointIndex >= e->waypoints.size())
            return;
        QList<QPointF> points = e->waypoints;
        points[m_waypointIndex] = snapped(event->scenePos());
        m_document->setEdgeWaypoints(m_gestureId, points, false);
        return;
    }
    }
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    switch (gesture) {
    case Gesture::None:
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    case Gesture::Connect: {
        delete m_connectLine;
        m_connectLine = nullptr;
        NodeItem *target = nodeAt(event->scenePos());
        if (target && target->id() != m_gestureId)
            connectNodes(m_gestureId, target->id(), event->screenPos());
        else if (target)
            Q_EMIT connectionRefused(tr("A node cannot connect to itself."));
        return;
    }
    case Gesture::Move: {
        QGraphicsScene::mouseReleaseEvent(event);
        if (!m_dragStarted)
            return;
        QHash<QString, QPointF> positions;
        for (auto it = m_moveOrigins.cbegin(); it != m_moveOrigins.cend(); ++it) {
            if (const Node *n = m_document->node(it.key()))
                positions.insert(it.key(), n->position);
        }
        m_document->moveNodes(positions, true, lanesAfterDrop(positions.keys()));
        return;
    }
    case Gesture::Resize:
        if (const Node *n = m_document->node(m_gestureId))
            m_document->setNodeGeometry(m_gestureId, QRectF(n->position, n->size), true);
        return;
    case Gesture::Waypoint:
        if (const Edge *e = m_document->edge(m_gestureId))
            m_document->setEdgeWaypoints(m_gestureId, e->waypoints, true);
        return;
    }
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (NodeItem *node = nodeAt(event->scenePos())) {
        Q_EMIT renameRequested(node->id());
        event->accept();
        return;
    }
    const QList<QGraphicsItem *> hits = items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(item)) {
            addWaypoint(edge->id(), event->scenePos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

namespace {
// Distance along `path` of the point of the path nearest to `p`, and that nearest point.
qreal distanceAlong(const QPolygonF &path, const QPointF &p, QPointF *nearest = nullptr)
{
    qreal best = std::numeric_limits<qreal>::max(), bestAlong = 0, travelled = 0;
    for (int i = 1; i < path.size(); ++i) {
        const QLineF seg(path[i - 1], path[i]);
        const qreal len = seg.length();
        qreal t = 0;
        if (len > 0)
            t = std::clamp(QPointF::dotProduct(p - seg.p1(), seg.p2() - seg.p1()) / (len * len), 0.0, 1.0);
        const QPointF q = seg.pointAt(t);
        const qreal d = QLineF(p, q).length();
        if (d < best) {
            best = d;
            bestAlong = travelled + t * len;
            if (nearest)
                *nearest = q;
        }
        travelled += len;
    }
    return bestAlong;
}
} // namespace

void DiagramScene::addWaypoint(const QString &edgeId, const QPointF &scenePos)
{
    const Edge *edge = m_document->edge(edgeId);
    const EdgeGeometry *g = m_layout.edge(edgeId);
    if (!edge || !g || g->path.size() < 2)
        return;
    // On the line where it was clicked (the route does not jump), ordered along the route.
    QPointF onPath;
    const qreal at = distanceAlong(g->path, scenePos, &onPath);
    QList<QPointF> points = edge->waypoints;
    int index = 0;
    while (index < points.size() && distanceAlong(g->path, points[index]) <= at)
        ++index;
    points.insert(index, onPath);
    m_document->editEdges(
        { edgeId }, [&](Edge &e) { e.waypoints = points; }, tr("Add waypoint"));
}

// --- drag and drop from the palette ------------------------------------------------------------

void DiagramScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(nodeKindMimeType()));
}

void DiagramScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(nodeKindMimeType()));
}

void DiagramScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const QString payload = QString::fromUtf8(event->mimeData()->data(nodeKindMimeType()));
    const QStringList parts = payload.split(QLatin1Char(':'));
    const std::optional<NodeKind> kind = nodeKindFromString(parts.value(0));
    if (!kind) {
        event->ignore();
        return;
    }
    const ServiceRole role = serviceRoleFromString(parts.value(1)).value_or(ServiceRole::Generic);
    createNode(*kind, role, event->scenePos());
    event->acceptProposedAction();
}

// --- operations --------------------------------------------------------------------------------

QString DiagramScene::createNode(NodeKind kind, ServiceRole role, const QPointF &centre)
{
    Node node;
    node.kind = kind;
    node.role = kind == NodeKind::Service ? role : ServiceRole::Generic;
    node.lane = defaultLane(kind);
    node.size = kind == NodeKind::DbPostgres ? QSizeF(130, 80)
        : kind == NodeKind::Gateway          ? QSizeF(240, 80)
                                             : QSizeF(180, 64);
    if (kind == NodeKind::Service && role != ServiceRole::Generic) {
        QString name = nameOf(role);
        name[0] = name[0].toUpper();
        node.name = tr("%1 service").arg(name);
    }
    node.position = snapped(centre - QPointF(node.size.width() / 2, node.size.height() / 2));
    const QString id = m_document->addNode(node);
    m_document->setSelection({ id });
    return id;
}

QString DiagramScene::connectNodes(const QString &from, const QString &to, const QPoint &screenPos)
{
    const Node *a = m_document->node(from);
    const Node *b = m_document->node(to);
    if (!a || !b)
        return {};
    const QList<EdgeKind> kinds = edgeKindsBetween(a->kind, b->kind);
    if (kinds.isEmpty()) {
        QString reason;
        isEdgeAllowed(EdgeKind::Sync, a->kind, b->kind, &reason);
        if (reason.isEmpty())
            reason = tr("%1 cannot connect to %2.").arg(displayName(a->kind), displayName(b->kind));
        Q_EMIT connectionRefused(reason);
        return {};
    }
    EdgeKind kind = kinds.first();
    if (kinds.size() > 1) {
        const std::optional<EdgeKind> chosen = m_chooser(kinds, screenPos);
        if (!chosen)
            return {};
        kind = *chosen;
    }
    Edge edge;
    edge.kind = kind;
    edge.source = from;
    edge.target = to;
    QString reason;
    const QString id = m_document->addEdge(edge, &reason);
    if (id.isEmpty())
        Q_EMIT connectionRefused(reason);
    else
        m_document->setSelection({ id });
    return id;
}

void DiagramScene::deleteSelection()
{
    m_document->deleteItems(m_document->selectedIds());
}

void DiagramScene::copySelection() const
{
    const QByteArray data = m_document->copy(m_document->selectedIds());
    if (data.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(Document::clipboardMimeType(), data);
    mime->setText(QString::fromUtf8(data));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void DiagramScene::cutSelection()
{
    copySelection();
    Document::MacroGuard guard(*m_document, tr("Cut"));
    deleteSelection();
}

void DiagramScene::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return;
    QByteArray data = mime->data(Document::clipboardMimeType());
    if (data.isEmpty())
        data = mime->text().toUtf8();
    if (data.isEmpty())
        return;
    ++m_pasteCount;
    QString error;
    if (m_document->paste(data, QPointF(20, 20) * m_pasteCount, &error).isEmpty() && !error.isEmpty())
        Q_EMIT connectionRefused(error);
}

void DiagramScene::duplicateSelection()
{
    m_document->duplicate(m_document->selectedIds(), QPointF(20, 20));
}

void DiagramScene::alignSelection(Alignment alignment)
{
    const QStringList ids = m_document->selectedNodeIds();
    if (ids.size() < 2)
        return;
    QRectF bounds;
    for (const QString &id : ids) {
        const Node *n = m_document->node(id);
        bounds = bounds.isNull() ? QRectF(n->position, n->size) : bounds.united(QRectF(n->position, n->size));
    }
    QHash<QString, QPointF> positions;
    for (const QString &id : ids) {
        const Node *n = m_document->node(id);
        QPointF p = n->position;
        switch (alignment) {
        case Alignment::Left:
            p.setX(bounds.left());
            break;
        case Alignment::Right:
            p.setX(bounds.right() - n->size.width());
            break;
        case Alignment::HCenter:
            p.setX(bounds.center().x() - n->size.width() / 2);
            break;
        case Alignment::Top:
            p.setY(bounds.top());
            break;
        case Alignment::Bottom:
            p.setY(bounds.bottom() - n->size.height());
            break;
        case Alignment::VCenter:
            p.setY(bounds.center().y() - n->size.height() / 2);
            break;
        }
        positions.insert(id, p);
    }
    Document::MacroGuard guard(*m_document, tr("Align %1 nodes").arg(ids.size()));
    m_document->moveNodes(positions, true);
}

void DiagramScene::distributeSelection(Qt::Orientation orientation)
{
    QStringList ids = m_document->selectedNodeIds();
    if (ids.size() < 3)
        return;
    const bool horizontal = orientation == Qt::Horizontal;
    auto centre = [&](const QString &id) {
        const Node *n = m_document->node(id);
        return horizontal ? n->position.x() + n->size.width() / 2 : n->position.y() + n->size.height() / 2;
    };
    std::sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) { return centre(a) < centre(b); });
    const qreal first = centre(ids.first()), last = centre(ids.last());
    QHash<QString, QPointF> positions;
    for (int i = 0; i < ids.size(); ++i) {
        const Node *n = m_document->node(ids[i]);
        const qreal c = first + (last - first) * i / (ids.size() - 1);
        QPointF p = n->position;
        if (horizontal)
            p.setX(c - n->size.width() / 2);
        else
            p.setY(c - n->size.height() / 2);
        positions.insert(ids[i], p);
    }
    Document::MacroGuard guard(*m_document, tr("Distribute %1 nodes").arg(ids.size()));
    m_document->moveNodes(positions, true);
}

void DiagramScene::autoLayout(bool all)
{
    const Topology &t = m_document->topology();
    constexpr qreal Gap = 40, Left = 40;
    // Row tops of the four lanes (clients, gateway, services, data) and of Kafka's own row.
    const qreal laneTop[] = { 40, 200, 380, 560 };
    constexpr qreal KafkaTop = 720;
    QHash<QString, QPointF> positions;
    if (all) {
        for (int lane = 0; lane < 4; ++lane) {
            QList<const Node *> nodes;
            for (const Node &n : t.nodes) {
                if (int(n.lane) == lane)
                    nodes.append(&n);
            }
            // Keep the user's left-to-right order within each lane.
            std::sort(nodes.begin(), nodes.end(), [](const Node *a, const Node *b) {
                return a->position.x() != b->position.x() ? a->position.x() < b->position.x() : a->id < b->id;
            });
            qreal x = Left;
            for (const Node *n : std::as_const(nodes)) {
                if (n->kind == NodeKind::BusKafka) {
                    positions.insert(n->id, QPointF(Left, KafkaTop));
                    continue;
                }
                positions.insert(n->id, QPointF(x, laneTop[lane]));
                x += n->size.width() + Gap;
            }
        }
    } else {
        // Earlier nodes (in document order) keep their place; a node that overlaps one of them
        // (just dropped, pasted or duplicated) slides along its lane row to the first free spot.
        QList<QRectF> kept;
        auto overlaps = [&kept](const QRectF &r) {
            for (const QRectF &k : std::as_const(kept)) {
                if (r.adjusted(-4, -4, 4, 4).intersects(k))
                    return true;
            }
            return false;
        };
        for (const Node &n : t.nodes) {
            QRectF r(n.position, n.size);
            if (overlaps(r)) {
                r.moveTopLeft(QPointF(Left, laneTop[int(n.lane)]));
                while (overlaps(r))
                    r.translate(GridSize * 2, 0);
                positions.insert(n.id, r.topLeft());
            }
            kept.append(r);
        }
    }
    if (positions.isEmpty())
        return;
    Document::MacroGuard guard(*m_document, all ? tr("Re-layout all") : tr("Auto layout"));
    m_document->moveNodes(positions, true);
}

void DiagramScene::clearWaypoints(const QStringList &edgeIds)
{
    m_document->editEdges(
        edgeIds, [](Edge &e) { e.waypoints.clear(); }, tr("Clear waypoints"));
}

QStringList DiagramScene::findNodes(const QString &text) const
{
    QStringList ids;
    for (const Node &n : m_document->topology().nodes) {
        if (n.name.contains(text, Qt::CaseInsensitive) || n.id.contains(text, Qt::CaseInsensitive))
            ids.append(n.id);
    }
    return ids;
}

} // namespace Gatehouse
