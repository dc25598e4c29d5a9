// Canvas tests, offscreen, through real mouse/keyboard/drop events on the view: create a node
// by drop, connect by drag, refused connection, a move is one undo step, copy/paste through
// QClipboard, delete + undo, view filters, inline rename.
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvas/items/edgeitem.h"
#include "canvas/items/nodeitem.h"
#include "canvas/items/overviewitem.h"
#include "document/document.h"
#include "model/projectfile.h"
#include "render/diagramstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace Gatehouse;

namespace {

Topology loadExample()
{
    const LoadResult r = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!r.ok())
        qFatal("example does not load");
    return r.topology;
}

struct Canvas
{
    Document doc;
    std::unique_ptr<DiagramScene> scene;
    std::unique_ptr<DiagramView> view;

    Canvas()
    {
        doc.resetTopology(loadExample());
        scene = std::make_unique<DiagramScene>(&doc);
        view = std::make_unique<DiagramView>(scene.get());
        view->resize(1600, 900);
        view->show();
        view->setZoom(0.8);
        view->centerOn(QPointF(800, 400));
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    }

    QPoint at(const QString &nodeId, QPointF offset = {}) const
    {
        const Node *n = doc.node(nodeId);
        return view->mapFromScene(n->position + QPointF(n->size.width() / 2, n->size.height() / 2) + offset);
    }

    void press(QPoint p, Qt::KeyboardModifiers mods = {})
    {
        QTest::mousePress(view->viewport(), Qt::LeftButton, mods, p);
    }
    void moveTo(QPoint p)
    {
        QMouseEvent move(
            QEvent::MouseMove, p, view->viewport()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
    }
    void release(QPoint p) { QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, p); }
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = {})
    {
        press(from, mods);
        for (int i = 1; i <= 5; ++i)
            moveTo(from + (to - from) * i / 5);
        release(to);
    }
};

} // namespace

class TestCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsMirrorTheDocument()
    {
        Canvas c;
        QCOMPARE(c.scene->nodeItem("order")->pos(), c.doc.node("order")->position);
        for (const Edge &e : c.doc.topology().edges)
            QVERIFY2(c.scene->edgeItem(e.id), qPrintable(e.id));
        QVERIFY(qgraphicsitem_cast<NodeItem *>(c.scene->nodeItem("order")));
        QVERIFY(!qgraphicsitem_cast<EdgeItem *>(static_cast<QGraphicsItem *>(c.scene->nodeItem("order"))));
    }

    void createNodeByDrop()
    {
        Canvas c;
        const int before = int(c.doc.topology().nodes.size());
        QMimeData mime;
        mime.setData(DiagramScene::nodeKindMimeType(), "service:payment");
        const QPoint pos = c.view->mapFromScene(QPointF(300, 900));
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(c.view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(c.view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(c.view->viewport(), &drop);
        QCOMPARE(int(c.doc.topology().nodes.size()), before + 1);
        const Node &added = c.doc.topology().nodes.last();
        QCOMPARE(added.kind, NodeKind::Service);
        QCOMPARE(added.role, ServiceRole::Payment);
        QVERIFY(QRectF(added.position, added.size).contains(QPointF(300, 900)));
        QVERIFY(c.scene->nodeItem(added.id));
        QCOMPARE(c.doc.selectedNodeIds(), QStringList { added.id });
        QCOMPARE(c.doc.undoStack()->count(), 1);
    }

    void connectByDrag()
    {
        Canvas c;
        c.view->action(DiagramView::Action::ConnectTool)->setChecked(true);
        QVERIFY(!c.doc.topology().outgoing("inventory", EdgeKind::Sync).size());
        c.drag(c.at("inventory"), c.at("auth"));
        const auto edges = c.doc.topology().outgoing("inventory", EdgeKind::Sync);
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first()->target, QStringLiteral("auth"));
        QVERIFY(c.scene->edgeItem(edges.first()->id));
        QVERIFY(c.scene->edgeItem(edges.first()->id)->isVisible());
        QCOMPARE(c.doc.undoStack()->count(), 1);
    }

    void connectKindFollowsEnds_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<EdgeKind>("kind");
        QTest::newRow("service → kafka publishes") << "auth"
                                                   << "kafka" << EdgeKind::Publish;
        QTest::newRow("kafka → service subscribes") << "kafka"
                                                    << "auth" << EdgeKind::Subscribe;
        QTest::newRow("service → redis uses cache") << "order"
                                                    << "redis" << EdgeKind::UsesCache;
    }

    void connectKindFollowsEnds()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(EdgeKind, kind);
        Canvas c;
        QList<EdgeKind> offered;
        c.scene->setEdgeKindChooser([&](const QList<EdgeKind> &kinds, const QPoint &) -> std::optional<EdgeKind> {
            offered = kinds;
            return kinds.contains(kind) ? std::optional<EdgeKind>(kind) : std::nullopt;
        });
        const QString id = c.scene->connectNodes(from, to);
        QVERIFY(!id.isEmpty());
        QCOMPARE(c.doc.edge(id)->kind, kind);
    }

    void refusedConnection()
    {
        Canvas c;
        QSignalSpy refused(c.scene.get(), &DiagramScene::connectionRefused);
        const int before = int(c.doc.topology().edges.size());
        // A client straight to a service bypasses the gateway. Alt+drag connects too.
        c.drag(c.at("web"), c.at("payment"), Qt::AltModifier);
        QCOMPARE(int(c.doc.topology().edges.size()), before);
        QCOMPARE(refused.size(), 1);
        QVERIFY(!refused.first().first().toString().isEmpty());
        QCOMPARE(c.doc.undoStack()->count(), 0);
    }

    void moveIsOneUndoStep()
    {
        Canvas c;
        const QPointF start = c.doc.node("notification")->position;
        c.drag(c.at("notification"), c.at("notification", QPointF(0, 100)));
        QCOMPARE(c.doc.undoStack()->count(), 1);
        const QPointF moved = c.doc.node("notification")->position;
        QVERIFY(moved.y() > start.y() + 50);
        QCOMPARE(c.scene->nodeItem("notification")->pos(), moved);
        // Snapped to the 10-unit grid.
        QCOMPARE(std::fmod(moved.y(), 10.0), 0.0);
        c.doc.undoStack()->undo();
        QCOMPARE(c.doc.node("notification")->position, start);
        QCOMPARE(c.scene->nodeItem("notification")->pos(), start);
    }

    void dropOnAnotherBandChangesLane()
    {
        Canvas c;
        QCOMPARE(c.doc.node("redis")->lane, Lane::Data);
        const QPointF start = c.doc.node("redis")->position;
        // Redis (data lane, y 560) dropped at the height of the order service (services lane).
        const qreal dy = c.doc.node("order")->position.y() - start.y();
        c.drag(c.at("redis"), c.at("redis", QPointF(0, dy)));
        QCOMPARE(c.doc.node("redis")->lane, Lane::Services);
        QCOMPARE(c.doc.undoStack()->count(), 1); // move and lane change are one step
        c.doc.undoStack()->undo();
        QCOMPARE(c.doc.node("redis")->lane, Lane::Data);
        QCOMPARE(c.doc.node("redis")->position, start);
        c.doc.undoStack()->redo();
        QCOMPARE(c.doc.node("redis")->lane, Lane::Services);

        // A small move inside its own band keeps the lane.
        c.drag(c.at("order"), c.at("order", QPointF(30, 10)));
        QCOMPARE(c.doc.node("order")->lane, Lane::Services);
    }

    void bringToFrontAndSendToBack()
    {
        Canvas c;
        // Drop payment over order so that the two overlap.
        c.doc.moveNodes({ { "payment", c.doc.node("order")->position + QPointF(20, 10) } });
        c.doc.setSelection({ "order" });
        c.view->action(DiagramView::Action::BringToFront)->trigger();
        QVERIFY(c.scene->nodeItem("order")->zValue() > c.scene->nodeItem("payment")->zValue());
        QCOMPARE(c.doc.undoStack()->undoText(), QStringLiteral("Bring to front"));
        // Topmost at the overlap is what a click there picks.
        const QPointF overlap = c.doc.node("payment")->position + QPointF(5, 5);
        QCOMPARE(c.scene->itemAt(overlap, QTransform()), c.scene->nodeItem("order"));

        c.view->action(DiagramView::Action::SendToBack)->trigger();
        QVERIFY(c.scene->nodeItem("order")->zValue() < c.scene->nodeItem("payment")->zValue());
        // Nodes stay above edges whatever their z.
        QVERIFY(c.scene->nodeItem("order")->zValue() > -1);
        c.doc.undoStack()->undo();
        QVERIFY(c.scene->nodeItem("order")->zValue() > c.scene->nodeItem("payment")->zValue());

        c.doc.setSelection({});
        QVERIFY(!c.view->action(DiagramView::Action::BringToFront)->isEnabled());
    }

    void multiMoveIsOneUndoStep()
    {
        Canvas c;
        c.doc.setSelection({ "order", "payment" });
        const QPointF orderStart = c.doc.node("order")->position, paymentStart = c.doc.node("payment")->position;
        c.drag(c.at("order"), c.at("order", QPointF(40, 0)));
        QCOMPARE(c.doc.undoStack()->count(), 1);
        QCOMPARE(c.doc.undoStack()->undoText(), QStringLiteral("Move 2 nodes"));
        QCOMPARE(c.doc.node("order")->position - orderStart, c.doc.node("payment")->position - paymentStart);
    }

    void copyPasteThroughClipboard()
    {
        Canvas a;
        a.doc.setSelection({ "order", "order-db" });
        a.view->action(DiagramView::Action::Copy)->trigger();
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime && mime->hasFormat(Document::clipboardMimeType()));

        // A second window (another document) pastes it.
        Canvas b;
        const int nodes = int(b.doc.topology().nodes.size()), edges = int(b.doc.topology().edges.size());
        b.view->action(DiagramView::Action::Paste)->trigger();
        QCOMPARE(int(b.doc.topology().nodes.size()), nodes + 2);
        QCOMPARE(int(b.doc.topology().edges.size()), edges + 1);
        QCOMPARE(b.doc.selectedIds().size(), 3);
        for (const QString &id : b.doc.selectedNodeIds())
            QVERIFY(b.scene->nodeItem(id));
        b.doc.undoStack()->undo();
        QCOMPARE(int(b.doc.topology().nodes.size()), nodes);
    }

    void deleteAndUndo()
    {
        Canvas c;
        const QByteArray before = ProjectFile::toJson(c.doc.topology());
        QTest::mouseClick(c.view->viewport(), Qt::LeftButton, {}, c.at("payment"));
        QCOMPARE(c.doc.selectedNodeIds(), QStringList { "payment" });
        c.view->setFocus();
        QTest::keyClick(c.view.get(), Qt::Key_Delete);
        QVERIFY(!c.doc.node("payment"));
        QVERIFY(!c.scene->nodeItem("payment"));
        QVERIFY(!c.scene->edgeItem("e-order-payment"));
        c.doc.undoStack()->undo();
        QCOMPARE(ProjectFile::toJson(c.doc.topology()), before);
        QVERIFY(c.scene->nodeItem("payment"));
        QVERIFY(c.scene->edgeItem("e-order-payment")->isVisible());
    }

    void syncOnlyIsOneClick()
    {
        Canvas c;
        c.view->action(DiagramView::Action::SyncOnly)->trigger();
        QVERIFY(c.scene->edgeItem("e-order-payment")->isVisible());
        QVERIFY(!c.scene->edgeItem("e-order-publish")->isVisible());
        QVERIFY(!c.scene->edgeItem("e-order-owns-db")->isVisible());
        QVERIFY(!c.view->action(DiagramView::Action::ShowEvents)->isChecked());
        c.view->action(DiagramView::Action::EventsOnly)->trigger();
        QVERIFY(!c.scene->edgeItem("e-order-payment")->isVisible());
        QVERIFY(c.scene->edgeItem("e-order-publish")->isVisible());
        c.view->action(DiagramView::Action::ShowAll)->trigger();
        QVERIFY(c.scene->edgeItem("e-order-payment")->isVisible());
        QCOMPARE(c.doc.undoStack()->count(), 0); // filters are a view setting, not an edit
    }

    void inlineRename()
    {
        Canvas c;
        QTest::mouseDClick(c.view->viewport(), Qt::LeftButton, {}, c.at("order"));
        auto *editor = c.view->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->setText("Orders");
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(c.doc.node("order")->name, QStringLiteral("Orders"));
        QCOMPARE(c.doc.undoStack()->undoText(), QString::fromUtf8("Rename “Order service”"));
    }

    void alignAndFind()
    {
        Canvas c;
        c.doc.setSelection({ "auth", "web" });
        c.view->action(DiagramView::Action::AlignLeft)->trigger();
        QCOMPARE(c.doc.node("auth")->position.x(), c.doc.node("web")->position.x());
        QCOMPARE(c.doc.undoStack()->count(), 1);
        QVERIFY(c.view->findNode("invent"));
        QCOMPARE(c.doc.selectedNodeIds(), QStringList { "inventory" });
        QVERIFY(!c.view->findNode("no such node"));
    }

    void autoLayoutKeepsManualPositions()
    {
        Canvas c;
        const QPointF order = c.doc.node("order")->position;
        // A pasted copy lands on top of the original's neighbourhood.
        c.doc.paste(c.doc.copy({ "order" }), QPointF(10, 0));
        const QString copy = c.doc.selectedNodeIds().first();
        c.view->action(DiagramView::Action::AutoLayout)->trigger();
        QCOMPARE(c.doc.node("order")->position, order); // untouched
        const QRectF moved(c.doc.node(copy)->position, c.doc.node(copy)->size);
        for (const Node &n : c.doc.topology().nodes) {
            if (n.id != copy)
                QVERIFY2(!moved.intersects(QRectF(n.position, n.size)), qPrintable(n.id));
        }
    }

    void resizeIsOneUndoStep()
    {
        Canvas c;
        c.doc.setSelection({ "auth" });
        const Node before = *c.doc.node("auth");
        const QPoint handle
            = c.view->mapFromScene(before.position + QPointF(before.size.width() - 3, before.size.height() - 3));
        c.drag(handle, handle + QPoint(40, 24));
        QCOMPARE(c.doc.undoStack()->count(), 1);
        QVERIFY(c.doc.node("auth")->size.width() > before.size.width() + 20);
        QCOMPARE(c.doc.node("auth")->position, before.position);
        c.doc.undoStack()->undo();
        QCOMPARE(c.doc.node("auth")->size, before.size);
    }

    void waypointDragIsOneUndoStep()
    {
        Canvas c;
        c.doc.setSelection({ "e-kafka-order" });
        const QPointF wp = c.doc.edge("e-kafka-order")->waypoints.first();
        const QPoint from = c.view->mapFromScene(wp);
        c.drag(from, from + QPoint(-40, 0));
        QCOMPARE(c.doc.undoStack()->count(), 1);
        const QPointF moved = c.doc.edge("e-kafka-order")->waypoints.first();
        QVERIFY(moved.x() < wp.x() - 20);
        // The route follows the stored waypoint.
        QVERIFY(c.scene->layout().edge("e-kafka-order")->path.contains(moved));
        c.doc.undoStack()->undo();
        QCOMPARE(c.doc.edge("e-kafka-order")->waypoints.first(), wp);
    }

    void doubleClickAddsWaypoint()
    {
        Canvas c;
        const QPolygonF path = c.scene->layout().edge("e-order-payment")->path;
        QVERIFY(c.doc.edge("e-order-payment")->waypoints.isEmpty());
        const QPointF mid = (path.first() + path.last()) / 2;
        c.scene->addWaypoint("e-order-payment", mid + QPointF(0, 3));
        QCOMPARE(c.doc.edge("e-order-payment")->waypoints.size(), 1);
        QCOMPARE(c.scene->layout().edge("e-order-payment")->path.first(), path.first()); // route unchanged
        QCOMPARE(c.scene->layout().edge("e-order-payment")->path.last(), path.last());
    }

    void canvasDrawsLikeTheExport()
    {
        Canvas c;
        c.view->resize(1920, 1080);
        c.view->setZoom(1.0);
        c.view->centerOn(c.scene->itemsBoundingRect().center());
        const QImage shot = c.view->viewport()->grab().toImage();
        QDir().mkpath(QStringLiteral(GATEHOUSE_BINARY_DIR "/canvas"));
        QVERIFY(shot.save(QStringLiteral(GATEHOUSE_BINARY_DIR "/canvas/canvas-100.png")));
        // The gateway's navy fill shows at its centre, as in the exported image.
        const Node *gw = c.doc.node("gateway");
        const QPoint centre
            = c.view->mapFromScene(gw->position + QPointF(gw->size.width() / 2, gw->size.height() - 10));
        QCOMPARE(QColor(shot.pixel(centre)).name(), QStringLiteral("#1e2a4a"));
    }

    // --- levels of detail ---------------------------------------------------------------------

    // Pixels darker than the gateway's navy fill would be text or lines; lighter than 0xc0 in
    // every channel counts as "light" (white title text on the navy gateway).
    static int countPixels(const QImage &image, const QRect &rect, const std::function<bool(QColor)> &test)
    {
        int n = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y)
            for (int x = rect.left(); x <= rect.right(); ++x)
                n += test(QColor(image.pixel(x, y))) ? 1 : 0;
        return n;
    }

    void smallDiagramKeepsFullDetailAtLowZoom()
    {
        // The example (48 nodes + edges) is below DiagramScene::LargeFromItems: no overview at
        // ×0.25, the gateway's title still drawn, and a zoom step is no draft.
        Canvas c;
        QVERIFY(!c.scene->isLarge());
        const Node *gw = c.doc.node("gateway");
        c.view->setZoom(0.25);
        QVERIFY(!c.scene->isDraft());
        QVERIFY(!c.view->isZoomSettling());
        c.view->centerOn(c.scene->itemsBoundingRect().center());
        const QImage shot = c.view->viewport()->grab().toImage();
        QCOMPARE(c.scene->overviewItem()->paintedBoxes(), 0);
        const QRect inner = c.view->mapFromScene(QRectF(gw->position, gw->size).adjusted(4, 4, -4, -4))
                                .boundingRect()
                                .intersected(shot.rect());
        QVERIFY(countPixels(shot, inner, [](QColor p) { return p.red() > 0xc0 && p.green() > 0xc0 && p.blue() > 0xc0; }) > 0);
        // Lowering the bound makes the same diagram "large": the overview takes over.
        c.scene->setLargeFrom(0);
        c.view->viewport()->grab();
        QCOMPARE(c.scene->overviewItem()->paintedBoxes(), int(c.doc.topology().nodes.size()));
    }

    void overviewBelowThreshold()
    {
        Canvas c;
        c.scene->setLargeFrom(0); // the example stands in for a large diagram
        const Node *gw = c.doc.node("gateway");
        const auto lightInGateway = [&](const QImage &shot) {
            const QRect inner = c.view->mapFromScene(QRectF(gw->position, gw->size).adjusted(4, 4, -4, -4))
                                    .boundingRect()
                                    .intersected(shot.rect());
            return countPixels(
                shot, inner, [](QColor p) { return p.red() > 0xc0 && p.green() > 0xc0 && p.blue() > 0xc0; });
        };
        // Far out: the overview draws every node as a box (the gateway a plain navy box, no
        // white title) and the edges as merged device-pixel runs.
        c.view->setZoom(0.25);
        c.view->settleZoom();
        c.view->centerOn(c.scene->itemsBoundingRect().center());
        QImage shot = c.view->viewport()->grab().toImage();
        QCOMPARE(c.scene->overviewItem()->paintedBoxes(), int(c.doc.topology().nodes.size()));
        QVERIFY(c.scene->overviewItem()->paintedSegments() > 0);
        QCOMPARE(lightInGateway(shot), 0);
        QCOMPARE(QColor(shot.pixel(c.view->mapFromScene(QRectF(gw->position, gw->size).center()))).name(),
            QStringLiteral("#1e2a4a"));
        // The node and edge items paint nothing here but stay in the scene for hit tests.
        const QPoint gatewayAt = c.view->mapFromScene(QRectF(gw->position, gw->size).center());
        QVERIFY(c.view->items(gatewayAt).contains(c.scene->nodeItem("gateway")));
        // Just above the threshold the items draw themselves again, title included.
        c.view->setZoom(NodeItem::OverviewBelow + 0.05);
        c.view->settleZoom();
        c.view->centerOn(c.scene->itemsBoundingRect().center());
        shot = c.view->viewport()->grab().toImage();
        QCOMPARE(c.scene->overviewItem()->paintedBoxes(), 0);
        QVERIFY(lightInGateway(shot) > 10);
    }

    void overviewFollowsSelection()
    {
        Canvas c;
        c.scene->setLargeFrom(0); // the example stands in for a large diagram
        c.view->setZoom(0.25);
        c.view->settleZoom();
        c.view->centerOn(c.scene->itemsBoundingRect().center());
        const Node *order = c.doc.node("order");
        const QPoint corner = c.view->mapFromScene(order->position + QPointF(0, order->size.height() / 2));
        const auto borderIsSelection = [&] {
            const QImage shot = c.view->viewport()->grab().toImage();
            const QColor selection = DiagramStyle::selectionColor();
            for (int dx = -2; dx <= 2; ++dx) {
                if (QColor(shot.pixel(corner + QPoint(dx, 0))) == selection)
                    return true;
            }
            return false;
        };
        QVERIFY(!borderIsSelection());
        c.doc.setSelection({ "order" });
        QVERIFY(borderIsSelection());
    }

    void draftWhileZoomingThenFullDetail()
    {
        Canvas c;
        c.scene->setLargeFrom(0); // the example stands in for a large diagram
        c.view->resize(1920, 1080);
        // A label with text: the order → payment call ("charge", timeout, fallback).
        const EdgeGeometry *g = c.scene->layout().edge("e-order-payment");
        QVERIFY(g && !g->labelRect.isEmpty());
        c.view->setZoom(0.7);
        QVERIFY(c.scene->isDraft());
        QVERIFY(c.view->isZoomSettling());
        c.view->centerOn(g->labelRect.center());
        const auto darkInLabel = [&] {
            const QImage shot = c.view->viewport()->grab().toImage();
            const QRect r = c.view->mapFromScene(g->labelRect).boundingRect().intersected(shot.rect());
            return countPixels(shot, r, [](QColor p) { return p.lightness() < 140; });
        };
        const int draft = darkInLabel();
        // The gesture settles on its own (SettleMs after the last step): the label's text is back.
        QTRY_VERIFY_WITH_TIMEOUT(!c.scene->isDraft(), 5000);
        const int full = darkInLabel();
        QVERIFY2(full > draft + 40, qPrintable(QStringLiteral("draft %1, full %2").arg(draft).arg(full)));
        // At 100 % a zoom step is never a draft.
        c.view->setZoom(1.0);
        QVERIFY(!c.scene->isDraft());
        QVERIFY(!c.view->isZoomSettling());
    }

    void zoomActions()
    {
        Canvas c;
        c.view->action(DiagramView::Action::ZoomActual)->trigger();
        QCOMPARE(c.view->zoom(), 1.0);
        c.view->action(DiagramView::Action::ZoomIn)->trigger();
        QVERIFY(c.view->zoom() > 1.2);
        c.view->action(DiagramView::Action::ZoomFit)->trigger();
        QVERIFY(c.view->zoom() < 1.0);
    }
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
