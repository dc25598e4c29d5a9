// `gatehouse-runtime up` end to end through RuntimeProcess / RuntimeClient, the way the app runs
// it: a stack without infrastructure (fast), then the built-in example with the real embedded
// PostgreSQL, redis-server and Kafka mock cluster (cold start, warm start, SIGKILL recovery).
#include "httpexchange.h"
#include "runtimeclient/runtimeprocess.h"
#include "supervisor/portcheck.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QHostAddress>
#include <QJsonObject>
#include <QTest>

#include <QDeadlineTimer>

#include <csignal>
#include <unistd.h>

using namespace Gatehouse;
using Gatehouse::Test::HttpReply;
using Gatehouse::Test::httpRequest;
using namespace Gatehouse::Runtime;

namespace {

bool isAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray content = stat.readAll();
    return content.mid(content.lastIndexOf(')') + 2, 1) != "Z";
}


QString writeSmallProject(const QString &dir)
{
    const QJsonObject project{
        {"formatVersion", 1},
        {"name", "small"},
        {"nodes", QJsonArray{QJsonObject{{"id", "catalog"}, {"kind", "service"}, {"role", "generic"}, {"name", "Catalog"}, {"x", 0}, {"y", 0}},
                             QJsonObject{{"id", "web"}, {"kind", "client.web"}, {"name", "Web"}, {"x", 0}, {"y", 200}}}},
        {"edges", QJsonArray{}}};
    const QString path = QDir(dir).filePath("small.gatehouse");
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(project).toJson());
    return path;
}

struct Stack
{
    RuntimeProcess process;
    // Client traffic (the example's web, mobile and partner nodes) is paused: these tests make
    // their own requests and count on the login rate limit.
    bool start(const QString &project, const QString &dataDir)
    {
        QSignalSpy connected(&process, &RuntimeProcess::connected);
        QSignalSpy finished(&process, &RuntimeProcess::finished);
        process.start(RUNTIME_PATH, project,
                      {"--data-dir", dataDir, "--secrets-file", QDir(dataDir).filePath("secrets.json"), "--clients-paused"});
        QDeadlineTimer deadline(120000);
        while (connected.isEmpty() && finished.isEmpty() && !deadline.hasExpired())
            QTest::qWait(20);
        return !connected.isEmpty();
    }
    bool stop(int *exitCode)
    {
        QSignalSpy finished(&process, &RuntimeProcess::finished);
        process.stop();
        if (!finished.wait(60000))
            return false;
        *exitCode = finished.first().first().toInt();
        return true;
    }
};

} // namespace

class TestUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badDataDirIsAClearError();
    void stackWithoutRunnersReportsThemDownAndStopsClean();
    void secondUpOnTheSameDataDirIsRefused();
    void upAfterSupervisorKillRecovers();
    void exampleColdAndWarmStartWithRealInfra();
};

void TestUp::badDataDirIsAClearError()
{
    QTemporaryDir tmp;
    const QString project = writeSmallProject(tmp.path());
    QFile plain(tmp.filePath("plain"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QProcess up;
    up.start(RUNTIME_PATH, {"up", project, "--data-dir", tmp.filePath("plain/stack")});
    QVERIFY(up.waitForFinished(30000));
    QCOMPARE(up.exitCode(), 2);
    QVERIFY2(up.readAllStandardError().contains("cannot create the data directory"), "no clear error");
}

void TestUp::stackWithoutRunnersReportsThemDownAndStopsClean()
{
    QTemporaryDir tmp;
    const QString project = writeSmallProject(tmp.path());
    const QString data = tmp.filePath("data");
    Stack stack;
    QVERIFY2(stack.start(project, data), stack.process.standardError().constData());
    RuntimeClient *client = stack.process.client();
    QCOMPARE(client->protocolVersion(), 1);
    // A generic service without a database runs (docs/services.md): ready.
    QTRY_VERIFY_WITH_TIMEOUT(client->node("catalog") && client->node("catalog")->state == NodeState::Ready, 30000);
    // The client is started after the services have settled, and runs idle: it has no gateway
    // to call, and says so instead of crashing.
    QTRY_VERIFY_WITH_TIMEOUT(client->node("web") && client->node("web")->state == NodeState::Ready, 30000);
    QVERIFY(client->node("web")->pid > 0);
    QVERIFY(QFile::exists(QDir(data).filePath("stack.lock")));
    QVERIFY(QFile::exists(QDir(data).filePath("supervisor.pid")));
    const qint64 supervisorPid = stack.process.pid();

    int exitCode = -1;
    QVERIFY(stack.stop(&exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY(!isAlive(supervisorPid));
    QVERIFY(!QFile::exists(QDir(data).filePath("stack.lock")));
    QVERIFY(!QFile::exists(QDir(data).filePath("supervisor.pid")));
    QVERIFY(!QFile::exists(stack.process.controlSocket()));
    QVERIFY(QDir(QDir(data).filePath("run")).entryList(QDir::Files).isEmpty());
}

void TestUp::secondUpOnTheSameDataDirIsRefused()
{
    QTemporaryDir tmp;
    const QString project = writeSmallProject(tmp.path());
    const QString data = tmp.filePath("data");
    Stack stack;
    QVERIFY(stack.start(project, data));
    QProcess second;
    second.start(RUNTIME_PATH, {"up", project, "--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json")});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 2);
    const QByteArray err = second.readAllStandardError();
    QVERIFY2(err.contains("already running the stack") && err.contains(QByteArray::number(stack.process.pid())), err.constData());
    // The first one is unaffected.
    const int id = stack.process.client()->sendCommand("snapshot");
    QSignalSpy result(stack.process.client(), &RuntimeClient::commandFinished);
    QVERIFY(result.wait(5000));
    QCOMPARE(result.first().at(0).toInt(), id);
    QVERIFY(result.first().at(1).toBool());
    int exitCode = -1;
    QVERIFY(stack.stop(&exitCode));
    QCOMPARE(exitCode, 0);
}

void TestUp::upAfterSupervisorKillRecovers()
{
    QTemporaryDir tmp;
    const QString project = writeSmallProject(tmp.path());
    const QString data = tmp.filePath("data");
    QProcess first;
    first.start(RUNTIME_PATH, {"up", project, "--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json"), "--json"});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += first.readAllStandardOutput()).contains("\"nodeId\":\"catalog\",\"pid\":0,\"port\""), 30000);
    ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(5000));
    QVERIFY(QFile::exists(QDir(data).filePath("stack.lock"))); // left behind by SIGKILL
    QVERIFY(QFile::exists(QDir(data).filePath("control.sock")));

    Stack again;
    QVERIFY2(again.start(project, data), again.process.standardError().constData());
    QTRY_VERIFY_WITH_TIMEOUT(again.process.client()->node("catalog").has_value(), 10000);
    int exitCode = -1;
    QVERIFY(again.stop(&exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY(!QFile::exists(QDir(data).filePath("stack.lock")));
}

void TestUp::exampleColdAndWarmStartWithRealInfra()
{
    QTemporaryDir tmp;
    // As root, PostgreSQL runs as `postgres`, which must be able to traverse to its data dir.
    if (::geteuid() == 0)
        QFile::setPermissions(tmp.path(), QFile::permissions(tmp.path()) | QFile::ExeOther);
    const QString data = tmp.filePath("data");
    const QString example = QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse");
    const QStringList infraNodes{"auth-db", "order-db", "inventory-db", "payment-db", "notification-db", "redis", "kafka"};
    const QStringList appNodes{"auth", "inventory", "order", "payment", "notification", "gateway", "web", "mobile", "partner"};

    for (const char *round : {"cold", "warm"}) {
        QElapsedTimer timer;
        timer.start();
        Stack stack;
        QVERIFY2(stack.start(example, data), stack.process.standardError().constData());
        RuntimeClient *client = stack.process.client();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(infraNodes.begin(), infraNodes.end(), [client](const QString &id) {
            return client->node(id) && client->node(id)->state == NodeState::Ready;
        }), 120000);
        qInfo("%s start: infrastructure ready after %lld ms", round, static_cast<long long>(timer.elapsed()));
        QList<int> ports;
        QList<qint64> pids;
        for (const QString &id : infraNodes) {
            const NodeStatus s = *client->node(id);
            QVERIFY2(s.port > 0, qPrintable(id));
            if (!ports.contains(s.port))
                ports.append(s.port);
            if (id != "kafka")
                pids.append(s.pid);
            QVERIFY(isListening(s.port));
        }
        // Then the gateway and every service, each its own process, really ready.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(appNodes.begin(), appNodes.end(), [client](const QString &id) {
            return client->node(id) && client->node(id)->state == NodeState::Ready;
        }), 120000);
        qInfo("%s start: whole stack ready after %lld ms", round, static_cast<long long>(timer.elapsed()));
        for (const QString &id : appNodes)
            pids.append(client->node(id)->pid);

        // A user's first request through the public listener: login at the auth service, then a
        // JWT-protected route. This proves the wiring: routes, upstream ports, the gateway's
        // verification key derived from the auth service's signing secret.
        const int gatewayPort = client->node("gateway")->port;
        const HttpReply login = httpRequest(gatewayPort, "POST", "/auth/login",
                                            "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}");
        QVERIFY2(login.status == 200, login.body.constData());
        const QByteArray token = QJsonDocument::fromJson(login.body).object().value("accessToken").toString().toUtf8();
        QVERIFY(!token.isEmpty());
        const HttpReply items = httpRequest(gatewayPort, "GET", "/inventory/items", {}, token);
        QVERIFY2(items.status == 200, items.body.constData());
        QCOMPARE(httpRequest(gatewayPort, "GET", "/inventory/items", {}).status, 401);
        // The internal admin API does not answer on the public listener.
        QCOMPARE(httpRequest(gatewayPort, "GET", "/admin/orders", {}, token).status, 404);

        int exitCode = -1;
        QVERIFY(stack.stop(&exitCode));
        QCOMPARE(exitCode, 0);
        for (int port : std::as_const(ports))
            QVERIFY2(!isListening(port), qPrintable(QString::number(port)));
        for (qint64 pid : std::as_const(pids))
            QVERIFY(!isAlive(pid));
        QVERIFY(!QFile::exists(QDir(data).filePath("stack.lock")));
    }

    // SIGKILL the supervisor of a running stack: the next `up` recovers (orphaned postgres too).
    QProcess killed;
    killed.start(RUNTIME_PATH, {"up", example, "--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json"), "--json",
                                "--clients-paused"});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += killed.readAllStandardOutput()).contains("stack started"), 120000);
    ::kill(static_cast<pid_t>(killed.processId()), SIGKILL);
    QVERIFY(killed.waitForFinished(5000));
    Stack recovered;
    QVERIFY2(recovered.start(example, data), recovered.process.standardError().constData());
    RuntimeClient *client = recovered.process.client();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(infraNodes.begin(), infraNodes.end(), [client](const QString &id) {
        return client->node(id) && client->node(id)->state == NodeState::Ready;
    }), 120000);
    int exitCode = -1;
    QVERIFY(recovered.stop(&exitCode));
    QCOMPARE(exitCode, 0);
}

QTEST_GUILESS_MAIN(TestUp)
#include "tst_up.moc"
