// Injected faults on the built-in example, end to end: `gatehouse-runtime up` with the real
// embedded PostgreSQL, redis-server and Kafka mock cluster; `inject` over the control socket
// (through RuntimeClient, and through `gatehouse-runtime ctl`); requests through the gateway's
// public listener; spans from the telemetry stream.
#include "httpexchange.h"
#include "runtimeclient/runtimeprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Gatehouse;
using Gatehouse::Test::HttpReply;
using Gatehouse::Test::httpRequest;

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void injectedFaultsOnTheExampleStack();
};

void TestFaults::injectedFaultsOnTheExampleStack()
{
    QTemporaryDir tmp;
    // As root, PostgreSQL runs as `postgres`, which must be able to traverse to its data dir.
    if (::geteuid() == 0)
        QFile::setPermissions(tmp.path(), QFile::permissions(tmp.path()) | QFile::ExeOther);
    const QString data = tmp.filePath("data");
    const QString example = QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse");
    const QStringList appNodes{"auth", "inventory", "order", "payment", "notification", "gateway"};

    RuntimeProcess stack;
    QSignalSpy connected(&stack, &RuntimeProcess::connected);
    // Client traffic paused: the test's own orders and logins must stay under the rate limits.
    stack.start(RUNTIME_PATH, example, {"--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json"), "--clients-paused"});
    QVERIFY2(connected.wait(120000), stack.standardError().constData());
    RuntimeClient *client = stack.client();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(appNodes.begin(), appNodes.end(), [client](const QString &id) {
        return client->node(id) && client->node(id)->state == NodeState::Ready;
    }), 180000);

    QList<Span> spans;
    connect(client, &RuntimeClient::spansReceived, this, [&spans](const QList<Span> &batch) { spans.append(batch); });
    QHash<int, QJsonObject> results;
    connect(client, &RuntimeClient::commandFinished, this, [&results](int id, bool, const QJsonObject &r) { results.insert(id, r); });
    auto run = [&](const QString &command, const QJsonObject &args) {
        const int id = client->sendCommand(command, args);
        QDeadlineTimer deadline(10000);
        while (!results.contains(id) && !deadline.hasExpired())
            QTest::qWait(5);
        return results.value(id);
    };
    auto injectedServerSpan = [&spans](const QString &nodeId, qint64 minDurationUs) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span &s) {
            return s.nodeId == nodeId && s.kind == SpanKind::HttpServer && s.attributes.value("injected").toBool()
                && s.outcome == SpanOutcome::ServerError && s.httpStatus == 503 && s.durationUs >= minDurationUs;
        });
    };

    const int gatewayPort = client->node("gateway")->port;
    const HttpReply login = httpRequest(gatewayPort, "POST", "/auth/login", "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}");
    QVERIFY2(login.status == 200, login.body.constData());
    const QByteArray token = QJsonDocument::fromJson(login.body).object().value("accessToken").toString().toUtf8();
    QCOMPARE(httpRequest(gatewayPort, "GET", "/inventory/items", {}, token).status, 200);

    // 1. A node fault on inventory: every request waits 300 ms, then 503; its spans say so.
    QJsonObject r = run("inject", QJsonObject{{"nodeId", "inventory"}, {"latencyMs", 300}, {"errorRate", 1}});
    QVERIFY2(r.value("ok").toBool(), QJsonDocument(r).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(client->node("inventory")->injectedErrorRate, 1.0, 5000);
    QCOMPARE(client->node("inventory")->injectedLatencyMs, 300);
    QTRY_COMPARE_WITH_TIMEOUT(httpRequest(gatewayPort, "GET", "/inventory/items", {}, token).status, 503, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(injectedServerSpan("inventory", 300000), 10000);

    // 2. It survives a restart of the node; the readiness path is spared, or the restarted node
    //    (faulted from its first moment) would never become ready.
    const qint64 pid = client->node("inventory")->pid;
    QVERIFY(run("restart", QJsonObject{{"nodeId", "inventory"}}).value("ok").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(client->node("inventory")->pid != pid && client->node("inventory")->state == NodeState::Ready, 60000);
    QCOMPARE(client->node("inventory")->injectedErrorRate, 1.0);
    QCOMPARE(httpRequest(gatewayPort, "GET", "/inventory/items", {}, token).status, 503);

    // 3. Cleared: 200 again.
    QVERIFY(run("inject", QJsonObject{{"nodeId", "inventory"}, {"latencyMs", 0}, {"errorRate", 0}}).value("ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(httpRequest(gatewayPort, "GET", "/inventory/items", {}, token).status, 200, 10000);
    QCOMPARE(client->node("inventory")->injectedLatencyMs, 0);

    // 4. An edge fault on order → payment: the order service takes its drawn fallback (defer),
    //    so POST /orders is accepted as PENDING_PAYMENT; the client span is marked injected.
    QSignalSpy edgeFaults(client, &RuntimeClient::edgeFaultsChanged);
    r = run("inject", QJsonObject{{"edgeId", "e-order-payment"}, {"errorRate", 1}});
    QVERIFY2(r.value("ok").toBool(), QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value("sourceNodeId").toString(), QString("order"));
    QTRY_VERIFY_WITH_TIMEOUT(!edgeFaults.isEmpty(), 5000);
    QCOMPARE(edgeFaults.last().first().toJsonObject().value("e-order-payment").toObject().value("errorRate").toDouble(), 1.0);
    const QByteArray order = "{\"items\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}";
    HttpReply placed;
    QTRY_VERIFY_WITH_TIMEOUT((placed = httpRequest(gatewayPort, "POST", "/orders", order, token)).status == 202, 15000);
    QCOMPARE(QJsonDocument::fromJson(placed.body).object().value("status").toString(), QString("PENDING_PAYMENT"));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(spans.begin(), spans.end(), [](const Span &s) {
        return s.nodeId == "order" && s.edgeId == "e-order-payment" && s.kind == SpanKind::HttpClient
            && s.attributes.value("injected").toBool() && s.outcome == SpanOutcome::ServerError;
    }), 10000);
    // A delay past the edge's 800 ms timeout is a timeout, with the same fallback.
    QVERIFY(run("inject", QJsonObject{{"edgeId", "e-order-payment"}, {"latencyMs", 5000}}).value("ok").toBool());
    spans.clear();
    QTRY_VERIFY_WITH_TIMEOUT((placed = httpRequest(gatewayPort, "POST", "/orders", order, token)).status == 202, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(spans.begin(), spans.end(), [](const Span &s) {
        return s.nodeId == "order" && s.edgeId == "e-order-payment" && s.outcome == SpanOutcome::Timeout
            && s.attributes.value("injected").toBool() && s.durationUs >= 800000;
    }), 10000);
    QVERIFY(run("inject", QJsonObject{{"edgeId", "e-order-payment"}}).value("ok").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(edgeFaults.last().first().toJsonObject().isEmpty(), 5000);

    // 5. An edge fault on the gateway's edge to order: the route's static fallback (503 + body).
    QProcess ctl;
    const QString controlSocket = run("snapshot", {}).value("stack").toObject().value("controlSocket").toString();
    QVERIFY(!controlSocket.isEmpty());
    ctl.start(RUNTIME_PATH, {"ctl", controlSocket, "inject", "--edge", "e-gateway-order", "--error-rate", "1"});
    QVERIFY(ctl.waitForFinished(15000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    const QJsonObject ctlResult = QJsonDocument::fromJson(ctl.readAllStandardOutput()).object();
    QCOMPARE(ctlResult.value("ok").toBool(), true);
    QCOMPARE(ctlResult.value("sourceNodeId").toString(), QString("gateway"));
    HttpReply fallback;
    QTRY_VERIFY_WITH_TIMEOUT((fallback = httpRequest(gatewayPort, "POST", "/orders", order, token)).status == 503
                                 && fallback.body.contains("orders temporarily unavailable"),
                             10000);
    ctl.start(RUNTIME_PATH, {"ctl", controlSocket, "inject", "--edge", "e-gateway-order"});
    QVERIFY(ctl.waitForFinished(15000));
    QCOMPARE(ctl.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(httpRequest(gatewayPort, "POST", "/orders", order, token).status != 503, 10000);

    // 6. What cannot be faulted says why; the CLI exits 1 with the result.
    ctl.start(RUNTIME_PATH, {"ctl", controlSocket, "inject", "--node", "order-db", "--latency", "100"});
    QVERIFY(ctl.waitForFinished(15000));
    QCOMPARE(ctl.exitCode(), 1);
    QCOMPARE(QJsonDocument::fromJson(ctl.readAllStandardOutput()).object().value("code").toString(), QString("not-possible"));
    QCOMPARE(run("inject", QJsonObject{{"edgeId", "e-order-publish"}, {"errorRate", 1}}).value("code").toString(), QString("not-possible"));
    QCOMPARE(run("set-rate", QJsonObject{{"nodeId", "order"}, {"ratePerSecond", 3}}).value("code").toString(), QString("not-possible"));
    ctl.start(RUNTIME_PATH, {"ctl", controlSocket, "inject", "--node", "payment", "--latency", "lots"});
    QVERIFY(ctl.waitForFinished(15000));
    QCOMPARE(ctl.exitCode(), 2);

    QSignalSpy finished(&stack, &RuntimeProcess::finished);
    stack.stop();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
