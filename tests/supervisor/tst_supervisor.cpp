// The process manager with real child processes (tests/supervisor/testnode.cpp), the stack lock
// and crash recovery, and the telemetry intake over real TCP.
#include "supervisor/metricswindow.h"
#include "supervisor/portcheck.h"
#include "supervisor/processmanager.h"
#include "supervisor/stacklock.h"
#include "supervisor/telemetryhub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

RestartPolicy fastPolicy()
{
    RestartPolicy p;
    p.initialBackoffMs = 50;
    p.maxBackoffMs = 400;
    p.stableAfterMs = 60000;
    p.readyTimeoutMs = 5000;
    p.probeIntervalMs = 50;
    p.healthIntervalMs = 100;
    p.probeTimeoutMs = 300;
    p.unhealthyAfter = 2;
    p.stopGraceMs = 500;
    return p;
}

NodeSpec testNode(const QString &id, int group, int port, const QStringList &extra = {})
{
    NodeSpec spec;
    spec.nodeId = id;
    spec.program = QStringLiteral(TESTNODE_PATH);
    spec.arguments = QStringList{QStringLiteral("--port"), QString::number(port)} + extra;
    spec.startGroup = group;
    spec.readinessPort = port;
    spec.listenPorts = {port};
    return spec;
}

// Whether a process exists and is not a zombie.
bool isAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray content = stat.readAll();
    return content.mid(content.lastIndexOf(')') + 2, 1) != "Z";
}

char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray content = stat.readAll();
    return content.at(content.lastIndexOf(')') + 2);
}

struct Recorder
{
    QList<NodeStatus> events;
    explicit Recorder(ProcessManager &m)
    {
        QObject::connect(&m, &ProcessManager::statusChanged, &m, [this](const NodeStatus &s) { events.append(s); });
    }
    int indexOf(const QString &node, NodeState state, int from = 0) const
    {
        for (int i = from; i < events.size(); ++i) {
            if (events.at(i).nodeId == node && events.at(i).state == state)
                return i;
        }
        return -1;
    }
};

NodeStatus statusOf(ProcessManager &m, const QString &id)
{
    return m.process(id)->status();
}

QByteArray spanLine(const QString &node, const QString &edge, int index, qint64 durationUs, const QString &outcome,
                    const QString &traceId = {})
{
    QJsonObject span{{"traceId", traceId.isEmpty() ? QString("%1").arg(index + 1, 32, 16, QChar('0')) : traceId},
                     {"spanId", QString("%1").arg(index + 1, 16, 16, QChar('0'))},
                     {"nodeId", node},
                     {"edgeId", edge},
                     {"name", "GET /x"},
                     {"kind", "http.server"},
                     {"outcome", outcome},
                     {"startUs", 1700000000000000LL},
                     {"durationUs", durationUs}};
    return QJsonDocument(QJsonObject{{"type", "spans"}, {"nodeId", node}, {"spans", QJsonArray{span}}}).toJson(QJsonDocument::Compact)
        + '\n';
}

} // namespace

class TestSupervisor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsGroupsInOrderAndStopsInReverse();
    void waitsForARealReadinessAnswer();
    void notReadyInTimeCountsAsACrash();
    void crashRestartsWithGrowingBackoff();
    void killRestartsTheNode();
    void pauseAndResume();
    void hungNodeBecomesDegraded();
    void stopLeavesNoProcessAndNoListener();
    void stopEscalatesToSigkill();
    void portAlreadyTaken();
    void outputBecomesStructuredLogLines();
    void controlMessagesReachTheChildAndSurviveRestarts();
    void controlMessageBeforeStartIsSentAfterTheConfig();
    void sendControlErrors();
    void unavailableNodeIsDownAndDoesNotBlockStartup();
    void commandErrors();
    void dataDirNotWritable();
    void lockIsExclusiveAndStaleLockIsTakenOver();
    void orphansOfAKilledSupervisorAreKilled();
    void metricsWindowPercentiles();
    void telemetryIntakeOverTcp();
};

void TestSupervisor::startsGroupsInOrderAndStopsInReverse()
{
    ProcessManager m(fastPolicy());
    Recorder r(m);
    m.addNode(testNode("gateway", 2, pickFreePort()));
    m.addNode(testNode("auth", 0, pickFreePort(), {"--ready-after-ms", "300"}));
    m.addNode(testNode("order", 1, pickFreePort(), {"--ready-after-ms", "200"}));
    m.addNode(testNode("inventory", 1, pickFreePort()));
    QSignalSpy finished(&m, &ProcessManager::startupFinished);
    m.startAll();
    QVERIFY(finished.wait(10000));
    for (const QString id : {"auth", "order", "inventory", "gateway"})
        QCOMPARE(statusOf(m, id).state, NodeState::Ready);

    // Each group starts only after every node of the previous group is ready.
    const int authReady = r.indexOf("auth", NodeState::Ready);
    QVERIFY(authReady >= 0);
    QVERIFY(r.indexOf("order", NodeState::Starting) > authReady);
    QVERIFY(r.indexOf("inventory", NodeState::Starting) > authReady);
    const int servicesReady = std::max(r.indexOf("order", NodeState::Ready), r.indexOf("inventory", NodeState::Ready));
    QVERIFY(r.indexOf("gateway", NodeState::Starting) > servicesReady);

    const int before = r.events.size();
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 10000); // may already have fired inside stopAll()
    const int gatewayStopped = r.indexOf("gateway", NodeState::Stopped, before);
    const int orderStopped = r.indexOf("order", NodeState::Stopped, before);
    const int inventoryStopped = r.indexOf("inventory", NodeState::Stopped, before);
    const int authStopped = r.indexOf("auth", NodeState::Stopped, before);
    QVERIFY(gatewayStopped >= 0 && orderStopped >= 0 && inventoryStopped >= 0 && authStopped >= 0);
    QVERIFY(gatewayStopped < orderStopped && gatewayStopped < inventoryStopped);
    QVERIFY(authStopped > orderStopped && authStopped > inventoryStopped);
}

void TestSupervisor::waitsForARealReadinessAnswer()
{
    ProcessManager m(fastPolicy());
    Recorder r(m);
    m.addNode(testNode("svc", 0, pickFreePort(), {"--ready-after-ms", "500"}));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 10000);
    // Before ready, the probe saw the node's own 503 answer: a real HTTP check, not "process started".
    const bool saw503 = std::any_of(r.events.begin(), r.events.end(), [](const NodeStatus &s) {
        return s.state == NodeState::Starting && s.message.contains("HTTP 503");
    });
    QVERIFY(saw503);
    QVERIFY(statusOf(m, "svc").pid > 0);
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::notReadyInTimeCountsAsACrash()
{
    RestartPolicy p = fastPolicy();
    p.readyTimeoutMs = 400;
    ProcessManager m(p);
    Recorder r(m);
    m.addNode(testNode("svc", 0, pickFreePort(), {"--never-ready"}));
    m.startAll();
    QTRY_VERIFY_WITH_TIMEOUT(r.indexOf("svc", NodeState::Down) >= 0, 5000);
    QVERIFY2(r.events.at(r.indexOf("svc", NodeState::Down)).message.contains("not ready after 400 ms"),
             qPrintable(r.events.at(r.indexOf("svc", NodeState::Down)).message));
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m, "svc").restarts >= 1, 5000);
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::crashRestartsWithGrowingBackoff()
{
    ProcessManager m(fastPolicy());
    Recorder r(m);
    m.addNode(testNode("svc", 0, pickFreePort(), {"--crash-after-ms", "30"}));
    m.startAll();
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m, "svc").restarts >= 4, 10000);
    QStringList downMessages;
    for (const NodeStatus &s : std::as_const(r.events)) {
        if (s.state == NodeState::Down)
            downMessages.append(s.message);
    }
    QVERIFY(downMessages.size() >= 4);
    QCOMPARE(downMessages.at(0), QString("exited with code 3; restarting in 50 ms"));
    QCOMPARE(downMessages.at(1), QString("exited with code 3; restarting in 100 ms"));
    QCOMPARE(downMessages.at(2), QString("exited with code 3; restarting in 200 ms"));
    QCOMPARE(downMessages.at(3), QString("exited with code 3; restarting in 400 ms"));
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m, "svc").restarts >= 5, 10000);
    QVERIFY(m.process("svc")->currentBackoffMs() == 400); // capped at maxBackoffMs
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
    QCOMPARE(statusOf(m, "svc").state, NodeState::Stopped);
}

void TestSupervisor::killRestartsTheNode()
{
    ProcessManager m(fastPolicy());
    Recorder r(m);
    m.addNode(testNode("svc", 0, pickFreePort()));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    const qint64 firstPid = statusOf(m, "svc").pid;
    QString error, code;
    QVERIFY(m.command("kill", "svc", &error, &code));
    QTRY_VERIFY_WITH_TIMEOUT(r.indexOf("svc", NodeState::Down) >= 0, 5000);
    QVERIFY(r.events.at(r.indexOf("svc", NodeState::Down)).message.startsWith("killed by command"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    QCOMPARE(statusOf(m, "svc").restarts, 1);
    QVERIFY(statusOf(m, "svc").pid != firstPid);
    QVERIFY(!isAlive(firstPid));
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::pauseAndResume()
{
    ProcessManager m(fastPolicy());
    m.addNode(testNode("svc", 0, pickFreePort()));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    const qint64 pid = statusOf(m, "svc").pid;
    QString error, code;
    QVERIFY(m.command("pause", "svc", &error, &code));
    QCOMPARE(statusOf(m, "svc").state, NodeState::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), 'T', 2000);
    QVERIFY(!m.command("pause", "svc", &error, &code));
    QCOMPARE(code, QString("not-possible"));
    QVERIFY(m.command("resume", "svc", &error, &code));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    QCOMPARE(statusOf(m, "svc").pid, pid); // the same process, not a restart
    QCOMPARE(statusOf(m, "svc").restarts, 0);
    QVERIFY(!m.command("resume", "svc", &error, &code));
    // Stopping a paused node works too (SIGCONT before SIGTERM).
    QVERIFY(m.command("pause", "svc", &error, &code));
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
    QVERIFY(!isAlive(pid));
}

void TestSupervisor::hungNodeBecomesDegraded()
{
    ProcessManager m(fastPolicy());
    m.addNode(testNode("svc", 0, pickFreePort(), {"--hang-after-ms", "400"}));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Degraded, 5000);
    QVERIFY(statusOf(m, "svc").message.contains("readiness check failed"));
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::stopLeavesNoProcessAndNoListener()
{
    ProcessManager m(fastPolicy());
    const int p1 = pickFreePort();
    const int p2 = pickFreePort();
    m.addNode(testNode("a", 0, p1, {"--spawn-child"}));
    m.addNode(testNode("b", 1, p2));
    qint64 grandchild = 0;
    connect(&m, &ProcessManager::logLine, this, [&grandchild](const QJsonObject &line) {
        const QString message = line.value("message").toString();
        if (message.startsWith("child:"))
            grandchild = message.mid(6).toLongLong();
    });
    QSignalSpy finished(&m, &ProcessManager::startupFinished);
    m.startAll();
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(grandchild > 0, 5000);
    const qint64 pa = statusOf(m, "a").pid;
    const qint64 pb = statusOf(m, "b").pid;
    QVERIFY(isAlive(pa) && isAlive(pb) && isAlive(grandchild));
    QVERIFY(isListening(p1) && isListening(p2));
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 10000); // may already have fired inside stopAll()
    QVERIFY(!isAlive(pa));
    QVERIFY(!isAlive(pb));
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(grandchild), 3000); // reaped by init once killed with the group
    QVERIFY(!isListening(p1));
    QVERIFY(!isListening(p2));
}

void TestSupervisor::stopEscalatesToSigkill()
{
    ProcessManager m(fastPolicy());
    Recorder r(m);
    m.addNode(testNode("svc", 0, pickFreePort(), {"--ignore-term"}));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 5000);
    const qint64 pid = statusOf(m, "svc").pid;
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
    QCOMPARE(statusOf(m, "svc").state, NodeState::Stopped);
    QVERIFY(!isAlive(pid));
    QCOMPARE(r.indexOf("svc", NodeState::Down), -1); // a requested stop is not a crash
}

void TestSupervisor::portAlreadyTaken()
{
    auto blocker = std::make_unique<QTcpServer>();
    QVERIFY(blocker->listen(QHostAddress::LocalHost, 0));
    const int port = blocker->serverPort();
    ProcessManager m(fastPolicy());
    m.addNode(testNode("svc", 0, port));
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Down, 5000);
    QVERIFY2(statusOf(m, "svc").message.contains(QString("port 127.0.0.1:%1 is already in use").arg(port)),
             qPrintable(statusOf(m, "svc").message));
    QCOMPARE(statusOf(m, "svc").pid, 0);
    // Once the port is free again, the retry with backoff brings the node up.
    blocker.reset();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m, "svc").state, NodeState::Ready, 10000);
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::outputBecomesStructuredLogLines()
{
    ProcessManager m(fastPolicy());
    NodeSpec spec = testNode("svc", 0, pickFreePort(), {"--log-lines", "2", "--echo-stdin"});
    spec.stdinPayload = "{\"launch\":\"config\"}";
    m.addNode(spec);
    QList<QJsonObject> lines;
    connect(&m, &ProcessManager::logLine, this, [&lines](const QJsonObject &l) { lines.append(l); });
    m.startAll();
    QTRY_VERIFY_WITH_TIMEOUT(lines.size() >= 5, 5000);
    auto find = [&lines](const QString &message) -> QJsonObject {
        for (const QJsonObject &l : lines) {
            if (l.value("message").toString() == message)
                return l;
        }
        return {};
    };
    const QJsonObject stdinLine = find("stdin:{\"launch\":\"config\"}");
    QCOMPARE(stdinLine.value("nodeId").toString(), QString("svc"));
    QCOMPARE(stdinLine.value("stream").toString(), QString("stdout"));
    QCOMPARE(stdinLine.value("type").toString(), QString("log"));
    QVERIFY(stdinLine.value("timeMs").toInteger() > 0);
    QCOMPARE(find("plain line 1").value("level").toString(), QString("info"));
    const QJsonObject structured = find("structured");
    QCOMPARE(structured.value("level").toString(), QString("error"));
    QCOMPARE(structured.value("fields").toObject().value("code").toInt(), 42);
    const QJsonObject err = find("to stderr");
    QCOMPARE(err.value("stream").toString(), QString("stderr"));
    QCOMPARE(err.value("level").toString(), QString("warning"));
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

namespace {

// Log lines of one node whose message starts with `prefix`, in order.
QStringList messagesStartingWith(const QList<QJsonObject> &lines, const QString &prefix)
{
    QStringList found;
    for (const QJsonObject &l : lines) {
        const QString message = l.value("message").toString();
        if (message.startsWith(prefix))
            found.append(message.mid(prefix.size()));
    }
    return found;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

void TestSupervisor::controlMessagesReachTheChildAndSurviveRestarts()
{
    QList<QJsonObject> lines; // before the manager: its teardown may still log
    ProcessManager m(fastPolicy());
    NodeSpec spec = testNode("svc", 0, pickFreePort(), {"--echo-stdin", "--echo-control"});
    spec.stdinPayload = "{\"launch\":\"config\"}";
    m.addNode(spec);
    connect(&m, &ProcessManager::logLine, this, [&lines](const QJsonObject &l) { lines.append(l); });
    QSignalSpy finished(&m, &ProcessManager::startupFinished);
    m.startAll();
    QVERIFY(finished.wait(5000));

    const QJsonObject faults{{"type", "faults"}, {"latencyMs", 250}, {"errorRate", 0.5}, {"edges", QJsonObject{}}};
    const QJsonObject faultsCleared{{"type", "faults"}, {"latencyMs", 0}, {"errorRate", 0}, {"edges", QJsonObject{}}};
    const QJsonObject rate{{"type", "rate"}, {"ratePerSecond", 2.5}};
    QString error, code;
    QVERIFY(m.sendControl("svc", faults, &error, &code));
    QVERIFY(m.sendControl("svc", rate, &error, &code));
    QVERIFY(m.sendControl("svc", faultsCleared, &error, &code));
    // Stdin stayed open after the config line: every message arrives as one line, in order.
    QTRY_COMPARE_WITH_TIMEOUT(messagesStartingWith(lines, "control:"),
                              (QStringList{compact(faults), compact(rate), compact(faultsCleared)}), 5000);
    QCOMPARE(messagesStartingWith(lines, "stdin:"), QStringList{"{\"launch\":\"config\"}"});
    QCOMPARE(m.process("svc")->controlMessage("faults"), faultsCleared);
    QVERIFY(m.process("svc")->controlMessage("nope").isEmpty());

    // After a restart the new child gets the config, then the last message of each type.
    QVERIFY(m.sendControl("svc", faults, &error, &code));
    QTRY_COMPARE_WITH_TIMEOUT(int(messagesStartingWith(lines, "control:").size()), 4, 5000);
    lines.clear();
    const qint64 firstPid = statusOf(m, "svc").pid;
    QVERIFY(m.command("restart", "svc", &error, &code));
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m, "svc").state == NodeState::Ready && statusOf(m, "svc").pid != firstPid, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(messagesStartingWith(lines, "control:"), (QStringList{compact(faults), compact(rate)}), 5000);
    QCOMPARE(messagesStartingWith(lines, "stdin:"), QStringList{"{\"launch\":\"config\"}"});

    // A crash (SIGKILL) and the restart with backoff: the same.
    lines.clear();
    const qint64 secondPid = statusOf(m, "svc").pid;
    QVERIFY(m.command("kill", "svc", &error, &code));
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m, "svc").state == NodeState::Ready && statusOf(m, "svc").pid != secondPid, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(messagesStartingWith(lines, "control:"), (QStringList{compact(faults), compact(rate)}), 5000);

    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000);
}

void TestSupervisor::controlMessageBeforeStartIsSentAfterTheConfig()
{
    QList<QJsonObject> lines; // before the manager: its teardown may still log
    ProcessManager m(fastPolicy());
    NodeSpec spec = testNode("svc", 0, pickFreePort(), {"--echo-stdin", "--echo-control"});
    spec.stdinPayload = "{\"launch\":\"config\"}\n"; // a trailing newline is not doubled
    m.addNode(spec);
    connect(&m, &ProcessManager::logLine, this, [&lines](const QJsonObject &l) { lines.append(l); });
    const QJsonObject rate{{"type", "rate"}, {"ratePerSecond", 7}};
    QString error, code;
    QVERIFY(m.sendControl("svc", rate, &error, &code)); // not running yet: remembered only
    m.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(messagesStartingWith(lines, "control:"), QStringList{compact(rate)}, 5000);
    QCOMPARE(messagesStartingWith(lines, "stdin:"), QStringList{"{\"launch\":\"config\"}"});
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000);
}

void TestSupervisor::sendControlErrors()
{
    ProcessManager m(fastPolicy());
    m.addNode(testNode("svc", 0, pickFreePort()));
    NodeStatus infra;
    infra.nodeId = "postgres";
    infra.kind = NodeKind::DbPostgres;
    infra.state = NodeState::Ready;
    m.reportStatus(infra);
    QString error, code;
    QVERIFY(!m.sendControl("nope", QJsonObject{{"type", "rate"}}, &error, &code));
    QCOMPARE(code, QString("unknown-node"));
    QVERIFY(error.contains("nope"));
    QVERIFY(!m.sendControl("postgres", QJsonObject{{"type", "faults"}}, &error, &code));
    QCOMPARE(code, QString("not-possible"));
    QVERIFY(error.contains("hosted by the supervisor"));
}

void TestSupervisor::unavailableNodeIsDownAndDoesNotBlockStartup()
{
    ProcessManager m(fastPolicy());
    NodeSpec gateway = testNode("gateway", 0, pickFreePort());
    gateway.unavailableReason = "no runner for kind gateway in this build";
    m.addNode(gateway);
    m.addNode(testNode("later", 1, pickFreePort()));
    QSignalSpy finished(&m, &ProcessManager::startupFinished);
    m.startAll();
    QVERIFY(finished.wait(10000));
    QCOMPARE(statusOf(m, "gateway").state, NodeState::Down);
    QCOMPARE(statusOf(m, "gateway").message, QString("no runner for kind gateway in this build"));
    QCOMPARE(statusOf(m, "gateway").restarts, 0);
    QCOMPARE(statusOf(m, "later").state, NodeState::Ready);
    QSignalSpy stopped(&m, &ProcessManager::allStopped);
    m.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 5000); // may already have fired inside stopAll()
}

void TestSupervisor::commandErrors()
{
    ProcessManager m(fastPolicy());
    m.addNode(testNode("svc", 0, pickFreePort()));
    NodeStatus infra;
    infra.nodeId = "redis";
    infra.kind = NodeKind::CacheRedis;
    infra.state = NodeState::Ready;
    m.reportStatus(infra);
    QString error, code;
    QVERIFY(!m.command("stop", "nope", &error, &code));
    QCOMPARE(code, QString("unknown-node"));
    QVERIFY(!m.command("kill", "redis", &error, &code));
    QCOMPARE(code, QString("not-possible"));
    QVERIFY(!m.command("kill", "svc", &error, &code)); // not running yet
    QCOMPARE(code, QString("not-possible"));
    QVERIFY(!m.command("explode", "svc", &error, &code));
    QCOMPARE(code, QString("unknown-command"));
    QCOMPARE(m.status().size(), 2);
}

void TestSupervisor::dataDirNotWritable()
{
    QTemporaryDir tmp;
    QFile file(tmp.filePath("plain-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    StackLock lock(tmp.filePath("plain-file/stack"));
    QString error;
    QVERIFY(!lock.acquire(&error));
    QVERIFY2(error.startsWith("cannot create the data directory"), qPrintable(error));
    if (::geteuid() != 0) { // root writes anywhere; the permission case only means something for users
        QDir().mkpath(tmp.filePath("ro"));
        QFile::setPermissions(tmp.filePath("ro"), QFile::ReadOwner | QFile::ExeOwner);
        StackLock ro(tmp.filePath("ro"));
        QVERIFY(!ro.acquire(&error));
        QVERIFY2(error.contains("is not writable") || error.contains("cannot create"), qPrintable(error));
    }
}

void TestSupervisor::lockIsExclusiveAndStaleLockIsTakenOver()
{
    QTemporaryDir tmp;
    const int port = pickFreePort();
    QProcess supervisor;
    supervisor.start(TESTSUPERVISOR_PATH, {tmp.path(), TESTNODE_PATH, QString::number(port)});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += supervisor.readAllStandardOutput()).contains("ready "), 10000);
    const qint64 nodePid = out.mid(out.indexOf("ready ") + 6).trimmed().toLongLong();
    QVERIFY(QFile::exists(tmp.filePath("supervisor.pid")));
    QVERIFY(QFile::exists(tmp.filePath("run/n1.pid")));

    StackLock second(tmp.path());
    QString error;
    QVERIFY(!second.acquire(&error));
    QVERIFY2(error.contains(QString("already running the stack")) && error.contains(QString::number(supervisor.processId())),
             qPrintable(error));

    // SIGKILL: no cleanup ran. The node dies with its supervisor (PR_SET_PDEATHSIG); the lock is stale.
    ::kill(static_cast<pid_t>(supervisor.processId()), SIGKILL);
    QVERIFY(supervisor.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(nodePid), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!isListening(port), 5000);
    QVERIFY2(second.acquire(&error), qPrintable(error));
    QVERIFY(second.recoverOrphans().isEmpty()); // the pid file's process is gone: nothing to kill
    QVERIFY(!QFile::exists(tmp.filePath("run/n1.pid")));
    second.release();
    QVERIFY(!QFile::exists(tmp.filePath("stack.lock")));
    QVERIFY(!QFile::exists(tmp.filePath("supervisor.pid")));
}

void TestSupervisor::orphansOfAKilledSupervisorAreKilled()
{
    QTemporaryDir tmp;
    const int port = pickFreePort();
    QProcess supervisor;
    supervisor.start(TESTSUPERVISOR_PATH, {tmp.path(), TESTNODE_PATH, QString::number(port), "--orphans"});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += supervisor.readAllStandardOutput()).contains("ready "), 10000);
    const qint64 nodePid = out.mid(out.indexOf("ready ") + 6).trimmed().toLongLong();
    QVERIFY(nodePid > 0);
    ::kill(static_cast<pid_t>(supervisor.processId()), SIGKILL);
    QVERIFY(supervisor.waitForFinished(5000));
    QVERIFY(isAlive(nodePid)); // an orphan, still listening
    QVERIFY(isListening(port));

    // The next supervisor takes the stale lock and kills the orphan before starting anything.
    QProcess next;
    next.start(TESTSUPERVISOR_PATH, {tmp.path(), TESTNODE_PATH, QString::number(port)});
    QByteArray nextOut;
    QTRY_VERIFY_WITH_TIMEOUT((nextOut += next.readAllStandardOutput()).contains("ready "), 10000);
    QVERIFY2(nextOut.contains("recovered 1"), nextOut.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(nodePid), 3000);
    next.terminate(); // the test supervisor has no ordered stop; SIGTERM kills it, PDEATHSIG its node
    QVERIFY(next.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!isListening(port), 5000);
}

void TestSupervisor::metricsWindowPercentiles()
{
    MetricsWindow w(10000);
    const qint64 now = 1'000'000;
    for (int i = 1; i <= 100; ++i)
        w.add(now - 100 + i, i * 1000, i > 90, i == 1);
    const QJsonObject s = w.summary(now);
    QCOMPARE(s.value("count").toInteger(), 100);
    QCOMPARE(s.value("p50Ms").toDouble(), 50.0);
    QCOMPARE(s.value("p95Ms").toDouble(), 95.0);
    QCOMPARE(s.value("p99Ms").toDouble(), 99.0);
    QCOMPARE(s.value("errors").toInteger(), 10);
    QCOMPARE(s.value("clientErrors").toInteger(), 1);
    QCOMPARE(s.value("errorRate").toDouble(), 0.1);
    QCOMPARE(s.value("rate").toDouble(), 10.0); // 100 in a 10 s window
    // The window slides: 10 s later everything has left it.
    QVERIFY(w.isEmpty(now + 10000));
    QCOMPARE(w.summary(now + 10000).value("count").toInteger(), 0);
}

void TestSupervisor::telemetryIntakeOverTcp()
{
    TelemetryHub hub;
    hub.setTraceCapacity(50);
    QString error;
    QVERIFY2(hub.listen(0, &error), qPrintable(error));
    QSignalSpy spans(&hub, &TelemetryHub::spansReceived);
    QSignalSpy logs(&hub, &TelemetryHub::logReceived);

    QTcpSocket node;
    node.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(hub.port()));
    QVERIFY(node.waitForConnected(3000));
    QByteArray payload;
    for (int i = 1; i <= 100; ++i)
        payload += spanLine("order", "e-gw-order", i, i * 1000, i > 95 ? "server-error" : "ok", i > 98 ? QString(32, 'a') : QString());
    payload += "{\"type\":\"log\",\"nodeId\":\"order\",\"time\":\"2026-01-01T00:00:00.000Z\",\"level\":\"warning\",\"message\":\"slow\",\"fields\":{\"ms\":5}}\n";
    payload += "this is not json\n";
    payload += "{\"type\":\"gauges\",\"nodeId\":\"order\"}\n";
    payload += "{\"type\":\"spans\",\"nodeId\":\"order\",\"spans\":[{\"traceId\":\"xyz\"}]}\n";
    node.write(payload);
    QVERIFY(node.waitForBytesWritten(3000));
    QTRY_COMPARE_WITH_TIMEOUT(hub.counters().spans, 100, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(hub.counters().malformedLines, 1, 5000);
    QCOMPARE(hub.counters().invalidSpans, 1);
    QCOMPARE(hub.counters().ignoredLines, 1);
    QCOMPARE(hub.counters().logs, 1);
    QCOMPARE(logs.size(), 1);
    const QJsonObject log = logs.first().first().toJsonObject();
    QCOMPARE(log.value("nodeId").toString(), QString("order"));
    QCOMPARE(log.value("level").toString(), QString("warning"));
    QCOMPARE(log.value("timeMs").toInteger(), QDateTime::fromString("2026-01-01T00:00:00.000Z", Qt::ISODateWithMs).toMSecsSinceEpoch());
    QCOMPARE(log.value("fields").toObject().value("ms").toInt(), 5);

    const QJsonObject metrics = hub.metrics();
    const QJsonObject order = metrics.value("nodes").toObject().value("order").toObject();
    QCOMPARE(order.value("count").toInteger(), 100);
    QCOMPARE(order.value("errors").toInteger(), 5);
    QCOMPARE(order.value("p50Ms").toDouble(), 50.0);
    QCOMPARE(order.value("p99Ms").toDouble(), 99.0);
    QCOMPARE(metrics.value("edges").toObject().value("e-gw-order").toObject().value("count").toInteger(), 100);

    // The trace ring is bounded: of 100 spans only the last 50 are kept.
    QCOMPARE(hub.trace(QString(32, 'a')).size(), 2);
    QCOMPARE(hub.trace(QString("%1").arg(10, 32, 16, QChar('0'))).size(), 0);
    QCOMPARE(hub.trace(QString("%1").arg(60, 32, 16, QChar('0'))).size(), 1);

    // An over-long line closes that connection (counted), the hub keeps serving others.
    hub.setMaxLineBytes(1024);
    node.write(QByteArray(4096, 'x'));
    QTRY_COMPARE_WITH_TIMEOUT(hub.counters().droppedConnections, 1, 5000);
    QTcpSocket other;
    other.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(hub.port()));
    QVERIFY(other.waitForConnected(3000));
    other.write(spanLine("auth", "", 500, 1000, "ok"));
    QTRY_COMPARE_WITH_TIMEOUT(hub.counters().spans, 101, 5000);
}

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
