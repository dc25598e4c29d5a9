// Document tests: for every command, apply → undo gives the serialized model from before and
// redo the one after; drags merge into one step; change events carry the right ids.
#include "document/document.h"
#include "model/projectfile.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <functional>

using namespace Gatehouse;

namespace {

Topology loadExample()
{
    const LoadResult r = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!r.ok())
        qFatal("example does not load");
    return r.topology;
}

// The serialized model, with nodes/edges in list order (the document keeps the order too).
QByteArray serialized(const Document &doc)
{
    return ProjectFile::toJson(doc.topology());
}

QByteArray ordered(const Document &doc)
{
    QByteArray out = serialized(doc);
    for (const Node &n : doc.topology().nodes)
        out += n.id.toUtf8() + ',';
    for (const Edge &e : doc.topology().edges)
        out += e.id.toUtf8() + ',';
    return out;
}

using Edit = std::function<void(Document &)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandRoundTrip_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("undoText");
        auto add
            = [](const char *name, Edit e, const char *text) { QTest::newRow(name) << e << QString::fromUtf8(text); };
        add(
            "add node",
            [](Document &d) {
                Node n;
                n.kind = NodeKind::Service;
                n.name = QStringLiteral("Search service");
                n.position = { 100, 400 };
                d.addNode(n);
            },
            "Add “Search service”");
        add(
            "add edge",
            [](Document &d) {
                Edge e;
                e.kind = EdgeKind::UsesCache;
                e.source = QStringLiteral("order");
                e.target = QStringLiteral("redis");
                QVERIFY(!d.addEdge(e).isEmpty());
            },
            "Connect “Order service” → “Redis cache”");
        add(
            "delete node with edges", [](Document &d) { d.deleteItems({ QStringLiteral("order") }); },
            "Delete “Order service”");
        add(
            "delete edge", [](Document &d) { d.deleteItems({ QStringLiteral("e-order-payment") }); },
            "Delete connection Order service → Payment service");
        add(
            "delete several",
            [](Document &d) {
                d.deleteItems(
                    { QStringLiteral("web"), QStringLiteral("payment"), QStringLiteral("e-order-inventory") });
            },
            "Delete 2 nodes and 7 connections");
        add(
            "move one",
            [](Document &d) {
                d.moveNodesBy({ QStringLiteral("order") }, { 20, 30 });
            },
            "Move “Order service”");
        add(
            "move three",
            [](Document &d) {
                d.moveNodesBy({ QStringLiteral("order"), QStringLiteral("auth"), QStringLiteral("web") }, { 20, 0 });
            },
            "Move 3 nodes");
        add(
            "resize", [](Document &d) { d.setNodeGeometry(QStringLiteral("auth"), QRectF(40, 380, 220, 90)); },
            "Resize “Auth service”");
        add(
            "rename", [](Document &d) { d.setNodeName(QStringLiteral("order"), QStringLiteral("Orders")); },
            "Rename “Order service”");
        add(
            "kind", [](Document &d) { d.setNodeKind(QStringLiteral("web"), NodeKind::ClientMobile); },
            "Change kind of “Web app”");
        add(
            "role", [](Document &d) { d.setNodeRole(QStringLiteral("order"), ServiceRole::Generic); },
            "Change role of “Order service”");
        add(
            "port", [](Document &d) { d.setNodePort(QStringLiteral("order"), 9999); },
            "Change port of “Order service”");
        add(
            "description", [](Document &d) { d.setNodeDescription(QStringLiteral("order"), QStringLiteral("x")); },
            "Edit description of “Order service”");
        add(
            "lane", [](Document &d) { d.setNodeLane(QStringLiteral("redis"), Lane::Services); },
            "Move “Redis cache” to another lane");
        add(
            "bring to front", [](Document &d) { d.bringToFront({ QStringLiteral("order"), QStringLiteral("auth") }); },
            "Bring to front");
        add(
            "send to back", [](Document &d) { d.sendToBack({ QStringLiteral("payment") }); }, "Send to back");
        add(
            "node property",
            [](Document &d) { d.setNodeProperty(QStringLiteral("payment"), QStringLiteral("latencyMs"), 900); },
            "Set latencyMs of “Payment service”");
        add(
            "edge route",
            [](Document &d) {
                Route r = d.edge(QStringLiteral("e-gateway-order"))->routes[0];
                r.timeoutMs = 4000;
                d.setEdgeRoute(QStringLiteral("e-gateway-order"), 0, r);
            },
            "Edit route POST /orders");
        add(
            "edge routes", [](Document &d) { d.setEdgeRoutes(QStringLiteral("e-gateway-payment"), {}); },
            "Edit routes of API gateway → Payment service");
        add(
            "edge topics",
            [](Document &d) {
                d.setEdgeTopics(QStringLiteral("e-kafka-order"), { Topic { QStringLiteral("x.y"), 2, {} } });
            },
            "Edit topics of Kafka event bus → Order service");
        add(
            "consumer group",
            [](Document &d) { d.setEdgeConsumerGroup(QStringLiteral("e-kafka-order"), QStringLiteral("g2")); },
            "Edit consumer group of Kafka event bus → Order service");
        add(
            "key prefix",
            [](Document &d) { d.setEdgeKeyPrefix(QStringLiteral("e-inventory-cache"), QStringLiteral("inv:")); },
            "Edit key prefix of Inventory service → Redis cache");
        add(
            "timeout", [](Document &d) { d.setEdgeTimeout(QStringLiteral("e-order-payment"), 1500); },
            "Edit timeout of Order service → Payment service");
        add(
            "retries", [](Document &d) { d.setEdgeRetries(QStringLiteral("e-order-payment"), 2); },
            "Edit retries of Order service → Payment service");
        add(
            "fallback", [](Document &d) { d.setEdgeFallback(QStringLiteral("e-order-payment"), Fallback {}); },
            "Edit fallback of Order service → Payment service");
        add(
            "circuit breaker",
            [](Document &d) {
                d.editEdges(
                    { QStringLiteral("e-gateway-inventory") },
                    [](Edge &e) { e.circuitBreaker = { false, 2, 30000, 3 }; }, QStringLiteral("Edit breaker"));
            },
            "Edit breaker");
        add(
            "waypoints",
            [](Document &d) {
                d.setEdgeWaypoints(QStringLiteral("e-kafka-order"), { { 900, 720 }, { 900, 450 } });
            },
            "Edit waypoints of Kafka event bus → Order service");
        add(
            "edge label", [](Document &d) { d.setEdgeLabel(QStringLiteral("e-order-payment"), QStringLiteral("pay")); },
            "Edit label of Order service → Payment service");
        add(
            "edge kind",
            [](Document &d) {
                d.setEdgeKind(QStringLiteral("e-order-inventory"), EdgeKind::Sync);
                d.setEdgeLabel(QStringLiteral("e-order-inventory"), QStringLiteral("r"));
            },
            "Edit label of Order service → Inventory service");
        add(
            "edge property",
            [](Document &d) {
                d.setEdgeProperty(QStringLiteral("e-order-payment"), QStringLiteral("note"), QStringLiteral("x"));
            },
            "Set note of Order service → Payment service");
        add(
            "edit several edges",
            [](Document &d) {
                d.editEdges(
                    { QStringLiteral("e-kafka-order"), QStringLiteral("e-kafka-payment") },
                    [](Edge &e) { e.waypoints.clear(); }, QStringLiteral("Clear waypoints"));
            },
            "Clear waypoints");
        add(
            "topology name", [](Document &d) { d.setTopologyName(QStringLiteral("Other")); }, "Rename diagram");
        add(
            "topology description", [](Document &d) { d.setTopologyDescription(QStringLiteral("Other")); },
            "Edit diagram description");
        add(
            "run settings",
            [](Document &d) {
                RunSettings s;
                s.redisUrl = QStringLiteral("redis://x:6379/0");
                d.setRunSettings(s);
            },
            "Edit run settings");
        add(
            "paste",
            [](Document &d) {
                const QByteArray data = d.copy({ QStringLiteral("order"), QStringLiteral("order-db") });
                QCOMPARE(d.paste(data, { 40, 40 }).size(), 3);
            },
            "Paste 3 items");
        add(
            "duplicate",
            [](Document &d) {
                QCOMPARE(d.duplicate({ QStringLiteral("kafka") }, { 20, 20 }).size(), 1);
            },
            "Duplicate");
        add(
            "macro",
            [](Document &d) {
                Document::MacroGuard guard(d, QStringLiteral("Align 2 nodes"));
                d.moveNodesBy({ QStringLiteral("order") }, { 0, 5 });
                d.moveNodesBy({ QStringLiteral("auth") }, { 0, 7 });
            },
            "Align 2 nodes");
    }

    void commandRoundTrip()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, undoText);
        Document doc;
        doc.resetTopology(loadExample());
        QVERIFY(!doc.isModified());
        const QByteArray before = ordered(doc);
        edit(doc);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), undoText);
        QVERIFY(doc.isModified());
        const QByteArray after = ordered(doc);
        QVERIFY(after != before);
        doc.undoStack()->undo();
        QCOMPARE(ordered(doc), before);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(ordered(doc), after);
        doc.undoStack()->undo();
        QCOMPARE(ordered(doc), before);
    }

    void refusedEdges_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<EdgeKind>("kind");
        QTest::newRow("client to service bypasses the gateway") << "web"
                                                                << "order" << EdgeKind::Sync;
        QTest::newRow("publish to a database") << "order"
                                               << "order-db" << EdgeKind::Publish;
        QTest::newRow("self") << "order"
                              << "order" << EdgeKind::Sync;
        QTest::newRow("duplicate") << "order"
                                   << "payment" << EdgeKind::Sync;
        QTest::newRow("missing end") << "order"
                                     << "nowhere" << EdgeKind::Sync;
    }

    void refusedEdges()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(EdgeKind, kind);
        Document doc;
        doc.resetTopology(loadExample());
        Edge e;
        e.kind = kind;
        e.source = from;
        e.target = to;
        QString reason;
        QVERIFY(doc.addEdge(e, &reason).isEmpty());
        QVERIFY(!reason.isEmpty());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void dragMergesIntoOneStep()
    {
        Document doc;
        doc.resetTopology(loadExample());
        const QPointF start = doc.node(QStringLiteral("order"))->position;
        for (int i = 1; i <= 10; ++i)
            doc.moveNodes({ { QStringLiteral("order"), start + QPointF(i, 2 * i) } }, false);
        doc.moveNodes({ { QStringLiteral("order"), start + QPointF(10, 20) } }, true);
        QCOMPARE(doc.undoStack()->count(), 1);
        // A committed step does not swallow the next drag.
        doc.moveNodes({ { QStringLiteral("order"), start + QPointF(50, 20) } }, false);
        doc.moveNodes({ { QStringLiteral("order"), start + QPointF(60, 20) } }, true);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.node(QStringLiteral("order"))->position, start + QPointF(10, 20));
        doc.undoStack()->undo();
        QCOMPARE(doc.node(QStringLiteral("order"))->position, start);
    }

    void dragBackToStartIsNoStep()
    {
        Document doc;
        doc.resetTopology(loadExample());
        const QPointF start = doc.node(QStringLiteral("order"))->position;
        doc.moveNodes({ { QStringLiteral("order"), start + QPointF(30, 0) } }, false);
        doc.moveNodes({ { QStringLiteral("order"), start } }, true);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
    }

    void renamesDoNotMerge()
    {
        Document doc;
        doc.resetTopology(loadExample());
        doc.setNodeName(QStringLiteral("order"), QStringLiteral("A"));
        doc.setNodeName(QStringLiteral("order"), QStringLiteral("B"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.setNodeName(QStringLiteral("order"), QStringLiteral("B")); // no-op pushes nothing
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void changeEventsCarryIds()
    {
        Document doc;
        doc.resetTopology(loadExample());
        QList<DocumentChange> events;
        connect(&doc, &Document::changed, this, [&](const DocumentChange &c) { events.append(c); });

        doc.moveNodesBy({ QStringLiteral("order"), QStringLiteral("auth") }, { 5, 5 });
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, DocumentChange::Kind::NodesChanged);
        QCOMPARE(QSet<QString>(events[0].ids.cbegin(), events[0].ids.cend()), (QSet<QString> { "order", "auth" }));
        QCOMPARE(events[0].properties, DocumentChange::Properties(DocumentChange::Property::Position));

        events.clear();
        doc.deleteItems({ QStringLiteral("payment") });
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].kind, DocumentChange::Kind::EdgesRemoved); // edges before their ends
        QCOMPARE(QSet<QString>(events[0].ids.cbegin(), events[0].ids.cend()),
            (QSet<QString> {
                "e-gateway-payment", "e-kafka-payment", "e-order-payment", "e-payment-owns-db", "e-payment-publish" }));
        QCOMPARE(events[1].kind, DocumentChange::Kind::NodesRemoved);
        QCOMPARE(events[1].ids, QStringList { "payment" });

        events.clear();
        doc.undoStack()->undo();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].kind, DocumentChange::Kind::NodesAdded); // ends before their edges
        QCOMPARE(events[1].kind, DocumentChange::Kind::EdgesAdded);
        QCOMPARE(events[1].ids.size(), 5);

        events.clear();
        doc.setEdgeTimeout(QStringLiteral("e-order-payment"), 1200);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, DocumentChange::Kind::EdgesChanged);
        QCOMPARE(events[0].ids, QStringList { "e-order-payment" });
        QCOMPARE(events[0].properties, DocumentChange::Properties(DocumentChange::Property::Timeout));

        // A change of the circuit breaker alone is a change (and names itself).
        events.clear();
        doc.editEdges(
            { QStringLiteral("e-gateway-order") }, [](Edge &e) { e.circuitBreaker.openMs = 9000; },
            QStringLiteral("breaker"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].properties, DocumentChange::Properties(DocumentChange::Property::CircuitBreaker));
        QCOMPARE(doc.edge(QStringLiteral("e-gateway-order"))->circuitBreaker.openMs, 9000);
    }

    void selectionFollowsDeletes()
    {
        Document doc;
        doc.resetTopology(loadExample());
        doc.setSelection({ QStringLiteral("order"), QStringLiteral("e-order-payment"), QStringLiteral("nonexistent") });
        QCOMPARE(doc.selectedNodeIds(), QStringList { "order" });
        QCOMPARE(doc.selectedEdgeIds(), QStringList { "e-order-payment" });
        doc.deleteItems({ QStringLiteral("order") });
        QVERIFY(doc.selectedIds().isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1); // selection is not history
    }

    void pasteGivesFreshIdsAndRejectsGarbage()
    {
        Document doc;
        doc.resetTopology(loadExample());
        const QByteArray data = doc.copy({ QStringLiteral("order"), QStringLiteral("payment") });
        const QStringList ids = doc.paste(data, { 0, 300 });
        QCOMPARE(ids.size(), 3); // two nodes and the sync edge between them
        for (const QString &id : ids)
            QVERIFY(id != QStringLiteral("order") && id != QStringLiteral("payment")
                && id != QStringLiteral("e-order-payment"));
        const Edge *pasted = doc.edge(ids.last());
        QVERIFY(pasted);
        QCOMPARE(QStringList({ pasted->source, pasted->target }), ids.mid(0, 2));
        QCOMPARE(doc.selectedIds().size(), 3);
        QString error;
        QVERIFY(doc.paste("not json", {}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(doc.paste("{\"formatVersion\":1,\"nodes\":[{\"id\":\"x\",\"kind\":\"nope\"}],\"edges\":[]}", {}, &error)
                    .isEmpty());
    }

    void cleanStateAndFileName()
    {
        Document doc;
        doc.resetTopology(loadExample());
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        doc.setNodeName(QStringLiteral("order"), QStringLiteral("X"));
        QVERIFY(doc.isModified());
        doc.markClean();
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        QCOMPARE(modified.size(), 3);
        QSignalSpy named(&doc, &Document::fileNameChanged);
        doc.setFileName(QStringLiteral("/tmp/a.gatehouse"));
        QCOMPARE(named.size(), 1);
    }

    void stackingOrder()
    {
        Document doc;
        doc.resetTopology(loadExample());
        doc.bringToFront({ "payment", "order" });
        int maxOther = std::numeric_limits<int>::min();
        for (const Node &n : doc.topology().nodes) {
            if (n.id != "payment" && n.id != "order")
                maxOther = std::max(maxOther, n.z);
        }
        QVERIFY(doc.node("payment")->z > maxOther);
        QVERIFY(doc.node("order")->z > maxOther);
        QVERIFY(doc.node("payment")->z != doc.node("order")->z);
        // Already in front: no second undo step.
        const int steps = doc.undoStack()->count();
        doc.bringToFront({ "payment", "order" });
        QCOMPARE(doc.undoStack()->count(), steps);

        doc.sendToBack({ "order" });
        for (const Node &n : doc.topology().nodes) {
            if (n.id != "order")
                QVERIFY2(doc.node("order")->z < n.z, qPrintable(n.id));
        }
        // z survives the file format.
        const Topology reread = ProjectFile::fromJson(ProjectFile::toJson(doc.topology())).topology;
        QCOMPARE(reread.node("order")->z, doc.node("order")->z);
        QCOMPARE(reread.node("payment")->z, doc.node("payment")->z);
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"

