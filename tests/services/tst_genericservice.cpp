// Generic service nodes in-process against a real PostgreSQL and the librdkafka mock: a route
// call writes its row and its event, calls the sync target, the subscriber stores the event;
// one trace across HTTP server/client, produce, consume and SQL spans. A generic service
// without a database answers, produces directly and calls a role service (inventory) at a
// route the inventory really serves.
#include "servicetestenv.h"

#include "services/servicenode.h"

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

namespace {

// The labels of the sql spans of `node` under `parent`, in start order.
QStringList sqlNames(QList<Span> spans, const QString &node, const QString &parent)
{
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.startUs < b.startUs; });
    QStringList names;
    for (const Span &s : spans) {
        if (s.kind == SpanKind::Sql && s.nodeId == node && s.parentSpanId == parent)
            names.append(s.name);
    }
    return names;
}

} // namespace

class TestGenericService : public QObject
{
    Q_OBJECT

private:
    ServiceEnv m_env;
    SpanCollector m_spans;
    PostgresAccess m_alphaDb;
    PostgresAccess m_betaDb;
    PostgresAccess m_stockDb;
    std::unique_ptr<ServiceNode> m_alpha;
    std::unique_ptr<ServiceNode> m_beta;
    std::unique_ptr<ServiceNode> m_stock;
    std::unique_ptr<ServiceNode> m_gamma; // no database
    HttpHelper m_http;

    Topology topology() const
    {
        Topology t;
        t.nodes = {plainNode("gw", NodeKind::Gateway), serviceNode("alpha", ServiceRole::Generic),
                   serviceNode("beta", ServiceRole::Generic), plainNode("kafka", NodeKind::BusKafka),
                   plainNode("alpha-db", NodeKind::DbPostgres), plainNode("beta-db", NodeKind::DbPostgres),
                   serviceNode("gamma", ServiceRole::Generic), serviceNode("stock", ServiceRole::Inventory),
                   plainNode("stock-db", NodeKind::DbPostgres)};
        Edge routes = edge("e-gw-alpha", EdgeKind::Sync, "gw", "alpha");
        routes.routes = {route("POST", "/things"), route("GET", "/things/{id}")};
        Edge call = edge("e-alpha-beta", EdgeKind::Sync, "alpha", "beta");
        call.timeoutMs = 2000;
        Edge publish = edge("e-alpha-pub", EdgeKind::Publish, "alpha", "kafka");
        publish.topics = {Topic{"thing.created", 3, "requestId"}};
        Edge subscribe = edge("e-kafka-beta", EdgeKind::Subscribe, "kafka", "beta");
        subscribe.topics = {Topic{"thing.created", 3, {}}, Topic{"relay.sent", 1, {}}};
        subscribe.consumerGroup = "beta-group";
        // gamma: no owns edge. The gateway routes to it and to the inventory; gamma calls both.
        Edge relay = edge("e-gw-gamma", EdgeKind::Sync, "gw", "gamma");
        Route post = route("POST", "/relay");
        post.auth = AuthMode::None;
        relay.routes = {post};
        Edge stockRoutes = edge("e-gw-stock", EdgeKind::Sync, "gw", "stock");
        stockRoutes.routes = {route("GET", "/inventory/items/{sku}"), route("GET", "/inventory/items")};
        Edge gammaPublish = edge("e-gamma-pub", EdgeKind::Publish, "gamma", "kafka");
        gammaPublish.topics = {Topic{"relay.sent", 1, {}}};
        t.edges = {routes, call, publish, subscribe, edge("e-a-db", EdgeKind::Owns, "alpha", "alpha-db"),
                   edge("e-b-db", EdgeKind::Owns, "beta", "beta-db"), relay, stockRoutes, gammaPublish,
                   edge("e-gamma-stock", EdgeKind::Sync, "gamma", "stock"), edge("e-gamma-beta", EdgeKind::Sync, "gamma", "beta"),
                   edge("e-s-db", EdgeKind::Owns, "stock", "stock-db")};
        return t;
    }

    NodeLaunchConfig config(const QString &nodeId, std::optional<PostgresAccess> db, int betaPort) const
    {
        NodeLaunchConfig c;
        c.nodeId = nodeId;
        c.topology = topology();
        c.publicListener = Endpoint{"127.0.0.1", 0};
        c.postgres = db;
        c.kafka = m_env.kafkaAccess();
        c.telemetry = m_spans.endpoint();
        if (betaPort)
            c.upstreams.insert("beta", Endpoint{"127.0.0.1", betaPort});
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_env.start({Topic{"thing.created", 3, "requestId"}, Topic{"relay.sent", 1, {}}}, &error), qPrintable(error));
        auto alpha = m_env.createDatabase("alpha", &error);
        QVERIFY2(alpha, qPrintable(error));
        auto beta = m_env.createDatabase("beta", &error);
        QVERIFY2(beta, qPrintable(error));
        m_alphaDb = *alpha;
        m_betaDb = *beta;
        auto stock = m_env.createDatabase("stock", &error);
        QVERIFY2(stock, qPrintable(error));
        m_stockDb = *stock;

        m_beta = std::make_unique<ServiceNode>(config("beta", m_betaDb, 0));
        QVERIFY2(m_beta->start(&error), qPrintable(error));
        m_alpha = std::make_unique<ServiceNode>(config("alpha", m_alphaDb, m_beta->port()));
        QVERIFY2(m_alpha->start(&error), qPrintable(error));
        QVERIFY(m_alpha->warnings().isEmpty());
        QCOMPARE(m_alpha->routes().size(), 3);
        m_stock = std::make_unique<ServiceNode>(config("stock", m_stockDb, 0));
        QVERIFY2(m_stock->start(&error), qPrintable(error));
        NodeLaunchConfig gamma = config("gamma", std::nullopt, m_beta->port());
        gamma.upstreams.insert("stock", Endpoint{"127.0.0.1", m_stock->port()});
        m_gamma = std::make_unique<ServiceNode>(gamma);
        QVERIFY2(m_gamma->start(&error), qPrintable(error));
        QVERIFY2(m_gamma->warnings().isEmpty(), qPrintable(m_gamma->warnings().join("; ")));
    }

    void cleanupTestCase()
    {
        m_gamma.reset();
        m_stock.reset();
        m_alpha.reset();
        m_beta.reset();
        m_env.stop();
    }

    void probesAnswer()
    {
        QCOMPARE(m_http.send(m_alpha->port(), "GET", "/healthz").status, 200);
        // beta is ready once its consumer group has its partitions.
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(m_beta->port(), "GET", "/readyz").status, 200, 30000);
        QCOMPARE(m_http.send(m_alpha->port(), "GET", "/readyz").status, 200);
    }

    void unknownRoutesAre404And405()
    {
        const HttpResult missing = m_http.send(m_alpha->port(), "GET", "/nothing");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json.value("status").toInt(), 404);
        const HttpResult wrongMethod = m_http.send(m_alpha->port(), "DELETE", "/things");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(QByteArray(wrongMethod.headers.value("Allow").data(), int(wrongMethod.headers.value("Allow").size())),
                 QByteArray("POST"));
    }

    void routeWritesRowPublishesAndCallsTarget()
    {
        const QString traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Http::Headers headers;
        headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").toStdString());
        const HttpResult result = m_http.send(m_alpha->port(), "POST", "/things", "{\"name\":\"x\"}", headers);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value("node").toString(), QString("alpha"));
        const QString requestId = result.json.value("requestId").toString();
        QVERIFY(!requestId.isEmpty());
        const QJsonArray events = result.json.value("events").toArray();
        QCOMPARE(events.size(), 1);
        const QString eventId = events.first().toObject().value("eventId").toString();
        const QJsonArray calls = result.json.value("calls").toArray();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().toObject().value("target").toString(), QString("beta"));
        QCOMPARE(calls.first().toObject().value("status").toInt(), 200);

        // alpha's row, with the caller's trace id
        QCOMPARE(ServiceEnv::count(m_alphaDb, "SELECT count(*) FROM generic_requests WHERE id = $1::bigint AND "
                                              "path = '/things' AND body = '{\"name\":\"x\"}' AND trace_id = $2",
                                   {requestId, traceId}),
                 1);
        // beta's row from the sync call, same trace
        QCOMPARE(ServiceEnv::count(m_betaDb, "SELECT count(*) FROM generic_requests WHERE path = '/_gatehouse/call' "
                                             "AND trace_id = $1",
                                   {traceId}),
                 1);
        // the event: sent by the relay, consumed once by beta, same trace
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_alphaDb, "SELECT count(*) FROM outbox WHERE event_id = $1::uuid "
                                                               "AND sent_at IS NOT NULL",
                                                    {eventId}),
                                  1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_betaDb, "SELECT count(*) FROM generic_events WHERE event_id = $1::uuid "
                                                              "AND topic = 'thing.created' AND trace_id = $2 "
                                                              "AND payload->>'requestId' = $3 AND payload->>'source' = 'alpha'",
                                                    {eventId, traceId, requestId}),
                                  1, 30000);
        QCOMPARE(ServiceEnv::count(m_betaDb, "SELECT count(*) FROM processed_events WHERE event_id = $1::uuid", {eventId}), 1);

        // spans: alpha server → alpha client (on the edge) → beta server; produce → consume
        QTRY_VERIFY_WITH_TIMEOUT(m_spans.has(traceId, "beta", SpanKind::KafkaConsume), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_spans.has(traceId, "beta", SpanKind::HttpServer), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_spans.has(traceId, "alpha", SpanKind::HttpServer), 10000);
        const QList<Span> trace = m_spans.ofTrace(traceId);
        auto find = [&](const QString &node, SpanKind kind) {
            for (const Span &s : trace)
                if (s.nodeId == node && s.kind == kind)
                    return s;
            return Span{};
        };
        const Span server = find("alpha", SpanKind::HttpServer);
        const Span client = find("alpha", SpanKind::HttpClient);
        const Span produce = find("alpha", SpanKind::KafkaProduce);
        const Span betaServer = find("beta", SpanKind::HttpServer);
        const Span consume = find("beta", SpanKind::KafkaConsume);
        QCOMPARE(server.parentSpanId, QString("00f067aa0ba902b7"));
        QCOMPARE(server.httpStatus, 200);
        QCOMPARE(client.parentSpanId, server.spanId);
        QCOMPARE(client.edgeId, QString("e-alpha-beta"));
        QCOMPARE(betaServer.parentSpanId, client.spanId);
        QCOMPARE(produce.parentSpanId, server.spanId);
        QCOMPARE(produce.edgeId, QString("e-alpha-pub"));
        QCOMPARE(consume.parentSpanId, produce.spanId);
        QCOMPARE(consume.edgeId, QString("e-kafka-beta"));

        // SQL: every statement of alpha's transaction under its server span, on its owns edge;
        // beta's dedup and event insert under the consume span.
        QTRY_VERIFY_WITH_TIMEOUT(sqlNames(m_spans.ofTrace(traceId), "beta", consume.spanId).contains("COMMIT"), 10000);
        const QList<Span> all = m_spans.ofTrace(traceId);
        QCOMPARE(sqlNames(all, "alpha", server.spanId),
                 QStringList({"BEGIN", "INSERT generic_requests", "INSERT outbox", "COMMIT"}));
        QCOMPARE(sqlNames(all, "beta", consume.spanId),
                 QStringList({"BEGIN", "INSERT processed_events", "INSERT generic_events", "COMMIT"}));
        QCOMPARE(sqlNames(all, "beta", betaServer.spanId),
                 QStringList({"BEGIN", "INSERT generic_requests", "COMMIT"}));
        for (const Span &s : all) {
            if (s.kind != SpanKind::Sql)
                continue;
            QCOMPARE(s.edgeId, s.nodeId == "alpha" ? QString("e-a-db") : QString("e-b-db"));
            QCOMPARE(s.outcome, SpanOutcome::Ok);
            QVERIFY(!s.name.contains("{") && !s.name.contains("\"x\""));
        }
    }

    void withoutDatabaseAnswersPublishesAndCallsARoleService()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(m_gamma->port(), "GET", "/readyz").status, 200, 30000);
        const QString traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        Http::Headers headers;
        headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b8-01").toStdString());
        const HttpResult result = m_http.send(m_gamma->port(), "POST", "/relay", "{}", headers);
        QVERIFY2(result.status == 200, result.body.constData());
        QCOMPARE(result.json.value("node").toString(), QString("gamma"));
        const QJsonArray events = result.json.value("events").toArray();
        QCOMPARE(events.size(), 1);
        const QString eventId = events.first().toObject().value("eventId").toString();
        QMap<QString, QJsonObject> calls;
        for (const QJsonValue &call : result.json.value("calls").toArray())
            calls.insert(call.toObject().value("target").toString(), call.toObject());
        QCOMPARE(calls.size(), 2);
        // The inventory is called at a route it serves (no 404 on /_gatehouse/call any more).
        QCOMPARE(calls["stock"].value("route").toString(), QString("GET /inventory/items"));
        QCOMPARE(calls["stock"].value("status").toInt(), 200);
        QCOMPARE(calls["beta"].value("route").toString(), QString("POST /_gatehouse/call"));
        QCOMPARE(calls["beta"].value("status").toInt(), 200);
        QCOMPARE(ServiceEnv::count(m_betaDb, "SELECT count(*) FROM generic_requests WHERE trace_id = $1", {traceId}), 1);
        // The directly produced event reaches beta once, in the same trace.
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_betaDb, "SELECT count(*) FROM generic_events WHERE event_id = $1::uuid "
                                                              "AND topic = 'relay.sent' AND trace_id = $2 "
                                                              "AND payload->>'source' = 'gamma'",
                                                    {eventId, traceId}),
                                  1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_spans.has(traceId, "beta", SpanKind::KafkaConsume), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_spans.has(traceId, "gamma", SpanKind::HttpServer), 10000);
        Span produce, consume, server;
        for (const Span &s : m_spans.ofTrace(traceId)) {
            if (s.nodeId == "gamma" && s.kind == SpanKind::KafkaProduce)
                produce = s;
            if (s.nodeId == "beta" && s.kind == SpanKind::KafkaConsume)
                consume = s;
            if (s.nodeId == "gamma" && s.kind == SpanKind::HttpServer)
                server = s;
            QVERIFY2(!(s.nodeId == "gamma" && s.kind == SpanKind::Sql), "gamma has no database");
        }
        QCOMPARE(produce.parentSpanId, server.spanId);
        QCOMPARE(produce.edgeId, QString("e-gamma-pub"));
        QCOMPARE(produce.attributes.value("via").toString(), QString("direct"));
        QCOMPARE(consume.parentSpanId, produce.spanId);
    }

    void parameterRouteAnswers()
    {
        const HttpResult result = m_http.send(m_alpha->port(), "GET", "/things/42");
        QCOMPARE(result.status, 200);
        QCOMPARE(ServiceEnv::count(m_alphaDb, "SELECT count(*) FROM generic_requests WHERE path = '/things/42'"), 1);
    }

    void restartKeepsSchemaAndData()
    {
        QString error;
        m_alpha->stop();
        m_alpha = std::make_unique<ServiceNode>(config("alpha", m_alphaDb, m_beta->port()));
        QVERIFY2(m_alpha->start(&error), qPrintable(error));
        QCOMPARE(ServiceEnv::count(m_alphaDb, "SELECT count(*) FROM schema_migrations"), 2);
        QCOMPARE(m_http.send(m_alpha->port(), "POST", "/things", "{}").status, 200);
        QCOMPARE(ServiceEnv::count(m_alphaDb, "SELECT count(*) FROM generic_requests WHERE path = '/things'"), 2);
    }

    void targetDownIs502WithoutFallback()
    {
        m_beta->stop();
        const HttpResult result = m_http.send(m_alpha->port(), "POST", "/things", "{}");
        QCOMPARE(result.status, 502);
        const QJsonObject call = result.json.value("calls").toArray().first().toObject();
        QCOMPARE(call.value("target").toString(), QString("beta"));
        QVERIFY(!call.value("error").toString().isEmpty());
    }

    void notAServiceIsRefused()
    {
        NodeLaunchConfig c = config("kafka", m_alphaDb, 0);
        ServiceNode node(c);
        QString error;
        QVERIFY(!node.start(&error));
        QVERIFY(error.contains("not a service"));
    }
};

QTEST_GUILESS_MAIN(TestGenericService)
#include "tst_genericservice.moc"
