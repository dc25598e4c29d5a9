// Editing the diagram while its stack runs (`apply`, docs/runtime-protocol.md): LiveChanges sorts
// an edit into what applies live (gateway routes, client rates), what changes nothing (drawing)
// and what needs a restart; then against `gatehouse-runtime up` of the example with the real
// PostgreSQL, Redis and Kafka mock: a route edit takes effect in the running gateway, a client's
// rate reaches the client, an added node is refused as "needs a restart".
#include "control/livechanges.h"
#include "httpexchange.h"
#include "model/projectfile.h"
#include "runtimeclient/runtimeprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Gatehouse;
using Gatehouse::Runtime::LiveChanges;

namespace {

Topology example()
{
    const LoadResult loaded = ProjectFile::load(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse");
    if (!loaded.ok())
        qFatal("example does not load");
    return loaded.topology;
}

Route *routeOf(Topology &topology, const QString &method, const QString &path)
{
    for (Edge &edge : topology.edges) {
        for (Route &route : edge.routes) {
            if (route.method == method && route.path == path)
                return &route;
        }
    }
    return nullptr;
}

QJsonObject documentOf(const Topology &topology)
{
    return QJsonDocument::fromJson(ProjectFile::toJson(topology)).object();
}

// The status of one GET through the gateway, 0 when nothing came back.
int httpStatus(int port, const QByteArray &path)
{
    return Gatehouse::Test::httpRequest(port, "GET", path).status;
}

} // namespace

class TestApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawingChangesNothing()
    {
        const Topology running = example();
        Topology edited = running;
        edited.nodes[0].position += QPointF(40, 30);
        edited.nodes[0].name = "Renamed";
        edited.nodes[0].z = 3;
        edited.edges[0].waypoints.append(QPointF(10, 10));
        edited.edges[0].label = "drawn";
        QVERIFY(LiveChanges::between(running, edited).isEmpty());
    }

    void routesAndRatesApplyLive()
    {
        const Topology running = example();
        Topology edited = running;
        routeOf(edited, "GET", "/inventory/items")->auth = AuthMode::None;
        edited.node("web")->properties.insert("ratePerSecond", 7.5);
        const LiveChanges changes = LiveChanges::between(running, edited);
        QCOMPARE(changes.gatewaysWithNewRoutes, QStringList { "gateway" });
        QCOMPARE(changes.clientRates.value("web"), 7.5);
        QCOMPARE(changes.clientRates.size(), 1);
        QVERIFY2(changes.restartReasons.isEmpty(), qPrintable(changes.restartReasons.join("; ")));
    }

    // A gateway → service edge's circuit breaker is reloaded by the gateway like its routes.
    void breakerSettingsApplyLive()
    {
        const Topology running = example();
        Topology edited = running;
        edited.edge("e-gateway-inventory")->circuitBreaker.failureThreshold = 2;
        edited.edge("e-gateway-inventory")->circuitBreaker.openMs = 30000;
        LiveChanges changes = LiveChanges::between(running, edited);
        QCOMPARE(changes.gatewaysWithNewRoutes, QStringList { "gateway" });
        QVERIFY2(changes.restartReasons.isEmpty(), qPrintable(changes.restartReasons.join("; ")));
        QVERIFY(changes.clientRates.isEmpty());

        edited = running;
        edited.edge("e-gateway-order")->circuitBreaker.enabled = false;
        QCOMPARE(LiveChanges::between(running, edited).gatewaysWithNewRoutes, QStringList { "gateway" });

        // On a service → service edge there is no breaker to reload: like its timeout, a restart.
        edited = running;
        edited.edge("e-order-payment")->circuitBreaker.failureThreshold = 2;
        changes = LiveChanges::between(running, edited);
        QVERIFY(changes.gatewaysWithNewRoutes.isEmpty());
        QVERIFY(changes.restartReasons.join("; ").contains("connection e-order-payment changed"));
    }

    void structuralChangesNeedARestart_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("node added") << "add" << "node catalog was added";
        QTest::newRow("node removed") << "remove" << "was removed";
        QTest::newRow("service timeout") << "timeout" << "connection e-order-payment changed";
        QTest::newRow("port") << "port" << "node Order service (order) changed";
        QTest::newRow("run settings") << "settings" << "the run settings changed";
    }

    void structuralChangesNeedARestart()
    {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        const Topology running = example();
        Topology edited = running;
        if (change == "add") {
            Node node;
            node.id = "catalog";
            edited.nodes.append(node);
        } else if (change == "remove") {
            edited.nodes.removeIf([](const Node &n) { return n.id == "notification"; });
        } else if (change == "timeout") {
            edited.edge("e-order-payment")->timeoutMs += 100;
        } else if (change == "port") {
            edited.node("order")->port = 18080;
        } else {
            edited.runSettings.redisUrl = "redis://127.0.0.1:6379/0";
        }
        const LiveChanges changes = LiveChanges::between(running, edited);
        QVERIFY(!changes.restartReasons.isEmpty());
        QVERIFY2(changes.restartReasons.join("; ").contains(reason), qPrintable(changes.restartReasons.join("; ")));
    }

    void applyToARunningStack()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        if (::geteuid() == 0) // PostgreSQL then runs as `postgres`, which must traverse to its data dir
            QFile::setPermissions(tmp.path(), QFile::permissions(tmp.path()) | QFile::ExeOther);
        const QString data = tmp.filePath("data");
        RuntimeProcess process;
        QSignalSpy connected(&process, &RuntimeProcess::connected);
        QSignalSpy finished(&process, &RuntimeProcess::finished);
        process.start(RUNTIME_PATH, GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse",
            { "--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json"), "--clients-paused" });
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !finished.isEmpty(), 120000);
        QVERIFY2(!connected.isEmpty(), process.standardError().constData());
        RuntimeClient *client = process.client();
        const QStringList needed { "gateway", "inventory", "web" };
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(needed.begin(), needed.end(),
                                     [client](const QString &id) {
                                         return client->node(id) && client->node(id)->state == NodeState::Ready;
                                     }),
            180000);
        const int port = client->node("gateway")->port;
        QCOMPARE(httpStatus(port, "/inventory/items"), 401); // the route wants a JWT

        QSignalSpy results(client, &RuntimeClient::commandFinished);
        const auto runApply = [&](const Topology &topology) {
            const int id = client->sendCommand("apply", { { "document", documentOf(topology) } });
            const auto answered = [&] {
                for (const QList<QVariant> &r : std::as_const(results)) {
                    if (r.at(0).toInt() == id)
                        return true;
                }
                return false;
            };
            if (!QTest::qWaitFor(answered, 30000))
                return QJsonObject { { "timedOut", true } };
            for (const QList<QVariant> &r : std::as_const(results)) {
                if (r.at(0).toInt() == id)
                    return r.at(2).toJsonObject().isEmpty() ? QJsonObject { { "ok", r.at(1).toBool() } }
                                                            : r.at(2).toJsonObject();
            }
            return QJsonObject {};
        };

        // A route made public without auth, and the web client's rate: both live.
        Topology edited = example();
        routeOf(edited, "GET", "/inventory/items")->auth = AuthMode::None;
        edited.node("web")->properties.insert("ratePerSecond", 0.5);
        const QJsonObject result = runApply(edited);
        QVERIFY2(result.value("ok").toBool(), QJsonDocument(result).toJson().constData());
        QCOMPARE(result.value("needsRestart").toBool(), false);
        QCOMPARE(result.value("applied").toArray().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(httpStatus(port, "/inventory/items"), 200, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(client->node("web")->ratePerSecond && *client->node("web")->ratePerSecond == 0.5, 15000);

        // The same document again: nothing left to apply.
        const QJsonObject again = runApply(edited);
        QVERIFY(again.value("ok").toBool());
        QVERIFY(again.value("applied").toArray().isEmpty());

        // The inventory breaker's settings: the gateway reloads them live; sent once.
        edited.edge("e-gateway-inventory")->circuitBreaker = { true, 2, 30000, 1 };
        const QJsonObject breaker = runApply(edited);
        QVERIFY2(breaker.value("ok").toBool(), QJsonDocument(breaker).toJson().constData());
        QCOMPARE(breaker.value("needsRestart").toBool(), false);
        QCOMPARE(breaker.value("applied").toArray().size(), 1);
        QCOMPARE(breaker.value("applied").toArray().first().toObject().value("nodeId").toString(), QString("gateway"));
        QVERIFY(runApply(edited).value("applied").toArray().isEmpty());
        QCOMPARE(httpStatus(port, "/inventory/items"), 200);

        // A new node cannot join a running stack: a restart is needed, nothing is applied.
        Topology grown = edited;
        routeOf(grown, "GET", "/inventory/items")->auth = AuthMode::Jwt;
        Node catalog;
        catalog.id = "catalog";
        grown.nodes.append(catalog);
        const QJsonObject refused = runApply(grown);
        QVERIFY(refused.value("ok").toBool());
        QCOMPARE(refused.value("needsRestart").toBool(), true);
        QVERIFY(refused.value("restartReasons").toArray().first().toString().contains("catalog"));
        // Live parts still apply: the route wants its JWT again.
        QTRY_COMPARE_WITH_TIMEOUT(httpStatus(port, "/inventory/items"), 401, 15000);

        // Not a project: a clear error, the stack runs on.
        const int bad = client->sendCommand("apply", { { "document", QJsonObject { { "formatVersion", "x" } } } });
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(results.cbegin(), results.cend(),
                [bad](const QList<QVariant> &r) { return r.at(0).toInt() == bad && !r.at(1).toBool(); }),
            15000);
        QCOMPARE(httpStatus(port, "/inventory/items"), 401);

        process.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    }
};

QTEST_MAIN(TestApply)
#include "tst_apply.moc"
