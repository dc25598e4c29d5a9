// Two generic service nodes in-process against a real PostgreSQL and the librdkafka mock:
// a route call writes its row and its event, calls the sync target, the subscriber stores the
// event; one trace across HTTP server/client, produce and consume spans.
#include "servicetestenv.h"

#include "services/servicenode.h"

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

class TestGenericService : public QObject
{
    Q_OBJECT

private:
    ServiceEnv m_env;
    SpanCollector m_spans;
    PostgresAccess m_alphaDb;
    PostgresAccess m_betaDb;
    std::unique_ptr<ServiceNode> m_alpha;
    std::unique_ptr<ServiceNode> m_beta;
    HttpHelper m_http;

    Topology topology() const
    {
        Topology t;
        t.nodes = {plainNode("gw", NodeKind::Gateway), serviceNode("alpha", ServiceRole::Generic),
                   serviceNode("beta", ServiceRole::Generic), plainNode("kafka", NodeKind::BusKafka),
                   plainNode("alpha-db", NodeKind::DbPostgres), plainNode("beta-db", NodeKind::DbPostgres)};
        Edge routes = edge("e-gw-alpha", EdgeKind::Sync, "gw", "alpha");
        routes.routes = {route("POST", "/things"), route("GET", "/things/{id}")};
        Edge call = edge("e-alpha-beta", EdgeKind::Sync, "alpha", "beta");
        call.timeoutMs = 2000;
        Edge publish = edge("e-alpha-pub", EdgeKind::Publish, "alpha", "kafka");
        publish.topics = {Topic{"thing.created", 3, "requestId"}};
        Edge subscribe = edge("e-kafka-beta", EdgeKind::Subscribe, "kafka", "beta");
        subscribe.topics = {Topic{"thing.created", 3, {}}};
        subscribe.consumerGroup = "beta-group";
        t.edges = {routes, call, publish, subscribe, edge("e-a-db", EdgeKind::Owns, "alpha", "alpha-db"),
                   edge("e-b-db", EdgeKind::Owns, "beta", "beta-db")};
        return t;
    }

    NodeLaunchConfig config(const QString &nodeId, const PostgresAccess &db, int betaPort) const
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
        QVERIFY2(m_env.start({Topic{"thing.created", 3, "requestId"}}, &error), qPrintable(error));
        auto alpha = m_env.createDatabase("alpha", &error);
        QVERIFY2(alpha, qPrintable(error));
        auto beta = m_env.createDatabase("beta", &error);
        QVERIFY2(beta, qPrintable(error));
        m_alphaDb = *alpha;
        m_betaDb = *beta;

        m_beta = std::make_unique<ServiceNode>(config("beta", m_betaDb, 0));
        QVERIFY2(m_beta->start(&error), qPrintable(error));
        m_alpha = std::make_unique<ServiceNode>(config("alpha", m_alphaDb, m_beta->port()));
        QVERIFY2(m_alpha->start(&error), qPrintable(error));
        QVERIFY(m_alpha->warnings().isEmpty());
        QCOMPARE(m_alpha->routes().size(), 3);
    }

    void cleanupTestCase()
    {
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
