// `gatehouse-runtime up` on the built-in example with the real embedded PostgreSQL, Redis and
// Kafka mock cluster: an order placed through the gateway shows in the "topics" stream (offsets,
// the consumer groups' commits and lag, the message with its headers and JSON payload), in the
// "topics" command and as consumer lag on the subscribe edges in "metrics".
#include "httpexchange.h"
#include "runtimeclient/runtimeprocess.h"

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

namespace {

QJsonObject topicNamed(const QJsonObject &sample, const QString &name)
{
    const QJsonArray topics = sample.value("topics").toArray();
    for (const QJsonValue &v : topics) {
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    }
    return {};
}

QJsonObject groupNamed(const QJsonObject &topic, const QString &group)
{
    const QJsonArray groups = topic.value("groups").toArray();
    for (const QJsonValue &v : groups) {
        if (v.toObject().value("group").toString() == group)
            return v.toObject();
    }
    return {};
}

qint64 highSum(const QJsonObject &topic)
{
    qint64 sum = 0;
    const QJsonArray offsets = topic.value("offsets").toArray();
    for (const QJsonValue &v : offsets)
        sum += v.toObject().value("high").toInteger();
    return sum;
}

} // namespace

class TestTopicsUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderShowsInTopicsAndLag();
};

void TestTopicsUp::orderShowsInTopicsAndLag()
{
    QTemporaryDir tmp;
    if (::geteuid() == 0) // PostgreSQL then runs as `postgres`, which must traverse to its data dir
        QFile::setPermissions(tmp.path(), QFile::permissions(tmp.path()) | QFile::ExeOther);
    const QString data = tmp.filePath("data");
    RuntimeProcess process;
    QSignalSpy connected(&process, &RuntimeProcess::connected);
    QSignalSpy finished(&process, &RuntimeProcess::finished);
    process.start(RUNTIME_PATH, GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse",
                  {"--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json"), "--clients-paused"});
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !finished.isEmpty(), 120000);
    QVERIFY2(!connected.isEmpty(), process.standardError().constData());
    RuntimeClient *client = process.client();
    QJsonObject topics, metrics;
    connect(client, &RuntimeClient::topicsReceived, this, [&topics](const QJsonObject &m) { topics = m; });
    connect(client, &RuntimeClient::metricsReceived, this, [&metrics](const QJsonObject &m) { metrics = m; });
    const QStringList appNodes{"auth", "inventory", "order", "payment", "notification", "gateway"};
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(appNodes.begin(), appNodes.end(), [client](const QString &id) {
        return client->node(id) && client->node(id)->state == NodeState::Ready;
    }), 180000);

    // Every topic of the diagram, with the partitions the diagram gives it.
    QTRY_VERIFY_WITH_TIMEOUT(topics.value("topics").toArray().size() == 6, 10000);
    QCOMPARE(topicNamed(topics, "order.created").value("partitions").toInt(), 3);
    const qint64 before = highSum(topicNamed(topics, "order.created"));

    const int gatewayPort = client->node("gateway")->port;
    const HttpReply login = httpRequest(gatewayPort, "POST", "/auth/login", "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}");
    QVERIFY2(login.status == 200, login.body.constData());
    const QByteArray token = QJsonDocument::fromJson(login.body).object().value("accessToken").toString().toUtf8();
    const HttpReply order = httpRequest(gatewayPort, "POST", "/orders", "{\"items\":[{\"sku\":\"SKU-001\",\"quantity\":2}]}", token);
    QVERIFY2(order.status == 201 || order.status == 202, order.body.constData());
    const QString orderId = QJsonDocument::fromJson(order.body).object().value("orderId").toString();
    QVERIFY2(!orderId.isEmpty(), order.body.constData());

    // The relay published order.created; the notification service consumed and committed it.
    QTRY_VERIFY_WITH_TIMEOUT(highSum(topicNamed(topics, "order.created")) == before + 1
                                 && groupNamed(topicNamed(topics, "order.created"), "notification-service").value("lag").toInteger() == 0,
                             30000);
    const QJsonObject created = topicNamed(topics, "order.created");
    const QJsonObject group = groupNamed(created, "notification-service");
    qint64 committed = 0;
    const QJsonArray groupOffsets = group.value("offsets").toArray();
    for (const QJsonValue &v : groupOffsets)
        committed += std::max<qint64>(v.toObject().value("committed").toInteger(), 0);
    QCOMPARE(committed, before + 1);
    const QJsonArray recent = created.value("recent").toArray();
    QVERIFY(!recent.isEmpty());
    qInfo("topics message: %lld bytes; order.created: %s", static_cast<long long>(QJsonDocument(topics).toJson(QJsonDocument::Compact).size()),
          QJsonDocument(created).toJson(QJsonDocument::Compact).constData());
    const QJsonObject newest = recent.last().toObject();
    QCOMPARE(newest.value("payload").toObject().value("orderId").toString(), orderId);
    QCOMPARE(newest.value("key").toString(), orderId); // the topic's key field
    QVERIFY(!newest.value("headers").toObject().value("event-id").toString().isEmpty());
    QVERIFY(newest.value("headers").toObject().value("traceparent").toString().startsWith("00-"));

    // Consumer lag per subscribe edge in the metrics, for the canvas label.
    QTRY_VERIFY_WITH_TIMEOUT(metrics.value("edges").toObject().value("e-kafka-notification").toObject().contains("lag"), 10000);
    QCOMPARE(metrics.value("edges").toObject().value("e-kafka-payment").toObject().value("lag").toInteger(),
             groupNamed(topicNamed(topics, "payment.requested"), "payment-service").value("lag").toInteger());

    // And on demand.
    QSignalSpy results(client, &RuntimeClient::commandFinished);
    client->sendCommand("topics");
    QVERIFY(results.wait(5000));
    QVERIFY(results.last().at(1).toBool());
    QCOMPARE(results.last().at(2).toJsonObject().value("topics").toArray().size(), 6);

    QSignalSpy stopped(&process, &RuntimeProcess::finished);
    process.stop();
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stopped.first().first().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestTopicsUp)
#include "tst_topicsup.moc"
