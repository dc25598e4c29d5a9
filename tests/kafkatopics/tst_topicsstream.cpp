// The "topics" stream of the control protocol (docs/runtime-protocol.md): a real ControlServer on
// a real local socket, the RuntimeClient and bare sockets that subscribe to some streams only.
#include "control/controlserver.h"
#include "control/stackcontrol.h"
#include "runtimeclient/protocol.h"
#include "runtimeclient/runtimeclient.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

struct RawClient
{
    QLocalSocket socket;
    QByteArray buffer;
    QList<QJsonObject> received;

    bool connect(const QString &name, const QJsonArray &subscribe)
    {
        socket.connectToServer(name);
        if (!socket.waitForConnected(3000))
            return false;
        socket.write(Protocol::encode(QJsonObject{{"type", "hello"}, {"protocol", QJsonArray{1}}, {"client", "raw"},
                                                  {"subscribe", subscribe}}));
        socket.flush();
        return !waitFor("snapshot").isEmpty();
    }
    QJsonObject waitFor(const QString &type, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) { // reads what has arrived at least once, even with a zero timeout
            buffer += socket.readAll();
            qsizetype nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                received.append(QJsonDocument::fromJson(buffer.left(nl)).object());
                buffer.remove(0, nl + 1);
            }
            for (const QJsonObject &m : std::as_const(received)) {
                if (m.value("type").toString() == type)
                    return m;
            }
            if (deadline.hasExpired())
                return {};
            socket.waitForReadyRead(20);
            QCoreApplication::processEvents();
        }
    }
};

QJsonObject sampleTopics()
{
    return QJsonObject{{"timeMs", 1764417401000LL},
                       {"topics", QJsonArray{QJsonObject{{"name", "order.created"}, {"partitions", 1}, {"messages", 3},
                                                         {"rate", 0.3}}}}};
}

} // namespace

class TestTopicsStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topicsReachTheClientsThatSubscribed();
};

void TestTopicsStream::topicsReachTheClientsThatSubscribed()
{
    QTemporaryDir dir;
    ProcessManager processes;
    TelemetryHub hub;
    StackControl commands(&processes, &hub);
    ControlServer server(&commands, "9.9.9");
    QString error;
    const QString socketName = dir.filePath("control.sock");
    QVERIFY2(server.listen(socketName, &error), qPrintable(error));

    RuntimeClient client; // no "subscribe": every stream, topics included
    QSignalSpy welcomed(&client, &RuntimeClient::welcomed);
    QSignalSpy topics(&client, &RuntimeClient::topicsReceived);
    client.connectToServer(socketName);
    QVERIFY(welcomed.wait(5000));
    RawClient onlyTopics;
    QVERIFY(onlyTopics.connect(socketName, QJsonArray{"topics"}));
    RawClient metricsOnly;
    QVERIFY(metricsOnly.connect(socketName, QJsonArray{"status", "metrics"}));

    server.broadcastTopics(sampleTopics());
    QVERIFY(topics.wait(5000));
    const QJsonObject message = topics.first().first().toJsonObject();
    QCOMPARE(message.value("type").toString(), QString("topics"));
    QCOMPARE(message.value("timeMs").toInteger(), 1764417401000LL);
    QCOMPARE(message.value("topics").toArray().at(0).toObject().value("name").toString(), QString("order.created"));
    QCOMPARE(onlyTopics.waitFor("topics").value("topics"), message.value("topics"));

    server.broadcastMetrics(hub.metrics()); // sent after the topics: once it arrives, topics would have too
    QVERIFY(!metricsOnly.waitFor("metrics").isEmpty());
    QVERIFY(metricsOnly.waitFor("topics", 0).isEmpty());
}

QTEST_GUILESS_MAIN(TestTopicsStream)
#include "tst_topicsstream.moc"
