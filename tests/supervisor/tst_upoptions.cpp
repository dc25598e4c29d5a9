// `gatehouse-runtime up`'s run options (docs/runtime.md, "Ports" and "Trace sampling"), with the
// real embedded PostgreSQL, redis-server and Kafka mock cluster on ephemeral ports:
//  - --postgres-port / --redis-port / --kafka-port / --gateway-port: each part listens there;
//  - a taken infrastructure port is a clear error naming the port and the part, exit code 1,
//    nothing left running;
//  - --trace-sampling and the set-sampling command: the span stream carries whole traces of a
//    deterministic subset of trace ids, while the metrics still count every request;
//  - the stack plan: the diagram's gateway port wins over --gateway-port.
#include "cli/stackplan.h"
#include "control/tracesampling.h"
#include "infra/kafkamockcluster.h"
#include "runtimeclient/runtimeprocess.h"
#include "supervisor/portcheck.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

QJsonObject node(const char *id, const char *kind, int x, int y)
{
    return QJsonObject { { "id", id }, { "kind", kind }, { "name", id }, { "x", x }, { "y", y } };
}

// gateway → catalog (a generic service owning a database, using the cache, publishing a topic).
QByteArray project()
{
    QJsonObject catalog = node("catalog", "service", 0, 300);
    catalog.insert("role", "generic");
    QJsonObject catalogDb = node("catalog-db", "db.postgres", 0, 500);
    catalogDb.insert("properties", QJsonObject { { "database", "catalog" } });
    const QJsonArray nodes { node("gateway", "gateway", 0, 100), catalog, catalogDb,
        node("redis", "cache.redis", 300, 500), node("kafka", "bus.kafka", 0, 700) };
    const QJsonArray edges {
        QJsonObject { { "id", "e-gw-catalog" }, { "kind", "sync" }, { "source", "gateway" }, { "target", "catalog" },
            { "routes",
                QJsonArray { QJsonObject { { "method", "POST" }, { "path", "/catalog" }, { "auth", "none" } } } } },
        QJsonObject {
            { "id", "e-catalog-db" }, { "kind", "owns" }, { "source", "catalog" }, { "target", "catalog-db" } },
        QJsonObject { { "id", "e-catalog-cache" }, { "kind", "uses-cache" }, { "source", "catalog" },
            { "target", "redis" }, { "keyPrefix", "catalog:" } },
        QJsonObject { { "id", "e-catalog-pub" }, { "kind", "publish" }, { "source", "catalog" }, { "target", "kafka" },
            { "topics",
                QJsonArray { QJsonObject { { "name", "catalog.changed" }, { "partitions", 1 }, { "key", "id" } } } } }
    };
    return QJsonDocument(
        QJsonObject { { "formatVersion", 1 }, { "name", "options" }, { "nodes", nodes }, { "edges", edges } })
        .toJson();
}

// A fixed, reproducible trace id per request number.
QString traceIdOf(const QString &batch, int i)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((batch + QString::number(i)).toUtf8(), QCryptographicHash::Md5).toHex());
}

// POST /catalog through the gateway with our own traceparent, which the gateway continues.
int postWithTrace(int port, const QString &traceId)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(5000))
        return 0;
    const QByteArray body = "{}";
    socket.write("POST /catalog HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 "traceparent: 00-"
        + traceId.toLatin1() + "-00f067aa0ba902b7-01\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
        + body);
    QByteArray reply;
    QDeadlineTimer deadline(20000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(200);
        reply += socket.readAll();
    }
    reply += socket.readAll();
    if (!reply.startsWith("HTTP/1.1 "))
        return 0;
    return reply.mid(9, 3).toInt();
}

bool canConnect(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    return socket.waitForConnected(3000);
}

} // namespace

class TestUpOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;
    RuntimeProcess m_process;
    QHash<QString, int> m_forwarded; // trace id → spans the stream carried
    int m_postgresPort = 0, m_redisPort = 0, m_kafkaPort = 0, m_gatewayPort = 0;

    RuntimeClient *client() { return m_process.client(); }

    // A command's result; every message the server sent before it has been received then.
    QJsonObject command(const QString &name, const QJsonObject &args = {})
    {
        QSignalSpy finished(client(), &RuntimeClient::commandFinished);
        const int id = client()->sendCommand(name, args);
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            for (const QList<QVariant> &call : std::as_const(finished)) {
                if (call.at(0).toInt() == id)
                    return call.at(2).toJsonObject();
            }
            finished.wait(200);
        }
        return {};
    }

    int traceSize(const QString &traceId)
    {
        return int(command("trace", QJsonObject { { "traceId", traceId } }).value("spans").toArray().size());
    }

    // "count" of a node or edge in the latest metrics message.
    int count(const QString &group, const QString &id) const
    {
        return m_lastMetrics.value(group).toObject().value(id).toObject().value("count").toInt();
    }

    QJsonObject m_lastMetrics;

    // Sends one request per id; all must succeed.
    bool sendAll(const QStringList &ids)
    {
        for (const QString &id : ids) {
            const int status = postWithTrace(m_gatewayPort, id);
            if (status != 200) {
                qWarning() << "POST /catalog answered" << status;
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stackPlanGivesTheDefaultPortToAGatewayWithoutOne();
    void takenInfraPortIsAClearError_data();
    void takenInfraPortIsAClearError();
    void explicitPortsListenThere();
    void samplingForwardsWholeTracesOfADeterministicSubset();
    void setSamplingAppliesLive();
};

void TestUpOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (::geteuid() == 0) // PostgreSQL runs as `postgres`, which must reach its data dir
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther);
    m_projectFile = m_dir.filePath("options.gatehouse");
    QFile out(m_projectFile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(project());
}

void TestUpOptions::cleanupTestCase()
{
    if (m_process.isRunning()) {
        QSignalSpy finished(&m_process, &RuntimeProcess::finished);
        m_process.stop();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toInt(), 0);
    }
}

void TestUpOptions::stackPlanGivesTheDefaultPortToAGatewayWithoutOne()
{
    Topology topology;
    Node drawn;
    drawn.id = "front";
    drawn.kind = NodeKind::Gateway;
    drawn.port = 18080;
    Node open;
    open.id = "back-door";
    open.kind = NodeKind::Gateway;
    Node second = open;
    second.id = "side-door";
    topology.nodes = { drawn, open, second };

    StackPlanInput input;
    input.topology = topology;
    input.dataDir = m_dir.filePath("plan");
    input.defaultGatewayPort = 18090;
    QString error;
    const std::optional<StackPlan> plan = StackPlan::build(input, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->configs.value("front").publicListener.port, 18080); // the diagram's port wins
    QCOMPARE(plan->configs.value("back-door").publicListener.port, 18090); // first gateway without one
    const int other = plan->configs.value("side-door").publicListener.port;
    QVERIFY(other > 0 && other != 18090 && other != 18080);

    // The default may not collide with a port the diagram fixes elsewhere.
    input.defaultGatewayPort = 18080;
    QVERIFY(!StackPlan::build(input, &error));
    QVERIFY2(error.contains("18080"), qPrintable(error));
}

void TestUpOptions::takenInfraPortIsAClearError_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("part");
    QTest::newRow("postgres") << "--postgres-port"
                              << "PostgreSQL";
    QTest::newRow("redis") << "--redis-port"
                           << "Redis";
    QTest::newRow("kafka") << "--kafka-port"
                           << "Kafka";
}

void TestUpOptions::takenInfraPortIsAClearError()
{
    QFETCH(QString, option);
    QFETCH(QString, part);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const int port = squatter.serverPort();
    const QString data = m_dir.filePath("taken-" + part);

    QProcess up;
    up.start(RUNTIME_PATH,
        { "up", m_projectFile, "--data-dir", data, "--secrets-file", m_dir.filePath("taken-secrets.json"), option,
            QString::number(port) });
    QVERIFY(up.waitForFinished(60000));
    QCOMPARE(up.exitStatus(), QProcess::NormalExit);
    QCOMPARE(up.exitCode(), 1);
    const QString err = QString::fromUtf8(up.readAllStandardError());
    QVERIFY2(err.contains(QString("port %1 is already in use").arg(port)), qPrintable(err));
    QVERIFY2(err.contains(part + " cannot listen on 127.0.0.1:" + QString::number(port)), qPrintable(err));
    QVERIFY2(err.contains(option), qPrintable(err));
    // Nothing was started, nothing is left: no lock, no server, no node.
    QVERIFY(!QFile::exists(QDir(data).filePath("stack.lock")));
    QVERIFY(!QFile::exists(QDir(data).filePath("postgres/data/postmaster.pid")));
    QVERIFY(QDir(QDir(data).filePath("run")).entryList(QDir::Files).isEmpty());
}

void TestUpOptions::explicitPortsListenThere()
{
    // Four distinct free ports (none may repeat: each one is bound by a different server).
    QSet<int> ports;
    while (ports.size() < 4)
        ports.insert(pickFreePort());
    QList<int> list = ports.values();
    m_postgresPort = list.at(0);
    m_redisPort = list.at(1);
    m_kafkaPort = list.at(2);
    m_gatewayPort = list.at(3);

    QSignalSpy connected(&m_process, &RuntimeProcess::connected);
    m_process.start(RUNTIME_PATH, m_projectFile,
        { "--data-dir", m_dir.filePath("data"), "--secrets-file", m_dir.filePath("secrets.json"), "--postgres-port",
            QString::number(m_postgresPort), "--redis-port", QString::number(m_redisPort), "--kafka-port",
            QString::number(m_kafkaPort), "--gateway-port", QString::number(m_gatewayPort), "--trace-sampling", "50" });
    QVERIFY2(connected.wait(120000), m_process.standardError().constData());
    connect(client(), &RuntimeClient::spansReceived, this, [this](const QList<Span> &spans) {
        for (const Span &span : spans)
            ++m_forwarded[span.traceId];
    });
    connect(client(), &RuntimeClient::metricsReceived, this,
        [this](const QJsonObject &metrics) { m_lastMetrics = metrics; });
    QTRY_VERIFY_WITH_TIMEOUT(client()->node("gateway") && client()->node("gateway")->state == NodeState::Ready
            && client()->node("catalog") && client()->node("catalog")->state == NodeState::Ready,
        60000);

    QCOMPARE(client()->node("catalog-db")->port, m_postgresPort);
    QCOMPARE(client()->node("redis")->port, m_redisPort);
    QCOMPARE(client()->node("kafka")->port, m_kafkaPort);
    QCOMPARE(client()->node("gateway")->port, m_gatewayPort);
    for (int port : { m_postgresPort, m_redisPort, m_kafkaPort, m_gatewayPort })
        QVERIFY2(canConnect(port), qPrintable(QString("nothing listens on %1").arg(port)));
    // Kafka speaks its protocol on the bootstrap port: a real client lists the topic there.
    QString error;
    QVERIFY2(KafkaMockCluster::waitForTopics(
                 QString("127.0.0.1:%1").arg(m_kafkaPort), { Topic { "catalog.changed", 1, "id" } }, 15000, &error),
        qPrintable(error));
    QCOMPARE(command("snapshot").value("stack").toObject().value("samplingPercent").toInt(), 50);
}

void TestUpOptions::samplingForwardsWholeTracesOfADeterministicSubset()
{
    QVERIFY(m_process.isRunning());
    constexpr int N = 40;
    QStringList ids;
    QSet<QString> expected;
    for (int i = 0; i < N; ++i) {
        ids << traceIdOf("half", i);
        if (TraceSampling::keeps(ids.last(), 50))
            expected.insert(ids.last());
    }
    // The subset is a real one for these fixed ids (and the hash is fixed, so it stays so).
    QVERIFY(expected.size() > 5 && expected.size() < N - 5);
    QVERIFY(sendAll(ids));

    // The metrics count every request, sampled or not: each one is one server span of catalog
    // and one call span on the gateway's edge to it (the first requests of this stack, all
    // within the 10 s window). (The gateway's own node count also holds the supervisor's
    // readiness probes, so it is not compared.)
    QTRY_COMPARE_WITH_TIMEOUT(count("nodes", "catalog"), N, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(count("edges", "e-gw-catalog"), N, 15000);

    for (const QString &id : std::as_const(ids)) {
        const int all = traceSize(id); // what the supervisor holds (its ring is never sampled)
        QVERIFY2(all >= 3, qPrintable(QString("trace %1 has %2 spans").arg(id).arg(all)));
        if (expected.contains(id)) // whole: every span of the trace was on the stream
            QTRY_COMPARE_WITH_TIMEOUT(m_forwarded.value(id), traceSize(id), 10000);
        else // absent entirely
            QCOMPARE(m_forwarded.value(id), 0);
    }
}

void TestUpOptions::setSamplingAppliesLive()
{
    QVERIFY(m_process.isRunning());
    QJsonObject result = command("set-sampling", QJsonObject { { "percent", 100 } });
    QVERIFY2(result.value("ok").toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value("percent").toInt(), 100);
    QStringList all;
    for (int i = 0; i < 20; ++i)
        all << traceIdOf("all", i);
    QVERIFY(sendAll(all));
    for (const QString &id : std::as_const(all))
        QTRY_VERIFY_WITH_TIMEOUT(m_forwarded.value(id) >= 3 && m_forwarded.value(id) == traceSize(id), 10000);

    QCOMPARE(command("set-sampling", QJsonObject { { "percent", 0 } }).value("percent").toInt(), 0);
    QStringList none;
    for (int i = 0; i < 10; ++i)
        none << traceIdOf("none", i);
    QVERIFY(sendAll(none));
    for (const QString &id : std::as_const(none)) {
        QTRY_VERIFY_WITH_TIMEOUT(traceSize(id) >= 3, 10000); // the supervisor got it…
        QCOMPARE(m_forwarded.value(id), 0); // …and forwarded nothing of it
    }

    result = command("set-sampling", QJsonObject { { "percent", 101 } });
    QCOMPARE(result.value("ok").toBool(), false);
    QCOMPARE(result.value("code").toString(), QString("invalid-argument"));
}

QTEST_GUILESS_MAIN(TestUpOptions)
#include "tst_upoptions.moc"
