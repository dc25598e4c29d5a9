// The client nodes without a stack: what they read from a diagram (ClientPlan), the open-loop
// RateScheduler, and ClientNode/ClientDriver against a real Beast HTTP server on 127.0.0.1:0
// that holds its answers back (in-flight bound, drops), fails (rate-limited failure logs),
// issues tokens (login once, again after a 401), plus the spans and traceparent it sends.
#include "clienttestsupport.h"

#include "clients/clientnode.h"
#include "clients/clientplan.h"
#include "clients/ratescheduler.h"

#include "model/projectfile.h"
#include "model/telemetry.h"

#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace ClientTest;

namespace {

QStringList stepsOf(const ClientPlan &plan)
{
    QStringList out;
    if (plan.login)
        out.append("login " + plan.login->routeKey);
    for (const PlannedStep &s : plan.cycle)
        out.append(nameOf(s.kind) + " " + s.routeKey);
    return out;
}

NodeLaunchConfig exampleConfig(const QString &clientId, const QHash<QString, QString> &secrets = {})
{
    const LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    NodeLaunchConfig c;
    c.nodeId = clientId;
    c.topology = loaded.topology;
    c.upstreams.insert("gateway", Endpoint{"127.0.0.1", 8080});
    c.secrets = secrets;
    return c;
}

int countLogs(const TelemetrySink &sink, const QString &needle)
{
    int n = 0;
    for (const QJsonObject &l : sink.logs())
        n += l["message"].toString().contains(needle) ? 1 : 0;
    return n;
}

} // namespace

class TestClientDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plansFromTheExample_data();
    void plansFromTheExample();
    void handDrawnDiagramsIdleWithAReason_data();
    void handDrawnDiagramsIdleWithAReason();
    void genericRoutesAreCalledAndGapsSkipped();
    void pathParametersAreFilledEncoded();

    void schedulerSanitizesRates();
    void schedulerRateZeroTicksNothingAndChangesApplyAtOnce();

    void inFlightIsBoundedAndTheExcessDropped();
    void everyRequestHasARootSpanAndATraceparent();
    void failuresAreLoggedAtALowRate();
    void loginOnceKeepTheTokenAndLogInAgainAfter401();
    void partnerSendsItsKeyAndBulkOrders();
    void idleClientSendsNothingAndStopsCleanly();
};

void TestClientDriver::plansFromTheExample_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("idle");

    QTest::newRow("web") << "web" << false
                         << QStringList{"login POST /auth/login", "browse-items GET /inventory/items",
                                        "view-item GET /inventory/items/{sku}", "place-order POST /orders",
                                        "get-order GET /orders/{id}"}
                         << "";
    QTest::newRow("mobile") << "mobile" << false
                            << QStringList{"login POST /auth/login", "browse-items GET /inventory/items",
                                           "view-item GET /inventory/items/{sku}", "view-item GET /inventory/items/{sku}",
                                           "list-orders GET /orders", "view-item GET /inventory/items/{sku}",
                                           "browse-items GET /inventory/items", "view-item GET /inventory/items/{sku}",
                                           "place-order POST /orders", "get-order GET /orders/{id}"}
                            << "";
    QTest::newRow("partner") << "partner" << true
                             << QStringList{"partner-inventory GET /partner/inventory", "partner-order POST /partner/orders",
                                            "partner-inventory GET /partner/inventory"}
                             << "";
    QTest::newRow("partner without its key") << "partner" << false << QStringList{}
                                             << "no public route of gateway gateway fits the partner scenario";
}

void TestClientDriver::plansFromTheExample()
{
    QFETCH(QString, client);
    QFETCH(bool, withKey);
    QFETCH(QStringList, steps);
    QFETCH(QString, idle);
    QHash<QString, QString> secrets;
    if (withKey)
        secrets.insert("partner.partner.apiKey", "k-123");
    const ClientPlan plan = ClientPlan::build(exampleConfig(client, secrets));
    QCOMPARE(plan.idleReason, idle);
    QCOMPARE(stepsOf(plan), steps);
    QCOMPARE(plan.edgeId, QString("e-%1-gateway").arg(client));
    QCOMPARE(plan.gateway.port, 8080);
    QCOMPARE(plan.scenario.name, client);
    if (!withKey && client == "partner") {
        QCOMPARE(plan.skipped.size(), 3);
        QVERIFY2(plan.skipped.first().contains("needs an API key"), qPrintable(plan.skipped.first()));
    } else {
        QVERIFY(plan.skipped.isEmpty());
    }
    QCOMPARE(plan.password, QString("gatehouse-demo"));
}

void TestClientDriver::handDrawnDiagramsIdleWithAReason_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("idle");
    QTest::newRow("no edge to a gateway") << 0 << "no sync edge from this client to a gateway";
    QTest::newRow("gateway without an address") << 1 << "the launch config has no address for gateway gw";
    QTest::newRow("only internal and admin routes") << 2 << "no public route of gateway gw fits the web scenario";
    QTest::newRow("token routes but no login route") << 3 << "no public route of gateway gw fits the web scenario";
    QTest::newRow("not a client") << 4 << "node \"gw\" is not a client of this diagram";
}

void TestClientDriver::handDrawnDiagramsIdleWithAReason()
{
    QFETCH(int, variant);
    QFETCH(QString, idle);
    Topology t = smallTopology({route("GET", "/catalog", AuthMode::None)});
    int port = 9;
    QString node = "web";
    switch (variant) {
    case 0: t.edges.removeFirst(); break;
    case 1: port = 0; break;
    case 2:
        t.edge("e-gw-svc")->routes = {route("GET", "/catalog", AuthMode::None, RouteVisibility::Internal),
                                      route("GET", "/admin/stats", AuthMode::None), route("GET", "/stats", AuthMode::Admin)};
        break;
    case 3: t.edge("e-gw-svc")->routes = {route("GET", "/catalog", AuthMode::Jwt)}; break;
    case 4: node = "gw"; break;
    }
    const ClientPlan plan = ClientPlan::build(launchConfig(t, port, 0, node));
    QCOMPARE(plan.idleReason, idle);
    QVERIFY(plan.isIdle());
    QVERIFY(plan.cycle.isEmpty());
    QVERIFY(plan.summary().contains(idle));
    if (variant == 3)
        QVERIFY2(plan.skipped.first().contains("has no login route"), qPrintable(plan.skipped.join('|')));
}

void TestClientDriver::genericRoutesAreCalledAndGapsSkipped()
{
    // A hand-drawn gateway in front of one generic service: the web client calls what exists.
    const Topology t = smallTopology({route("GET", "/catalog", AuthMode::None), route("POST", "/carts", AuthMode::None),
                                      route("GET", "/carts/{id}", AuthMode::None)});
    const ClientPlan plan = ClientPlan::build(launchConfig(t, 9));
    QVERIFY(!plan.isIdle());
    QVERIFY(!plan.login);
    QCOMPARE(stepsOf(plan), (QStringList{"browse-items GET /catalog", "view-item GET /carts/{id}", "place-order POST /carts",
                                         "get-order GET /carts/{id}"}));
    QVERIFY(plan.skipped.isEmpty());

    // Only a list route: the other steps are skipped, each with its reason.
    const ClientPlan listOnly = ClientPlan::build(launchConfig(smallTopology({route("GET", "/catalog", AuthMode::None)}), 9));
    QCOMPARE(stepsOf(listOnly), QStringList{"browse-items GET /catalog"});
    QCOMPARE(listOnly.skipped.size(), 3);
    QVERIFY(listOnly.skipped.at(0).startsWith("view-item: no public route of gw fits"));
}

void TestClientDriver::pathParametersAreFilledEncoded()
{
    PlannedStep step;
    step.pathPattern = "/orders/{id}/lines/{line*}";
    QCOMPARE(step.path({"o 1/x", "7"}), QString("/orders/o%201%2Fx/lines/7"));
    step.pathPattern = "/items";
    QCOMPARE(step.path({}), QString("/items"));
}

void TestClientDriver::schedulerSanitizesRates()
{
    QCOMPARE(RateScheduler::sanitize(-3), 0.0);
    QCOMPARE(RateScheduler::sanitize(std::numeric_limits<double>::quiet_NaN()), 0.0);
    QCOMPARE(RateScheduler::sanitize(std::numeric_limits<double>::infinity()), 0.0);
    QCOMPARE(RateScheduler::sanitize(2.5), 2.5);
    QCOMPARE(RateScheduler::sanitize(1e9), RateScheduler::MaxRate);
}

void TestClientDriver::schedulerRateZeroTicksNothingAndChangesApplyAtOnce()
{
    std::atomic<int> paused{0};
    std::atomic<int> running{0};
    RateScheduler zero([&] { ++paused; });
    RateScheduler clock([&] { ++running; });
    clock.setRate(200);
    // The second scheduler is the clock: while it ticks 40 times, the one at rate 0 ticks never.
    QTRY_VERIFY_WITH_TIMEOUT(running.load() >= 40, 10000);
    QCOMPARE(paused.load(), 0);
    QCOMPARE(zero.ticks(), std::uint64_t(0));

    zero.setRate(200);
    QTRY_VERIFY_WITH_TIMEOUT(paused.load() >= 5, 10000);
    zero.setRate(0);
    const int atStop = paused.load(); // no tick starts once setRate(0) has returned
    const int clockAtStop = running.load();
    QTRY_VERIFY_WITH_TIMEOUT(running.load() >= clockAtStop + 40, 10000);
    QCOMPARE(paused.load(), atStop);
    QCOMPARE(zero.rate(), 0.0);
    zero.stop();
    zero.stop(); // idempotent
}

void TestClientDriver::inFlightIsBoundedAndTheExcessDropped()
{
    TestServer server;
    server.mode = TestServer::Mode::Hold; // answers nothing until released
    TelemetrySink sink;
    Topology t = smallTopology({route("GET", "/items", AuthMode::None)});
    t.node("web")->properties.insert("ratePerSecond", 200);
    ClientDriverOptions options;
    options.maxInFlight = 4;
    options.logInterval = std::chrono::hours(1); // one drop line for the whole test
    ClientNode node(launchConfig(t, server.port(), sink.port()), options);
    node.start();
    QCOMPARE(node.rate(), 200.0);

    QTRY_VERIFY_WITH_TIMEOUT(server.held() == 4 && node.stats().dropped >= 50, 20000);
    // Open loop: ticks kept coming; bounded: the server never saw a fifth request.
    QCOMPARE(server.held(), 4);
    QCOMPARE(server.requests.load(), 4);
    const ClientDriverStats stats = node.stats();
    QCOMPARE(stats.inFlight, 4);
    QCOMPARE(stats.peakInFlight, 4);
    QCOMPARE(stats.sent, std::uint64_t(4));
    QVERIFY(stats.ticks >= stats.dropped + stats.sent);
    QTRY_COMPARE_WITH_TIMEOUT(countLogs(sink, "dropped"), 1, 10000);
    const QJsonObject dropLine = sink.logs().constLast();
    QVERIFY2(dropLine["message"].toString().contains("4 requests already in flight"), qPrintable(dropLine["message"].toString()));
    QCOMPARE(dropLine["level"].toString(), QString("warning"));

    // Answers arrive: the sessions are free again and the traffic goes on.
    server.release();
    QTRY_VERIFY_WITH_TIMEOUT(node.stats().succeeded >= 20 && server.requests.load() >= 20, 20000);
    QCOMPARE(countLogs(sink, "dropped"), 1); // still one line: the rest was held back
    node.setRate(0);
    QCOMPARE(node.rate(), 0.0);
    node.stop();
    QCOMPARE(node.stats().inFlight, 0);
}

void TestClientDriver::everyRequestHasARootSpanAndATraceparent()
{
    TestServer server;
    TelemetrySink sink;
    ClientNode node(launchConfig(smallTopology({route("GET", "/items", AuthMode::None)}), server.port(), sink.port()));
    node.setRate(100);
    node.start();
    QTRY_VERIFY_WITH_TIMEOUT(sink.spans().size() >= 10, 20000);
    node.stop();

    QHash<QString, QString> traceparents; // "00-trace-span-01" seen by the server
    for (const SeenRequest &r : server.seen())
        traceparents.insert(QString::fromStdString(r.traceparent), QString::fromStdString(r.target));
    int matched = 0;
    for (const QJsonObject &o : sink.spans()) {
        const std::optional<Span> span = Span::fromJson(o);
        QVERIFY(span);
        QCOMPARE(span->kind, SpanKind::HttpClient);
        QCOMPARE(span->nodeId, QString("web"));
        QCOMPARE(span->edgeId, QString("e-web-gw"));
        QCOMPARE(span->name, QString("GET /items"));
        QVERIFY(span->parentSpanId.isEmpty()); // a root: the client starts the trace
        QCOMPARE(span->httpStatus, 200);
        QCOMPARE(span->outcome, SpanOutcome::Ok);
        QCOMPARE(span->attributes["client"].toString(), QString("web"));
        QCOMPARE(span->attributes["route"].toString(), QString("GET /items"));
        QCOMPARE(span->attributes["step"].toString(), QString("browse-items"));
        QCOMPARE(span->attributes["scenario"].toString(), QString("web"));
        QCOMPARE(span->traceId.size(), 32);
        QCOMPARE(span->spanId.size(), 16);
        if (traceparents.value("00-" + span->traceId + "-" + span->spanId + "-01") == "/items")
            ++matched;
    }
    QCOMPARE(matched, sink.spans().size()); // every span's ids went out as the traceparent
}

void TestClientDriver::failuresAreLoggedAtALowRate()
{
    TestServer server;
    server.status = 503;
    TelemetrySink sink;
    ClientDriverOptions options;
    options.logInterval = std::chrono::hours(1);
    ClientNode node(launchConfig(smallTopology({route("GET", "/items", AuthMode::None)}), server.port(), sink.port()), options);
    node.setRate(200);
    node.start();
    QTRY_VERIFY_WITH_TIMEOUT(node.stats().failed >= 30 && countLogs(sink, "failed") >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(sink.spans().size() >= 30, 10000);
    QCOMPARE(countLogs(sink, "failed"), 1);
    QJsonObject failure;
    for (const QJsonObject &l : sink.logs()) {
        if (l["message"].toString().contains("failed"))
            failure = l;
    }
    QCOMPARE(failure["message"].toString(), QString("GET /items failed: HTTP 503"));
    QCOMPARE(failure["fields"].toObject()["status"].toInt(), 503);
    QCOMPARE(failure["fields"].toObject()["step"].toString(), QString("browse-items"));
    QCOMPARE(failure["fields"].toObject()["route"].toString(), QString("GET /items"));
    const std::optional<Span> span = Span::fromJson(sink.spans().first());
    QCOMPARE(span->outcome, SpanOutcome::ServerError);
    QCOMPARE(span->httpStatus, 503);
    QCOMPARE(node.stats().succeeded, std::uint64_t(0));
    node.stop();

    // No server at all: connection refused, logged with the client's error name.
    int closedPort = 0;
    {
        TestServer gone;
        closedPort = gone.port();
    }
    TelemetrySink sink2;
    ClientNode refused(launchConfig(smallTopology({route("GET", "/items", AuthMode::None)}), closedPort, sink2.port()), options);
    refused.setRate(50);
    refused.start();
    QTRY_VERIFY_WITH_TIMEOUT(countLogs(sink2, "failed") == 1 && refused.stats().failed >= 5, 20000);
    QCOMPARE(sink2.logs().constLast()["fields"].toObject()["error"].toString(), QString("connect-refused"));
    refused.stop();
}

void TestClientDriver::loginOnceKeepTheTokenAndLogInAgainAfter401()
{
    TestServer server;
    server.mode = TestServer::Mode::Tokens;
    TelemetrySink sink;
    const Topology t = smallTopology({route("POST", "/auth/login", AuthMode::None), route("GET", "/items", AuthMode::Jwt)});
    ClientNode node(launchConfig(t, server.port(), sink.port()));
    QCOMPARE(stepsOf(node.plan()), (QStringList{"login POST /auth/login", "browse-items GET /items"}));
    node.setRate(100);
    node.start();
    QTRY_VERIFY_WITH_TIMEOUT(node.stats().succeeded >= 40, 20000);
    // alice and bob, once each, however many requests followed.
    QCOMPARE(server.logins(), 2);
    QCOMPARE(node.stats().logins, std::uint64_t(2));
    QSet<QString> users;
    for (const SeenRequest &r : server.seen()) {
        if (r.target == "/auth/login") {
            const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
            users.insert(body["username"].toString());
            QCOMPARE(body["password"].toString(), QString("gatehouse-demo"));
        } else {
            QVERIFY2(r.authorization == "Bearer token-1" || r.authorization == "Bearer token-2", r.authorization.c_str());
        }
    }
    QCOMPARE(users, (QSet<QString>{"alice", "bob"}));
    bool loginSpanNamesUser = false;
    for (const QJsonObject &o : sink.spans())
        loginSpanNamesUser |= o["attributes"].toObject()["step"] == "login" && o["attributes"].toObject()["user"].toString() == "alice";
    QVERIFY(loginSpanNamesUser);

    // The gateway stops taking the tokens: 401, then a new login for each user.
    server.revokeTokens();
    const quint64 okBefore = node.stats().succeeded;
    QTRY_VERIFY_WITH_TIMEOUT(server.logins() >= 4 && node.stats().succeeded >= okBefore + 20, 20000);
    QVERIFY(node.stats().failed >= 1);
    node.stop();
}

void TestClientDriver::partnerSendsItsKeyAndBulkOrders()
{
    TestServer server;
    const Topology t = smallTopology({route("GET", "/partner/inventory", AuthMode::ApiKey), route("POST", "/partner/orders", AuthMode::ApiKey),
                                      route("POST", "/auth/login", AuthMode::None)},
                                     NodeKind::ClientPartner, ServiceRole::Generic);
    NodeLaunchConfig c = launchConfig(t, server.port());
    c.secrets.insert("partner.web.apiKey", "partner-key-1");
    ClientNode node(c);
    QCOMPARE(node.plan().scenario.name, QString("partner"));
    QVERIFY(!node.plan().login); // a partner does not log in
    node.setRate(100);
    node.start();
    QTRY_VERIFY_WITH_TIMEOUT(node.stats().ordersPlaced >= 5, 20000);
    node.stop();
    int orders = 0;
    for (const SeenRequest &r : server.seen()) {
        QCOMPARE(r.apiKey, std::string("partner-key-1"));
        QVERIFY(r.authorization.empty());
        QVERIFY(r.target != "/auth/login");
        if (r.target != "/partner/orders")
            continue;
        ++orders;
        const QJsonArray items = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object()["items"].toArray();
        // Bulk: as many lines as the inventory offered SKUs (two here), each a known SKU.
        QVERIFY2(!items.isEmpty() && items.size() <= 5, r.body.c_str());
        for (const QJsonValue &item : items) {
            QVERIFY(QStringList({"A-1", "B-2"}).contains(item.toObject()["sku"].toString()));
            QVERIFY(item.toObject()["quantity"].toInt() >= 1);
        }
    }
    QVERIFY(orders >= 5);
}

void TestClientDriver::idleClientSendsNothingAndStopsCleanly()
{
    TestServer server;
    TelemetrySink sink;
    // The gateway routes nothing a client could call: the client idles, with its reason.
    Topology idleTopology = smallTopology({route("GET", "/internal", AuthMode::None, RouteVisibility::Internal)});
    idleTopology.node("web")->properties.insert("ratePerSecond", 100);
    ClientNode idle(launchConfig(idleTopology, server.port(), sink.port()));
    idle.start();
    QVERIFY(idle.plan().isIdle());
    QCOMPARE(idle.rate(), 100.0); // kept, in case the diagram changes — but nothing is sent
    idle.setRate(50);
    QCOMPARE(idle.rate(), 50.0);

    // A working client on the same server is the clock.
    ClientNode busy(launchConfig(smallTopology({route("GET", "/items", AuthMode::None)}), server.port(), sink.port()));
    busy.setRate(100);
    busy.start();
    QTRY_VERIFY_WITH_TIMEOUT(busy.stats().succeeded >= 30, 20000);
    QCOMPARE(idle.stats().ticks, std::uint64_t(0));
    QCOMPARE(idle.stats().sent, std::uint64_t(0));
    for (const SeenRequest &r : server.seen())
        QCOMPARE(r.target, std::string("/items")); // the busy client's, none from the idle one
    idle.stop();
    busy.stop();
}

QTEST_GUILESS_MAIN(TestClientDriver)
#include "tst_clientdriver.moc"
