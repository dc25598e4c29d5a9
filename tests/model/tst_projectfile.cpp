#include "model/projectfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Gatehouse;

namespace {

QString examplePath(const char *name)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/") + QLatin1String(name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const char minimalNode[] = "{\"id\":\"a\",\"kind\":\"service\",\"x\":0,\"y\":0,\"width\":10,\"height\":10}";

} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The shipped examples are stored in canonical form: read → write gives the same bytes.
    void examplesAreCanonical_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("refined") << examplePath("api-gateway.gatehouse");
        QTest::newRow("base") << examplePath("api-gateway-base.gatehouse");
    }

    void examplesAreCanonical()
    {
        QFETCH(QString, path);
        const QByteArray bytes = readFile(path);
        QVERIFY(!bytes.isEmpty());
        const LoadResult loaded = ProjectFile::fromJson(bytes);
        for (const LoadProblem &p : loaded.problems)
            qWarning() << p.toString();
        QVERIFY(loaded.ok());
        QCOMPARE(QString::fromUtf8(ProjectFile::toJson(loaded.topology)), QString::fromUtf8(bytes));
    }

    void exampleHasTheSeedScenario()
    {
        const LoadResult loaded = ProjectFile::load(examplePath("api-gateway.gatehouse"));
        QVERIFY(loaded.ok());
        const Topology &t = loaded.topology;
        for (const char *id : {"web", "mobile", "partner", "gateway", "auth", "order", "inventory", "payment",
                               "notification", "redis", "kafka"})
            QVERIFY2(t.node(QLatin1String(id)), id);
        QCOMPARE(t.nodesOfKind(NodeKind::DbPostgres).size(), 5);
        QCOMPARE(t.node(QStringLiteral("order"))->role, ServiceRole::Order);
        const Edge *payment = t.edge(QStringLiteral("e-order-payment"));
        QVERIFY(payment);
        QCOMPARE(payment->fallback.mode, FallbackMode::Defer);
        QCOMPARE(payment->timeoutMs, 800);
    }

    void roundTripKeepsEveryField()
    {
        Topology t;
        t.name = QStringLiteral("Round trip ü");
        t.runSettings.kafkaBootstrap = QStringLiteral("broker:9092");
        Node n;
        n.id = QStringLiteral("svc");
        n.kind = NodeKind::Service;
        n.role = ServiceRole::Payment;
        n.lane = Lane::Data;
        n.position = QPointF(12.5, -3);
        n.size = QSizeF(100, 50);
        n.port = 9000;
        n.properties.insert(QStringLiteral("latencyMs"), 250);
        Node db;
        db.id = QStringLiteral("db");
        db.kind = NodeKind::DbPostgres;
        db.lane = Lane::Data;
        t.nodes = {n, db};
        Edge e;
        e.id = QStringLiteral("e1");
        e.kind = EdgeKind::Sync;
        e.source = QStringLiteral("svc");
        e.target = QStringLiteral("svc");
        Route r;
        r.method = QStringLiteral("POST");
        r.path = QStringLiteral("/x/{id}");
        r.visibility = RouteVisibility::Internal;
        r.auth = AuthMode::Admin;
        r.rateLimit = {5, 10};
        r.timeoutMs = 100;
        r.retries = 2;
        r.fallback = {FallbackMode::StaticResponse, 503, QStringLiteral("{}"), QStringLiteral("sorry")};
        e.routes = {r};
        e.waypoints = {QPointF(1, 2), QPointF(3, 4)};
        e.timeoutMs = 5;
        e.circuitBreaker = {false, 3, 1500, 2};
        Edge owns;
        owns.id = QStringLiteral("e2");
        owns.kind = EdgeKind::Owns;
        owns.source = QStringLiteral("svc");
        owns.target = QStringLiteral("db");
        Edge pub;
        pub.id = QStringLiteral("e3");
        pub.kind = EdgeKind::Publish;
        pub.source = QStringLiteral("svc");
        pub.target = QStringLiteral("svc");
        pub.topics = {{QStringLiteral("t.one"), 4, QStringLiteral("k")}};
        pub.consumerGroup = QStringLiteral("g");
        t.edges = {e, owns, pub};

        const LoadResult loaded = ProjectFile::fromJson(ProjectFile::toJson(t));
        QVERIFY(loaded.ok());
        Topology sorted = t;
        sorted.sortById();
        QCOMPARE(loaded.topology, sorted);
    }

    void saveIsAtomicAndReadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.gatehouse"));
        const LoadResult example = ProjectFile::load(examplePath("api-gateway.gatehouse"));
        QVERIFY(!ProjectFile::save(path, example.topology).has_value());
        QCOMPARE(ProjectFile::load(path).topology, example.topology);
        // Saving into a folder that does not exist fails with a message, not a crash.
        const std::optional<QString> error = ProjectFile::save(dir.filePath(QStringLiteral("nope/p.gatehouse")), example.topology);
        QVERIFY(error.has_value());
        QVERIFY(error->contains(QStringLiteral("nope")));
    }

    void oneNodeChangeIsASmallDiff()
    {
        const LoadResult example = ProjectFile::load(examplePath("api-gateway.gatehouse"));
        Topology changed = example.topology;
        changed.node(QStringLiteral("payment"))->name = QStringLiteral("Payments");
        const QList<QByteArray> before = ProjectFile::toJson(example.topology).split('\n');
        const QList<QByteArray> after = ProjectFile::toJson(changed).split('\n');
        QCOMPARE(before.size(), after.size());
        int differing = 0;
        for (int i = 0; i < before.size(); ++i)
            differing += before[i] != after[i] ? 1 : 0;
        QCOMPARE(differing, 1);
    }

    // A circuit breaker at its defaults is not written; each changed field is one line.
    void circuitBreakerDefaultsAreOmitted()
    {
        const LoadResult example = ProjectFile::load(examplePath("api-gateway.gatehouse"));
        QVERIFY(example.ok());
        const QByteArray before = ProjectFile::toJson(example.topology);
        QVERIFY(!before.contains("circuitBreaker"));

        Topology changed = example.topology;
        Edge *inventory = changed.edge(QStringLiteral("e-gateway-inventory"));
        QVERIFY(inventory);
        inventory->circuitBreaker.openMs = 30000;
        const QByteArray once = ProjectFile::toJson(changed);
        QCOMPARE(once.split('\n').size(), before.split('\n').size() + 3); // "circuitBreaker": {, the key, }
        QVERIFY(once.contains("\"circuitBreaker\": {\n                \"openMs\": 30000\n            }"));

        inventory->circuitBreaker.failureThreshold = 2;
        const QByteArray twice = ProjectFile::toJson(changed);
        QCOMPARE(twice.split('\n').size(), once.split('\n').size() + 1);

        const LoadResult reloaded = ProjectFile::fromJson(twice);
        QVERIFY(reloaded.ok());
        const CircuitBreakerSettings expected { true, 2, 30000, 1 };
        QCOMPARE(reloaded.topology.edge(QStringLiteral("e-gateway-inventory"))->circuitBreaker, expected);

        // Back to the defaults: the object disappears again.
        inventory->circuitBreaker = {};
        QCOMPARE(ProjectFile::toJson(changed), before);
        // An explicit empty object (or defaults spelled out) loads and is written canonically.
        QByteArray spelled = twice;
        spelled.replace("\"failureThreshold\": 2", "\"failureThreshold\": 5, \"enabled\": true, \"halfOpenProbes\": 1");
        spelled.replace("\"openMs\": 30000", "\"openMs\": 5000");
        const LoadResult spelledOut = ProjectFile::fromJson(spelled);
        QVERIFY(spelledOut.ok());
        QCOMPARE(ProjectFile::toJson(spelledOut.topology), before);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");

        const QByteArray node = minimalNode;
        auto project = [&](const QByteArray &nodes, const QByteArray &edges = "[]") {
            return QByteArray("{\"formatVersion\":1,\"nodes\":") + nodes + ",\"edges\":" + edges + "}";
        };
        QTest::newRow("empty file") << QByteArray("") << "" << "empty";
        QTest::newRow("truncated") << QByteArray("{\"formatVersion\":1,\"nodes\":[") << "" << "not valid JSON (line 1";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "" << "one JSON object";
        QTest::newRow("no version") << QByteArray("{\"nodes\":[],\"edges\":[]}") << "formatVersion" << "does not look like";
        QTest::newRow("future version") << QByteArray("{\"formatVersion\":7,\"nodes\":[],\"edges\":[]}") << "formatVersion" << "newer Gatehouse";
        QTest::newRow("version as string") << QByteArray("{\"formatVersion\":\"1\",\"nodes\":[],\"edges\":[]}") << "formatVersion" << "whole number";
        QTest::newRow("nodes not array") << QByteArray("{\"formatVersion\":1,\"nodes\":{},\"edges\":[]}") << "nodes" << "must be an array";
        QTest::newRow("edges missing") << QByteArray("{\"formatVersion\":1,\"nodes\":[]}") << "edges" << "is missing";
        QTest::newRow("node not object") << project("[42]") << "nodes[0]" << "must be an object, not a number";
        QTest::newRow("node id missing") << project("[{\"kind\":\"service\"}]") << "nodes[0].id" << "is missing";
        QTest::newRow("bad id characters") << project("[{\"id\":\"a b\",\"kind\":\"service\"}]") << "nodes[0].id" << "not a valid id";
        QTest::newRow("duplicate id") << project("[" + node + "," + node + "]") << "nodes[1].id" << "used twice";
        QTest::newRow("unknown kind") << project("[{\"id\":\"a\",\"kind\":\"mainframe\"}]") << "nodes[0].kind" << "\"mainframe\" is not known";
        QTest::newRow("kind wrong type") << project("[{\"id\":\"a\",\"kind\":3}]") << "nodes[0].kind" << "must be a string, not a number";
        QTest::newRow("role on a client") << project("[{\"id\":\"a\",\"kind\":\"client.web\",\"role\":\"auth\"}]") << "nodes[0].role" << "applies to services only";
        QTest::newRow("huge coordinate") << project("[{\"id\":\"a\",\"kind\":\"service\",\"x\":1e300}]") << "nodes[0].x" << "must be between";
        QTest::newRow("negative size") << project("[{\"id\":\"a\",\"kind\":\"service\",\"width\":-5}]") << "nodes[0].width" << "must be between";
        QTest::newRow("port out of range") << project("[{\"id\":\"a\",\"kind\":\"service\",\"port\":70000}]") << "nodes[0].port" << "between 0 and 65535";
        QTest::newRow("fractional port") << project("[{\"id\":\"a\",\"kind\":\"service\",\"port\":80.5}]") << "nodes[0].port" << "whole number";
        QTest::newRow("unknown field") << project("[{\"id\":\"a\",\"kind\":\"service\",\"colour\":\"red\"}]") << "nodes[0].colour" << "not a field Gatehouse knows";
        QTest::newRow("nested property") << project("[{\"id\":\"a\",\"kind\":\"service\",\"properties\":{\"x\":{}}}]") << "nodes[0].properties.x" << "not an object";
        QTest::newRow("dangling edge source") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"ghost\",\"target\":\"a\"}]")
                                              << "edges[0].source" << "\"ghost\", which does not exist";
        QTest::newRow("edge id collides with node") << project("[" + node + "]", "[{\"id\":\"a\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\"}]")
                                                    << "edges[0].id" << "used twice";
        QTest::newRow("route path without slash") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\",\"routes\":[{\"method\":\"GET\",\"path\":\"orders\"}]}]")
                                                  << "edges[0].routes[0].path" << "must start with '/'";
        QTest::newRow("bad method") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\",\"routes\":[{\"method\":\"BREW\",\"path\":\"/\"}]}]")
                                    << "edges[0].routes[0].method" << "not an HTTP method";
        QTest::newRow("routes on an owns edge") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"owns\",\"source\":\"a\",\"target\":\"a\",\"routes\":[{\"method\":\"GET\",\"path\":\"/\"}]}]")
                                                << "edges[0].routes" << "only sync edges carry routes";
        QTest::newRow("rate limit without window") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\",\"routes\":[{\"method\":\"GET\",\"path\":\"/\",\"rateLimit\":{\"requests\":5}}]}]")
                                                   << "edges[0].routes[0].rateLimit.windowSeconds" << "is missing";
        QTest::newRow("bad topic name") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"publish\",\"source\":\"a\",\"target\":\"a\",\"topics\":[{\"name\":\"a topic\"}]}]")
                                        << "edges[0].topics[0].name" << "not a valid Kafka topic name";
        QTest::newRow("too many partitions") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"publish\",\"source\":\"a\",\"target\":\"a\",\"topics\":[{\"name\":\"t\",\"partitions\":100000}]}]")
                                             << "edges[0].topics[0].partitions" << "between 1 and 1024";
        QTest::newRow("bad waypoint") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\",\"waypoints\":[[1]]}]")
                                      << "edges[0].waypoints[0]" << "pair of numbers";
        QTest::newRow("static fallback without status") << project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"sync\",\"source\":\"a\",\"target\":\"a\",\"fallback\":{\"mode\":\"static-response\"}}]")
                                                        << "edges[0].fallback.status" << "needs an HTTP status";
        auto breaker = [&](const QByteArray &kind, const QByteArray &settings) {
            return project("[" + node + "]", "[{\"id\":\"e\",\"kind\":\"" + kind
                    + "\",\"source\":\"a\",\"target\":\"a\",\"circuitBreaker\":" + settings + "}]");
        };
        QTest::newRow("breaker on a publish edge") << breaker("publish", "{\"failureThreshold\":3}")
                                                   << "edges[0].circuitBreaker" << "only sync edges carry a circuit breaker";
        QTest::newRow("breaker not an object") << breaker("sync", "5") << "edges[0].circuitBreaker" << "must be an object, not a number";
        QTest::newRow("breaker threshold zero") << breaker("sync", "{\"failureThreshold\":0}")
                                                << "edges[0].circuitBreaker.failureThreshold" << "is 0; it must be between 1 and 1000";
        QTest::newRow("breaker open too short") << breaker("sync", "{\"openMs\":50}")
                                                << "edges[0].circuitBreaker.openMs" << "is 50; it must be between 100 and 3600000";
        QTest::newRow("breaker fractional probes") << breaker("sync", "{\"halfOpenProbes\":1.5}")
                                                   << "edges[0].circuitBreaker.halfOpenProbes" << "must be a whole number, not 1.5";
        QTest::newRow("breaker too many probes") << breaker("sync", "{\"halfOpenProbes\":101}")
                                                 << "edges[0].circuitBreaker.halfOpenProbes" << "between 1 and 100";
        QTest::newRow("breaker switch as string") << breaker("sync", "{\"enabled\":\"no\"}")
                                                  << "edges[0].circuitBreaker.enabled" << "must be true or false, not a string";
        QTest::newRow("breaker unknown field") << breaker("sync", "{\"threshold\":3}")
                                               << "edges[0].circuitBreaker.threshold" << "not a field Gatehouse knows";
        QTest::newRow("password in DSN") << QByteArray("{\"formatVersion\":1,\"nodes\":[],\"edges\":[],\"runSettings\":{\"postgresDsn\":\"host=x password=hunter2\"}}")
                                         << "runSettings.postgresDsn" << "contains a password";
        QTest::newRow("password in redis url") << QByteArray("{\"formatVersion\":1,\"nodes\":[],\"edges\":[],\"runSettings\":{\"redisUrl\":\"redis://u:secret@h:6379\"}}")
                                               << "runSettings.redisUrl" << "contains a password";
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        const LoadResult result = ProjectFile::fromJson(json);
        QVERIFY(!result.ok());
        QVERIFY(result.topology.nodes.isEmpty());
        bool found = false;
        for (const LoadProblem &p : result.problems)
            found = found || (p.path == path && p.message.contains(messagePart));
        if (!found) {
            for (const LoadProblem &p : result.problems)
                qWarning() << "got:" << p.toString();
        }
        QVERIFY2(found, qPrintable(path + QStringLiteral(": ") + messagePart));
    }

    void reportsEveryProblemNotJustTheFirst()
    {
        const QByteArray json = "{\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"x\"},{\"id\":\"b\",\"kind\":\"y\"}],\"edges\":[]}";
        QCOMPARE(ProjectFile::fromJson(json).problems.size(), 2);
    }

    void missingFileIsAClearError()
    {
        const LoadResult result = ProjectFile::load(QStringLiteral("/nonexistent/x.gatehouse"));
        QVERIFY(!result.ok());
        QVERIFY(result.problems.first().message.contains(QStringLiteral("Cannot open")));
    }

    void deepNestingDoesNotCrash()
    {
        QByteArray json = "{\"formatVersion\":1,\"nodes\":[],\"edges\":[],\"x\":";
        json += QByteArray(100000, '[');
        json += QByteArray(100000, ']');
        json += '}';
        QVERIFY(!ProjectFile::fromJson(json).ok());
    }
};

QTEST_APPLESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
