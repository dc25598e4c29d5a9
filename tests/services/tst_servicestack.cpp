// Services under the real supervisor: `gatehouse-runtime up` on a hand-drawn topology with two
// generic services — `front` without a database, `back` with one — joined by a sync edge and
// a topic each way, behind a gateway, with the embedded PostgreSQL and Kafka mock. Both do
// their work; SQL spans reach the app's stream under the right request/consume span; a
// kill -9 of `back` in the middle of the traffic is restarted with backoff and no event is lost
// or applied twice (direct produce + idempotent consumer, outbox + relay). Then the same diagram
// against a Kafka cluster the test hosts (external mode): the broker goes down and comes back
// while back keeps writing events, and the outbox delivers every one of them.
#include "examplestack.h"
#include "infra/kafkamockcluster.h"
#include "infra/pgconnection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

struct HttpReply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// One HTTP/1.1 exchange on a fresh connection, as a user's curl would do.
HttpReply post(int port, const QByteArray &path, const QByteArray &body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
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
    const int bodyStart = response.indexOf("\r\n\r\n");
    reply.body = bodyStart < 0 ? QByteArray() : response.mid(bodyStart + 4);
    reply.json = QJsonDocument::fromJson(reply.body).object();
    return reply;
}

// The diagram as a user would draw it (native file format, docs/file-format.md); with a
// bootstrap address the stack uses that Kafka instead of the embedded one.
QByteArray project(const QString &kafkaBootstrap = {})
{
    auto node = [](const char *id, const char *kind, int x, int y) {
        return QJsonObject{{"id", id}, {"kind", kind}, {"name", id}, {"x", x}, {"y", y}};
    };
    QJsonObject front = node("front", "service", 0, 300);
    front.insert("role", "generic");
    QJsonObject back = node("back", "service", 300, 300);
    back.insert("role", "generic");
    QJsonObject backDb = node("back-db", "db.postgres", 300, 500);
    backDb.insert("properties", QJsonObject{{"database", "back"}});
    const QJsonArray nodes{node("gateway", "gateway", 0, 100), front, back, backDb, node("kafka", "bus.kafka", 0, 700)};
    const QJsonArray edges{
        QJsonObject{{"id", "e-gw-front"}, {"kind", "sync"}, {"source", "gateway"}, {"target", "front"},
                    {"routes", QJsonArray{QJsonObject{{"method", "POST"}, {"path", "/work"}, {"auth", "none"}}}}},
        QJsonObject{{"id", "e-front-back"}, {"kind", "sync"}, {"source", "front"}, {"target", "back"}, {"timeoutMs", 2000}},
        QJsonObject{{"id", "e-front-pub"}, {"kind", "publish"}, {"source", "front"}, {"target", "kafka"},
                    {"topics", QJsonArray{QJsonObject{{"name", "work.requested"}, {"partitions", 2}, {"key", "requestId"}}}}},
        QJsonObject{{"id", "e-kafka-back"}, {"kind", "subscribe"}, {"source", "kafka"}, {"target", "back"},
                    {"consumerGroup", "back"}, {"topics", QJsonArray{QJsonObject{{"name", "work.requested"}}}}},
        QJsonObject{{"id", "e-back-pub"}, {"kind", "publish"}, {"source", "back"}, {"target", "kafka"},
                    {"topics", QJsonArray{QJsonObject{{"name", "work.recorded"}, {"key", "requestId"}}}}},
        QJsonObject{{"id", "e-kafka-front"}, {"kind", "subscribe"}, {"source", "kafka"}, {"target", "front"},
                    {"consumerGroup", "front"}, {"topics", QJsonArray{QJsonObject{{"name", "work.recorded"}}}}},
        QJsonObject{{"id", "e-back-db"}, {"kind", "owns"}, {"source", "back"}, {"target", "back-db"}}};
    QJsonObject file{{"formatVersion", 1}, {"name", "two generics"}, {"nodes", nodes}, {"edges", edges}};
    if (!kafkaBootstrap.isEmpty())
        file.insert("runSettings", QJsonObject{{"kafkaBootstrap", kafkaBootstrap}});
    return QJsonDocument(file).toJson();
}

const QList<Topic> stackTopics{Topic{"work.requested", 2, "requestId"}, Topic{"work.recorded", 1, "requestId"}};

// back's own login, as the supervisor generated it into the secrets file.
QString backConninfo(RuntimeClient *client, const QString &secretsFile)
{
    QFile file(secretsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
    QString password;
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        if (it.key().endsWith("/postgres/svc_back"))
            password = it.value().toString();
    }
    if (password.isEmpty() || !client->node("back-db"))
        return {};
    return PgConnection::conninfo("127.0.0.1", client->node("back-db")->port, "back", "svc_back", password);
}

} // namespace

class TestServiceStack : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RuntimeProcess m_process;
    QList<Span> m_spans;
    QList<NodeStatus> m_backStatus;
    QString m_backConninfo;
    int m_gatewayPort = 0;

    bool allReady()
    {
        for (const char *id : {"gateway", "front", "back", "back-db", "kafka"}) {
            const auto status = m_process.client()->node(id);
            if (!status || status->state != NodeState::Ready)
                return false;
        }
        return true;
    }

    int count(const QString &sql) const
    {
        PgConnection c;
        QString error;
        QList<QStringList> rows;
        if (!c.open(m_backConninfo, &error) || !c.query(sql, {}, &rows, &error) || rows.isEmpty())
            return -1;
        return rows.first().first().toInt();
    }

    QSet<QString> column(const QString &sql) const
    {
        PgConnection c;
        QString error;
        QList<QStringList> rows;
        QSet<QString> out;
        if (c.open(m_backConninfo, &error) && c.query(sql, {}, &rows, &error)) {
            for (const QStringList &row : rows)
                out.insert(row.first());
        }
        return out;
    }

    QList<Span> spansOf(const QString &node, SpanKind kind) const
    {
        QList<Span> out;
        for (const Span &s : m_spans) {
            if (s.nodeId == node && s.kind == kind)
                out.append(s);
        }
        return out;
    }

    QStringList sqlUnder(const QString &parentSpanId) const
    {
        QList<Span> children;
        for (const Span &s : m_spans) {
            if (s.kind == SpanKind::Sql && s.parentSpanId == parentSpanId)
                children.append(s);
        }
        std::sort(children.begin(), children.end(), [](const Span &a, const Span &b) { return a.startUs < b.startUs; });
        QStringList names;
        for (const Span &s : children)
            names.append(s.name + "@" + s.edgeId);
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath("two-generics.gatehouse");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(project());
        out.close();
        const QString secrets = m_dir.filePath("secrets.json");

        const QByteArray error = Test::startRuntime(m_process, RUNTIME_PATH, m_dir.path(), file);
        QVERIFY2(error.isEmpty(), error.constData());
        RuntimeClient *client = m_process.client();
        connect(client, &RuntimeClient::spansReceived, this, [this](const QList<Span> &spans) { m_spans.append(spans); });
        connect(client, &RuntimeClient::statusChanged, this, [this](const NodeStatus &status) {
            if (status.nodeId == "back")
                m_backStatus.append(status);
        });
        QTRY_VERIFY_WITH_TIMEOUT(allReady(), 120000);
        m_gatewayPort = client->node("gateway")->port;

        m_backConninfo = backConninfo(client, secrets);
        QCOMPARE(count("SELECT 1"), 1);
    }

    void cleanupTestCase()
    {
        stopStack(m_process);
    }

    static void stopStack(RuntimeProcess &process)
    {
        if (process.isRunning()) {
            QSignalSpy finished(&process, &RuntimeProcess::finished);
            process.stop();
            QVERIFY(finished.wait(60000));
        }
    }

    void bothGenericsDoTheirWork()
    {
        QSet<QString> published;
        for (int i = 0; i < 10; ++i) {
            const HttpReply reply = post(m_gatewayPort, "/work", "{\"n\":" + QByteArray::number(i) + "}");
            QVERIFY2(reply.status == 200, reply.body.constData());
            QCOMPARE(reply.json.value("node").toString(), QString("front"));
            const QJsonArray events = reply.json.value("events").toArray();
            QCOMPARE(events.size(), 1);
            published.insert(events.first().toObject().value("eventId").toString());
            const QJsonObject call = reply.json.value("calls").toArray().first().toObject();
            QCOMPARE(call.value("target").toString(), QString("back"));
            QCOMPARE(call.value("status").toInt(), 200);
        }
        // back: a row per call, each with its outbox event sent; front's events consumed once.
        QCOMPARE(count("SELECT count(*) FROM generic_requests WHERE path = '/_gatehouse/call'"), 10);
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM generic_events WHERE topic = 'work.requested'"), 10, 30000);
        QCOMPARE(column("SELECT event_id::text FROM generic_events"), published);
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 30000);
        QCOMPARE(count("SELECT count(*) FROM outbox"), 10);
    }

    void sqlSpansHangUnderTheirRequestAndConsume()
    {
        // back's server spans (the calls from front) and consume spans, each with its
        // statements on the owns edge; front (no database) records none.
        QTRY_VERIFY_WITH_TIMEOUT(spansOf("back", SpanKind::KafkaConsume).size() >= 10, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(spansOf("back", SpanKind::Sql).size() >= 80, 20000);
        const QList<Span> servers = spansOf("back", SpanKind::HttpServer);
        QCOMPARE(servers.size(), 10);
        for (const Span &server : servers) {
            QCOMPARE(sqlUnder(server.spanId), QStringList({"BEGIN@e-back-db", "INSERT generic_requests@e-back-db",
                                                           "INSERT outbox@e-back-db", "COMMIT@e-back-db"}));
        }
        for (const Span &consume : spansOf("back", SpanKind::KafkaConsume)) {
            QCOMPARE(sqlUnder(consume.spanId), QStringList({"BEGIN@e-back-db", "INSERT processed_events@e-back-db",
                                                            "INSERT generic_events@e-back-db", "COMMIT@e-back-db"}));
        }
        QVERIFY(spansOf("front", SpanKind::Sql).isEmpty());
        // front consumed back's outbox events (its subscribe edge, no database).
        QTRY_VERIFY_WITH_TIMEOUT(spansOf("front", SpanKind::KafkaConsume).size() >= 10, 20000);
    }

    void killNineMidFlowLosesAndDuplicatesNothing()
    {
        const qint64 oldPid = m_process.client()->node("back")->pid;
        QVERIFY(oldPid > 0);
        QSet<QString> published = column("SELECT event_id::text FROM generic_events");
        // Traffic all along: 10 requests, kill -9, then on until back has answered 10 again.
        int answered = 0;
        int failed = 0;
        int answeredAfterKill = 0;
        QDeadlineTimer deadline(90000);
        for (int i = 0; answeredAfterKill < 10 && !deadline.hasExpired(); ++i) {
            if (i == 10)
                QCOMPARE(::kill(static_cast<pid_t>(oldPid), SIGKILL), 0);
            const HttpReply reply = post(m_gatewayPort, "/work", "{}");
            // front publishes before it calls back: its event is out whether back answers or not
            for (const QJsonValue &event : reply.json.value("events").toArray())
                published.insert(event.toObject().value("eventId").toString());
            if (reply.status == 200) {
                ++answered;
                answeredAfterKill += i >= 10 ? 1 : 0;
            } else {
                ++failed;
                QTest::qWait(20); // let the supervisor's restart timer and status updates run
            }
            QCoreApplication::processEvents();
        }
        QCOMPARE(answeredAfterKill, 10);
        // The supervisor saw it die and restarted it with backoff.
        QTRY_VERIFY_WITH_TIMEOUT(m_process.client()->node("back")->state == NodeState::Ready
                                     && m_process.client()->node("back")->pid != oldPid,
                                 60000);
        QCOMPARE(m_process.client()->node("back")->restarts, 1);
        bool sawBackoff = false;
        for (const NodeStatus &status : std::as_const(m_backStatus))
            sawBackoff = sawBackoff || (status.state == NodeState::Down && status.message.contains("restarting in"));
        QVERIFY(sawBackoff);
        qInfo("around the kill: %d requests answered 200, %d failed while back was down", answered, failed);
        QVERIFY(failed > 0);

        // Every event front published is in back's table exactly once.
        QTRY_COMPARE_WITH_TIMEOUT(column("SELECT event_id::text FROM generic_events"), published, 60000);
        QCOMPARE(count("SELECT count(*) FROM generic_events"), published.size());
        QCOMPARE(count("SELECT count(*) FROM processed_events WHERE topic = 'work.requested'"), published.size());
        // back's own events: one outbox row per committed call, all published after the restart.
        QCOMPARE(count("SELECT count(*) FROM outbox"), count("SELECT count(*) FROM generic_requests"));
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 60000);
    }

    void brokerRestartThroughUpLosesNoEvent()
    {
        // Stop the first stack: this one has its own data dir and the test's Kafka.
        stopStack(m_process);
        KafkaMockCluster kafka;
        QString error;
        QVERIFY2(kafka.start(stackTopics, &error), qPrintable(error));
        const QString file = m_dir.filePath("external-kafka.gatehouse");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(project(kafka.bootstrapServers()));
        out.close();
        const QString data = m_dir.filePath("data-external");
        const QString secrets = m_dir.filePath("secrets-external.json");
        RuntimeProcess process;
        QSignalSpy connected(&process, &RuntimeProcess::connected);
        process.start(RUNTIME_PATH, file, {"--data-dir", data, "--secrets-file", secrets});
        QVERIFY2(connected.wait(120000), process.standardError().constData());
        RuntimeClient *client = process.client();
        QSet<QString> consumedByFront;
        connect(client, &RuntimeClient::spansReceived, this, [&consumedByFront](const QList<Span> &spans) {
            for (const Span &s : spans) {
                if (s.nodeId == "front" && s.kind == SpanKind::KafkaConsume && s.outcome == SpanOutcome::Ok)
                    consumedByFront.insert(s.attributes.value("eventId").toString());
            }
        });
        auto ready = [client] {
            for (const char *id : {"gateway", "front", "back", "back-db"}) {
                if (!client->node(id) || client->node(id)->state != NodeState::Ready)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(ready(), 120000);
        m_backConninfo = backConninfo(client, secrets);
        const int backPort = client->node("back")->port;
        auto callBack = [backPort] { return post(backPort, "/_gatehouse/call", "{\"from\":\"test\"}"); };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(callBack().status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 30000);

        // Broker down: back keeps answering (its events wait in the outbox, unsent).
        QVERIFY2(kafka.setBrokersDown(&error), qPrintable(error));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(callBack().status, 200);
        QCOMPARE(count("SELECT count(*) FROM outbox"), 15);
        QCOMPARE(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 10); // nothing can be confirmed

        // Broker back: the relay republishes, front receives every event of back's outbox.
        QVERIFY2(kafka.setBrokersUp(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 60000);
        const QSet<QString> outbox = column("SELECT event_id::text FROM outbox");
        QCOMPARE(outbox.size(), 15);
        QTRY_COMPARE_WITH_TIMEOUT(consumedByFront, outbox, 60000);
        stopStack(process);
        kafka.stop();
    }
};

QTEST_GUILESS_MAIN(TestServiceStack)
#include "tst_servicestack.moc"
