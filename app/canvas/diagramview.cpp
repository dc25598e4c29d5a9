#include "diagramview.h"

#include "diagramscene.h"
#include "document/document.h"
#include "items/edgeitem.h"
#include "items/nodeitem.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>
#include <cmath>

namespace Gatehouse {

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setAcceptDrops(true);
    setBackgroundBrush(QColor(0xfa, 0xfb, 0xfc));
    m_settleTimer = new QTimer(this);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(SettleMs);
    connect(m_settleTimer, &QTimer::timeout, this, &DiagramView::settleZoom);
    createActions();
    connect(m_scene, &DiagramScene::renameRequested, this, &DiagramView::startRename);
    connect(m_scene->document(), &Document::selectionChanged, this, &DiagramView::updateSelectionActions);
    connect(m_scene, &DiagramScene::filtersChanged, this, &DiagramView::syncFilterActions);
    updateSelectionActions();
}

QAction *DiagramView::add(Action which, const QString &text, const QKeySequence &shortcut, std::function<void()> slot)
{
    auto *a = new QAction(text, this);
    if (!shortcut.isEmpty()) {
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    connect(a, &QAction::triggered, this, std::move(slot));
    addAction(a);
    m_actions.insert(which, a);
    return a;
}

void DiagramView::createActions()
{
    DiagramScene *s = m_scene;
    add(Action::Delete, tr("&Delete"), QKeySequence::Delete, [s] { s->deleteSelection(); });
    add(Action::Cut, tr("Cu&t"), QKeySequence::Cut, [s] { s->cutSelection(); });
    add(Action::Copy, tr("&Copy"), QKeySequence::Copy, [s] { s->copySelection(); });
    add(Action::Paste, tr("&Paste"), QKeySequence::Paste, [s] { s->paste(); });
    add(Action::Duplicate, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [s] { s->duplicateSelection(); });
    add(Action::SelectAll, tr("Select &All"), QKeySequence::SelectAll, [s] { s->document()->selectAll(); });
    add(Action::Rename, tr("&Rename"), QKeySequence(Qt::Key_F2), [this] {
        const QStringList ids = m_scene->document()->selectedNodeIds();
        if (ids.size() == 1)
            startRename(ids.first());
    });
    add(Action::BringToFront, tr("Bring to &Front"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BracketRight),
        [s] { s->document()->bringToFront(s->document()->selectedNodeIds()); });
    add(Action::SendToBack, tr("Send to &Back"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BracketLeft),
        [s] { s->document()->sendToBack(s->document()->selectedNodeIds()); });
    add(Action::AlignLeft, tr("Align &Left"), {}, [s] { s->alignSelection(DiagramScene::Alignment::Left); });
    add(Action::AlignHCenter, tr("Align &Centre"), {}, [s] { s->alignSelection(DiagramScene::Alignment::HCenter); });
    add(Action::AlignRight, tr("Align &Right"), {}, [s] { s->alignSelection(DiagramScene::Alignment::Right); });
    add(Action::AlignTop, tr("Align &Top"), {}, [s] { s->alignSelection(DiagramScene::Alignment::Top); });
    add(Action::AlignVCenter, tr("Align &Middle"), {}, [s] { s->alignSelection(DiagramScene::Alignment::VCenter); });
    add(Action::AlignBottom, tr("Align &Bottom"), {}, [s] { s->alignSelection(DiagramScene::Alignment::Bottom); });
    add(Action::DistributeHorizontally, tr("Distribute &Horizontally"), {},
        [s] { s->distributeSelection(Qt::Horizontal); });
    add(Action::DistributeVertically, tr("Distribute &Vertically"), {}, [s] { s->distributeSelection(Qt::Vertical); });
    add(Action::ZoomIn, tr("Zoom &In"), QKeySequence::ZoomIn, [this] { setZoom(zoom() * 1.25); });
    add(Action::ZoomOut, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { setZoom(zoom() / 1.25); });
    add(Action::ZoomFit, tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { zoomToFit(); });
    add(Action::ZoomActual, tr("&Actual Size (100 %)"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] { setZoom(1.0); });
    QAction *snap = add(Action::SnapToGrid, tr("&Snap to Grid"), {}, [] {});
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    connect(snap, &QAction::toggled, this, [s](bool on) { s->setSnapToGrid(on); });
    QAction *connectTool = add(Action::ConnectTool, tr("&Connect Tool"), QKeySequence(Qt::Key_C), [] {});
    connectTool->setCheckable(true);
    connect(connectTool, &QAction::toggled, this,
        [s](bool on) { s->setTool(on ? DiagramScene::Tool::Connect : DiagramScene::Tool::Select); });

    const QList<QPair<Action, ViewFilter>> filters = {
        { Action::ShowSync, ViewFilter::SyncCalls },
        { Action::ShowEvents, ViewFilter::Events },
        { Action::ShowDataOwnership, ViewFilter::DataOwnership },
        { Action::ShowCrossCutting, ViewFilter::CrossCutting },
        { Action::ShowFailurePaths, ViewFilter::FailurePaths },
        { Action::ShowInternalRoutes, ViewFilter::InternalRoutes },
    };
    const QStringList names = { tr("Show S&ync Calls"), tr("Show &Events"), tr("Show &Data Ownership"),
        tr("Show Cross-Cutting &Marks"), tr("Show &Failure Paths"), tr("Show &Internal Routes") };
    for (int i = 0; i < filters.size(); ++i) {
        const ViewFilter f = filters[i].second;
        QAction *a = add(filters[i].first, names[i], {}, [] {});
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, [s, f](bool on) {
            ViewFilters current = s->filters();
            current.setFlag(f, on);
            s->setFilters(current);
        });
    }
    // The seed's review step: sync traffic alone, events alone, in one click each.
    add(Action::SyncOnly, tr("Sync Calls Only"), {}, [s] {
        s->setFilters(ViewFilters(ViewFilter::SyncCalls) | ViewFilter::CrossCutting | ViewFilter::FailurePaths
            | ViewFilter::InternalRoutes);
    });
    add(Action::EventsOnly, tr("Events Only"), {}, [s] { s->setFilters(ViewFilters(ViewFilter::Events)); });
    add(Action::ShowAll, tr("Show Everything"), {}, [s] { s->setFilters(allViewFilters()); });
    add(Action::AutoLayout, tr("Auto &Layout"), {}, [s] { s->autoLayout(false); });
    add(Action::RelayoutAll, tr("Re-layout &All"), {}, [s] { s->autoLayout(true); });
    add(Action::ClearWaypoints, tr("Clear &Waypoints"), {},
        [s] { s->clearWaypoints(s->document()->selectedEdgeIds()); });
    syncFilterActions();
}

void DiagramView::syncFilterActions()
{
    const ViewFilters f = m_scene->filters();
    const QList<QPair<Action, ViewFilter>> map = {
        { Action::ShowSync, ViewFilter::SyncCalls },
        { Action::ShowEvents, ViewFilter::Events },
        { Action::ShowDataOwnership, ViewFilter::DataOwnership },
        { Action::ShowCrossCutting, ViewFilter::CrossCutting },
        { Action::ShowFailurePaths, ViewFilter::FailurePaths },
        { Action::ShowInternalRoutes, ViewFilter::InternalRoutes },
    };
    for (const auto &[action, filter] : map) {
        QAction *a = m_actions.value(action);
        const QSignalBlocker blocker(a);
        a->setChecked(f.testFlag(filter));
    }
}

void DiagramView::updateSelectionActions()
{
    const Document *doc = m_scene->document();
    const bool any = !doc->selectedIds().isEmpty();
    const int nodes = int(doc->selectedNodeIds().size());
    for (Action a : { Action::Delete, Action::Cut })
        m_actions.value(a)->setEnabled(any);
    for (Action a : { Action::Copy, Action::Duplicate })
        m_actions.value(a)->setEnabled(nodes > 0);
    m_actions.value(Action::Rename)->setEnabled(nodes == 1);
    for (Action a : { Action::BringToFront, Action::SendToBack })
        m_actions.value(a)->setEnabled(nodes > 0);
    for (Action a : { Action::AlignLeft, Action::AlignHCenter, Action::AlignRight, Action::AlignTop,
             Action::AlignVCenter, Action::AlignBottom })
        m_actions.value(a)->setEnabled(nodes >= 2);
    for (Action a : { Action::DistributeHorizontally, Action::DistributeVertically })
        m_actions.value(a)->setEnabled(nodes >= 3);
    m_actions.value(Action::ClearWaypoints)->setEnabled(!doc->selectedEdgeIds().isEmpty());
}

void DiagramView::setZoom(qreal z)
{
    z = std::clamp(z, 0.05, 8.0);
    const qreal factor = z / zoom();
    if (z < NodeItem::DraftBelow && m_scene->isLarge()) {
        // Device-pixel caches would be re-rendered at every step of the gesture: off until it settles.
        m_scene->setItemCaching(false);
        m_scene->setDraft(true);
        m_settleTimer->start();
    } else {
        m_settleTimer->stop();
        m_scene->setDraft(false);
        m_scene->setItemCaching(true);
    }
    scale(factor, factor);
}

bool DiagramView::isZoomSettling() const
{
    return m_settleTimer->isActive();
}

void DiagramView::settleZoom()
{
    m_settleTimer->stop();
    m_scene->setItemCaching(zoom() >= NodeItem::OverviewBelow || !m_scene->isLarge());
    m_scene->setDraft(false);
}

void DiagramView::zoomToFit()
{
    fitInView(m_scene->itemsBoundingRect(), Qt::KeepAspectRatio);
    settleZoom();
}

bool DiagramView::findNode(const QString &text)
{
    const QStringList ids = m_scene->findNodes(text);
    if (ids.isEmpty())
        return false;
    m_scene->document()->setSelection({ ids.first() });
    if (NodeItem *item = m_scene->nodeItem(ids.first()))
        centerOn(item);
    return true;
}

void DiagramView::startRename(const QString &nodeId)
{
    const Node *node = m_scene->document()->node(nodeId);
    NodeItem *item = m_scene->nodeItem(nodeId);
    if (!node || !item)
        return;
    delete m_renameEditor;
    m_renameEditor = new QLineEdit(node->name, viewport());
    const QRect r
        = mapFromScene(QRectF(node->position, QSizeF(node->size.width(), 28)).translated(0, 6)).boundingRect();
    m_renameEditor->setGeometry(r);
    m_renameEditor->selectAll();
    m_renameEditor->show();
    m_renameEditor->setFocus();
    QLineEdit *editor = m_renameEditor;
    connect(editor, &QLineEdit::editingFinished, this, [this, editor, nodeId] {
        const QString name = editor->text().trimmed();
        if (!name.isEmpty())
            m_scene->document()->setNodeName(nodeId, name);
        editor->deleteLater();
        if (m_renameEditor == editor)
            m_renameEditor = nullptr;
        setFocus();
    });
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    // Wheel zooms (towards the cursor); Shift+wheel scrolls.
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    setZoom(zoom() * std::pow(1.15, steps));
    event->accept();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        setDragMode(ScrollHandDrag);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        m_actions.value(Action::ConnectTool)->setChecked(false);
        m_scene->document()->clearSelection();
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        setDragMode(RubberBandDrag);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint p = event->position().toPoint();
        const QPoint d = p - m_panLast;
        m_panLast = p;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    populateContextMenu(&menu, event->pos());
    menu.exec(event->globalPos());
}

void DiagramView::populateContextMenu(QMenu *menuPtr, const QPoint &viewPos)
{
    QMenu &menu = *menuPtr;
    Document *doc = m_scene->document();
    QGraphicsItem *hit = nullptr;
    const QList<QGraphicsItem *> hits = items(viewPos);
    for (QGraphicsItem *item : hits) {
        if (qgraphicsitem_cast<NodeItem *>(item) || qgraphicsitem_cast<EdgeItem *>(item)) {
            hit = item;
            break;
        }
    }
    QString hitId;
    if (auto *n = qgraphicsitem_cast<NodeItem *>(hit))
        hitId = n->id();
    else if (auto *e = qgraphicsitem_cast<EdgeItem *>(hit))
        hitId = e->id();
    if (!hitId.isEmpty() && !doc->isSelected(hitId))
        doc->setSelection({ hitId });

    auto a = [this](Action which) { return m_actions.value(which); };
    if (qgraphicsitem_cast<NodeItem *>(hit)) {
        menu.addAction(a(Action::Rename));
        menu.addAction(a(Action::Duplicate));
        menu.addSeparator();
        menu.addAction(a(Action::Cut));
        menu.addAction(a(Action::Copy));
        menu.addAction(a(Action::Delete));
        menu.addSeparator();
        menu.addAction(a(Action::BringToFront));
        menu.addAction(a(Action::SendToBack));
        if (doc->selectedNodeIds().size() >= 2) {
            QMenu *align = menu.addMenu(tr("Align"));
            for (Action x :
                { Action::AlignLeft, Action::AlignHCenter, Action::AlignRight, Action::AlignTop, Action::AlignVCenter,
                    Action::AlignBottom, Action::DistributeHorizontally, Action::DistributeVertically })
                align->addAction(a(x));
        }
    } else if (auto *edgeItem = qgraphicsitem_cast<EdgeItem *>(hit)) {
        const Edge *edge = doc->edge(edgeItem->id());
        const Node *s = edge ? doc->node(edge->source) : nullptr;
        const Node *t = edge ? doc->node(edge->target) : nullptr;
        if (s && t) {
            const QList<EdgeKind> kinds = edgeKindsBetween(s->kind, t->kind);
            if (kinds.size() > 1) {
                QMenu *kindMenu = menu.addMenu(tr("Kind"));
                for (EdgeKind k : kinds) {
                    QAction *ka = kindMenu->addAction(displayName(k));
                    ka->setCheckable(true);
                    ka->setChecked(k == edge->kind);
                    const QString id = edge->id;
                    connect(ka, &QAction::triggered, this, [doc, id, k] { doc->setEdgeKind(id, k); });
                }
            }
        }
        menu.addAction(a(Action::ClearWaypoints));
        menu.addAction(a(Action::Delete));
    } else {
        menu.addAction(a(Action::Paste));
        menu.addAction(a(Action::SelectAll));
        menu.addSeparator();
        menu.addAction(a(Action::AutoLayout));
        menu.addAction(a(Action::RelayoutAll));
        menu.addAction(a(Action::ZoomFit));
        menu.addSeparator();
        menu.addAction(a(Action::SyncOnly));
        menu.addAction(a(Action::EventsOnly));
        menu.addAction(a(Action::ShowAll));
    }
    const bool isNode = qgraphicsitem_cast<NodeItem *>(hit) != nullptr;
    for (const ContextMenuHook &hook : std::as_const(m_menuHooks))
        hook(&menu, isNode ? hitId : QString(), isNode ? QString() : hitId);
}

} // namespace Gatehouse
