// Client nodes in a real stack: the example under `gatehouse-runtime up` (embedded PostgreSQL,
// redis-server, Kafka mock cluster, gateway and services as processes), first with
// `--clients-paused` (nothing is sent), then with the web and partner clients at set rates:
// their orders land in the order database, their spans arrive on the control socket with the
// client → gateway edges, and the gateway's spans join the clients' traces.
#include "httpexchange.h"
#include "runtimeclient/runtimeprocess.h"
#include "supervisor/portcheck.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Gatehouse;
using Gatehouse::Test::HttpReply;
using Gatehouse::Test::httpRequest;
using namespace Gatehouse::Runtime;

namespace {

QByteArray login(int port, const QByteArray &user)
{
    const HttpReply reply = httpRequest(port, "POST", "/auth/login", "{\"username\":\"" + user + "\",\"password\":\"gatehouse-demo\"}");
    return QJsonDocument::fromJson(reply.body).object().value("accessToken").toString().toUtf8();
}

// The example with the given client rates; the gateway's public port left to the runtime and
// its internal port a free one we know (the admin API is how the test reads the order table).
QString writeExample(const QString &dir, const QHash<QString, double> &rates, int internalPort)
{
    QFile in(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    in.open(QIODevice::ReadOnly);
    QJsonObject project = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray nodes = project["nodes"].toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes[i].toObject();
        QJsonObject properties = node["properties"].toObject();
        if (rates.contains(node["id"].toString()))
            properties["ratePerSecond"] = rates.value(node["id"].toString());
        if (node["id"] == "gateway") {
            node.remove("port");
            properties["internalPort"] = internalPort;
        }
        node["properties"] = properties;
        nodes[i] = node;
    }
    project["nodes"] = nodes;
    const QString path = QDir(dir).filePath("example.gatehouse");
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(QJsonDocument(project).toJson());
    return path;
}

struct Stack
{
    RuntimeProcess process;
    QList<Span> spans;

    bool start(const QString &project, const QString &dataDir, const QStringList &extra = {})
    {
        QSignalSpy connected(&process, &RuntimeProcess::connected);
        QSignalSpy finished(&process, &RuntimeProcess::finished);
        process.start(RUNTIME_PATH, project,
                      QStringList{"--data-dir", dataDir, "--secrets-file", QDir(dataDir).filePath("secrets.json")} + extra);
        QDeadlineTimer deadline(120000);
        while (connected.isEmpty() && finished.isEmpty() && !deadline.hasExpired())
            QTest::qWait(20);
        if (connected.isEmpty())
            return false;
        QObject::connect(process.client(), &RuntimeClient::spansReceived, process.client(),
                         [this](const QList<Span> &s) { spans += s; });
        return true;
    }
    bool allReady(const QStringList &ids)
    {
        RuntimeClient *c = process.client();
        return std::all_of(ids.begin(), ids.end(), [c](const QString &id) { return c->node(id) && c->node(id)->state == NodeState::Ready; });
    }
    QList<Span> spansOf(const QString &edgeId) const
    {
        QList<Span> out;
        for (const Span &s : spans) {
            if (s.edgeId == edgeId)
                out.append(s);
        }
        return out;
    }
    bool hasOrderSpan(const QString &edgeId, const QString &step) const
    {
        for (const Span &s : spans) {
            if (s.edgeId == edgeId && s.attributes.value("step").toString() == step && s.httpStatus / 100 == 2)
                return true;
        }
        return false;
    }
    int stop()
    {
        QSignalSpy finished(&process, &RuntimeProcess::finished);
        process.stop();
        if (!finished.wait(60000))
            return -1;
        return finished.first().first().toInt();
    }
};

const QStringList AppNodes{"auth", "inventory", "order", "payment", "notification", "gateway", "web", "mobile", "partner"};
const QStringList ClientEdges{"e-web-gateway", "e-mobile-gateway", "e-partner-gateway"};

} // namespace

class TestClientStack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pausedClientsSendNothing();
    void clientsDriveOrdersThroughTheGateway();

private:
    QTemporaryDir m_tmp;
    QString m_data;
    int m_internalPort = 0;
};

void TestClientStack::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // As root, PostgreSQL runs as `postgres`, which must be able to traverse to its data dir.
    if (::geteuid() == 0)
        QFile::setPermissions(m_tmp.path(), QFile::permissions(m_tmp.path()) | QFile::ExeOther);
    m_data = m_tmp.filePath("data");
    m_internalPort = pickFreePort();
    QVERIFY(m_internalPort > 0);
}

void TestClientStack::pausedClientsSendNothing()
{
    // The diagram asks for traffic; --clients-paused overrides it.
    const QString project = writeExample(m_tmp.path(), {{"web", 5}, {"mobile", 5}, {"partner", 5}}, m_internalPort);
    Stack stack;
    QVERIFY2(stack.start(project, m_data, {"--clients-paused"}), stack.process.standardError().constData());
    RuntimeClient *client = stack.process.client();
    QTRY_VERIFY_WITH_TIMEOUT(stack.allReady(AppNodes), 180000);
    // Clients have no listener: ready once running, started after the gateway.
    QCOMPARE(client->node("web")->port, 0);
    QVERIFY(client->node("web")->pid > 0);
    QVERIFY(client->node("web")->sinceMs >= client->node("gateway")->sinceMs);

    // The test's own traffic is the clock: once the gateway's span for it has arrived, any
    // client request sent while the clients were up would have arrived too.
    const int gatewayPort = client->node("gateway")->port;
    const QByteArray token = login(gatewayPort, "alice");
    QVERIFY(!token.isEmpty());
    QCOMPARE(httpRequest(gatewayPort, "GET", "/inventory/items", {}, token).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(stack.spans.begin(), stack.spans.end(), [](const Span &s) {
        return s.nodeId == "gateway" && s.kind == SpanKind::HttpServer && s.name == "GET /inventory/items";
    }), 20000);
    for (const Span &s : std::as_const(stack.spans)) {
        QVERIFY2(!ClientEdges.contains(s.edgeId), qPrintable(s.edgeId + " " + s.name));
        QVERIFY2(s.nodeId != "web" && s.nodeId != "mobile" && s.nodeId != "partner", qPrintable(s.nodeId));
    }
    const QByteArray admin = login(gatewayPort, "admin");
    const HttpReply orders = httpRequest(m_internalPort, "GET", "/admin/orders", {}, admin);
    QCOMPARE(orders.status, 200);
    QVERIFY2(QJsonDocument::fromJson(orders.body).object()["orders"].toArray().isEmpty(), orders.body.constData());
    QCOMPARE(stack.stop(), 0);
}

void TestClientStack::clientsDriveOrdersThroughTheGateway()
{
    // Web and partner at a set rate, mobile at 0 (warm start on the same data dir).
    const QString project = writeExample(m_tmp.path(), {{"web", 4}, {"mobile", 0}, {"partner", 2}}, m_internalPort);
    Stack stack;
    QVERIFY2(stack.start(project, m_data), stack.process.standardError().constData());
    RuntimeClient *client = stack.process.client();
    QTRY_VERIFY_WITH_TIMEOUT(stack.allReady(AppNodes), 180000);

    // A few seconds of traffic: both clients get an order accepted through the gateway.
    QTRY_VERIFY_WITH_TIMEOUT(stack.hasOrderSpan("e-web-gateway", "place-order") && stack.hasOrderSpan("e-partner-gateway", "partner-order"),
                             60000);
    QTRY_VERIFY_WITH_TIMEOUT(stack.hasOrderSpan("e-web-gateway", "get-order"), 30000);

    // The client spans: roots on the client → gateway edges, named by method and path.
    QSet<QString> webSteps;
    for (const Span &s : stack.spansOf("e-web-gateway")) {
        QCOMPARE(s.nodeId, QString("web"));
        QCOMPARE(s.kind, SpanKind::HttpClient);
        QVERIFY(s.parentSpanId.isEmpty());
        QCOMPARE(s.attributes.value("client").toString(), QString("web"));
        QCOMPARE(s.attributes.value("scenario").toString(), QString("web"));
        QVERIFY2(s.name.startsWith(s.attributes.value("route").toString().section(' ', 0, 0) + " /"), qPrintable(s.name));
        webSteps.insert(s.attributes.value("step").toString());
    }
    QVERIFY2(webSteps.contains("login") && webSteps.contains("browse-items") && webSteps.contains("view-item")
                 && webSteps.contains("place-order") && webSteps.contains("get-order"),
             qPrintable(QStringList(webSteps.begin(), webSteps.end()).join(',')));
    for (const Span &s : stack.spansOf("e-partner-gateway"))
        QVERIFY2(s.attributes.value("step").toString().startsWith("partner-"), qPrintable(s.name));
    QVERIFY(stack.spansOf("e-mobile-gateway").isEmpty()); // rate 0 sends nothing

    // The gateway continued the clients' traces: its server span's parent is the client span.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(stack.spans.begin(), stack.spans.end(), [&stack](const Span &server) {
        if (server.nodeId != "gateway" || server.kind != SpanKind::HttpServer || server.name != "POST /orders")
            return false;
        for (const Span &c : stack.spansOf("e-web-gateway")) {
            if (c.traceId == server.traceId && c.spanId == server.parentSpanId)
                return true;
        }
        return false;
    }), 20000);

    // The orders are in the order service's database: from the web users and from the partner.
    const int gatewayPort = client->node("gateway")->port;
    const QByteArray admin = login(gatewayPort, "admin");
    QVERIFY(!admin.isEmpty());
    const HttpReply orders = httpRequest(m_internalPort, "GET", "/admin/orders", {}, admin);
    QCOMPARE(orders.status, 200);
    QSet<QString> owners;
    for (const QJsonValue &o : QJsonDocument::fromJson(orders.body).object()["orders"].toArray())
        owners.insert(o["userId"].toString());
    QVERIFY2(owners.contains("partner:partner"), orders.body.left(2000).constData());
    QVERIFY2(owners.contains("u-alice") || owners.contains("u-bob"), orders.body.left(2000).constData());

    // Rates change while the stack runs: `set-rate` → a {"type":"rate"} line on the client's stdin.
    auto setRate = [client](const QString &node, double rate) {
        QSignalSpy done(client, &RuntimeClient::commandFinished);
        const int id = client->sendCommand("set-rate", QJsonObject{{"nodeId", node}, {"ratePerSecond", rate}});
        return done.wait(10000) && done.first().at(0).toInt() == id && done.first().at(1).toBool();
    };
    QVERIFY(setRate("mobile", 5));
    QTRY_VERIFY_WITH_TIMEOUT(stack.spansOf("e-mobile-gateway").size() >= 5, 30000);
    for (const Span &s : stack.spansOf("e-mobile-gateway"))
        QCOMPARE(s.attributes.value("scenario").toString(), QString("mobile"));
    QVERIFY(setRate("web", 0));
    QVERIFY(setRate("partner", 0));
    // Mobile is the clock: once it has sent 5 more, whatever web and partner had in flight has
    // landed; after 10 more again, they have sent nothing new.
    int mobileAt = stack.spansOf("e-mobile-gateway").size();
    QTRY_VERIFY_WITH_TIMEOUT(stack.spansOf("e-mobile-gateway").size() >= mobileAt + 5, 30000);
    const qsizetype webAt = stack.spansOf("e-web-gateway").size();
    const qsizetype partnerAt = stack.spansOf("e-partner-gateway").size();
    mobileAt = stack.spansOf("e-mobile-gateway").size();
    QTRY_VERIFY_WITH_TIMEOUT(stack.spansOf("e-mobile-gateway").size() >= mobileAt + 10, 30000);
    QCOMPARE(stack.spansOf("e-web-gateway").size(), webAt);
    QCOMPARE(stack.spansOf("e-partner-gateway").size(), partnerAt);
    QCOMPARE(client->node("web")->ratePerSecond.value_or(-1), 0.0);

    QCOMPARE(stack.stop(), 0);
}

QTEST_GUILESS_MAIN(TestClientStack)
#include "tst_clientstack.moc"
