// The inspector docks with synthetic protocol data: Traffic rows from spans (one per trace entry
// point, bounded, batched, filtered, paused, "copy as curl" without secrets), the Trace
// waterfall, the Events dock's `topics` parsing (bad input included), the Logs filters, and the
// docks in a main window.
#include "inspector/curlcommand.h"
#include "inspector/eventspanel.h"
#include "inspector/inspectordocks.h"
#include "inspector/logfilter.h"
#include "inspector/logmodel.h"
#include "inspector/logspanel.h"
#include "inspector/topicmessagesmodel.h"
#include "inspector/topicsmodel.h"
#include "inspector/topicssnapshot.h"
#include "inspector/tracelayout.h"
#include "inspector/tracemodel.h"
#include "inspector/tracepanel.h"
#include "inspector/trafficfilter.h"
#include "inspector/trafficmodel.h"
#include "inspector/trafficpanel.h"
#include "inspectortestdata.h"
#include "runtimeclient/runtimeclient.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Gatehouse;
using namespace InspectorTest;

namespace {

QJsonObject logLine(const QString &node, const QString &level, const QString &message, qint64 timeMs = 1764417400000,
    const QJsonObject &fields = {})
{
    QJsonObject o { { "type", "log" }, { "nodeId", node }, { "stream", "stdout" }, { "level", level },
        { "message", message }, { "timeMs", timeMs } };
    if (!fields.isEmpty())
        o.insert("fields", fields);
    return o;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gatewaySpansMakeRows();
    void clientAndGatewaySpansOfOneTraceAreOneRow_data();
    void clientAndGatewaySpansOfOneTraceAreOneRow();
    void clientSpanGivesTheConcretePath();
    void innerSpansAreNotRows();
    void ringIsBounded();
    void batchesAreInsertedWithOneSignal();
    void filterByTextAndStatusClass_data();
    void filterByTextAndStatusClass();
    void pauseFreezesAndCountsSkipped();
    void accessLogGivesTheConcretePath();
    void curlCommandWithoutSecrets_data();
    void curlCommandWithoutSecrets();
    void trafficPanelCopiesCurl();
    void waterfallOrdersByParentAndTime();
    void waterfallSurvivesBadInput();
    void waterfallListsTheEventsCaused();
    void tracePanelAddsLateSpansOfItsTraceOnly();
    void topicsParse();
    void topicsBadInputNeverCrashes_data();
    void topicsBadInputNeverCrashes();
    void eventsPanelShowsMessagesAndKeepsSelection();
    void logsFilterByNodeLevelAndText();
    void logsAreBoundedAndBatched();
    void logsPanelListsNodes();
    void docksInstallInAMainWindow();
    void detachKeepsDataAndSaysNotRunning();
    void attachFollowsTheClient();
};

void TestInspector::gatewaySpansMakeRows()
{
    TrafficModel model;
    model.ingest({ gatewaySpan(1, "GET /inventory/items", 200), gatewaySpan(2, "POST /orders", 201),
        gatewaySpan(3, "POST /orders", 503) });
    QCOMPARE(model.rowCount(), 0); // batched: nothing until the flush
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.totalRequests(), 3);
    QCOMPARE(model.index(1, TrafficModel::RouteColumn).data().toString(), QString("POST /orders"));
    QCOMPARE(model.index(1, TrafficModel::StatusColumn).data().toString(), QString("201"));
    QCOMPARE(model.index(1, TrafficModel::ClientColumn).data().toString(), QString("sub:alice"));
    QCOMPARE(model.index(1, TrafficModel::TraceColumn).data().toString(), traceId(2));
    QCOMPARE(model.index(1, TrafficModel::LatencyColumn).data().toString(), QString("5.0 ms"));
    QCOMPARE(model.index(2, 0).data(TrafficModel::OutcomeRole).toInt(), int(SpanOutcome::ServerError));
    QCOMPARE(model.rowOfTrace(traceId(3)), 2);
    QCOMPARE(model.rowOfTrace(traceId(99)), -1);
}

void TestInspector::clientAndGatewaySpansOfOneTraceAreOneRow_data()
{
    QTest::addColumn<bool>("clientFirst");
    QTest::addColumn<bool>("flushBetween");
    QTest::newRow("client first, one batch") << true << false;
    QTest::newRow("gateway first, one batch") << false << false;
    QTest::newRow("client first, later batch") << true << true;
    QTest::newRow("gateway first, later batch") << false << true;
}

void TestInspector::clientAndGatewaySpansOfOneTraceAreOneRow()
{
    QFETCH(bool, clientFirst);
    QFETCH(bool, flushBetween);
    TrafficModel model;
    model.setNodeKinds(
        { { "web", NodeKind::ClientWeb }, { "gateway", NodeKind::Gateway }, { "order", NodeKind::Service } });
    const Span client = clientSpan(7, "POST /orders", 201);
    const Span gateway = gatewaySpan(7, "POST /orders", 201, client.spanId);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.ingest({ clientFirst ? client : gateway });
    if (flushBetween)
        model.flush();
    model.ingest({ clientFirst ? gateway : client });
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totalRequests(), 1);
    const TrafficRow &row = model.row(0);
    QCOMPARE(row.clientNodeId, QString("web"));
    QCOMPARE(row.identity, QString("sub:alice"));
    QCOMPARE(row.durationUs, client.durationUs); // the client saw the whole request
    QCOMPARE(row.startUs, client.startUs);
    QCOMPARE(row.route, QString("POST /orders"));
    QCOMPARE(row.auth, QString("ok"));
    QCOMPARE(model.index(0, TrafficModel::ClientColumn).data().toString(), QString("web (sub:alice)"));
    QCOMPARE(changed.isEmpty(), !flushBetween); // a shown row is updated in place
}

void TestInspector::clientSpanGivesTheConcretePath()
{
    // As runtime/clients records it: name "METHOD /path", the route key in `route`.
    TrafficModel model;
    Span client = clientSpan(3, "GET /orders/o-3");
    client.attributes = { { "client", "web" }, { "route", "GET /orders/{id}" }, { "scenario", "browse" } };
    model.ingest({ client });
    model.flush();
    QCOMPARE(model.row(0).route, QString("GET /orders/{id}"));
    QCOMPARE(model.row(0).method, QString("GET"));
    QCOMPARE(model.row(0).path, QString("/orders/o-3"));
    QCOMPARE(model.index(0, TrafficModel::RouteColumn).data().toString(), QString("GET /orders/o-3"));
    QCOMPARE(model.index(0, TrafficModel::ClientColumn).data().toString(), QString("web"));
    // The gateway's half adds identity and auth, and keeps the concrete path.
    model.ingest({ gatewaySpan(3, "GET /orders/{id}", 200, client.spanId) });
    QCOMPARE(model.row(0).path, QString("/orders/o-3"));
    QCOMPARE(model.row(0).auth, QString("ok"));
    QCOMPARE(model.index(0, TrafficModel::ClientColumn).data().toString(), QString("web (sub:alice)"));
    QCOMPARE(curlCommand(model.row(0), "127.0.0.1", 8080),
        QString("curl -i 'http://127.0.0.1:8080/orders/o-3' -H \"Authorization: Bearer $TOKEN\""));
}

void TestInspector::innerSpansAreNotRows()
{
    TrafficModel model;
    model.setNodeKinds(
        { { "gateway", NodeKind::Gateway }, { "order", NodeKind::Service }, { "payment", NodeKind::Service } });
    const QString t = traceId(5);
    const Span entry = gatewaySpan(5, "POST /orders", 201);
    Span internalHop = gatewaySpan(5, "POST /payments/charge", 200, spanId(900));
    internalHop.spanId = spanId(901);
    internalHop.attributes.insert("listener", "internal");
    Span probe = gatewaySpan(8, "GET /readyz", 200, {}, "ip:127.0.0.1", "none");
    probe.attributes.remove("upstream");
    Span routedReadyz = gatewaySpan(9, "GET /readyz", 200); // a user's route of that name is traffic
    routedReadyz.attributes.insert("upstream", "inventory");
    model.ingest({
        probe, // the supervisor's readiness check
        routedReadyz,
        internalHop, // finishes (and arrives) before the request that caused it
        span(t, spanId(52), entry.spanId, "gateway", SpanKind::HttpClient, "POST /orders", 0, 4000, 201),
        span(t, spanId(53), spanId(52), "order", SpanKind::HttpServer, "POST /orders", 0, 3900, 201),
        span(t, spanId(54), spanId(53), "order", SpanKind::Sql, "INSERT orders", 0, 400),
        span(t, spanId(55), spanId(53), "order", SpanKind::HttpClient, "POST /payments/charge", 0, 900, 200),
        span(t, spanId(56), spanId(53), "order", SpanKind::KafkaProduce, "publish order.created", 0, 100),
        span(traceId(6), spanId(61), {}, "payment", SpanKind::KafkaConsume, "consume payment.requested", 0, 100),
        entry,
    });
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.row(0).traceId, traceId(9));
    QCOMPARE(model.row(1).route, QString("POST /orders"));
    QCOMPARE(model.row(1).traceId, t);
    QCOMPARE(model.totalRequests(), 2);
}

void TestInspector::ringIsBounded()
{
    TrafficModel model;
    model.setCapacity(100);
    QList<Span> spans;
    for (int i = 1; i <= 1000; ++i)
        spans.append(gatewaySpan(i));
    model.ingest(spans.mid(0, 450));
    model.flush();
    model.ingest(spans.mid(450));
    QVERIFY(model.pendingCount() <= 100); // the pending list is bounded too
    model.flush();
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.totalRequests(), 1000);
    QCOMPARE(model.evicted(), 900);
    QCOMPARE(model.row(0).traceId, traceId(901));
    QCOMPARE(model.row(99).traceId, traceId(1000));
    QCOMPARE(model.rowOfTrace(traceId(1000)), 99);
    QCOMPARE(model.rowOfTrace(traceId(950)), 49);
    QCOMPARE(model.rowOfTrace(traceId(900)), -1);
    // A late gateway span of an evicted request does not resurrect an old row in the middle.
    model.ingest({ gatewaySpan(1001) });
    model.flush();
    QCOMPARE(model.row(99).traceId, traceId(1001));
}

void TestInspector::batchesAreInsertedWithOneSignal()
{
    TrafficModel model;
    model.setFlushInterval(50);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int batch = 0; batch < 10; ++batch) {
        QList<Span> spans;
        for (int i = 0; i < 500; ++i)
            spans.append(gatewaySpan(batch * 500 + i + 1));
        model.ingest(spans);
    }
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.pendingCount(), 5000);
    // The coalescing timer flushes by itself: one insertion for all ten batches.
    QVERIFY(inserted.wait(5000));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 4999);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.pendingCount(), 0);
}

void TestInspector::filterByTextAndStatusClass_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("statusClass");
    QTest::addColumn<QStringList>("expected"); // trace ids by number
    QTest::newRow("all") << "" << int(TrafficFilter::StatusClass::All) << QStringList { "1", "2", "3", "4", "5" };
    QTest::newRow("2xx") << "" << int(TrafficFilter::StatusClass::Success) << QStringList { "1", "2" };
    QTest::newRow("4xx") << "" << int(TrafficFilter::StatusClass::ClientError) << QStringList { "3" };
    QTest::newRow("5xx") << "" << int(TrafficFilter::StatusClass::ServerError) << QStringList { "4", "5" };
    QTest::newRow("timeout") << "" << int(TrafficFilter::StatusClass::Timeout) << QStringList { "5" };
    QTest::newRow("route text") << "orders" << int(TrafficFilter::StatusClass::All) << QStringList { "2", "4", "5" };
    QTest::newRow("case-insensitive client")
        << "PARTNER" << int(TrafficFilter::StatusClass::All) << QStringList { "3" };
    QTest::newRow("text and class") << "orders" << int(TrafficFilter::StatusClass::Success) << QStringList { "2" };
    QTest::newRow("trace id") << traceId(4).right(6) << int(TrafficFilter::StatusClass::All) << QStringList { "4" };
    QTest::newRow("status text") << "timeout" << int(TrafficFilter::StatusClass::All) << QStringList { "5" };
    QTest::newRow("nothing") << "no such thing" << int(TrafficFilter::StatusClass::All) << QStringList {};
}

void TestInspector::filterByTextAndStatusClass()
{
    QFETCH(QString, text);
    QFETCH(int, statusClass);
    QFETCH(QStringList, expected);
    TrafficModel model;
    TrafficFilter filter;
    filter.setSourceModel(&model);
    Span timeout = gatewaySpan(5, "POST /orders", 504);
    timeout.outcome = SpanOutcome::Timeout;
    model.ingest({ gatewaySpan(1, "GET /inventory/items", 200), gatewaySpan(2, "POST /orders", 201),
        gatewaySpan(3, "GET /partner/inventory", 401, {}, "partner:acme"), gatewaySpan(4, "GET /orders/{id}", 502),
        timeout });
    model.flush();
    filter.setText(text);
    filter.setStatusClass(TrafficFilter::StatusClass(statusClass));
    QStringList shown;
    for (int row = 0; row < filter.rowCount(); ++row)
        shown << QString::number(filter.index(row, 0).data(TrafficModel::TraceIdRole).toString().toInt(nullptr, 16));
    QCOMPARE(shown, expected);
    // New rows are filtered as they arrive.
    model.ingest({ gatewaySpan(6, "POST /orders", 201) });
    model.flush();
    const bool sixShown = filter.rowCount() > 0
        && filter.index(filter.rowCount() - 1, 0).data(TrafficModel::TraceIdRole).toString() == traceId(6);
    const bool sixExpected = (text.isEmpty() || text == "orders")
        && (statusClass == int(TrafficFilter::StatusClass::All)
            || statusClass == int(TrafficFilter::StatusClass::Success));
    QCOMPARE(sixShown, sixExpected);
}

void TestInspector::pauseFreezesAndCountsSkipped()
{
    TrafficModel model;
    model.ingest({ gatewaySpan(1), gatewaySpan(2) });
    model.setPaused(true); // flushes what came before
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<Span> more;
    for (int i = 3; i <= 12; ++i)
        more.append(gatewaySpan(i));
    more.append(clientSpan(1)); // would update a frozen row
    model.ingest(more);
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.skippedWhilePaused(), 10);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.totalRequests(), 12);
    model.setPaused(false);
    model.ingest({ gatewaySpan(13) });
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.row(2).traceId, traceId(13));

    TrafficPanel panel;
    panel.model()->ingest({ gatewaySpan(1) });
    panel.pauseButton()->click();
    panel.model()->ingest({ gatewaySpan(2), gatewaySpan(3) });
    QCOMPARE(panel.model()->rowCount(), 1);
    panel.model()->flush();
    QVERIFY2(panel.countsText().contains("2"), qPrintable(panel.countsText()));
    QVERIFY2(panel.countsText().contains("Paused"), qPrintable(panel.countsText()));
    QCOMPARE(panel.pauseButton()->text(), QString("Resume"));
}

void TestInspector::accessLogGivesTheConcretePath()
{
    TrafficModel model;
    const QJsonObject fields { { "traceId", traceId(1) }, { "method", "GET" }, { "path", "/orders/o-17" },
        { "status", 200 } };
    // Log line before the span…
    model.ingestLog(logLine("gateway", "info", "", 0, fields));
    model.ingest({ gatewaySpan(1, "GET /orders/{id}") });
    // …and after it.
    model.ingest({ gatewaySpan(2, "GET /orders/{id}") });
    model.flush();
    QJsonObject second = fields;
    second["traceId"] = traceId(2);
    second["path"] = "/orders/o-18";
    model.ingestLog(logLine("gateway", "info", "", 0, second));
    QCOMPARE(model.row(0).path, QString("/orders/o-17"));
    QCOMPARE(model.row(1).path, QString("/orders/o-18"));
    QCOMPARE(model.index(1, TrafficModel::RouteColumn).data().toString(), QString("GET /orders/o-18"));
    QCOMPARE(
        model.index(1, TrafficModel::RouteColumn).data(Qt::ToolTipRole).toString(), QString("Route: GET /orders/{id}"));
}

void TestInspector::curlCommandWithoutSecrets_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("expected");
    QTest::newRow("login: no credentials, a body")
        << "POST /auth/login"
        << ""
        << "none"
        << "ip:127.0.0.1"
        << "curl -i -X POST 'http://127.0.0.1:18080/auth/login' -H 'Content-Type: application/json' --data \"$BODY\"";
    QTest::newRow("bearer route with concrete path")
        << "GET /orders/{id}"
        << "/orders/o-17"
        << "ok"
        << "sub:alice"
        << "curl -i 'http://127.0.0.1:18080/orders/o-17' -H \"Authorization: Bearer $TOKEN\"";
    QTest::newRow("refused bearer still gets the placeholder")
        << "POST /orders"
        << ""
        << "missing"
        << "ip:127.0.0.1"
        << "curl -i -X POST 'http://127.0.0.1:18080/orders' -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: "
           "application/json' --data \"$BODY\"";
    QTest::newRow("partner api key") << "GET /partner/inventory"
                                     << ""
                                     << "ok"
                                     << "partner:acme"
                                     << "curl -i 'http://127.0.0.1:18080/partner/inventory' -H \"X-API-Key: $API_KEY\"";
    QTest::newRow("quote in the path is escaped") << "GET /items"
                                                  << "/items/a'b"
                                                  << "none"
                                                  << ""
                                                  << "curl -i 'http://127.0.0.1:18080/items/a'\\''b'";
}

void TestInspector::curlCommandWithoutSecrets()
{
    QFETCH(QString, route);
    QFETCH(QString, path);
    QFETCH(QString, auth);
    QFETCH(QString, identity);
    QFETCH(QString, expected);
    // A span that (wrongly) carried a credential must not leak it into the command.
    QJsonObject attributes { { "client", identity }, { "listener", "public" }, { "auth", auth },
        { "authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.s3cr3t" }, { "x-api-key", "gh_live_s3cr3t" } };
    Span s = span(traceId(1), spanId(1), {}, "gateway", SpanKind::HttpServer, route, 0, 10, 200, attributes);
    TrafficModel model;
    model.ingest({ s });
    if (!path.isEmpty()) {
        model.ingestLog(logLine("gateway", "info", "", 0,
            { { "traceId", traceId(1) }, { "method", route.section(' ', 0, 0) }, { "path", path } }));
    }
    model.flush();
    const QString command = curlCommand(model.row(0), "127.0.0.1", 18080);
    QCOMPARE(command, expected);
    QVERIFY(!command.contains("s3cr3t"));
    QVERIFY(!command.contains("eyJ"));
}

void TestInspector::trafficPanelCopiesCurl()
{
    TrafficPanel panel;
    panel.setGatewayAddress("127.0.0.1", 41234);
    QSignalSpy requested(&panel, &TrafficPanel::traceRequested);
    panel.model()->ingest({ gatewaySpan(1, "GET /inventory/items"), gatewaySpan(2, "POST /orders", 201) });
    panel.model()->flush();
    QVERIFY(!panel.curlButton()->isEnabled());
    QCOMPARE(panel.curlForSelection(), QString());
    panel.selectTrace(traceId(2));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), traceId(2));
    QVERIFY(panel.curlButton()->isEnabled());
    panel.curlButton()->click();
    QCOMPARE(QApplication::clipboard()->text(),
        QString("curl -i -X POST 'http://127.0.0.1:41234/orders' -H \"Authorization: Bearer $TOKEN\" "
                "-H 'Content-Type: application/json' --data \"$BODY\""));
    // Typing a filter that hides nothing of the selection keeps it.
    panel.filterEdit()->setText("orders");
    QCOMPARE(panel.selectedTraceId(), traceId(2));
    QVERIFY(panel.countsText().contains("2 requests"));
    QVERIFY(panel.countsText().contains("1 shown"));
}

void TestInspector::waterfallOrdersByParentAndTime()
{
    const QString t = traceId(1);
    const qint64 t0 = 1764417400000000LL;
    // Delivered out of order, as batches from several nodes would be.
    const QList<Span> spans {
        span(t, "sql2", "osrv", "order", SpanKind::Sql, "INSERT orders", t0 + 3000, 500),
        span(t, "gw", "", "gateway", SpanKind::HttpServer, "POST /orders", t0, 10000, 201),
        span(t, "osrv", "gwc", "order", SpanKind::HttpServer, "POST /orders", t0 + 1000, 8000, 201),
        span(t, "sql1", "osrv", "order", SpanKind::Sql, "SELECT stock", t0 + 1500, 300),
        span(t, "gwc", "gw", "gateway", SpanKind::HttpClient, "POST /orders", t0 + 500, 9000, 201),
        span(t, "cache", "osrv", "order", SpanKind::Cache, "cache GET item", t0 + 2000, 100),
        span(t, "prod", "osrv", "order", SpanKind::KafkaProduce, "publish order.created", t0 + 8500, 200),
        span(t, "cons", "prod", "notification", SpanKind::KafkaConsume, "consume order.created", t0 + 12000, 3000),
    };
    const TraceLayout layout(spans);
    QStringList order;
    QList<int> depths;
    for (const TraceLayout::Row &row : layout.rows()) {
        order << row.span.spanId;
        depths << row.depth;
    }
    QCOMPARE(order, (QStringList { "gw", "gwc", "osrv", "sql1", "cache", "sql2", "prod", "cons" }));
    QCOMPARE(depths, (QList<int> { 0, 1, 2, 3, 3, 3, 3, 4 }));
    QCOMPARE(layout.startUs(), t0);
    QCOMPARE(layout.durationUs(), 15000); // to the end of the async consumer
    QCOMPARE(layout.rows().at(2).offsetUs, 1000);
    QCOMPARE(layout.nodeIds(), (QStringList { "gateway", "order", "notification" }));

    TraceModel model;
    model.setLayout(layout);
    QCOMPARE(model.rowCount(), 8);
    const QPointF bar = model.index(2, TraceModel::TimelineColumn).data(TraceModel::BarRole).toPointF();
    QCOMPARE(bar.x(), 1000.0 / 15000.0);
    QCOMPARE(bar.y(), 8000.0 / 15000.0);
    QCOMPARE(model.index(3, TraceModel::NodeColumn).data().toString(), QString("order"));
    QCOMPARE(model.index(3, 0).data(TraceModel::KindRole).toInt(), int(SpanKind::Sql));
    QCOMPARE(model.index(3, 0).data(TraceModel::DepthRole).toInt(), 3);
    QVERIFY(model.index(3, 0).data(Qt::ToolTipRole).toString().contains("Kind: sql"));
}

void TestInspector::waterfallSurvivesBadInput()
{
    const QString t = traceId(2);
    const QList<Span> spans {
        span(t, "a", "b", "x", SpanKind::Internal, "a", 10, 5), // a ↔ b: a cycle
        span(t, "b", "a", "x", SpanKind::Internal, "b", 20, 5),
        span(t, "c", "missing", "y", SpanKind::Internal, "orphan", 5, 5),
        span(t, "c", "missing", "y", SpanKind::Internal, "duplicate of c", 5, 5),
        span(t, "d", "d", "y", SpanKind::Internal, "own parent", 30, -7),
    };
    const TraceLayout layout(spans);
    QCOMPARE(layout.rows().size(), 4); // every distinct span once
    QCOMPARE(layout.rows().first().span.name, QString("orphan"));
    QCOMPARE(layout.rows().first().depth, 0);
    QVERIFY(layout.durationUs() >= 1);
    QVERIFY(TraceLayout(QList<Span> {}).isEmpty());
}

void TestInspector::waterfallListsTheEventsCaused()
{
    const QString t = traceId(3);
    const QList<Span> spans {
        span(t, "p1", "", "order", SpanKind::KafkaProduce, "publish order.created", 100, 10, 0,
            { { "topic", "order.created" }, { "eventId", "e1" }, { "key", "o-1" } }),
        span(t, "p2", "", "order", SpanKind::KafkaProduce, "publish payment.requested", 120, 10, 0,
            { { "topic", "payment.requested" }, { "eventId", "e2" }, { "key", "o-1" } }),
        span(t, "c1", "p1", "notification", SpanKind::KafkaConsume, "consume order.created", 400, 10, 0,
            { { "topic", "order.created" }, { "eventId", "e1" } }),
        span(t, "c2", "p1", "inventory", SpanKind::KafkaConsume, "consume order.created", 300, 10, 0,
            { { "topic", "order.created" }, { "eventId", "e1" } }),
    };
    const TraceLayout layout(spans);
    QCOMPARE(layout.events().size(), 2);
    const TraceLayout::Event &created = layout.events().at(0);
    QCOMPARE(created.topic, QString("order.created"));
    QCOMPARE(created.key, QString("o-1"));
    QCOMPARE(created.produce.nodeId, QString("order"));
    QCOMPARE(created.consumers.size(), 2);
    QCOMPARE(created.consumers.at(0).nodeId, QString("inventory")); // by start
    QCOMPARE(layout.events().at(1).consumers.size(), 0);

    TracePanel panel;
    panel.setTrace(t, spans);
    QCOMPARE(panel.eventsView()->topLevelItemCount(), 2);
    QCOMPARE(panel.eventsView()->topLevelItem(0)->text(3), QString("inventory, notification"));
    QCOMPARE(panel.eventsView()->topLevelItem(0)->text(4), QString("300 µs"));
    QCOMPARE(panel.eventsView()->topLevelItem(1)->text(3), QString("not consumed yet"));
}

void TestInspector::tracePanelAddsLateSpansOfItsTraceOnly()
{
    TracePanel panel;
    QVERIFY(panel.summaryText().contains("Select a request"));
    const Span entry = gatewaySpan(1, "POST /orders", 201);
    panel.setTrace(traceId(1), { entry, gatewaySpan(2) });
    QCOMPARE(panel.model()->rowCount(), 1);
    panel.addSpans({ gatewaySpan(3),
        span(traceId(1), "late", entry.spanId, "notification", SpanKind::KafkaConsume, "consume order.created",
            entry.startUs + 9000, 100),
        entry });
    QCOMPARE(panel.model()->rowCount(), 2);
    QVERIFY2(panel.summaryText().contains("2 spans on 2 nodes"), qPrintable(panel.summaryText()));
    QCOMPARE(panel.model()->index(1, TraceModel::NodeColumn).data().toString(), QString("notification"));
}

void TestInspector::topicsParse()
{
    const TopicsSnapshot s = TopicsSnapshot::fromJson(topicsMessage());
    QCOMPARE(s.timeMs, 1764417401000);
    QCOMPARE(s.topics.size(), 2);
    const TopicsSnapshot::Topic &t = s.topics.first();
    QCOMPARE(t.name, QString("order.created"));
    QCOMPARE(t.partitions, 3);
    QCOMPARE(t.messages, 120);
    QCOMPARE(t.rate, 2.0);
    QCOMPARE(t.offsets.size(), 3);
    QCOMPARE(t.offsets.at(2).high, 42);
    QCOMPARE(t.groups.size(), 1);
    QCOMPARE(t.groups.first().lag, 3);
    QCOMPARE(t.groups.first().offsets.at(1).committed, 36);
    QCOMPARE(t.recent.size(), 2);
    QCOMPARE(t.recent.last().key, QString("o-17"));
    QCOMPARE(t.recent.last().headers.value("event-id").toString(), QString("e-17"));
    QVERIFY(t.recent.last().payload.isObject());
    QVERIFY(s.topics.at(1).recent.first().payload.isUndefined());
    QCOMPARE(s.topics.at(1).recent.first().payloadText, QString("not json at all"));

    TopicsModel model;
    model.setSnapshot(s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TopicsModel::OffsetsColumn).data().toString(), QString("p0: 40 · p1: 38 · p2: 42"));
    QCOMPARE(model.index(0, TopicsModel::LagColumn).data().toString(), QString("notification: 3"));
    QCOMPARE(model.index(0, TopicsModel::RateColumn).data().toString(), QString("2.0/s"));
    QCOMPARE(model.index(1, TopicsModel::LagColumn).data().toString(), QString("no consumer group"));
    QVERIFY(model.index(0, TopicsModel::LagColumn).data(Qt::ToolTipRole).toString().contains("p1 committed 36, lag 2"));
}

void TestInspector::topicsBadInputNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("topics");
    for (const BadTopics &bad : badTopicsMessages())
        QTest::newRow(bad.name) << bad.json << bad.topics;
}

void TestInspector::topicsBadInputNeverCrashes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, topics);
    const QJsonObject message = QJsonDocument::fromJson(json).object();
    const TopicsSnapshot s = TopicsSnapshot::fromJson(message);
    QCOMPARE(s.topics.size(), topics);
    EventsPanel panel;
    panel.onTopics(message); // and the panel shows it without trouble
    QCOMPARE(panel.topicsModel()->rowCount(), topics);
    for (int row = 0; row < panel.topicsModel()->rowCount(); ++row) {
        for (int column = 0; column < TopicsModel::ColumnCount; ++column)
            panel.topicsModel()->index(row, column).data();
    }
    for (int row = 0; row < panel.messagesModel()->rowCount(); ++row) {
        panel.messagesView()->setCurrentIndex(panel.messagesModel()->index(row, 0));
        TopicMessagesModel::detailText(panel.messagesModel()->message(row));
    }
    if (QByteArray(QTest::currentDataTag()) == "huge numbers") {
        QCOMPARE(s.topics.first().partitions, std::numeric_limits<int>::max());
        QVERIFY(s.topics.first().messages < 0);
    }
}

void TestInspector::eventsPanelShowsMessagesAndKeepsSelection()
{
    EventsPanel panel;
    panel.onTopics(topicsMessage());
    QCOMPARE(panel.selectedTopic(), QString("order.created")); // the first topic, until the user picks one
    QCOMPARE(panel.messagesModel()->rowCount(), 2);
    // Newest first.
    QCOMPARE(panel.messagesModel()->index(0, TopicMessagesModel::OffsetColumn).data().toLongLong(), 39);
    QCOMPARE(panel.messagesModel()->index(0, TopicMessagesModel::KeyColumn).data().toString(), QString("o-17"));
    QVERIFY(
        panel.messagesModel()->index(0, TopicMessagesModel::HeadersColumn).data().toString().contains("event-id=e-17"));
    panel.messagesView()->setCurrentIndex(panel.messagesModel()->index(0, 0));
    const QString detail = panel.detailText();
    QVERIFY2(detail.contains("event-id: e-17"), qPrintable(detail));
    QVERIFY2(detail.contains("\"items\": [\n"), qPrintable(detail)); // pretty-printed
    QVERIFY(detail.contains("\"sku\": \"SKU-001\""));

    // The next update (a new message arrived) keeps topic and message selected.
    QJsonObject next = topicsMessage();
    QJsonArray topics = next["topics"].toArray();
    QJsonObject created = topics[0].toObject();
    QJsonArray recent = created["recent"].toArray();
    recent.append(QJsonObject { { "partition", 1 }, { "offset", 38 }, { "key", "o-18" },
        { "payload", QJsonObject { { "orderId", "o-18" } } } });
    created["recent"] = recent;
    topics[0] = created;
    next["topics"] = topics;
    panel.onTopics(next);
    QCOMPARE(panel.selectedTopic(), QString("order.created"));
    QCOMPARE(panel.messagesModel()->rowCount(), 3);
    QCOMPARE(panel.detailText(), detail);
    QCOMPARE(panel.messagesView()->currentIndex().row(), 1);

    panel.selectTopic("payment.failed");
    QCOMPARE(panel.messagesModel()->rowCount(), 1);
    panel.messagesView()->setCurrentIndex(panel.messagesModel()->index(0, 0));
    QCOMPARE(panel.detailText(), QString("not json at all"));
}

void TestInspector::logsFilterByNodeLevelAndText()
{
    LogModel model;
    LogFilter filter;
    filter.setSourceModel(&model);
    model.append(logLine("gateway", "info", "listening on 127.0.0.1:8080"));
    model.append(logLine("gateway", "warning", "upstream order timed out"));
    model.append(logLine("order", "error", "payment failed: timeout"));
    model.append(logLine("order", "debug", "cache miss SKU-1"));
    model.append(logLine("gateway", "info", "", 0,
        { { "method", "POST" }, { "path", "/orders" }, { "status", 201 }, { "client", "sub:u-alice" },
            { "latencyMs", 4.5 } }));
    model.append(logLine("order", "info", "", 0, { { "orderId", "o-1" }, { "paid", true } }));
    model.append(logLine("auth", "bogus", "a level nobody knows"));
    model.flush();
    const auto shown = [&filter] {
        QStringList out;
        for (int row = 0; row < filter.rowCount(); ++row)
            out << filter.index(row, LogModel::MessageColumn).data().toString();
        return out;
    };
    QCOMPARE(filter.rowCount(), 7);
    // Structured lines without a message: an access log line, and any other.
    QCOMPARE(shown().at(4), QString("POST /orders → 201 client=sub:u-alice latencyMs=4.5"));
    QCOMPARE(shown().at(5), QString("orderId=o-1 paid=true"));
    QCOMPARE(model.index(6, LogModel::LevelColumn).data().toString(), QString("info"));
    filter.setNode("order");
    QCOMPARE(shown(), (QStringList { "payment failed: timeout", "cache miss SKU-1", "orderId=o-1 paid=true" }));
    filter.setMinimumLevel(LogLine::Level::Info);
    QCOMPARE(shown(), (QStringList { "payment failed: timeout", "orderId=o-1 paid=true" }));
    filter.setNode({});
    filter.setMinimumLevel(LogLine::Level::Warning);
    QCOMPARE(shown(), (QStringList { "upstream order timed out", "payment failed: timeout" }));
    filter.setMinimumLevel(LogLine::Level::Debug);
    filter.setText("TIMEOUT");
    QCOMPARE(shown(), (QStringList { "payment failed: timeout" }));
    filter.setText("/orders");
    QCOMPARE(shown().size(), 1);
    model.append(logLine("order", "info", "POST /orders 201"));
    model.flush();
    QCOMPARE(shown().size(), 2);
}

void TestInspector::logsAreBoundedAndBatched()
{
    LogModel model;
    model.setCapacity(1000);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 2500; ++i)
        model.append(logLine("gateway", "info", QString("line %1").arg(i)));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.pendingCount() <= 1000);
    QVERIFY(inserted.wait(5000)); // the coalescing timer
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.line(0).message, QString("line 1500"));
    for (int i = 0; i < 10; ++i)
        model.append(logLine("gateway", "info", QString("more %1").arg(i)));
    model.flush();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.line(999).message, QString("more 9"));
    QCOMPARE(model.line(0).message, QString("line 1510"));
}

void TestInspector::logsPanelListsNodes()
{
    LogsPanel panel;
    QCOMPARE(panel.nodeCombo()->count(), 1);
    panel.model()->append(logLine("order", "info", "a"));
    panel.model()->append(logLine("gateway", "info", "b"));
    panel.model()->append(logLine("order", "info", "c"));
    panel.model()->flush();
    QCOMPARE(panel.nodeCombo()->count(), 3);
    QCOMPARE(panel.nodeCombo()->itemText(1), QString("gateway"));
    QCOMPARE(panel.nodeCombo()->itemText(2), QString("order"));
    panel.nodeCombo()->setCurrentIndex(2);
    QCOMPARE(panel.filter()->rowCount(), 2);
    panel.levelCombo()->setCurrentIndex(3); // errors only
    QCOMPARE(panel.filter()->rowCount(), 0);
    panel.levelCombo()->setCurrentIndex(0);
    panel.filterEdit()->setText("c");
    QCOMPARE(panel.filter()->rowCount(), 1);
    QVERIFY(panel.followBox()->isChecked());
    // A new run keeps the picked node without listing it twice.
    panel.clear();
    QCOMPARE(panel.nodeCombo()->currentText(), QString("order"));
    panel.model()->append(logLine("order", "info", "again"));
    panel.model()->flush();
    QCOMPARE(panel.nodeCombo()->count(), 2);
}

void TestInspector::docksInstallInAMainWindow()
{
    QMainWindow window;
    auto *problems = new QDockWidget("Problems", &window);
    problems->setObjectName("problemsDock");
    window.addDockWidget(Qt::BottomDockWidgetArea, problems);
    QMenu viewMenu;
    InspectorDocks docks(&window);
    docks.install(&window, &viewMenu);
    QStringList names;
    for (QDockWidget *dock : docks.docks()) {
        names << dock->objectName();
        QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    }
    QCOMPARE(names, (QStringList { "trafficDock", "traceDock", "eventsDock", "logsDock" }));
    QCOMPARE(window.tabifiedDockWidgets(problems).size(), 4);
    QCOMPARE(viewMenu.actions().size(), 4);
    QCOMPARE(viewMenu.actions().first()->text(), QString("Traffic"));
    // Before any run each dock says so.
    window.show();
    docks.trafficDock()->raise();
    auto *message = docks.traffic()->findChild<QLabel *>("trafficMessage");
    QVERIFY(message);
    QTRY_VERIFY(message->isVisible());
    QVERIFY(message->text().startsWith("Not running"));
    // The layout round-trips through saveState (object names are set).
    const QByteArray state = window.saveState();
    QVERIFY(window.restoreState(state));
}

void TestInspector::detachKeepsDataAndSaysNotRunning()
{
    InspectorDocks docks;
    QSignalSpy selected(&docks, &InspectorDocks::traceSelected);
    docks.traffic()->model()->ingest({ gatewaySpan(1) });
    docks.logs()->model()->append(logLine("gateway", "info", "hello"));
    docks.onTopics(topicsMessage());
    docks.detach(); // flushes what was pending
    QCOMPARE(docks.traffic()->model()->rowCount(), 1);
    QCOMPARE(docks.logs()->model()->rowCount(), 1);
    QCOMPARE(docks.events()->topicsModel()->rowCount(), 2);
    // Without a runtime a trace that was never fetched cannot be shown, and it says why.
    docks.showTrace(traceId(1));
    QCOMPARE(docks.trace()->traceId(), traceId(1));
    QCOMPARE(docks.trace()->model()->rowCount(), 0);
    auto *message = docks.trace()->findChild<QLabel *>("traceMessage");
    QVERIFY(message->text().startsWith("Not running"));
    QCOMPARE(selected.count(), 0);
    docks.attach(nullptr); // nothing to attach to: stays detached
    QVERIFY(!docks.isAttached());
}

void TestInspector::attachFollowsTheClient()
{
    // The client's signals as its socket would raise them (the live test has the real runtime).
    auto client = std::make_unique<RuntimeClient>();
    InspectorDocks docks;
    docks.traffic()->model()->ingest({ gatewaySpan(99) });
    docks.traffic()->model()->flush();
    docks.attach(client.get());
    QVERIFY(docks.isAttached());
    QCOMPARE(docks.traffic()->model()->rowCount(), 0); // a new run starts empty
    QVERIFY(docks.traffic()->findChild<QLabel *>("trafficMessage")->text().isEmpty());
    Q_EMIT client->spansReceived({ gatewaySpan(1), gatewaySpan(2) });
    Q_EMIT client->logReceived(logLine("gateway", "info", "hello"));
    Q_EMIT client->logReceived(logLine(
        "gateway", "info", "", 0, { { "traceId", traceId(2) }, { "method", "GET" }, { "path", "/inventory/items" } }));
    Q_EMIT client->topicsReceived(topicsMessage());
    QTRY_COMPARE(docks.traffic()->model()->rowCount(), 2);
    QTRY_COMPARE(docks.logs()->model()->rowCount(), 2);
    QCOMPARE(docks.traffic()->model()->row(1).path, QString("/inventory/items"));
    QCOMPARE(docks.events()->topicsModel()->rowCount(), 2);
    // Not welcomed by a runtime: a selected trace cannot be fetched.
    QSignalSpy selected(&docks, &InspectorDocks::traceSelected);
    docks.traffic()->selectTrace(traceId(1));
    QCOMPARE(docks.trace()->traceId(), traceId(1));
    QCOMPARE(selected.count(), 0);

    docks.detach();
    Q_EMIT client->spansReceived({ gatewaySpan(3) });
    Q_EMIT client->topicsReceived(QJsonObject {});
    docks.traffic()->model()->flush();
    QCOMPARE(docks.traffic()->model()->rowCount(), 2);
    QCOMPARE(docks.events()->topicsModel()->rowCount(), 2);
    QVERIFY(docks.traffic()->findChild<QLabel *>("trafficMessage")->text().contains("last run"));

    // A client that goes away while attached detaches the docks.
    docks.attach(client.get());
    client.reset();
    QVERIFY(!docks.isAttached());
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
