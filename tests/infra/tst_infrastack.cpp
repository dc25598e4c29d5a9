// The whole infrastructure of a topology: the plan derived from the diagram, the embedded
// stack (cold and warm start, secrets reused, migrations once) and external mode against
// servers started separately.
#include "infra/infrastack.h"
#include "infra/kafkamockcluster.h"
#include "infra/pgconnection.h"
#include "infra/portallocator.h"
#include "infra/postgrescluster.h"
#include "infra/processtools.h"
#include "infra/redisserver.h"
#include "model/projectfile.h"
#include "secrets/filesecretstore.h"
#include "secrets/secretkeys.h"
#include "testdirs.h"

#include "model/credentialscope.h"

#include <QtTest>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

Topology example()
{
    const LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    return loaded.topology;
}

} // namespace

class TestInfraStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planFromExample();
    void planRefusesSharedDatabase();
    void planMergesTopics();
    void embeddedColdAndWarm();
    void externalMode();
    void rootRelocatesUnreachableCluster();
};

void TestInfraStack::planFromExample()
{
    const Topology topology = example();
    QVERIFY(!topology.nodes.isEmpty());
    QString error;
    const auto plan = InfraPlan::fromTopology(topology, &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->postgres && plan->redis && plan->kafka);
    QCOMPARE(plan->databases.size(), 5);
    const InfraPlan::Database *order = plan->databaseOf("order");
    QVERIFY(order);
    QCOMPARE(order->dbNodeId, QString("order-db"));
    QCOMPARE(order->database, QString("orders")); // the node's "database" property
    QCOMPARE(order->role, QString("svc_order"));
    QStringList topicNames;
    for (const Topic &t : plan->topics) {
        topicNames << t.name;
        QCOMPARE(t.partitions, 3);
    }
    QCOMPARE(topicNames,
        (QStringList { "order.cancelled", "order.confirmed", "order.created", "payment.completed", "payment.failed",
            "payment.requested" }));
    const StackSecretSpec spec = plan->secretSpec(topology);
    QVERIFY(spec.jwtSigningKey && spec.redisPassword);
    QCOMPARE(spec.postgresRoles,
        (QStringList { "svc_auth", "svc_inventory", "svc_notification", "svc_order", "svc_payment" }));
    QCOMPARE(spec.partnerIds, QStringList { "partner" });
}

void TestInfraStack::planRefusesSharedDatabase()
{
    Topology topology = example();
    Edge shared;
    shared.id = "e-payment-owns-order-db";
    shared.kind = EdgeKind::Owns;
    shared.source = "payment";
    shared.target = "order-db";
    // payment already owns payment-db: drop that edge so the shared one is the only problem.
    topology.edges.removeIf([](const Edge &e) { return e.kind == EdgeKind::Owns && e.source == "payment"; });
    topology.edges << shared;
    QString error;
    QVERIFY(!InfraPlan::fromTopology(topology, &error));
    QVERIFY2(error.contains("order-db is owned by two services"), qPrintable(error));
}

void TestInfraStack::planMergesTopics()
{
    Topology topology;
    auto node = [](const QString &id, NodeKind kind) {
        Node n;
        n.id = id;
        n.kind = kind;
        return n;
    };
    auto edge = [](const QString &id, EdgeKind kind, const QString &source, const QString &target) {
        Edge e;
        e.id = id;
        e.kind = kind;
        e.source = source;
        e.target = target;
        return e;
    };
    topology.nodes << node("a", NodeKind::Service) << node("k", NodeKind::BusKafka);
    Edge pub = edge("p", EdgeKind::Publish, "a", "k");
    pub.topics = { { "t1", 2, {} }, { "t2", 0, {} } };
    Edge sub = edge("s", EdgeKind::Subscribe, "k", "a");
    sub.topics = { { "t1", 5, {} }, { "t3", 1, {} } };
    topology.edges << pub << sub;
    QString error;
    const auto plan = InfraPlan::fromTopology(topology, &error);
    QVERIFY(plan);
    QCOMPARE(plan->topics, (QList<Topic> { { "t1", 5, {} }, { "t2", 1, {} }, { "t3", 1, {} } }));
    QVERIFY(!plan->postgres);
    QVERIFY(!plan->redis);
}

void TestInfraStack::embeddedColdAndWarm()
{
    const Topology topology = example();
    TestDir dir;
    FileSecretStore store(dir.filePath("secrets.json"));
    InfraStackOptions options;
    options.stackId = "tst-stack";
    options.dataDir = dir.filePath("stack");
    options.postgresTemplateDir = dir.filePath("cache/pg-template");
    options.migrations.insert("order", { Migration { 1, "orders", "CREATE TABLE orders (id bigserial PRIMARY KEY)" } });
    QStringList progress;
    options.progress = [&](const QString &part, const QString &message) { progress << part + ": " + message; };

    QString error;
    int pgPort = 0, redisPort = 0;
    {
        InfraStack stack(topology, store, options);
        QVERIFY2(stack.start(&error), qPrintable(error));
        QVERIFY(stack.timings().coldStart);
        QVERIFY(!stack.timings().fromTemplate);
        QVERIFY(QFile::exists(dir.filePath("cache/pg-template/PG_VERSION"))); // made for next time
        QCOMPARE(stack.secrets().generatedCount(), 1 + 1 + 5 + 1); // jwt, redis, roles, partner
        const InfraEndpoints &ep = stack.endpoints();
        QCOMPARE(ep.databases.size(), 5);
        const PostgresAccess order = ep.databases.value("order");
        QCOMPARE(order.database, QString("orders"));
        QCOMPARE(order.user, QString("svc_order"));
        QCOMPARE(order.password, stack.secrets().postgresRolePassword("svc_order"));
        pgPort = order.endpoint.port;
        PgConnection c;
        QVERIFY2(
            c.open(PgConnection::conninfo("127.0.0.1", pgPort, order.database, order.user, order.password), &error),
            qPrintable(error));
        QCOMPARE(MigrationRunner::appliedVersions(c, &error), QList<int> { 1 });
        // Cross-service access is refused.
        const PostgresAccess auth = ep.databases.value("auth");
        PgConnection cross;
        QVERIFY(
            !cross.open(PgConnection::conninfo("127.0.0.1", pgPort, order.database, auth.user, auth.password), &error));
        QVERIFY2(error.contains("permission denied for database"), qPrintable(error));

        QVERIFY(ep.redis);
        redisPort = ep.redis->endpoint.port;
        QVERIFY2(RedisServer::ping("127.0.0.1", redisPort, ep.redis->password, &error), qPrintable(error));
        QVERIFY(ep.kafka);
        QVERIFY2(KafkaMockCluster::waitForTopics(ep.kafka->bootstrapServers, stack.plan().topics, 5000, &error),
            qPrintable(error));
        QVERIFY(progress.contains("infra: ready"));
        // Secrets stay out of the data dir's logs.
        stack.stop();
        QVERIFY(stack.endpoints().databases.isEmpty());
        QVERIFY(!PortAllocator::isListening(pgPort));
        QVERIFY(!PortAllocator::isListening(redisPort));
        QVERIFY(ProcessTools::processesWithCwd(dir.filePath("stack/postgres/data")).isEmpty());
        QFile log(dir.filePath("stack/postgres/server.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(order.password.toUtf8()));
    }

    // Warm start: same secrets, no initdb, migrations not applied again.
    InfraStack stack(topology, store, options);
    QVERIFY2(stack.start(&error), qPrintable(error));
    QVERIFY(!stack.timings().coldStart);
    QCOMPARE(stack.secrets().generatedCount(), 0);
    const PostgresAccess order = stack.endpoints().databases.value("order");
    PgConnection c;
    QVERIFY2(
        c.open(PgConnection::conninfo("127.0.0.1", order.endpoint.port, order.database, order.user, order.password),
            &error),
        qPrintable(error));
    QCOMPARE(MigrationRunner::appliedVersions(c, &error), QList<int> { 1 });
}

void TestInfraStack::externalMode()
{
    // "External" servers, started here the way an operator would run them.
    TestDir dir;
    QString error;
    PostgresClusterOptions pgOptions;
    pgOptions.dataDir = dir.filePath("ext/pg");
    PostgresCluster pg(pgOptions);
    QVERIFY2(pg.start(&error), qPrintable(error));
    {
        PgConnection admin;
        QVERIFY2(admin.open(pg.adminConninfo(), &error), qPrintable(error));
        QVERIFY2(admin.exec("CREATE ROLE ext_admin LOGIN CREATEROLE CREATEDB PASSWORD 'ext-admin-pw'", &error),
            qPrintable(error));
    }
    RedisServerOptions redisOptions;
    redisOptions.dataDir = dir.filePath("ext/redis");
    redisOptions.password = "ext-redis-pw";
    RedisServer redis(redisOptions);
    QVERIFY2(redis.start(&error), qPrintable(error));
    KafkaMockCluster kafka;
    QList<Topic> topics;
    Topology topology = example();
    const auto plan = InfraPlan::fromTopology(topology, &error);
    QVERIFY(plan);
    QVERIFY2(kafka.start(plan->topics, &error), qPrintable(error));

    topology.runSettings.postgresDsn
        = QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=ext_admin").arg(pg.port());
    topology.runSettings.redisUrl = QStringLiteral("redis://127.0.0.1:%1/2").arg(redis.port());
    topology.runSettings.kafkaBootstrap = kafka.bootstrapServers();

    FileSecretStore store(dir.filePath("secrets.json"));
    // User-entered credentials live under the project's scope (as the app's Settings dialog
    // writes them), not under the stack id of the generated secrets.
    const QString scope = projectCredentialScope(dir.filePath("shop.gatehouse"));
    QVERIFY(store.write(SecretKeys::externalPostgresPassword(scope), "ext-admin-pw", &error));
    QVERIFY(store.write(SecretKeys::externalRedisPassword(scope), "ext-redis-pw", &error));
    InfraStackOptions options;
    options.stackId = "ext";
    options.credentialScope = scope;
    options.dataDir = dir.filePath("stack");
    {
        InfraStack stack(topology, store, options);
        QVERIFY2(stack.start(&error), qPrintable(error));
        QVERIFY(!stack.postgres() && !stack.redis() && !stack.kafka());
        const PostgresAccess order = stack.endpoints().databases.value("order");
        QCOMPARE(order.endpoint.port, pg.port());
        PgConnection c;
        QVERIFY2(
            c.open(PgConnection::conninfo("127.0.0.1", pg.port(), order.database, order.user, order.password), &error),
            qPrintable(error));
        const PostgresAccess auth = stack.endpoints().databases.value("auth");
        PgConnection cross;
        QVERIFY(!cross.open(
            PgConnection::conninfo("127.0.0.1", pg.port(), order.database, auth.user, auth.password), &error));
        QCOMPARE(stack.endpoints().redis->endpoint.port, redis.port());
        QCOMPARE(stack.endpoints().redis->database, 2);
        QCOMPARE(stack.endpoints().kafka->bootstrapServers, kafka.bootstrapServers());
        stack.stop();
        // Stopping the stack leaves external servers alone.
        QVERIFY(pg.isRunning());
        QVERIFY(redis.isRunning());
    }
    // A wrong external password is a clear error.
    QVERIFY(store.write(SecretKeys::externalRedisPassword(scope), "wrong", &error));
    InfraStack stack(topology, store, options);
    QVERIFY(!stack.start(&error));
    QVERIFY2(error.contains("does not answer AUTH + PING"), qPrintable(error));
}

void TestInfraStack::rootRelocatesUnreachableCluster()
{
    if (!ProcessTools::runningAsRoot())
        QSKIP("only root runs PostgreSQL as another user");
    TestDir dir;
    // A data dir the postgres user cannot enter, like root's home.
    QVERIFY(QDir().mkpath(dir.filePath("home")));
    QVERIFY(QFile::setPermissions(
        dir.filePath("home"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    Topology topology;
    Node svc;
    svc.id = "svc";
    svc.kind = NodeKind::Service;
    Node db;
    db.id = "svc-db";
    db.kind = NodeKind::DbPostgres;
    Edge owns;
    owns.id = "owns";
    owns.kind = EdgeKind::Owns;
    owns.source = "svc";
    owns.target = "svc-db";
    topology.nodes << svc << db;
    topology.edges << owns;

    FileSecretStore store(dir.filePath("secrets.json"));
    InfraStackOptions options;
    options.stackId = "root-test";
    options.dataDir = dir.filePath("home/stack");
    options.postgresTemplateDir.clear();
    options.rootPostgresDir = dir.filePath("var-lib-gatehouse");
    QStringList progress;
    options.progress = [&](const QString &part, const QString &message) { progress << part + ": " + message; };
    InfraStack stack(topology, store, options);
    QString error;
    QVERIFY2(stack.start(&error), qPrintable(error));
    QVERIFY(stack.postgres()->dataDir().startsWith(options.rootPostgresDir));
    QVERIFY(std::any_of(progress.begin(), progress.end(),
        [](const QString &line) { return line.contains("the postgres user cannot enter the data dir"); }));
    const PostgresAccess access = stack.endpoints().databases.value("svc");
    PgConnection c;
    QVERIFY2(
        c.open(PgConnection::conninfo("127.0.0.1", access.endpoint.port, access.database, access.user, access.password),
            &error),
        qPrintable(error));
}

QTEST_GUILESS_MAIN(TestInfraStack)
#include "tst_infrastack.moc"
