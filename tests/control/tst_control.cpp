// The control protocol (docs/runtime-protocol.md) between a real ControlServer over a real
// ProcessManager (test node children) and TelemetryHub, and raw sockets or the RuntimeClient.
#include "control/controlserver.h"
#include "control/stackcontrol.h"
#include "runtimeclient/protocol.h"
#include "runtimeclient/runtimeclient.h"
#include "supervisor/portcheck.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

// A protocol client on a bare socket, to send anything and see every reply.
struct RawClient
{
    QLocalSocket socket;
    QByteArray buffer;
    QList<QJsonObject> received;

    bool connect(const QString &name)
    {
        socket.connectToServer(name);
        return socket.waitForConnected(3000);
    }
    void send(const QByteArray &line) { socket.write(line); socket.flush(); }
    void hello(const QJsonValue &protocol = QJsonArray{1})
    {
        send(Protocol::encode(QJsonObject{{"type", "hello"}, {"protocol", protocol}, {"client", "raw"}}));
    }
    void pump()
    {
        buffer += socket.readAll();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            received.append(QJsonDocument::fromJson(buffer.left(nl)).object());
            buffer.remove(0, nl + 1);
        }
    }
    // Waits for the next message of `type` after index `from`.
    QJsonObject waitFor(const QString &type, int from = 0, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            pump();
            for (int i = from; i < received.size(); ++i) {
                if (received.at(i).value("type").toString() == type)
                    return received.at(i);
            }
            socket.waitForReadyRead(20);
            QCoreApplication::processEvents();
        }
        return {};
    }
};

RestartPolicy fastPolicy()
{
    RestartPolicy p;
    p.initialBackoffMs = 50;
    p.probeIntervalMs = 50;
    p.healthIntervalMs = 200;
    p.stopGraceMs = 500;
    return p;
}

struct Fixture
{
    QTemporaryDir dir;
    ProcessManager processes{fastPolicy()};
    TelemetryHub hub;
    StackControl commands{&processes, &hub};
    ControlServer server{&commands, "9.9.9"};
    QString socketName;

    explicit Fixture(ControlSession::Limits limits = {})
    {
        socketName = dir.filePath("control.sock");
        server.setLimits(limits);
        commands.setServer(&server);
        commands.setStackInfo(QJsonObject{{"name", "test"}, {"state", "running"}});
        QObject::connect(&processes, &ProcessManager::statusChanged, &server, &ControlServer::broadcastStatus);
        QObject::connect(&processes, &ProcessManager::logLine, &server, &ControlServer::broadcastLog);
        QObject::connect(&hub, &TelemetryHub::spansReceived, &server, &ControlServer::broadcastSpans);
        QObject::connect(&hub, &TelemetryHub::logReceived, &server, &ControlServer::broadcastLog);
        QString error;
        if (!server.listen(socketName, &error) || !hub.listen(0, &error))
            qFatal("%s", qPrintable(error));
        NodeSpec spec;
        spec.nodeId = "svc";
        spec.program = TESTNODE_PATH;
        const int port = pickFreePort();
        spec.arguments = {"--port", QString::number(port)};
        spec.readinessPort = port;
        spec.listenPorts = {port};
        processes.addNode(spec);
    }
    ~Fixture()
    {
        QSignalSpy stopped(&processes, &ProcessManager::allStopped);
        processes.stopAll();
        if (stopped.isEmpty())
            stopped.wait(5000);
    }
};

QByteArray spanBatch(int first, int count, const QString &traceId = {})
{
    QJsonArray spans;
    for (int i = first; i < first + count; ++i) {
        spans.append(QJsonObject{{"traceId", traceId.isEmpty() ? QString("%1").arg(i + 1, 32, 16, QChar('0')) : traceId},
                                 {"spanId", QString("%1").arg(i + 1, 16, 16, QChar('0'))},
                                 {"nodeId", "svc"},
                                 {"edgeId", "e1"},
                                 {"name", "GET /items"},
                                 {"kind", "http.server"},
                                 {"outcome", "ok"},
                                 {"startUs", 1700000000000000LL},
                                 {"durationUs", 1500}});
    }
    return QJsonDocument(QJsonObject{{"type", "spans"}, {"nodeId", "svc"}, {"spans", spans}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helloNegotiatesTheVersion_data();
    void helloNegotiatesTheVersion();
    void messagesBeforeHelloAreRefused();
    void snapshotThenStatusChanges();
    void commandsAndResults();
    void malformedMessagesGetErrorReplies_data();
    void malformedMessagesGetErrorReplies();
    void overlongLineClosesOnlyThatClient();
    void spansLogsMetricsAndTraces();
    void slowClientIsDroppedNotWaitedFor();
    void sameProtocolOverLoopbackWebSocket();
    void webSocketFromABrowserPageIsRefused();
};

void TestControl::helloNegotiatesTheVersion_data()
{
    QTest::addColumn<QJsonValue>("protocol");
    QTest::addColumn<int>("chosen"); // 0: refused
    QTest::newRow("list with 1") << QJsonValue(QJsonArray{1}) << 1;
    QTest::newRow("newer client also speaks 1") << QJsonValue(QJsonArray{1, 2, 7}) << 1;
    QTest::newRow("single number") << QJsonValue(1) << 1;
    QTest::newRow("only future versions") << QJsonValue(QJsonArray{2, 3}) << 0;
    QTest::newRow("no version") << QJsonValue() << 0;
}

void TestControl::helloNegotiatesTheVersion()
{
    QFETCH(QJsonValue, protocol);
    QFETCH(int, chosen);
    Fixture f;
    RawClient c;
    QVERIFY(c.connect(f.socketName));
    c.hello(protocol);
    if (chosen) {
        const QJsonObject welcome = c.waitFor("welcome");
        QCOMPARE(welcome.value("protocol").toInt(), chosen);
        QCOMPARE(welcome.value("runtimeVersion").toString(), QString("9.9.9"));
        QVERIFY(!c.waitFor("snapshot").isEmpty()); // a snapshot follows the welcome
    } else {
        const QJsonObject error = c.waitFor("error");
        QCOMPARE(error.value("code").toString(), QString("unsupported-version"));
        QTRY_COMPARE_WITH_TIMEOUT(c.socket.state(), QLocalSocket::UnconnectedState, 3000);
        QVERIFY(c.waitFor("welcome", 0, 200).isEmpty());
    }
}

void TestControl::messagesBeforeHelloAreRefused()
{
    Fixture f;
    RawClient c;
    QVERIFY(c.connect(f.socketName));
    c.send(R"({"type":"command","id":7,"command":"stats"})" "\n");
    const QJsonObject error = c.waitFor("error");
    QCOMPARE(error.value("code").toString(), QString("hello-required"));
    QCOMPARE(error.value("inReplyTo").toInt(), 7);
    c.hello();
    QVERIFY(!c.waitFor("welcome").isEmpty());
}

void TestControl::snapshotThenStatusChanges()
{
    Fixture f;
    RuntimeClient client;
    QSignalSpy snapshot(&client, &RuntimeClient::snapshotReceived);
    client.connectToServer(f.socketName);
    QVERIFY(snapshot.wait(5000));
    QVERIFY(client.isReady());
    QCOMPARE(client.protocolVersion(), 1);
    QCOMPARE(client.nodes().size(), 1);
    QCOMPARE(client.node("svc")->state, NodeState::Stopped);
    QCOMPARE(snapshot.first().at(1).toJsonObject().value("stack").toObject().value("name").toString(), QString("test"));

    QList<NodeState> states;
    connect(&client, &RuntimeClient::statusChanged, this, [&states](const NodeStatus &s) { states.append(s.state); });
    f.processes.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Ready, 5000);
    QVERIFY(states.contains(NodeState::Starting));
    QCOMPARE(states.last(), NodeState::Ready);
    QVERIFY(client.node("svc")->pid > 0);
    QCOMPARE(client.node("svc")->pid, f.processes.process("svc")->status().pid);
}

void TestControl::commandsAndResults()
{
    Fixture f;
    RuntimeClient client;
    QSignalSpy welcomed(&client, &RuntimeClient::welcomed);
    client.connectToServer(f.socketName);
    QVERIFY(welcomed.wait(5000));
    f.processes.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Ready, 5000);

    QHash<int, QJsonObject> results;
    connect(&client, &RuntimeClient::commandFinished, this, [&results](int id, bool, const QJsonObject &r) { results.insert(id, r); });
    auto run = [&](const QString &command, const QJsonObject &args) {
        const int id = client.sendCommand(command, args);
        QDeadlineTimer deadline(5000);
        while (!results.contains(id) && !deadline.hasExpired())
            QTest::qWait(5);
        return results.value(id); // empty (ok false, no code) on a timeout: the checks below fail
    };
    const QJsonObject node{{"nodeId", "svc"}};

    QJsonObject r = run("pause", node);
    QVERIFY(r.value("ok").toBool());
    QCOMPARE(r.value("command").toString(), QString("pause"));
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Paused, 5000);
    r = run("pause", node);
    QVERIFY(!r.value("ok").toBool());
    QCOMPARE(r.value("code").toString(), QString("not-possible"));
    QVERIFY(run("resume", node).value("ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Ready, 5000);

    QVERIFY(run("stop", node).value("ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Stopped, 5000);
    QVERIFY(run("start", node).value("ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->state, NodeState::Ready, 5000);
    const qint64 pid = client.node("svc")->pid;
    QVERIFY(run("kill", node).value("ok").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(client.node("svc")->state == NodeState::Ready && client.node("svc")->pid != pid, 5000);
    QCOMPARE(client.node("svc")->restarts, 1);

    QCOMPARE(run("stop", QJsonObject{{"nodeId", "ghost"}}).value("code").toString(), QString("unknown-node"));
    QCOMPARE(run("stop", {}).value("code").toString(), QString("invalid-argument"));
    QCOMPARE(run("teleport", node).value("code").toString(), QString("unknown-command"));
    // inject and set-rate in depth: tests/supervisor/tst_nodecontrol.cpp.
    r = run("inject", QJsonObject{{"nodeId", "svc"}, {"latencyMs", 200}});
    QVERIFY(r.value("ok").toBool());
    QCOMPARE(r.value("latencyMs").toInt(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(client.node("svc")->injectedLatencyMs, 200, 5000);
    QCOMPARE(run("set-rate", QJsonObject{{"nodeId", "web"}, {"ratePerSecond", 5}}).value("code").toString(), QString("unknown-node"));
    QCOMPARE(run("set-rate", QJsonObject{{"nodeId", "svc"}, {"ratePerSecond", 5}}).value("code").toString(), QString("not-possible"));
    r = run("stats", {});
    QVERIFY(r.value("ok").toBool());
    QCOMPARE(r.value("control").toObject().value("clients").toInt(), 1);
    QVERIFY(r.value("intake").isObject());
    r = run("snapshot", {});
    QCOMPARE(r.value("nodes").toArray().size(), 1);

    QSignalSpy shutdown(&f.server, &ControlServer::shutdownRequested);
    QVERIFY(run("shutdown", {}).value("ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(shutdown.size(), 1, 2000);
}

void TestControl::malformedMessagesGetErrorReplies_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("hello there") << "malformed";
    QTest::newRow("array") << QByteArray("[1,2,3]") << "malformed";
    QTest::newRow("no type") << QByteArray("{\"id\":1}") << "malformed";
    QTest::newRow("type not a string") << QByteArray("{\"type\":5}") << "malformed";
    QTest::newRow("unknown type") << QByteArray("{\"type\":\"dance\"}") << "unknown-type";
    QTest::newRow("truncated") << QByteArray("{\"type\":\"command\",\"id\":") << "malformed";
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << "malformed";
    QTest::newRow("command without name") << QByteArray("{\"type\":\"command\",\"id\":3}") << "";
}

void TestControl::malformedMessagesGetErrorReplies()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    Fixture f;
    RawClient c;
    QVERIFY(c.connect(f.socketName));
    c.hello();
    QVERIFY(!c.waitFor("welcome").isEmpty());
    const int before = c.received.size();
    c.send(line + '\n');
    if (code.isEmpty()) {
        const QJsonObject result = c.waitFor("result", before);
        QVERIFY(!result.value("ok").toBool());
        QCOMPARE(result.value("code").toString(), QString("invalid-argument"));
    } else {
        QCOMPARE(c.waitFor("error", before).value("code").toString(), code);
    }
    // The session (and the server) carry on.
    const int after = c.received.size();
    c.send(R"({"type":"command","id":99,"command":"stats"})" "\n");
    const QJsonObject result = c.waitFor("result", after);
    QCOMPARE(result.value("id").toInt(), 99);
    QVERIFY(result.value("ok").toBool());
}

void TestControl::overlongLineClosesOnlyThatClient()
{
    Fixture f;
    RawClient bad;
    QVERIFY(bad.connect(f.socketName));
    bad.hello();
    QVERIFY(!bad.waitFor("welcome").isEmpty());
    RawClient good;
    QVERIFY(good.connect(f.socketName));
    good.hello();
    QVERIFY(!good.waitFor("welcome").isEmpty());
    bad.send(QByteArray(Protocol::MaxLineBytes + 4096, 'x'));
    QCOMPARE(bad.waitFor("error", 0, 10000).value("code").toString(), QString("malformed"));
    QTRY_COMPARE_WITH_TIMEOUT(bad.socket.state(), QLocalSocket::UnconnectedState, 5000);
    const int before = good.received.size();
    good.send(R"({"type":"command","id":1,"command":"stats"})" "\n");
    QVERIFY(good.waitFor("result", before).value("ok").toBool());
}

void TestControl::spansLogsMetricsAndTraces()
{
    Fixture f;
    RuntimeClient client;
    QSignalSpy welcomed(&client, &RuntimeClient::welcomed);
    client.connectToServer(f.socketName);
    QVERIFY(welcomed.wait(5000));
    QList<Span> spans;
    QList<QJsonObject> logs;
    QJsonObject metrics;
    connect(&client, &RuntimeClient::spansReceived, this, [&spans](const QList<Span> &s) { spans += s; });
    connect(&client, &RuntimeClient::logReceived, this, [&logs](const QJsonObject &l) { logs.append(l); });
    connect(&client, &RuntimeClient::metricsReceived, this, [&metrics](const QJsonObject &m) { metrics = m; });

    const QString trace(32, 'c');
    f.hub.ingestLine(spanBatch(0, 3, trace));
    f.hub.ingestLine(R"({"type":"log","nodeId":"svc","level":"error","message":"db down"})");
    f.server.broadcastMetrics(f.hub.metrics());
    QTRY_COMPARE_WITH_TIMEOUT(spans.size(), 3, 5000);
    QCOMPARE(spans.first().traceId, trace);
    QCOMPARE(spans.first().nodeId, QString("svc"));
    QTRY_COMPARE_WITH_TIMEOUT(logs.size(), 1, 5000);
    QCOMPARE(logs.first().value("message").toString(), QString("db down"));
    QCOMPARE(logs.first().value("level").toString(), QString("error"));
    QTRY_VERIFY_WITH_TIMEOUT(!metrics.isEmpty(), 5000);
    QCOMPARE(metrics.value("nodes").toObject().value("svc").toObject().value("count").toInt(), 3);
    QCOMPARE(metrics.value("edges").toObject().value("e1").toObject().value("p50Ms").toDouble(), 1.5);

    QJsonObject result;
    connect(&client, &RuntimeClient::commandFinished, this, [&result](int, bool, const QJsonObject &r) { result = r; });
    client.sendCommand("trace", QJsonObject{{"traceId", trace}});
    QTRY_VERIFY_WITH_TIMEOUT(!result.isEmpty(), 5000);
    QCOMPARE(result.value("spans").toArray().size(), 3);

    // A client that subscribed to status only gets no spans.
    RawClient statusOnly;
    QVERIFY(statusOnly.connect(f.socketName));
    statusOnly.send(Protocol::encode(QJsonObject{{"type", "hello"}, {"protocol", QJsonArray{1}}, {"subscribe", QJsonArray{"status"}}}));
    QVERIFY(!statusOnly.waitFor("snapshot").isEmpty());
    f.hub.ingestLine(spanBatch(10, 2));
    QTRY_COMPARE_WITH_TIMEOUT(spans.size(), 5, 5000);
    QVERIFY(statusOnly.waitFor("spans", 0, 300).isEmpty());
}

void TestControl::slowClientIsDroppedNotWaitedFor()
{
    ControlSession::Limits limits;
    limits.softBytes = 64 * 1024;
    limits.hardBytes = 512 * 1024;
    Fixture f(limits);
    f.processes.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(f.processes.process("svc")->status().state, NodeState::Ready, 5000);

    RawClient slow; // says hello, then never reads
    // Without a bound, QLocalSocket would keep draining the kernel buffer into memory for us.
    slow.socket.setReadBufferSize(4096);
    QVERIFY(slow.connect(f.socketName));
    slow.hello();
    QTRY_COMPARE_WITH_TIMEOUT(f.server.counters().value("clients").toInt(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(f.server.counters().value("sessions").toArray().at(0).toObject().value("sent").toInt() >= 2, 5000);

    RuntimeClient fast;
    QSignalSpy welcomed(&fast, &RuntimeClient::welcomed);
    fast.connectToServer(f.socketName);
    QVERIFY(welcomed.wait(5000));
    int fastSpans = 0;
    connect(&fast, &RuntimeClient::spansReceived, this, [&fastSpans](const QList<Span> &s) { fastSpans += s.size(); });

    // ~6 MB of spans: far more than the slow client's socket buffer and soft limit hold.
    const int batches = 400;
    const int perBatch = 50;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < batches; ++i) {
        f.hub.ingestLine(spanBatch(i * perBatch, perBatch));
        QCoreApplication::processEvents(); // the fast client reads as it goes
    }
    QTRY_COMPARE_WITH_TIMEOUT(fastSpans, batches * perBatch, 20000);
    // A figure for the report, not an assertion: intake → aggregation → two sessions → client parse.
    qInfo("%d spans through intake, control server and RuntimeClient in %lld ms (one slow client attached)",
          batches * perBatch, static_cast<long long>(timer.elapsed()));

    auto sessionOf = [&f](const QString &client) {
        const QJsonArray sessions = f.server.counters().value("sessions").toArray();
        for (const QJsonValue &v : sessions) {
            if (v.toObject().value("client").toString() == client)
                return v.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject slowCounters = sessionOf("raw");
    QVERIFY2(slowCounters.value("droppedSpans").toInt() > 0, qPrintable(QJsonDocument(slowCounters).toJson()));
    QVERIFY(slowCounters.value("queuedBytes").toInteger() <= limits.softBytes + 64 * 1024); // bounded, not 6 MB
    QCOMPARE(sessionOf("gatehouse-runtimeclient").value("droppedSpans").toInt(), 0);

    // The stack was not held up: the node stayed ready and commands still answer at once.
    QCOMPARE(f.processes.process("svc")->status().state, NodeState::Ready);
    QSignalSpy result(&fast, &RuntimeClient::commandFinished);
    fast.sendCommand("pause", QJsonObject{{"nodeId", "svc"}});
    QVERIFY(result.wait(2000));
    QVERIFY(result.first().at(1).toBool());
    fast.sendCommand("resume", QJsonObject{{"nodeId", "svc"}});
    QVERIFY(result.wait(2000));

    // Once the slow client reads again, it learns how much it missed.
    const QJsonObject dropped = slow.waitFor("dropped", 0, 10000);
    QVERIFY(dropped.value("droppedSpans").toInt() > 0);

    // A client that stops reading while must-deliver messages pile up past the hard limit is cut off.
    RawClient stuck;
    stuck.socket.setReadBufferSize(4096);
    QVERIFY(stuck.connect(f.socketName));
    stuck.hello();
    QTRY_COMPARE_WITH_TIMEOUT(f.server.counters().value("clients").toInt(), 3, 5000);
    NodeStatus status = f.processes.process("svc")->status();
    status.message = QString(400, 'm');
    for (int i = 0; i < 3000 && f.server.counters().value("slowClientsDropped").toInt() == 0; ++i) {
        status.restarts = i;
        f.server.broadcastStatus(status);
        QCoreApplication::processEvents();
    }
    QCOMPARE(f.server.counters().value("slowClientsDropped").toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.server.counters().value("clients").toInt(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(fast.node("svc")->restarts, status.restarts, 10000); // the fast one got every status
}

void TestControl::sameProtocolOverLoopbackWebSocket()
{
    Fixture f;
    QString error;
    QVERIFY2(f.server.listenWebSocket(0, &error), qPrintable(error));
    QVERIFY(f.server.webSocketPort() > 0);
    QWebSocket ws;
    QList<QJsonObject> messages;
    connect(&ws, &QWebSocket::textMessageReceived, this,
            [&messages](const QString &m) { messages.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(QString("ws://127.0.0.1:%1").arg(f.server.webSocketPort())));
    QVERIFY(connected.wait(5000));
    // Pretty-printed JSON in one message is still one protocol message.
    ws.sendTextMessage("{\n  \"type\": \"hello\",\n  \"protocol\": [1]\n}");
    QTRY_VERIFY_WITH_TIMEOUT(messages.size() >= 2, 5000);
    QCOMPARE(messages.at(0).value("type").toString(), QString("welcome"));
    QCOMPARE(messages.at(1).value("type").toString(), QString("snapshot"));
    QCOMPARE(messages.at(1).value("stack").toObject().value("webSocketPort").toInt(), f.server.webSocketPort());

    f.processes.startAll();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.begin(), messages.end(), [](const QJsonObject &m) {
        return m.value("type") == "status" && m.value("node").toObject().value("state") == "ready";
    }), 5000);
    ws.sendTextMessage(R"({"type":"command","id":5,"command":"pause","nodeId":"svc"})");
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.begin(), messages.end(), [](const QJsonObject &m) {
        return m.value("type") == "result" && m.value("id").toInt() == 5 && m.value("ok").toBool();
    }), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(f.processes.process("svc")->status().state, NodeState::Paused, 5000);
    ws.sendTextMessage("garbage");
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.begin(), messages.end(), [](const QJsonObject &m) {
        return m.value("type") == "error" && m.value("code") == "malformed";
    }), 5000);
    QCOMPARE(f.server.counters().value("clients").toInt(), 1);
}

void TestControl::webSocketFromABrowserPageIsRefused()
{
    Fixture f;
    QString error;
    QVERIFY(f.server.listenWebSocket(0, &error));
    QWebSocket ws("http://evil.example"); // browsers always send the page's Origin
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
    ws.open(QUrl(QString("ws://127.0.0.1:%1").arg(f.server.webSocketPort())));
    QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty() || ws.state() == QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(connected.isEmpty());
    QCOMPARE(f.server.counters().value("clients").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestControl)
#include "tst_control.moc"
