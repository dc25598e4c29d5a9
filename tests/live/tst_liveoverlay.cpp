// The live overlay with synthetic telemetry on the real example scene (offscreen, no runtime):
// dots on the right edge in hop order, colours by outcome, caps, labels, the Kafka topics card,
// failure flashes, trace highlight, pause / per-kind toggles, node badges and the live context
// menu entries (which only appear while a stack runs).
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "live/livesession.h"
#include "live/nodebadges.h"
#include "live/overlayitems.h"
#include "live/trafficoverlay.h"
#include "model/projectfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace Gatehouse;

namespace {

Span span(const QString &trace, const QString &node, const QString &edge, SpanKind kind, SpanOutcome outcome,
          qint64 startUs, qint64 durationUs = 5000)
{
    Span s;
    s.traceId = trace;
    s.spanId = QString::number(startUs, 16).rightJustified(16, '0');
    s.nodeId = node;
    s.edgeId = edge;
    s.name = "test";
    s.kind = kind;
    s.outcome = outcome;
    s.startUs = startUs;
    s.durationUs = durationUs;
    return s;
}

qreal distanceToRoute(const QPolygonF &route, const QPointF &p)
{
    qreal best = 1e9;
    for (int i = 1; i < route.size(); ++i) {
        const QLineF seg(route[i - 1], route[i]);
        const QPointF d = seg.p2() - seg.p1();
        const qreal len2 = d.x() * d.x() + d.y() * d.y();
        qreal t = len2 > 0 ? QPointF::dotProduct(p - seg.p1(), d) / len2 : 0;
        t = std::clamp<qreal>(t, 0, 1);
        best = std::min(best, QLineF(p, seg.p1() + t * d).length());
    }
    return best;
}

} // namespace

class TestLiveOverlay : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<DiagramScene> m_scene;

    TrafficOverlay *makeOverlay()
    {
        return new TrafficOverlay(m_scene.get(), m_scene.get());
    }

private Q_SLOTS:
    void init()
    {
        const LoadResult loaded = ProjectFile::load(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse");
        QVERIFY(loaded.ok());
        m_document = std::make_unique<Document>();
        m_document->resetTopology(loaded.topology);
        m_scene = std::make_unique<DiagramScene>(m_document.get());
    }
    void cleanup()
    {
        m_scene.reset();
        m_document.reset();
    }

    void requestDotTravelsAlongItsEdgeHopByHop()
    {
        TrafficOverlay *overlay = makeOverlay();
        const qint64 t0 = 1'700'000'000'000'000;
        overlay->onSpans({span("t1", "gateway", "e-gateway-order", SpanKind::HttpClient, SpanOutcome::Ok, t0 + 1000),
                          span("t1", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, t0),
                          span("t1", "order", "e-order-payment", SpanKind::HttpClient, SpanOutcome::Ok, t0 + 2000)});
        QCOMPARE(overlay->activeDotCount(), 3);
        // The first hop (web → gateway) moves first; the later hops wait for their turn.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (const auto &d : overlay->dots())
                if (d.edgeId == "e-web-gateway" && d.visible)
                    return true;
            return false;
        }(), 2000);
        for (const auto &d : overlay->dots()) {
            if (d.edgeId == "e-order-payment")
                QVERIFY2(!d.visible, "the third hop started together with the first");
        }
        // Every visible dot sits on its own edge's route.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const auto dots = overlay->dots();
            return std::any_of(dots.begin(), dots.end(), [](const auto &d) { return d.edgeId == "e-order-payment" && d.visible; });
        }(), 3000);
        for (const auto &d : overlay->dots()) {
            if (!d.visible)
                continue;
            const QPolygonF route = m_scene->layout().edge(d.edgeId)->path;
            QVERIFY2(distanceToRoute(route, d.position) < 1.0, qPrintable(d.edgeId));
            QCOMPARE(d.kind, TrafficOverlay::DotKind::Request);
        }
        // All dots finish and the pool goes idle.
        QTRY_COMPARE_WITH_TIMEOUT(overlay->activeDotCount(), 0, 6000);
    }

    void colourFollowsOutcome_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QColor>("color");
        QTest::newRow("ok") << int(SpanOutcome::Ok) << QColor(0x2e, 0x9e, 0x5b);
        QTest::newRow("4xx") << int(SpanOutcome::ClientError) << QColor(0xe0, 0xa0, 0x20);
        QTest::newRow("5xx") << int(SpanOutcome::ServerError) << QColor(0xd6, 0x45, 0x41);
        QTest::newRow("timeout") << int(SpanOutcome::Timeout) << QColor(0xd6, 0x45, 0x41);
    }
    void colourFollowsOutcome()
    {
        QFETCH(int, outcome);
        QFETCH(QColor, color);
        TrafficOverlay *overlay = makeOverlay();
        overlay->onSpans({span("t", "gateway", "e-gateway-inventory", SpanKind::HttpClient, SpanOutcome(outcome), 1)});
        const auto dots = overlay->dots();
        QCOMPARE(dots.size(), 1);
        QCOMPARE(dots.first().edgeId, QString("e-gateway-inventory"));
        QCOMPARE(dots.first().color, color);
    }

    void eventsUseAGlyphOnPublishAndSubscribeEdges()
    {
        TrafficOverlay *overlay = makeOverlay();
        overlay->onSpans({span("t", "order", "e-order-publish", SpanKind::KafkaProduce, SpanOutcome::Ok, 1),
                          span("t", "notification", "e-kafka-notification", SpanKind::KafkaConsume, SpanOutcome::Ok, 2)});
        const auto dots = overlay->dots();
        QCOMPARE(dots.size(), 2);
        for (const auto &d : dots) {
            QCOMPARE(d.kind, TrafficOverlay::DotKind::Event);
            QVERIFY(d.color != TrafficOverlay::outcomeColor(SpanOutcome::Ok, TrafficOverlay::DotKind::Request));
        }
        // Server spans and SQL spans draw nothing.
        overlay->onSpans({span("u", "order", "", SpanKind::HttpServer, SpanOutcome::Ok, 3),
                          span("u", "order", "", SpanKind::Sql, SpanOutcome::Ok, 4)});
        QCOMPARE(overlay->activeDotCount(), 2);
    }

    void capsHoldAndCountWhatWasSampledOut()
    {
        TrafficOverlay *overlay = makeOverlay();
        overlay->setCaps({4, 10});
        QList<Span> spans;
        for (int i = 0; i < 500; ++i) {
            spans << span(QString::number(i), "gateway", i % 2 ? "e-gateway-order" : "e-gateway-inventory",
                          SpanKind::HttpClient, SpanOutcome::Ok, i);
            spans << span(QString::number(i), "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, i);
        }
        overlay->onSpans(spans);
        QCOMPARE(overlay->activeDotCount(), 10);
        QHash<QString, int> perEdge;
        for (const auto &d : overlay->dots())
            ++perEdge[d.edgeId];
        for (auto it = perEdge.begin(); it != perEdge.end(); ++it)
            QVERIFY2(it.value() <= 4, qPrintable(it.key()));
        QCOMPARE(overlay->sampledOut(), qint64(1000 - 10));
        // The graphics items are pooled: no more items than the overall cap, ever.
        overlay->onSpans(spans);
        int items = 0;
        for (QGraphicsItem *item : m_scene->items())
            items += item->type() == TrafficDotItem::Type;
        QCOMPARE(items, 10);
    }

    void labelsShowRatesLatencyErrorsAndLag()
    {
        TrafficOverlay *overlay = makeOverlay();
        const QJsonObject metrics{
            {"type", "metrics"},
            {"edges", QJsonObject{{"e-web-gateway", QJsonObject{{"rate", 12.0}, {"p95Ms", 14.1}, {"errorRate", 0.0167}}},
                                  {"e-mobile-gateway", QJsonObject{{"rate", 3.3}, {"p95Ms", 2.0}, {"errorRate", 0.0}}},
                                  {"e-kafka-notification", QJsonObject{{"rate", 2.0}, {"p95Ms", 3.0}, {"errorRate", 0.0}, {"lag", 7}}}}},
            {"nodes", QJsonObject{{"order", QJsonObject{{"rate", 12.0}, {"errors", 2}, {"p50Ms", 250.0}}}}}};
        overlay->onMetrics(metrics);
        // One compact line per card; errors (drawn in red) only when there are any on event edges.
        QCOMPARE(overlay->edgeLabelText("e-web-gateway"), QString("12/s · p95 14 ms · 1.7 %"));
        QCOMPARE(overlay->edgeLabelText("e-kafka-notification"), QString("2.0 ev/s · p95 3.0 ms · lag 7"));
        QCOMPARE(overlay->nodeLabelText("order"), QString("12/s · ≈ 3.0 in flight · 2 errors"));
        QCOMPARE(overlay->edgeLabelText("e-mobile-gateway"), QString("3.3/s · p95 2.0 ms · 0 %"));
        QVERIFY(overlay->edgeLabelText("e-gateway-auth").isEmpty());
        // The order node's tooltip has its figures and those of its calls.
        QCOMPARE(m_scene->nodeItem("order")->toolTip(), QString("12/s · ≈ 3.0 in flight · 2 errors"));
        QVERIFY(m_scene->nodeItem("web")->toolTip().contains("→ API gateway: 12/s · p95 14 ms · 1.7 %"));
        // An edge listed without traffic in the window gets no card.
        overlay->onMetrics(QJsonObject{{"edges", QJsonObject{{"e-web-gateway", QJsonObject{{"rate", 0.0}, {"p95Ms", 0.0}}}}}});
        QVERIFY(overlay->edgeLabelText("e-web-gateway").isEmpty());
        QVERIFY(overlay->edgeFigures("e-web-gateway").isEmpty());
        overlay->onMetrics(metrics);
        // An edge without spans in the next window loses its label.
        overlay->onMetrics(QJsonObject{{"edges", QJsonObject{}}, {"nodes", QJsonObject{}}});
        QVERIFY(overlay->edgeLabelText("e-web-gateway").isEmpty());
        QVERIFY(overlay->nodeLabelText("order").isEmpty());
        QVERIFY(m_scene->nodeItem("order")->toolTip().isEmpty());
        // Labels can be turned off.
        overlay->onMetrics(metrics);
        overlay->setShowLabels(false);
        QVERIFY(overlay->edgeLabelText("e-web-gateway").isEmpty());
        overlay->setShowLabels(true);
        QVERIFY(!overlay->edgeLabelText("e-web-gateway").isEmpty());
    }

    void cardsNeverCoverTheDiagram_data()
    {
        QTest::addColumn<bool>("fit");
        QTest::addColumn<qreal>("zoom");
        QTest::newRow("100 %") << false << 1.0;
        QTest::newRow("50 %") << false << 0.5;
        QTest::newRow("fit to 1600x1000") << true << 0.0;
    }
    void cardsNeverCoverTheDiagram()
    {
        QFETCH(bool, fit);
        QFETCH(qreal, zoom);
        DiagramView view(m_scene.get());
        view.resize(1600, 1000);
        if (fit) {
            view.show();
            view.zoomToFit();
        } else {
            view.setZoom(zoom);
        }
        TrafficOverlay *overlay = makeOverlay();
        const Topology &topology = m_document->topology();
        // Synthetic figures for every edge and every node, some with errors and lag.
        QJsonObject edges;
        int i = 0;
        for (const Edge &e : topology.edges) {
            ++i;
            QJsonObject m{{"rate", 0.5 * i}, {"p95Ms", 2.0 * i}, {"errorRate", i % 4 == 0 ? 0.125 : 0.0}};
            if (e.kind == EdgeKind::Subscribe)
                m.insert("lag", i);
            edges.insert(e.id, m);
        }
        QJsonObject nodes;
        for (const Node &n : topology.nodes)
            nodes.insert(n.id, QJsonObject{{"rate", 3.3}, {"errors", n.id == "payment" ? 4 : 0}, {"p50Ms", 12.0}});
        overlay->onTopics(QJsonObject{{"topics", QJsonArray{QJsonObject{{"name", "order.created"}, {"rate", 2.0}},
                                                            QJsonObject{{"name", "payment.requested"}, {"rate", 0.5}}}}});
        overlay->onMetrics(QJsonObject{{"edges", edges}, {"nodes", nodes}});

        QList<QRectF> obstacles;
        for (const Node &n : topology.nodes)
            obstacles << QRectF(n.position, n.size);
        for (const Edge &e : topology.edges) {
            const EdgeGeometry *g = m_scene->layout().edge(e.id);
            if (g && g->visible && !g->labelRect.isEmpty())
                obstacles << g->labelRect;
        }
        const QList<QRectF> cards = overlay->visibleCardRects();
        // LIVE_OVERLAY_SNAPSHOT=dir saves what the view shows, to look at the placement.
        if (qEnvironmentVariableIsSet("LIVE_OVERLAY_SNAPSHOT")) {
            view.show();
            QCoreApplication::processEvents();
            view.grab().save(qEnvironmentVariable("LIVE_OVERLAY_SNAPSHOT") + "/cards-" + QTest::currentDataTag() + ".png");
        }
        for (const QRectF &card : cards) {
            for (const QRectF &o : obstacles)
                QVERIFY2(!card.intersects(o), qPrintable(QString("card %1,%2 %3x%4 covers %5,%6 %7x%8")
                                                             .arg(card.x()).arg(card.y()).arg(card.width()).arg(card.height())
                                                             .arg(o.x()).arg(o.y()).arg(o.width()).arg(o.height())));
        }
        for (int a = 0; a < cards.size(); ++a)
            for (int b = a + 1; b < cards.size(); ++b)
                QVERIFY2(!cards[a].intersects(cards[b]), "two cards overlap");

        // Most cards find room; a hidden edge card keeps its figures in the caller's tooltip.
        int edgeCards = 0;
        for (const Edge &e : topology.edges) {
            QVERIFY(!overlay->edgeFigures(e.id).isEmpty());
            if (!overlay->edgeLabelText(e.id).isEmpty()) {
                ++edgeCards;
            } else {
                const QString tip = m_scene->nodeItem(e.source)->toolTip();
                QVERIFY2(tip.contains(overlay->edgeFigures(e.id)), qPrintable(e.id + ": " + tip));
            }
        }
        int nodeCards = 0;
        for (const Node &n : topology.nodes)
            nodeCards += overlay->nodeLabelText(n.id).isEmpty() ? 0 : 1;
        qInfo("zoom %.0f %%: %d of %lld edge cards and %d of %lld node cards placed", view.zoom() * 100, edgeCards,
              static_cast<long long>(topology.edges.size()), nodeCards, static_cast<long long>(topology.nodes.size()));
        // Zoomed out the cards are bigger than the gaps between the boxes: fewer find room there.
        if (view.zoom() > 0.8) {
            QVERIFY(edgeCards * 3 >= int(topology.edges.size()) * 2);
            QVERIFY(nodeCards * 4 >= int(topology.nodes.size()) * 3);
        } else {
            QVERIFY(edgeCards * 3 >= int(topology.edges.size()));
            QVERIFY(nodeCards * 2 >= int(topology.nodes.size()));
        }

        // The failure caption goes beside its edge: not over a node or a label or a card.
        overlay->onSpans({span("t", "order", "e-order-payment", SpanKind::HttpClient, SpanOutcome::Timeout, 1, 800000)});
        const QRectF caption = overlay->flashCaptionRect("e-order-payment");
        QVERIFY(!caption.isEmpty());
        // Zoomed far out it may have to cover a label, never a node.
        const qsizetype checked = view.zoom() > 0.8 ? obstacles.size() : topology.nodes.size();
        for (qsizetype i = 0; i < checked; ++i) {
            const QRectF &o = obstacles[i];
            QVERIFY2(!caption.intersects(o), qPrintable(QString("caption covers %1,%2 %3x%4").arg(o.x()).arg(o.y()).arg(o.width()).arg(o.height())));
        }
        QVERIFY(distanceToRoute(m_scene->layout().edge("e-order-payment")->path, caption.center())
                < caption.width() / 2 + caption.height() + 20);
    }

    void kafkaCardFromTopicsMessage()
    {
        TrafficOverlay *overlay = makeOverlay();
        const QJsonObject topics{
            {"type", "topics"},
            {"timeMs", 1764417401000LL},
            {"topics", QJsonArray{QJsonObject{{"name", "order.created"}, {"partitions", 3}, {"messages", 120}, {"rate", 2.0},
                                              {"groups", QJsonArray{QJsonObject{{"group", "notification"}, {"lag", 3}},
                                                                    QJsonObject{{"group", "inventory"}, {"lag", 1}}}}},
                                  QJsonObject{{"name", "payment.completed"}, {"rate", 0.5}, {"groups", QJsonArray{}}}}}};
        overlay->onTopics(topics);
        QCOMPARE(overlay->nodeLabelText("kafka"), QString("order.created: 2.0 msg/s · lag 4\npayment.completed: 0.5 msg/s · lag 0"));
        // Node metrics do not hide the Kafka card.
        overlay->onMetrics(QJsonObject{{"nodes", QJsonObject{}}, {"edges", QJsonObject{}}});
        QVERIFY(!overlay->nodeLabelText("kafka").isEmpty());
    }

    void timeoutOnACallWithFallbackFlashes()
    {
        TrafficOverlay *overlay = makeOverlay();
        QSignalSpy flashed(overlay, &TrafficOverlay::failureFlashed);
        overlay->onSpans({span("t", "order", "e-order-payment", SpanKind::HttpClient, SpanOutcome::Timeout, 1, 800000)});
        QVERIFY(overlay->isFlashing("e-order-payment"));
        QCOMPARE(overlay->flashText("e-order-payment"), QString("timeout → fallback"));
        QCOMPARE(flashed.size(), 1);
        // An error on a call without a fallback does not flash; a gateway fallback answer does.
        overlay->onSpans({span("u", "gateway", "e-gateway-auth", SpanKind::HttpClient, SpanOutcome::ServerError, 2)});
        QVERIFY(!overlay->isFlashing("e-gateway-auth"));
        Span fallback = span("v", "gateway", "", SpanKind::HttpServer, SpanOutcome::Fallback, 3);
        fallback.attributes.insert("upstream", "inventory");
        overlay->onSpans({fallback});
        QVERIFY(overlay->isFlashing("e-gateway-inventory"));
        // Flashes fade out.
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->isFlashing("e-order-payment"), 4000);
    }

    void pauseAndPerKindToggles()
    {
        TrafficOverlay *overlay = makeOverlay();
        overlay->setPaused(true);
        overlay->onSpans({span("t", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1)});
        QCOMPARE(overlay->activeDotCount(), 0);
        overlay->setPaused(false);
        overlay->setShowRequests(false);
        overlay->onSpans({span("t", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1),
                          span("t", "order", "e-order-publish", SpanKind::KafkaProduce, SpanOutcome::Ok, 2)});
        const auto dots = overlay->dots();
        QCOMPARE(dots.size(), 1);
        QCOMPARE(dots.first().kind, TrafficOverlay::DotKind::Event);
        overlay->setShowEvents(false);
        overlay->advance();
        QVERIFY(!overlay->dots().first().visible);
    }

    void slowMotionSlowsTheClock()
    {
        TrafficOverlay *normal = makeOverlay();
        TrafficOverlay *slow = makeOverlay();
        slow->setSlowdown(4);
        normal->onSpans({span("a", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1)});
        slow->onSpans({span("a", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1)});
        QTRY_COMPARE_WITH_TIMEOUT(normal->activeDotCount(), 0, 3000);
        QCOMPARE(slow->activeDotCount(), 1);
    }

    void highlightTraceLightsSyncAndAsyncHops()
    {
        TrafficOverlay *overlay = makeOverlay();
        overlay->highlightTrace({span("t", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1),
                                 span("t", "gateway", "e-gateway-order", SpanKind::HttpClient, SpanOutcome::Ok, 2),
                                 span("t", "order", "", SpanKind::HttpServer, SpanOutcome::Ok, 3),
                                 span("t", "order", "e-order-publish", SpanKind::KafkaProduce, SpanOutcome::Ok, 4),
                                 span("t", "notification", "e-kafka-notification", SpanKind::KafkaConsume, SpanOutcome::Ok, 5)});
        QCOMPARE(overlay->highlightedEdges(),
                 QStringList({"e-web-gateway", "e-gateway-order", "e-order-publish", "e-kafka-notification"}));
        QCOMPARE(overlay->highlightedNodes(), QStringList({"web", "gateway", "order", "notification"}));
        overlay->highlightTrace({span("x", "web", "e-mobile-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1)});
        QCOMPARE(overlay->highlightedEdges(), QStringList({"e-mobile-gateway"}));
        overlay->clearTraceHighlight();
        QVERIFY(overlay->highlightedEdges().isEmpty());
    }

    void clearRemovesEverything()
    {
        TrafficOverlay *overlay = makeOverlay();
        const int before = int(m_scene->items().size());
        overlay->onSpans({span("t", "order", "e-order-payment", SpanKind::HttpClient, SpanOutcome::Timeout, 1)});
        overlay->onMetrics(QJsonObject{{"edges", QJsonObject{{"e-gateway-order", QJsonObject{{"rate", 1.0}}}}}});
        overlay->highlightTrace({span("t", "web", "e-web-gateway", SpanKind::HttpClient, SpanOutcome::Ok, 1)});
        overlay->setEdgeFault("e-order-payment", true);
        QVERIFY(overlay->hasEdgeFault("e-order-payment"));
        QVERIFY(m_scene->items().size() > before);
        overlay->clear();
        QCOMPARE(int(m_scene->items().size()), before);
        QVERIFY(!overlay->hasEdgeFault("e-order-payment"));
    }

    void edgeFaultMarkSitsOnTheEdge()
    {
        TrafficOverlay *overlay = makeOverlay();
        overlay->setEdgeFault("e-order-payment", true);
        overlay->setEdgeFault("e-order-payment", true); // no second mark
        QList<QGraphicsItem *> marks;
        for (QGraphicsItem *item : m_scene->items())
            if (item->type() == FaultMarkItem::Type)
                marks << item;
        QCOMPARE(marks.size(), 1);
        const QPolygonF route = m_scene->layout().edge("e-order-payment")->path;
        QVERIFY(distanceToRoute(route, marks.first()->pos()) < 1.0);
        overlay->setEdgeFault("e-order-payment", false);
        QVERIFY(!overlay->hasEdgeFault("e-order-payment"));
        overlay->setEdgeFault("no-such-edge", true);
        QVERIFY(!overlay->hasEdgeFault("no-such-edge"));
        // From the runtime's edgeFaults: marks on the faulty edges only, whole-state updates.
        overlay->setEdgeFaults(QJsonObject{{"e-order-payment", QJsonObject{{"sourceNodeId", "order"}, {"latencyMs", 0}, {"errorRate", 1.0}}},
                                           {"e-order-inventory", QJsonObject{{"latencyMs", 0}, {"errorRate", 0.0}}}});
        QVERIFY(overlay->hasEdgeFault("e-order-payment"));
        QVERIFY(!overlay->hasEdgeFault("e-order-inventory"));
        overlay->setEdgeFaults(QJsonObject{{"e-order-inventory", QJsonObject{{"latencyMs", 300}}}});
        QVERIFY(!overlay->hasEdgeFault("e-order-payment"));
        QVERIFY(overlay->hasEdgeFault("e-order-inventory"));
        overlay->setEdgeFaults({});
        QVERIFY(!overlay->hasEdgeFault("e-order-inventory"));
    }

    void badgesShowStateAndFaultsAndClear()
    {
        NodeBadges badges(m_scene.get());
        NodeStatus s;
        s.nodeId = "payment";
        s.state = NodeState::Paused;
        badges.setStatus(s);
        auto badge = m_scene->nodeItem("payment")->liveBadge();
        QVERIFY(badge);
        QCOMPARE(badge->text, QString("paused"));
        QCOMPARE(badge->color, NodeBadges::stateColor(NodeState::Paused));
        QVERIFY(!badge->faultInjected);
        badges.setFaultInjected("payment", true);
        QVERIFY(m_scene->nodeItem("payment")->liveBadge()->faultInjected);
        // The bolt follows the runtime's status: injected latency or errors on the node.
        s.injectedLatencyMs = 0;
        badges.setStatus(s);
        QVERIFY(!m_scene->nodeItem("payment")->liveBadge()->faultInjected);
        s.injectedErrorRate = 0.25;
        badges.setStatus(s);
        QVERIFY(m_scene->nodeItem("payment")->liveBadge()->faultInjected);
        QVERIFY(badges.hasFault("payment"));
        // A client's badge shows its rate: the diagram's until the runtime reports one.
        NodeStatus web;
        web.nodeId = "web";
        web.kind = NodeKind::ClientWeb;
        web.state = NodeState::Ready;
        badges.setStatus(web);
        QCOMPARE(m_scene->nodeItem("web")->liveBadge()->text, QString("ready · 2.0/s"));
        web.ratePerSecond = 12.0;
        badges.setStatus(web);
        QCOMPARE(m_scene->nodeItem("web")->liveBadge()->text, QString("ready · 12/s"));
        QCOMPARE(badges.rate("web"), std::optional<double>(12.0));
        QVERIFY(NodeBadges::stateColor(NodeState::Ready) != NodeBadges::stateColor(NodeState::Down));
        // Badges survive a rebuild of the scene (undo of a reset, open).
        m_document->resetTopology(m_document->topology());
        QVERIFY(m_scene->nodeItem("payment")->liveBadge());
        badges.clear();
        QVERIFY(!m_scene->nodeItem("payment")->liveBadge());
    }

    void contextMenuHooksGetTheItemUnderTheMouse()
    {
        DiagramView view(m_scene.get());
        view.resize(1600, 1000);
        view.zoomToFit();
        QString seenNode, seenEdge;
        view.addContextMenuHook([&](QMenu *, const QString &node, const QString &edge) {
            seenNode = node;
            seenEdge = edge;
        });
        QMenu menu;
        const Node *payment = m_document->node("payment");
        view.populateContextMenu(&menu, view.mapFromScene(QRectF(payment->position, payment->size).center()));
        QCOMPARE(seenNode, QString("payment"));
        QVERIFY(seenEdge.isEmpty());
        QCOMPARE(m_document->selectedNodeIds(), QStringList({"payment"}));
    }

    void dataFolderFromSettingsPlacesTheStack()
    {
        LiveSession session;
        const QString file = "/home/ann/Shop Designs/shop.gatehouse";
        // No folder chosen: the runtime's own default, shared with `gatehouse-runtime up FILE`.
        QCOMPARE(session.dataDirFor(file), LiveSession::defaultDataDir(file));
        QVERIFY(LiveSession::defaultDataDir(file).contains("/Gatehouse/gatehouse-runtime/stacks/shop-"));
        // A folder chosen in Settings: the same stack name under FOLDER/stacks.
        session.setDataFolder("/srv/gatehouse-data");
        const QString stackName = QFileInfo(LiveSession::defaultDataDir(file)).fileName();
        QCOMPARE(session.dataDirFor(file), "/srv/gatehouse-data/stacks/" + stackName);
        // Two projects never share a stack.
        QVERIFY(session.dataDirFor(file) != session.dataDirFor("/home/ann/other/shop.gatehouse"));
    }
};

QTEST_MAIN(TestLiveOverlay)
#include "tst_liveoverlay.moc"
