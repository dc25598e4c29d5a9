// The node control channel (contract A, docs/runtime-protocol.md "Node control channel"):
// NodeControlChannel over real pipes; inject / set-rate through StackControl over a real
// ProcessManager with test node children; and a real `gatehouse-runtime node` gateway whose
// faults are set over its stdin, which stops cleanly when its stdin ends.
#include "control/controlserver.h"
#include "control/stackcontrol.h"
#include "model/launchconfig.h"
#include "model/projectfile.h"
#include "runtimeclient/runtimeclient.h"
#include "supervisor/portcheck.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"
#include "telemetry/faultinjector.h"
#include "telemetry/nodecontrolchannel.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

// Both ends of a pipe, closed on destruction.
struct Pipe
{
    int fds[2] = {-1, -1};
    Pipe() { QVERIFY(::pipe2(fds, O_CLOEXEC) == 0); }
    ~Pipe()
    {
        closeWrite();
        if (fds[0] >= 0)
            ::close(fds[0]);
    }
    int readEnd() const { return fds[0]; }
    void write(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fds[1], bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
            if (n <= 0)
                return;
            done += n;
        }
    }
    void closeWrite()
    {
        if (fds[1] >= 0)
            ::close(fds[1]);
        fds[1] = -1;
    }
};

// What a handler received, filled on the channel's reader thread.
struct Received
{
    std::mutex mutex;
    QList<QJsonObject> messages;
    NodeControlChannel::Handler handler()
    {
        return [this](const QJsonObject &message) {
            std::lock_guard lock(mutex);
            messages.append(message);
        };
    }
    QList<QJsonObject> list()
    {
        std::lock_guard lock(mutex);
        return messages;
    }
    QStringList types()
    {
        QStringList result;
        for (const QJsonObject &m : list())
            result.append(m.value("type").toString());
        return result;
    }
};

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

RestartPolicy fastPolicy()
{
    RestartPolicy p;
    p.initialBackoffMs = 50;
    p.probeIntervalMs = 50;
    p.healthIntervalMs = 200;
    p.stopGraceMs = 500;
    return p;
}

// A small diagram whose gateway and service are test node children (kinds from the diagram),
// with a database, a cache, a broker and a client, for the argument checks of inject/set-rate.
Topology smallTopology()
{
    Topology t;
    auto node = [&t](const QString &id, NodeKind kind) {
        Node n;
        n.id = id;
        n.kind = kind;
        n.name = id;
        t.nodes.append(n);
    };
    node("web", NodeKind::ClientWeb);
    node("gw", NodeKind::Gateway);
    node("svc", NodeKind::Service);
    node("db", NodeKind::DbPostgres);
    node("kafka", NodeKind::BusKafka);
    auto edge = [&t](const QString &id, EdgeKind kind, const QString &source, const QString &target) {
        Edge e;
        e.id = id;
        e.kind = kind;
        e.source = source;
        e.target = target;
        t.edges.append(e);
    };
    edge("e-web-gw", EdgeKind::Sync, "web", "gw");
    edge("e-gw-svc", EdgeKind::Sync, "gw", "svc");
    edge("e-svc-db", EdgeKind::Owns, "svc", "db");
    edge("e-svc-kafka", EdgeKind::Publish, "svc", "kafka");
    return t;
}

// The supervisor side of a stack of test nodes: processes, control server, a RuntimeClient.
struct ControlFixture
{
    QTemporaryDir dir;
    ProcessManager processes{fastPolicy()};
    TelemetryHub hub;
    StackControl commands{&processes, &hub};
    ControlServer server{&commands, "9.9.9"};
    RuntimeClient client;
    QList<QJsonObject> logs;
    QHash<int, QJsonObject> results;

    ControlFixture()
    {
        commands.setServer(&server);
        commands.setTopology(smallTopology());
        QObject::connect(&processes, &ProcessManager::statusChanged, &server, &ControlServer::broadcastStatus);
        QObject::connect(&processes, &ProcessManager::logLine, &server, [this](const QJsonObject &l) { logs.append(l); });
        QString error;
        if (!server.listen(dir.filePath("control.sock"), &error) || !hub.listen(0, &error))
            qFatal("%s", qPrintable(error));
        for (const QString &id : {QString("gw"), QString("svc")}) {
            NodeSpec spec;
            spec.nodeId = id;
            spec.kind = id == "gw" ? NodeKind::Gateway : NodeKind::Service;
            spec.program = TESTNODE_PATH;
            const int port = pickFreePort();
            spec.arguments = {"--port", QString::number(port), "--echo-stdin", "--echo-control"};
            spec.readinessPort = port;
            spec.listenPorts = {port};
            spec.stdinPayload = "{\"launch\":\"" + id.toUtf8() + "\"}";
            processes.addNode(spec);
        }
        NodeStatus db;
        db.nodeId = "db";
        db.kind = NodeKind::DbPostgres;
        db.state = NodeState::Ready;
        processes.reportStatus(db);
        QObject::connect(&client, &RuntimeClient::commandFinished, &client,
                         [this](int id, bool, const QJsonObject &result) { results.insert(id, result); });
    }
    ~ControlFixture()
    {
        QSignalSpy stopped(&processes, &ProcessManager::allStopped);
        processes.stopAll();
        if (stopped.isEmpty())
            stopped.wait(5000);
    }
    bool start()
    {
        QSignalSpy finished(&processes, &ProcessManager::startupFinished);
        processes.startAll();
        if (!finished.wait(10000))
            return false;
        QSignalSpy welcomed(&client, &RuntimeClient::welcomed);
        client.connectToServer(server.fullServerName());
        return welcomed.wait(5000);
    }
    QJsonObject run(const QString &command, const QJsonObject &args)
    {
        const int id = client.sendCommand(command, args);
        QDeadlineTimer deadline(5000);
        while (!results.contains(id) && !deadline.hasExpired())
            QTest::qWait(5);
        return results.value(id);
    }
    // The control lines test node `nodeId` printed, in order.
    QStringList controlLines(const QString &nodeId) const
    {
        QStringList found;
        for (const QJsonObject &l : logs) {
            const QString message = l.value("message").toString();
            if (l.value("nodeId").toString() == nodeId && message.startsWith("control:"))
                found.append(message.mid(8));
        }
        return found;
    }
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

// One HTTP/1.1 exchange on a fresh connection.
HttpReply httpGet(int port, const QByteArray &path, const QByteArray &extraHeaders = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extraHeaders + "\r\n");
    QByteArray response;
    QDeadlineTimer deadline(20000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    HttpReply reply;
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    const qsizetype bodyStart = response.indexOf("\r\n\r\n");
    reply.body = bodyStart < 0 ? QByteArray() : response.mid(bodyStart + 4);
    return reply;
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> result;
    for (const QByteArray &l : out.split('\n')) {
        const QJsonDocument document = QJsonDocument::fromJson(l);
        if (document.isObject())
            result.append(document.object());
    }
    return result;
}

} // namespace

class TestNodeControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseMessage_data();
    void parseMessage();
    void channelDeliversInOrderAndSkipsBadLines();
    void messagesBeforeTheHandlerAreKeptPerType();
    void firstLineWithoutNewlineThenEof();
    void emptyInputIsAnError();
    void stopWithoutEofCallsNoEndHandler();
    void faultInjectorParsesAndDecides();

    void injectArgumentsAreChecked_data();
    void injectArgumentsAreChecked();
    void injectReachesTheNodeAndSurvivesRestarts();
    void edgeFaultsGoToTheSourceNode();

    void gatewayNodeProcessAppliesFaultsAndStopsAtEof();
};

void TestNodeControl::parseMessage_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("type"); // empty: rejected
    QTest::newRow("faults") << QByteArray("{\"type\":\"faults\",\"latencyMs\":250}") << "faults";
    QTest::newRow("blanks and CR") << QByteArray(" {\"type\":\"rate\",\"ratePerSecond\":2}\r") << "rate";
    QTest::newRow("unknown type is fine") << QByteArray("{\"type\":\"later\"}") << "later";
    QTest::newRow("not JSON") << QByteArray("hello") << "";
    QTest::newRow("truncated") << QByteArray("{\"type\":\"faults\",") << "";
    QTest::newRow("array") << QByteArray("[{\"type\":\"faults\"}]") << "";
    QTest::newRow("no type") << QByteArray("{\"latencyMs\":1}") << "";
    QTest::newRow("empty type") << QByteArray("{\"type\":\"\"}") << "";
    QTest::newRow("number type") << QByteArray("{\"type\":5}") << "";
    QTest::newRow("empty") << QByteArray("") << "";
    QTest::newRow("oversized") << QByteArray("{\"type\":\"faults\",\"pad\":\"") + QByteArray(NodeControlChannel::MaxMessageBytes, 'x') + QByteArray("\"}") << "";
}

void TestNodeControl::parseMessage()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, type);
    QString error;
    const std::optional<QJsonObject> message = NodeControlChannel::parseMessage(line, &error);
    if (type.isEmpty()) {
        QVERIFY(!message);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(message, qPrintable(error));
        QCOMPARE(message->value("type").toString(), type);
    }
}

void TestNodeControl::channelDeliversInOrderAndSkipsBadLines()
{
    // Everything the reader thread touches is declared before the channel, which joins it.
    QStringList logged;
    std::mutex logMutex;
    std::atomic<int> ends{0};
    Received received;
    Pipe pipe;
    NodeControlChannel channel(pipe.readEnd());
    channel.setLogFunction([&](const QString &m) {
        std::lock_guard lock(logMutex);
        logged.append(m);
    });
    channel.setEndHandler([&ends] { ++ends; });
    channel.setHandler(received.handler());

    // The config and the first message arrive in one write: the reader must not lose the message.
    pipe.write("{\"nodeId\":\"x\"}\n" + line({{"type", "faults"}, {"latencyMs", 1}}));
    QString error;
    QCOMPARE(channel.readFirstLine(&error).value_or("?"), QByteArray("{\"nodeId\":\"x\"}"));
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(received.types(), QStringList{"faults"}, 5000);

    pipe.write("not json\n[1]\n\n{\"type\":\"\"}\n");
    pipe.write(QByteArray(NodeControlChannel::MaxMessageBytes + 10, 'x')); // oversized, newline later
    pipe.write(QByteArray(100, 'y') + "\n");
    // A message split over two writes.
    const QByteArray rate = line({{"type", "rate"}, {"ratePerSecond", 2.5}});
    pipe.write(rate.left(5));
    pipe.write(rate.mid(5));
    QTRY_COMPARE_WITH_TIMEOUT(received.types(), (QStringList{"faults", "rate"}), 5000);
    QCOMPARE(received.list().at(1).value("ratePerSecond").toDouble(), 2.5);
    QCOMPARE(channel.skippedLines(), 4); // not json, [1], empty type, oversized (blank lines are fine)
    {
        std::lock_guard lock(logMutex);
        QCOMPARE(int(logged.size()), 4);
        QVERIFY(logged.last().contains("longer than"));
    }
    QCOMPARE(ends.load(), 0);
    QVERIFY(!channel.atEnd());

    // A last message without newline, then EOF: delivered, then the end handler, once.
    pipe.write("{\"type\":\"faults\",\"latencyMs\":0}");
    pipe.closeWrite();
    QTRY_COMPARE_WITH_TIMEOUT(ends.load(), 1, 5000);
    QVERIFY(channel.atEnd());
    QCOMPARE(received.types(), (QStringList{"faults", "rate", "faults"}));
    channel.stop();
    QCOMPARE(ends.load(), 1);
}

void TestNodeControl::messagesBeforeTheHandlerAreKeptPerType()
{
    std::atomic<int> ends{0};
    Received received;
    Pipe pipe;
    NodeControlChannel channel(pipe.readEnd());
    channel.setEndHandler([&ends] { ++ends; });
    pipe.write("config\n" + line({{"type", "faults"}, {"latencyMs", 1}}) + line({{"type", "rate"}, {"ratePerSecond", 1}})
               + line({{"type", "faults"}, {"latencyMs", 2}}));
    pipe.closeWrite();
    QVERIFY(channel.readFirstLine());
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(ends.load(), 1, 5000); // everything read, no handler yet
    channel.setHandler(received.handler());
    // The last message of each type, in the order the types first came.
    QCOMPARE(received.types(), (QStringList{"faults", "rate"}));
    QCOMPARE(received.list().at(0).value("latencyMs").toInt(), 2);
}

void TestNodeControl::firstLineWithoutNewlineThenEof()
{
    std::atomic<int> ends{0};
    Pipe pipe;
    NodeControlChannel channel(pipe.readEnd());
    channel.setEndHandler([&ends] { ++ends; });
    pipe.write("{\"a\":1}");
    pipe.closeWrite();
    QCOMPARE(channel.readFirstLine().value_or("?"), QByteArray("{\"a\":1}"));
    QVERIFY(channel.atEnd());
    channel.start();
    QTRY_COMPARE_WITH_TIMEOUT(ends.load(), 1, 5000);
}

void TestNodeControl::emptyInputIsAnError()
{
    Pipe pipe;
    pipe.closeWrite();
    NodeControlChannel channel(pipe.readEnd());
    QString error;
    QVERIFY(!channel.readFirstLine(&error));
    QVERIFY(error.contains("ended before the launch config"));
}

void TestNodeControl::stopWithoutEofCallsNoEndHandler()
{
    std::atomic<int> ends{0};
    Pipe pipe;
    NodeControlChannel channel(pipe.readEnd());
    channel.setEndHandler([&ends] { ++ends; });
    pipe.write("config\n");
    QVERIFY(channel.readFirstLine());
    channel.start();
    channel.stop(); // the writer is still open: stop() must not hang on the blocked read
    QCOMPARE(ends.load(), 0);
    QVERIFY(!channel.atEnd());
}

void TestNodeControl::faultInjectorParsesAndDecides()
{
    FaultInjector faults;
    QVERIFY(!faults.isActive());
    QVERIFY(!faults.decideForNode().injected());
    QString error;
    QVERIFY2(faults.apply(QJsonObject{{"type", "faults"}, {"latencyMs", 250}, {"errorRate", 1},
                                      {"edges", QJsonObject{{"e1", QJsonObject{{"latencyMs", 0}, {"errorRate", 0}}},
                                                            {"e2", QJsonObject{{"latencyMs", 10}}}}}},
                          &error),
             qPrintable(error));
    QVERIFY(faults.isActive());
    QVERIFY(faults.nodeFault() == (InjectedFault{250, 1.0}));
    const FaultInjector::Decision node = faults.decideForNode();
    QVERIFY(node.delay == std::chrono::milliseconds(250));
    QVERIFY(node.fail);
    QVERIFY(!faults.decideForEdge("e1").injected()); // all-zero edges are dropped
    QVERIFY(faults.decideForEdge("e2").delay == std::chrono::milliseconds(10));
    QVERIFY(!faults.decideForEdge("e2").fail);

    // Bad values leave the state as it was.
    for (const QJsonObject &bad : {QJsonObject{{"latencyMs", -1}}, QJsonObject{{"latencyMs", 60001}},
                                   QJsonObject{{"latencyMs", 1.5}}, QJsonObject{{"latencyMs", "5"}},
                                   QJsonObject{{"errorRate", 1.01}}, QJsonObject{{"errorRate", -0.1}},
                                   QJsonObject{{"edges", 3}}, QJsonObject{{"edges", QJsonObject{{"e", 1}}}},
                                   QJsonObject{{"edges", QJsonObject{{"e", QJsonObject{{"errorRate", 2}}}}}}}) {
        QVERIFY2(!faults.apply(bad, &error), qPrintable(compact(bad)));
        QVERIFY(!error.isEmpty());
    }
    QVERIFY(faults.nodeFault() == (InjectedFault{250, 1.0}));

    // errorRate 0.5 fails some and passes some (2000 rolls: both happen).
    QVERIFY(faults.apply(QJsonObject{{"errorRate", 0.5}}));
    int failed = 0;
    for (int i = 0; i < 2000; ++i)
        failed += faults.decideForNode().fail ? 1 : 0;
    QVERIFY(failed > 0 && failed < 2000);
    QVERIFY(faults.apply(QJsonObject{{"type", "faults"}, {"latencyMs", 0}, {"errorRate", 0}, {"edges", QJsonObject{}}}));
    QVERIFY(!faults.isActive());
}

void TestNodeControl::injectArgumentsAreChecked_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QString>("code");
    QTest::newRow("neither node nor edge") << "inject" << QJsonObject{{"latencyMs", 5}} << "invalid-argument";
    QTest::newRow("node and edge") << "inject" << QJsonObject{{"nodeId", "svc"}, {"edgeId", "e-gw-svc"}} << "invalid-argument";
    QTest::newRow("latency negative") << "inject" << QJsonObject{{"nodeId", "svc"}, {"latencyMs", -1}} << "invalid-argument";
    QTest::newRow("latency too high") << "inject" << QJsonObject{{"nodeId", "svc"}, {"latencyMs", 60001}} << "invalid-argument";
    QTest::newRow("latency fraction") << "inject" << QJsonObject{{"nodeId", "svc"}, {"latencyMs", 2.5}} << "invalid-argument";
    QTest::newRow("latency string") << "inject" << QJsonObject{{"nodeId", "svc"}, {"latencyMs", "100"}} << "invalid-argument";
    QTest::newRow("error rate over 1") << "inject" << QJsonObject{{"nodeId", "svc"}, {"errorRate", 1.5}} << "invalid-argument";
    QTest::newRow("error rate negative") << "inject" << QJsonObject{{"edgeId", "e-gw-svc"}, {"errorRate", -0.5}} << "invalid-argument";
    QTest::newRow("unknown node") << "inject" << QJsonObject{{"nodeId", "ghost"}, {"latencyMs", 5}} << "unknown-node";
    QTest::newRow("unknown edge") << "inject" << QJsonObject{{"edgeId", "e-ghost"}, {"latencyMs", 5}} << "unknown-edge";
    QTest::newRow("infrastructure node") << "inject" << QJsonObject{{"nodeId", "db"}, {"latencyMs", 5}} << "not-possible";
    QTest::newRow("broker node") << "inject" << QJsonObject{{"nodeId", "kafka"}, {"latencyMs", 5}} << "not-possible";
    QTest::newRow("client node") << "inject" << QJsonObject{{"nodeId", "web"}, {"latencyMs", 5}} << "not-possible";
    QTest::newRow("owns edge") << "inject" << QJsonObject{{"edgeId", "e-svc-db"}, {"latencyMs", 5}} << "not-possible";
    QTest::newRow("publish edge") << "inject" << QJsonObject{{"edgeId", "e-svc-kafka"}, {"errorRate", 1}} << "not-possible";
    QTest::newRow("edge from a client") << "inject" << QJsonObject{{"edgeId", "e-web-gw"}, {"latencyMs", 5}} << "not-possible";
    QTest::newRow("rate on a service") << "set-rate" << QJsonObject{{"nodeId", "svc"}, {"ratePerSecond", 5}} << "not-possible";
    QTest::newRow("rate on infrastructure") << "set-rate" << QJsonObject{{"nodeId", "db"}, {"ratePerSecond", 5}} << "not-possible";
    QTest::newRow("rate on unknown") << "set-rate" << QJsonObject{{"nodeId", "ghost"}, {"ratePerSecond", 5}} << "unknown-node";
    QTest::newRow("rate without node") << "set-rate" << QJsonObject{{"ratePerSecond", 5}} << "invalid-argument";
    QTest::newRow("rate too high") << "set-rate" << QJsonObject{{"nodeId", "web"}, {"ratePerSecond", 1000.5}} << "invalid-argument";
    QTest::newRow("rate negative") << "set-rate" << QJsonObject{{"nodeId", "web"}, {"ratePerSecond", -1}} << "invalid-argument";
    QTest::newRow("rate missing") << "set-rate" << QJsonObject{{"nodeId", "web"}} << "invalid-argument";
    // The client is in the diagram but not run as a process here.
    QTest::newRow("rate on a client not running") << "set-rate" << QJsonObject{{"nodeId", "web"}, {"ratePerSecond", 5}} << "not-possible";
}

void TestNodeControl::injectArgumentsAreChecked()
{
    QFETCH(QString, command);
    QFETCH(QJsonObject, args);
    QFETCH(QString, code);
    ControlFixture f;
    QVERIFY(f.start());
    const QJsonObject result = f.run(command, args);
    QVERIFY(!result.value("ok").toBool());
    QCOMPARE(result.value("code").toString(), code);
    QVERIFY(!result.value("error").toString().isEmpty());
    // Nothing reached a node.
    QVERIFY(f.controlLines("svc").isEmpty());
    QVERIFY(f.controlLines("gw").isEmpty());
    QCOMPARE(f.client.node("svc")->injectedLatencyMs, 0);
}

void TestNodeControl::injectReachesTheNodeAndSurvivesRestarts()
{
    QList<NodeStatus> statuses; // before the fixture: its teardown still delivers statuses
    ControlFixture f;
    QVERIFY(f.start());
    connect(&f.client, &RuntimeClient::statusChanged, this, [&statuses](const NodeStatus &s) { statuses.append(s); });

    QJsonObject result = f.run("inject", QJsonObject{{"nodeId", "svc"}, {"latencyMs", 250}, {"errorRate", 0.25}});
    QVERIFY2(result.value("ok").toBool(), qPrintable(compact(result)));
    QCOMPARE(result.value("nodeId").toString(), QString("svc"));
    QCOMPARE(result.value("latencyMs").toInt(), 250);
    QCOMPARE(result.value("errorRate").toDouble(), 0.25);
    const QJsonObject expected{{"type", "faults"}, {"latencyMs", 250}, {"errorRate", 0.25}, {"edges", QJsonObject{}}};
    QTRY_COMPARE_WITH_TIMEOUT(f.controlLines("svc"), QStringList{compact(expected)}, 5000);
    // The status carries it, and a status message announced it.
    QTRY_COMPARE_WITH_TIMEOUT(f.client.node("svc")->injectedLatencyMs, 250, 5000);
    QCOMPARE(f.client.node("svc")->injectedErrorRate, 0.25);
    QVERIFY(!f.client.node("svc")->ratePerSecond);
    QVERIFY(std::any_of(statuses.begin(), statuses.end(),
                        [](const NodeStatus &s) { return s.nodeId == "svc" && s.injectedLatencyMs == 250; }));
    const QJsonObject svcJson = f.commands.snapshot().value("nodes").toArray().at(2).toObject();
    QCOMPARE(svcJson.value("nodeId").toString(), QString("svc"));
    QCOMPARE(svcJson.value("injectedLatencyMs").toInt(), 250);
    QCOMPARE(svcJson.value("injectedErrorRate").toDouble(), 0.25);
    QVERIFY(!f.commands.snapshot().value("nodes").toArray().at(1).toObject().contains("injectedLatencyMs")); // gw

    // restart and kill: the new child gets the config line, then the faults again.
    const qint64 pid = f.client.node("svc")->pid;
    QVERIFY(f.run("restart", QJsonObject{{"nodeId", "svc"}}).value("ok").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(f.client.node("svc")->pid != pid && f.client.node("svc")->state == NodeState::Ready, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.controlLines("svc"), (QStringList{compact(expected), compact(expected)}), 5000);
    QCOMPARE(f.client.node("svc")->injectedLatencyMs, 250);
    const qint64 pid2 = f.client.node("svc")->pid;
    QVERIFY(f.run("kill", QJsonObject{{"nodeId", "svc"}}).value("ok").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(f.client.node("svc")->pid != pid2 && f.client.node("svc")->state == NodeState::Ready, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(f.controlLines("svc").size()), 3, 5000);

    // Clearing: missing values are 0; the status drops the fields.
    result = f.run("inject", QJsonObject{{"nodeId", "svc"}});
    QVERIFY(result.value("ok").toBool());
    QCOMPARE(result.value("latencyMs").toInt(), 0);
    const QJsonObject cleared{{"type", "faults"}, {"latencyMs", 0}, {"errorRate", 0}, {"edges", QJsonObject{}}};
    QTRY_COMPARE_WITH_TIMEOUT(f.controlLines("svc").value(3), compact(cleared), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.client.node("svc")->injectedLatencyMs, 0, 5000);
    QCOMPARE(f.client.node("svc")->injectedErrorRate, 0.0);
    QVERIFY(f.controlLines("gw").isEmpty());
}

void TestNodeControl::edgeFaultsGoToTheSourceNode()
{
    ControlFixture f;
    QVERIFY(f.start());
    QSignalSpy edgeSpy(&f.client, &RuntimeClient::edgeFaultsChanged);
    QVERIFY(f.run("inject", QJsonObject{{"nodeId", "gw"}, {"latencyMs", 5}}).value("ok").toBool());
    QJsonObject result = f.run("inject", QJsonObject{{"edgeId", "e-gw-svc"}, {"latencyMs", 3000}, {"errorRate", 0.5}});
    QVERIFY2(result.value("ok").toBool(), qPrintable(compact(result)));
    QCOMPARE(result.value("edgeId").toString(), QString("e-gw-svc"));
    QCOMPARE(result.value("sourceNodeId").toString(), QString("gw"));
    QCOMPARE(result.value("latencyMs").toInt(), 3000);
    QCOMPARE(result.value("errorRate").toDouble(), 0.5);
    // The source gets its whole state: its node fault stays, the edge joins.
    const QJsonObject expected{{"type", "faults"}, {"latencyMs", 5}, {"errorRate", 0},
                               {"edges", QJsonObject{{"e-gw-svc", QJsonObject{{"latencyMs", 3000}, {"errorRate", 0.5}}}}}};
    QTRY_COMPARE_WITH_TIMEOUT(f.controlLines("gw").value(1), compact(expected), 5000);
    QVERIFY(f.controlLines("svc").isEmpty()); // the target is not told
    const QJsonObject edgeFaults{{"e-gw-svc", QJsonObject{{"sourceNodeId", "gw"}, {"latencyMs", 3000}, {"errorRate", 0.5}}}};
    QCOMPARE(f.commands.snapshot().value("edgeFaults").toObject(), edgeFaults);
    QTRY_VERIFY_WITH_TIMEOUT(!edgeSpy.isEmpty() && edgeSpy.last().first().toJsonObject() == edgeFaults, 5000);
    // The same again changes nothing: no new edgeFaults message.
    const qsizetype before = edgeSpy.size();
    QVERIFY(f.run("inject", QJsonObject{{"edgeId", "e-gw-svc"}, {"latencyMs", 3000}, {"errorRate", 0.5}}).value("ok").toBool());
    QVERIFY(f.run("inject", QJsonObject{{"edgeId", "e-gw-svc"}}).value("ok").toBool()); // clear
    QTRY_COMPARE_WITH_TIMEOUT(edgeSpy.size(), before + 1, 5000);
    QCOMPARE(edgeSpy.last().first().toJsonObject(), QJsonObject{});
    QCOMPARE(f.commands.snapshot().value("edgeFaults").toObject(), QJsonObject{});
    const QJsonObject cleared{{"type", "faults"}, {"latencyMs", 5}, {"errorRate", 0}, {"edges", QJsonObject{}}};
    QTRY_COMPARE_WITH_TIMEOUT(f.controlLines("gw").value(3), compact(cleared), 5000);
    // A new session's snapshot carries them too (RuntimeClient re-emits from the snapshot).
    QVERIFY(f.run("inject", QJsonObject{{"edgeId", "e-gw-svc"}, {"errorRate", 1}}).value("ok").toBool());
    RuntimeClient second;
    QSignalSpy secondSpy(&second, &RuntimeClient::edgeFaultsChanged);
    second.connectToServer(f.server.fullServerName());
    QVERIFY(secondSpy.wait(5000));
    QCOMPARE(secondSpy.first().first().toJsonObject().value("e-gw-svc").toObject().value("errorRate").toDouble(), 1.0);
}

void TestNodeControl::gatewayNodeProcessAppliesFaultsAndStopsAtEof()
{
    const LoadResult example = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    QVERIFY(example.ok());
    QTemporaryDir dataDir;

    // The upstream "inventory": a test node (answers 404 to everything but /readyz).
    const int upstreamPort = pickFreePort();
    QProcess upstream;
    upstream.start(TESTNODE_PATH, {"--port", QString::number(upstreamPort)});
    QVERIFY(upstream.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(httpGet(upstreamPort, "/readyz").status, 200, 5000);

    NodeLaunchConfig c;
    c.nodeId = "gateway";
    c.topology = example.topology;
    c.publicListener = {"127.0.0.1", 0};
    c.internalListener = {"127.0.0.1", 0};
    c.upstreams.insert("inventory", {"127.0.0.1", upstreamPort});
    c.dataDir = dataDir.path();
    c.secrets.insert("apikey.acme",
                     QString::fromLatin1(QCryptographicHash::hash("partner-secret-key-xyz", QCryptographicHash::Sha256).toHex()));
    const QByteArray apiKey = "X-API-Key: partner-secret-key-xyz\r\n";

    QProcess node;
    node.start(RUNTIME_PATH, {"node", "--node", "gateway"});
    QVERIFY(node.waitForStarted());
    node.write(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact) + '\n');
    QByteArray out;
    QByteArray err;
    auto pump = [&] {
        out += node.readAllStandardOutput();
        err += node.readAllStandardError();
    };
    auto event = [&](const QString &name, int nth = 0) {
        int seen = 0;
        for (const QJsonObject &l : jsonLines(out)) {
            if (l.value("event").toString() == name && seen++ == nth)
                return l;
        }
        return QJsonObject{};
    };
    QTRY_VERIFY_WITH_TIMEOUT((pump(), !event("listening").isEmpty()), 10000);
    const int port = event("listening").value("publicPort").toInt();
    QVERIFY(port > 0);
    QCOMPARE(httpGet(port, "/partner/inventory", apiKey).status, 404); // the upstream's own answer

    // Node fault: every request waits, then 503; /healthz is untouched.
    node.write(line({{"type", "faults"}, {"latencyMs", 300}, {"errorRate", 1}}));
    QTRY_VERIFY_WITH_TIMEOUT((pump(), !event("faults").isEmpty()), 5000);
    QCOMPARE(event("faults").value("faults").toObject().value("latencyMs").toInt(), 300);
    QElapsedTimer timer;
    timer.start();
    HttpReply reply = httpGet(port, "/partner/inventory", apiKey);
    QCOMPARE(reply.status, 503);
    QVERIFY(timer.elapsed() >= 300); // a lower bound: the delay really happened
    QVERIFY2(reply.body.contains("fault injected on gateway"), reply.body.constData());
    QCOMPARE(httpGet(port, "/healthz").status, 200);

    // A malformed control line is skipped with a message on stderr; the node goes on.
    node.write("this is not json\n");
    QTRY_VERIFY_WITH_TIMEOUT((pump(), err.contains("skipped a malformed control line")), 5000);

    // Edge fault on gateway → inventory with a delay past the route's 2000 ms timeout: a timeout.
    node.write(line({{"type", "faults"}, {"latencyMs", 0}, {"errorRate", 0},
                     {"edges", QJsonObject{{"e-gateway-inventory", QJsonObject{{"latencyMs", 2500}}}}}}));
    QTRY_VERIFY_WITH_TIMEOUT((pump(), !event("faults", 1).isEmpty()), 5000);
    timer.restart();
    reply = httpGet(port, "/partner/inventory", apiKey);
    QCOMPARE(reply.status, 503);
    QVERIFY(timer.elapsed() >= 2000);
    QVERIFY2(reply.body.contains("did not answer within"), reply.body.constData());

    // Edge fault with errorRate 1 and no delay: the call fails as a 503 from the upstream.
    node.write(line({{"type", "faults"}, {"edges", QJsonObject{{"e-gateway-inventory", QJsonObject{{"errorRate", 1}}}}}}));
    QTRY_VERIFY_WITH_TIMEOUT((pump(), !event("faults", 2).isEmpty()), 5000);
    QCOMPARE(httpGet(port, "/partner/inventory", apiKey).status, 503);

    // Cleared: the upstream answers again.
    node.write(line({{"type", "faults"}, {"latencyMs", 0}, {"errorRate", 0}, {"edges", QJsonObject{}}}));
    QTRY_VERIFY_WITH_TIMEOUT((pump(), !event("faults", 3).isEmpty()), 5000);
    QCOMPARE(httpGet(port, "/partner/inventory", apiKey).status, 404);

    // The access log marks the injected requests.
    pump();
    int injected = 0;
    for (const QJsonObject &l : jsonLines(out))
        injected += l.value("type").toString() == "access" && l.value("injected").toBool() ? 1 : 0;
    QCOMPARE(injected, 3);

    // EOF on stdin: the supervisor is gone, the node stops cleanly.
    node.closeWriteChannel();
    QVERIFY(node.waitForFinished(15000));
    QCOMPARE(node.exitStatus(), QProcess::NormalExit);
    QCOMPARE(node.exitCode(), 0);
    pump();
    QVERIFY2(!event("stopped").isEmpty(), out.constData());
    QCOMPARE(httpGet(port, "/healthz").status, 0);

    upstream.terminate();
    upstream.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestNodeControl)
#include "tst_nodecontrol.moc"
