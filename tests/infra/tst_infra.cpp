// Embedded infrastructure against the real servers: PostgreSQL 15 (cold/warm start, per-service
// databases and roles, migrations, crash recovery, errors), redis-server and the Kafka mock.
#include "infra/kafkaclientconfig.h"
#include "infra/kafkamockcluster.h"
#include "infra/migrationrunner.h"
#include "infra/pgconnection.h"
#include "infra/portallocator.h"
#include "infra/postgrescluster.h"
#include "infra/postgresprovisioner.h"
#include "infra/processtools.h"
#include "infra/redisserver.h"
#include "testdirs.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>
#include <csignal>
#include <librdkafka/rdkafka.h>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

PostgresClusterOptions pgOptions(const TestDir &dir)
{
    PostgresClusterOptions options;
    options.dataDir = dir.filePath(QStringLiteral("pg/data"));
    options.socketDir = dir.filePath(QStringLiteral("pg/run"));
    options.logFile = dir.filePath(QStringLiteral("pg/server.log"));
    return options;
}

bool connectAs(const QString &role, const QString &password, const QString &database, int port, QString *error)
{
    PgConnection c;
    return c.open(PgConnection::conninfo(QStringLiteral("127.0.0.1"), port, database, role, password), error)
        && c.exec(QStringLiteral("SELECT 1"), error);
}

} // namespace

class TestInfra : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portAllocator();

    void postgresColdWarmAndIsolation();
    void postgresMigrations();
    void postgresStalePidRecovery();
    void postgresOrphanedServerRecovery();
    void postgresTakenPort();
    void postgresMissingBinaries();
    void postgresUnwritableDataDir();

    void redisPasswordAndNoPersistence();
    void redisMissingBinary();
    void redisTakenPort();

    void kafkaTopicsAndPartitions();
    void kafkaProduceConsume();
    void kafkaBrokerDownUp();
};

void TestInfra::portAllocator()
{
    const int port = PortAllocator::pickFreePort();
    QVERIFY(port > 1024);
    QVERIFY(PortAllocator::isPortFree(port));
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, quint16(port)));
    QVERIFY(!PortAllocator::isPortFree(port));
    QVERIFY(PortAllocator::isListening(port));
    server.close();
    QVERIFY(!PortAllocator::isListening(port));
}

void TestInfra::postgresColdWarmAndIsolation()
{
    TestDir dir;
    QVERIFY(dir.isValid());
    const QString alphaPw = QStringLiteral("alpha-secret-1"), betaPw = QStringLiteral("beta'secret\\2");
    QString error;
    int firstPort = 0;
    {
        PostgresCluster cluster(pgOptions(dir));
        QVERIFY2(cluster.start(&error), qPrintable(error));
        QVERIFY(cluster.initializedOnLastStart());
        QVERIFY(cluster.port() > 0);
        firstPort = cluster.port();
        if (ProcessTools::runningAsRoot()) {
            // The server runs as the postgres system user, never as root.
            QFile status(QStringLiteral("/proc/%1/status").arg(cluster.postmasterPid()));
            QVERIFY(status.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(status.readAll());
            const auto pg = ProcessTools::lookupUser(QStringLiteral("postgres"));
            QVERIFY(pg);
            QVERIFY2(text.contains(QStringLiteral("Uid:\t%1\t").arg(pg->uid)), qPrintable(text));
        }
        PgConnection admin;
        QVERIFY2(admin.open(cluster.adminConninfo(), &error), qPrintable(error));
        QVERIFY2(
            PostgresProvisioner::ensureDatabase(admin, "alpha_db", "svc_alpha", alphaPw, &error), qPrintable(error));
        QVERIFY2(PostgresProvisioner::ensureDatabase(admin, "beta_db", "svc_beta", betaPw, &error), qPrintable(error));
        QVERIFY2(
            PostgresProvisioner::revokePublicConnect(admin, { "postgres", "template1" }, &error), qPrintable(error));
        // Idempotent.
        QVERIFY2(
            PostgresProvisioner::ensureDatabase(admin, "alpha_db", "svc_alpha", alphaPw, &error), qPrintable(error));
        cluster.stop();
        QVERIFY(!cluster.isRunning());
        QVERIFY(!PortAllocator::isListening(firstPort));
        QVERIFY(ProcessTools::processesWithCwd(dir.filePath("pg/data")).isEmpty());
        QVERIFY(!QFile::exists(dir.filePath("pg/data/postmaster.pid")));
    }

    // Warm start: no initdb, data kept.
    PostgresCluster cluster(pgOptions(dir));
    QVERIFY2(cluster.start(&error), qPrintable(error));
    QVERIFY(!cluster.initializedOnLastStart());
    const int port = cluster.port();

    // Each role reaches its own database...
    QVERIFY2(connectAs("svc_alpha", alphaPw, "alpha_db", port, &error), qPrintable(error));
    QVERIFY2(connectAs("svc_beta", betaPw, "beta_db", port, &error), qPrintable(error));
    // ...and is refused on the other's, on the default databases and with a wrong password.
    QVERIFY(!connectAs("svc_alpha", alphaPw, "beta_db", port, &error));
    QVERIFY2(error.contains("permission denied for database"), qPrintable(error));
    QVERIFY(!connectAs("svc_beta", betaPw, "alpha_db", port, &error));
    QVERIFY2(error.contains("permission denied for database"), qPrintable(error));
    QVERIFY(!connectAs("svc_alpha", alphaPw, "postgres", port, &error));
    QVERIFY2(error.contains("permission denied for database"), qPrintable(error));
    QVERIFY(!connectAs("svc_alpha", betaPw, "alpha_db", port, &error));
    QVERIFY2(error.contains("password authentication failed"), qPrintable(error));
    // The superuser cannot log in over TCP, only over the private socket.
    QVERIFY(!connectAs(PostgresCluster::Superuser, QString(), "postgres", port, &error));
    // The role password is stored as a SCRAM verifier.
    PgConnection admin;
    QVERIFY2(admin.open(cluster.adminConninfo(), &error), qPrintable(error));
    QList<QStringList> rows;
    QVERIFY2(admin.query("SELECT rolpassword FROM pg_authid WHERE rolname = $1", { "svc_alpha" }, &rows, &error),
        qPrintable(error));
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.first().first().startsWith("SCRAM-SHA-256$"));
}

void TestInfra::postgresMigrations()
{
    TestDir dir;
    QString error;
    PostgresCluster cluster(pgOptions(dir));
    QVERIFY2(cluster.start(&error), qPrintable(error));
    PgConnection admin;
    QVERIFY2(admin.open(cluster.adminConninfo(), &error), qPrintable(error));
    QVERIFY2(PostgresProvisioner::ensureDatabase(admin, "orders", "svc_order", "pw-order", &error), qPrintable(error));

    // Migrations from a folder, as services ship them.
    TestDir migrationsDir;
    auto writeFile = [&](const QString &name, const QByteArray &sql) {
        QFile f(migrationsDir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sql);
    };
    writeFile("002_add_status.sql", "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';");
    writeFile("001_create_orders.sql", "CREATE TABLE orders (id bigserial PRIMARY KEY, total numeric NOT NULL);");
    QList<Migration> migrations;
    QVERIFY2(MigrationRunner::loadFolder(migrationsDir.path(), &migrations, &error), qPrintable(error));
    QCOMPARE(migrations.size(), 2);
    QCOMPARE(migrations.at(0).version, 1);
    QCOMPARE(migrations.at(0).name, QString("create_orders"));

    PgConnection svc;
    QVERIFY2(svc.open(PgConnection::conninfo("127.0.0.1", cluster.port(), "orders", "svc_order", "pw-order"), &error),
        qPrintable(error));
    const int applied = MigrationRunner::apply(svc, migrations, &error);
    QVERIFY2(applied == 2, qPrintable(error));
    QCOMPARE(MigrationRunner::apply(svc, migrations, &error), 0);
    QCOMPARE(MigrationRunner::appliedVersions(svc, &error), (QList<int> { 1, 2 }));
    QVERIFY2(svc.exec("INSERT INTO orders (total) VALUES (10)", &error), qPrintable(error));
    // The tables belong to the service's role.
    QList<QStringList> rows;
    QVERIFY(svc.query("SELECT tableowner FROM pg_tables WHERE tablename = 'orders'", {}, &rows, &error));
    QCOMPARE(rows.value(0).value(0), QString("svc_order"));

    // A failing migration rolls back entirely and is not recorded; the next run retries it.
    QList<Migration> more = migrations;
    more << Migration { 3, "broken", "CREATE TABLE half_done (id int); SELECT no_such_function();" };
    QCOMPARE(MigrationRunner::apply(svc, more, &error), -1);
    QVERIFY2(error.contains("Migration 3 (broken)"), qPrintable(error));
    QCOMPARE(MigrationRunner::appliedVersions(svc, &error), (QList<int> { 1, 2 }));
    QVERIFY(svc.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'", {}, &rows, &error));
    QVERIFY(rows.isEmpty());
    more.last().sql = "CREATE TABLE half_done (id int);";
    QCOMPARE(MigrationRunner::apply(svc, more, &error), 1);

    // Out-of-order versions are refused before anything runs.
    QCOMPARE(
        MigrationRunner::apply(svc, { Migration { 5, "a", "SELECT 1" }, Migration { 4, "b", "SELECT 1" } }, &error),
        -1);

    // Malformed file names are refused.
    writeFile("abc.sql", "SELECT 1;");
    QVERIFY(!MigrationRunner::loadFolder(migrationsDir.path(), &migrations, &error));
    QVERIFY2(error.contains("abc.sql"), qPrintable(error));
}

void TestInfra::postgresStalePidRecovery()
{
    TestDir dir;
    QString error;
    qint64 killedPid = 0;
    {
        PostgresCluster cluster(pgOptions(dir));
        QVERIFY2(cluster.start(&error), qPrintable(error));
        killedPid = cluster.postmasterPid();
        QVERIFY(killedPid > 0);
        // Keep a backend busy so it outlives the postmaster for a moment.
        PgConnection admin;
        QVERIFY2(admin.open(cluster.adminConninfo(), &error), qPrintable(error));
        QCOMPARE(::kill(pid_t(killedPid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!cluster.isRunning(), 10000);
    } // the object goes away like a crashed supervisor's would
    QVERIFY(QFile::exists(dir.filePath("pg/data/postmaster.pid")));

    PostgresCluster again(pgOptions(dir));
    QVERIFY2(again.start(&error), qPrintable(error));
    QVERIFY(!again.initializedOnLastStart());
    QVERIFY(again.postmasterPid() != killedPid);
    PgConnection admin;
    QVERIFY2(admin.open(again.adminConninfo(), &error), qPrintable(error));
    QVERIFY2(admin.exec("SELECT 1", &error), qPrintable(error));
}

void TestInfra::postgresOrphanedServerRecovery()
{
    // A postmaster that outlived its supervisor (started detached, so no parent-death signal)
    // still runs on the data dir: the next start must stop it and take over.
    TestDir dir;
    QString error;
    {
        PostgresCluster cluster(pgOptions(dir));
        QVERIFY2(cluster.start(&error), qPrintable(error));
    }
    const PostgresClusterOptions options = pgOptions(dir);
    const int orphanPort = PortAllocator::pickFreePort();
    QStringList args { options.binDir + "/postgres", "-D", options.dataDir, "-p", QString::number(orphanPort), "-k",
        options.socketDir };
    QString program = args.takeFirst();
    if (ProcessTools::runningAsRoot()) {
        args.prepend(program);
        args.prepend("--");
        args.prepend("postgres");
        args.prepend("-u");
        program = "runuser";
    }
    qint64 launcherPid = 0;
    QVERIFY(QProcess::startDetached(program, args, options.dataDir, &launcherPid));
    const QString socketConninfo
        = PgConnection::conninfo(options.socketDir, orphanPort, "postgres", PostgresCluster::Superuser);
    QTRY_VERIFY_WITH_TIMEOUT(PgConnection().open(socketConninfo, &error), 20000);
    const QList<qint64> orphans = ProcessTools::processesWithCwd(options.dataDir);
    QVERIFY(!orphans.isEmpty());

    PostgresCluster cluster(options);
    QVERIFY2(cluster.start(&error), qPrintable(error));
    QVERIFY(!cluster.initializedOnLastStart());
    for (qint64 pid : orphans)
        QVERIFY2(!ProcessTools::isAlive(pid) || pid == cluster.postmasterPid(), qPrintable(QString::number(pid)));
    QVERIFY(!PortAllocator::isListening(orphanPort) || orphanPort == cluster.port());
    PgConnection admin;
    QVERIFY2(admin.open(cluster.adminConninfo(), &error), qPrintable(error));
}

void TestInfra::postgresTakenPort()
{
    TestDir dir;
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    PostgresClusterOptions options = pgOptions(dir);
    options.port = blocker.serverPort();
    PostgresCluster cluster(options);
    QString error;
    QVERIFY(!cluster.start(&error));
    QVERIFY2(error.contains(QStringLiteral("Port %1 for PostgreSQL is already in use").arg(options.port)),
        qPrintable(error));
    QVERIFY(!cluster.isRunning());
}

void TestInfra::postgresMissingBinaries()
{
    TestDir dir;
    PostgresClusterOptions options = pgOptions(dir);
    options.binDir = dir.filePath("no-such-postgres/bin");
    PostgresCluster cluster(options);
    QString error;
    QVERIFY(!cluster.start(&error));
    QVERIFY2(error.contains("PostgreSQL 15 server binaries are missing"), qPrintable(error));
    QVERIFY2(error.contains("apt-get install postgresql-15"), qPrintable(error));
}

void TestInfra::postgresUnwritableDataDir()
{
    TestDir dir;
    // A regular file where a folder should be: not writable for any user, root included.
    QFile blocker(dir.filePath("occupied"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    PostgresClusterOptions options;
    options.dataDir = dir.filePath("occupied/pg/data");
    PostgresCluster cluster(options);
    QString error;
    QVERIFY(!cluster.start(&error));
    QVERIFY2(error.contains("is not writable"), qPrintable(error));

    if (!ProcessTools::runningAsRoot()) {
        QDir().mkpath(dir.filePath("readonly"));
        QFile::setPermissions(dir.filePath("readonly"), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        PostgresClusterOptions ro;
        ro.dataDir = dir.filePath("readonly/data");
        PostgresCluster roCluster(ro);
        QVERIFY(!roCluster.start(&error));
        QVERIFY2(error.contains("is not writable"), qPrintable(error));
        QFile::setPermissions(
            dir.filePath("readonly"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
}

void TestInfra::redisPasswordAndNoPersistence()
{
    TestDir dir;
    RedisServerOptions options;
    options.dataDir = dir.filePath("redis");
    options.password = QStringLiteral("r3dis-Pass_word");
    RedisServer redis(options);
    QString error;
    QVERIFY2(redis.start(&error), qPrintable(error));
    const int port = redis.port();
    QVERIFY(port > 0);
    QVERIFY2(RedisServer::ping(redis.host(), port, options.password, &error), qPrintable(error));
    // Unauthenticated and wrongly authenticated clients are refused.
    QVERIFY(!RedisServer::ping(redis.host(), port, QString(), &error));
    QVERIFY2(error.contains("NOAUTH"), qPrintable(error));
    QVERIFY(!RedisServer::ping(redis.host(), port, QStringLiteral("wrong"), &error));
    // The password is not on the command line.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(redis.pid()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(!cmdline.readAll().contains(options.password.toUtf8()));

    redis.stop();
    QVERIFY(!redis.isRunning());
    QVERIFY(!PortAllocator::isListening(port));
    // No persistence: no RDB or AOF files, and the password was never written to disk.
    const QStringList files = QDir(options.dataDir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(files, QStringList { "redis.log" });
    QFile log(dir.filePath("redis/redis.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(!log.readAll().contains(options.password.toUtf8()));
}

void TestInfra::redisMissingBinary()
{
    TestDir dir;
    RedisServerOptions options;
    options.executable = dir.filePath("bin/redis-server");
    options.dataDir = dir.filePath("redis");
    options.password = "x";
    RedisServer redis(options);
    QString error;
    QVERIFY(!redis.start(&error));
    QVERIFY2(error.contains("redis-server is missing"), qPrintable(error));
}

void TestInfra::redisTakenPort()
{
    TestDir dir;
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    RedisServerOptions options;
    options.dataDir = dir.filePath("redis");
    options.password = "x";
    options.port = blocker.serverPort();
    RedisServer redis(options);
    QString error;
    QVERIFY(!redis.start(&error));
    QVERIFY2(
        error.contains(QStringLiteral("Port %1 for Redis is already in use").arg(options.port)), qPrintable(error));
}

void TestInfra::kafkaTopicsAndPartitions()
{
    KafkaMockCluster cluster;
    const QList<Topic> topics { { "order.created", 6, "orderId" }, { "payment.requested", 3, {} }, { "audit", 1, {} } };
    QString error;
    QVERIFY2(cluster.start(topics, &error), qPrintable(error));
    QVERIFY(!cluster.bootstrapServers().isEmpty());
    QVERIFY2(KafkaMockCluster::waitForTopics(cluster.bootstrapServers(), topics, 10000, &error), qPrintable(error));

    // Independent check with a plain librdkafka metadata call.
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    QCOMPARE(rd_kafka_conf_set(
                 conf, "bootstrap.servers", cluster.bootstrapServers().toUtf8().constData(), errstr, sizeof errstr),
        RD_KAFKA_CONF_OK);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    QVERIFY(rk);
    const rd_kafka_metadata_t *md = nullptr;
    QCOMPARE(rd_kafka_metadata(rk, 1, nullptr, &md, 5000), RD_KAFKA_RESP_ERR_NO_ERROR);
    QMap<QString, int> partitions;
    for (int i = 0; i < md->topic_cnt; ++i)
        partitions.insert(QString::fromUtf8(md->topics[i].topic), md->topics[i].partition_cnt);
    rd_kafka_metadata_destroy(md);
    rd_kafka_destroy(rk);
    QCOMPARE(partitions.value("order.created"), 6);
    QCOMPARE(partitions.value("payment.requested"), 3);
    QCOMPARE(partitions.value("audit"), 1);

    // A wrong expectation is reported, not waited for forever.
    QVERIFY(!KafkaMockCluster::waitForTopics(cluster.bootstrapServers(), { { "order.created", 12, {} } }, 300, &error));
    QVERIFY2(error.contains("has 6 partitions, 12 expected"), qPrintable(error));
    cluster.stop();
    QVERIFY(!cluster.isRunning());
}

void TestInfra::kafkaProduceConsume()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start({ { "orders", 2, {} } }, &error), qPrintable(error));
    KafkaAccess access;
    access.bootstrapServers = cluster.bootstrapServers();

    // The producer config carries no consumer-only properties; the consumer gets DESIGN §5's.
    const auto producerProps = KafkaClientConfig::properties(access, KafkaClientConfig::Role::Producer);
    const auto consumerProps = KafkaClientConfig::properties(access, KafkaClientConfig::Role::Consumer);
    QVERIFY(!producerProps.contains(qMakePair(QByteArray("session.timeout.ms"), QByteArray("6000"))));
    QVERIFY(consumerProps.contains(qMakePair(QByteArray("session.timeout.ms"), QByteArray("6000"))));
    QVERIFY(consumerProps.contains(qMakePair(QByteArray("heartbeat.interval.ms"), QByteArray("1000"))));
    QVERIFY(consumerProps.contains(qMakePair(QByteArray("fetch.wait.max.ms"), QByteArray("10"))));

    char errstr[256];
    rd_kafka_conf_t *pconf = KafkaClientConfig::makeConf(access, KafkaClientConfig::Role::Producer, &error);
    QVERIFY2(pconf, qPrintable(error));
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, errstr, sizeof errstr);
    QVERIFY2(producer, errstr);
    const QByteArray payload = "{\"orderId\":42}";
    QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("orders"), RD_KAFKA_V_KEY("42", 2),
                 RD_KAFKA_V_VALUE(const_cast<char *>(payload.constData()), size_t(payload.size())),
                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
        RD_KAFKA_RESP_ERR_NO_ERROR);
    QCOMPARE(rd_kafka_flush(producer, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(producer);

    rd_kafka_conf_t *cconf = KafkaClientConfig::makeConf(access, KafkaClientConfig::Role::Consumer, &error);
    QVERIFY2(cconf, qPrintable(error));
    QCOMPARE(rd_kafka_conf_set(cconf, "group.id", "tst-infra", errstr, sizeof errstr), RD_KAFKA_CONF_OK);
    QCOMPARE(rd_kafka_conf_set(cconf, "auto.offset.reset", "earliest", errstr, sizeof errstr), RD_KAFKA_CONF_OK);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, cconf, errstr, sizeof errstr);
    QVERIFY2(consumer, errstr);
    rd_kafka_poll_set_consumer(consumer);
    rd_kafka_topic_partition_list_t *subscription = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(subscription, "orders", RD_KAFKA_PARTITION_UA);
    QCOMPARE(rd_kafka_subscribe(consumer, subscription), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(subscription);
    QByteArray received;
    QDeadlineTimer deadline(20000);
    while (received.isEmpty() && !deadline.hasExpired()) {
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(consumer, 100);
        if (!msg)
            continue;
        if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            received = QByteArray(static_cast<const char *>(msg->payload), int(msg->len));
        rd_kafka_message_destroy(msg);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    QCOMPARE(received, payload);
}

void TestInfra::kafkaBrokerDownUp()
{
    KafkaMockCluster cluster;
    QString error;
    QVERIFY2(cluster.start({ { "events", 1, {} } }, &error), qPrintable(error));
    const QString bootstrap = cluster.bootstrapServers();
    QVERIFY2(cluster.setBrokersDown(&error), qPrintable(error));
    QVERIFY(!KafkaMockCluster::waitForTopics(bootstrap, { { "events", 1, {} } }, 1500, &error));
    QVERIFY2(cluster.setBrokersUp(&error), qPrintable(error));
    QVERIFY2(KafkaMockCluster::waitForTopics(bootstrap, { { "events", 1, {} } }, 10000, &error), qPrintable(error));
    QCOMPARE(cluster.bootstrapServers(), bootstrap);
}

QTEST_GUILESS_MAIN(TestInfra)
#include "tst_infra.moc"
