// The inspector docks on a real stack: `gatehouse-runtime up` of the built-in example (real
// PostgreSQL, Redis, Kafka mock, gateway and services), a login and an order through the
// gateway's public listener, then the Traffic, Trace and Logs docks show them.
#include "inspector/inspectordocks.h"
#include "inspector/logmodel.h"
#include "inspector/logspanel.h"
#include "inspector/tracemodel.h"
#include "inspector/tracepanel.h"
#include "inspector/trafficmodel.h"
#include "inspector/trafficpanel.h"
#include "runtimeclient/runtimeprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Gatehouse;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply send(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body,
    const QByteArray &token = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000))
        return {};
    Reply out { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return out;
}

// Client nodes would send traffic of their own; paused when this runtime can do that.
bool runtimeAccepts(const QString &option)
{
    QProcess help;
    help.start(RUNTIME_PATH, { "help" });
    if (!help.waitForFinished(10000))
        return false;
    return (help.readAllStandardOutput() + help.readAllStandardError()).contains(option.toUtf8());
}

int rowWhere(const TrafficModel *model, const QString &route, int status)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->row(row).route == route && model->row(row).httpStatus == status)
            return row;
    }
    return -1;
}

} // namespace

class TestInspectorLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsThroughTheGatewayShowInTheDocks();
};

void TestInspectorLive::requestsThroughTheGatewayShowInTheDocks()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // As root, PostgreSQL runs as `postgres`, which must be able to traverse to its data dir.
    if (::geteuid() == 0)
        QFile::setPermissions(tmp.path(), QFile::permissions(tmp.path()) | QFile::ExeOther);
    const QString data = tmp.filePath("data");
    QStringList extra { "--data-dir", data, "--secrets-file", QDir(data).filePath("secrets.json") };
    if (runtimeAccepts("--clients-paused"))
        extra << "--clients-paused";

    RuntimeProcess runtime;
    InspectorDocks docks;
    docks.attach(runtime.client());
    QVERIFY(docks.isAttached());
    QSignalSpy connected(&runtime, &RuntimeProcess::connected);
    QSignalSpy finished(&runtime, &RuntimeProcess::finished);
    runtime.start(RUNTIME_PATH, GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse", extra);
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !finished.isEmpty(), 120000);
    QVERIFY2(!connected.isEmpty(), runtime.standardError().constData());
    RuntimeClient *client = runtime.client();
    const QStringList nodes { "auth", "order", "inventory", "payment", "gateway" };
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(nodes.begin(), nodes.end(),
            [client](const QString &id) { return client->node(id) && client->node(id)->state == NodeState::Ready; }),
        180000);
    const int port = client->node("gateway")->port;

    QNetworkAccessManager network;
    const QUrl base(QString("http://127.0.0.1:%1").arg(port));
    const Reply login = send(network, "POST", base.resolved(QUrl("/auth/login")),
        "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}");
    QVERIFY2(login.status == 200, login.body.constData());
    const QByteArray token = QJsonDocument::fromJson(login.body).object().value("accessToken").toString().toUtf8();
    QVERIFY(!token.isEmpty());
    const Reply order = send(
        network, "POST", base.resolved(QUrl("/orders")), "{\"items\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}", token);
    QVERIFY2(order.status >= 200 && order.status < 300, order.body.constData());

    // Traffic: one row for each, with status and trace id.
    TrafficModel *traffic = docks.traffic()->model();
    QTRY_VERIFY_WITH_TIMEOUT(rowWhere(traffic, "POST /auth/login", 200) >= 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWhere(traffic, "POST /orders", order.status) >= 0, 30000);
    const TrafficRow orderRow = traffic->row(rowWhere(traffic, "POST /orders", order.status));
    QCOMPARE(orderRow.traceId.size(), 32);
    QVERIFY2(
        orderRow.identity.startsWith("sub:") && orderRow.identity.contains("alice"), qPrintable(orderRow.identity));
    QVERIFY(orderRow.durationUs > 0);
    const int loginRow = rowWhere(traffic, "POST /auth/login", 200);
    QVERIFY(traffic->row(loginRow).traceId != orderRow.traceId);
    QCOMPARE(traffic->index(loginRow, TrafficModel::StatusColumn).data().toString(), QString("200"));

    // Select the order → its trace from the runtime, across gateway and order service.
    QSignalSpy selected(&docks, &InspectorDocks::traceSelected);
    docks.traffic()->selectTrace(orderRow.traceId);
    // Live spans of the trace (a late consume, SQL) may be shown before the runtime's answer to
    // the `trace` command; wait until that answer has filled in the gateway and order spans.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QStringList ids = TraceLayout(docks.trace()->spans()).nodeIds();
            return ids.contains("gateway") && ids.contains("order");
        }(),
        15000);
    QVERIFY(!selected.isEmpty());
    QCOMPARE(selected.last().at(0).toString(), orderRow.traceId);
    QCOMPARE(docks.trace()->traceId(), orderRow.traceId);
    const TraceModel *waterfall = docks.trace()->model();
    QVERIFY(waterfall->rowCount() >= 3);
    QCOMPARE(waterfall->index(0, TraceModel::NodeColumn).data().toString(), QString("gateway"));
    QCOMPARE(waterfall->index(0, 0).data(TraceModel::DepthRole).toInt(), 0);
    // The order service's own span sits under the gateway's, on the common time axis.
    bool orderServed = false;
    for (int row = 0; row < waterfall->rowCount(); ++row) {
        orderServed = orderServed
            || (waterfall->index(row, TraceModel::NodeColumn).data().toString() == "order"
                && waterfall->index(row, 0).data(TraceModel::KindRole).toInt() == int(SpanKind::HttpServer)
                && waterfall->index(row, 0).data(TraceModel::DepthRole).toInt() > 0);
    }
    QVERIFY2(orderServed, "the order service's http.server span is in the waterfall, below the gateway");
    // "Copy as curl" names the gateway's real port and no secret.
    const QString curl = docks.traffic()->curlForSelection();
    QVERIFY2(curl.startsWith(QString("curl -i -X POST 'http://127.0.0.1:%1/orders'").arg(port)), qPrintable(curl));
    QVERIFY(curl.contains("$TOKEN"));
    QVERIFY(!curl.contains(QString::fromUtf8(token)));

    // Logs: the gateway's lines are there, and the node filter finds them.
    LogModel *logs = docks.logs()->model();
    const auto gatewayLines = [logs] {
        logs->flush();
        int n = 0;
        for (int row = 0; row < logs->rowCount(); ++row)
            n += logs->line(row).nodeId == "gateway";
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(gatewayLines() > 0, 30000);

    // Stop: the docks keep the run's data and say that nothing is running.
    QSignalSpy stopped(&runtime, &RuntimeProcess::finished);
    runtime.stop();
    QVERIFY(stopped.wait(90000));
    docks.detach();
    QVERIFY(traffic->rowCount() >= 2);
    QCOMPARE(docks.trace()->traceId(), orderRow.traceId);
    QVERIFY(docks.traffic()->findChild<QLabel *>("trafficMessage")->text().startsWith("Not running"));
}

QTEST_MAIN(TestInspectorLive)
#include "tst_inspector_live.moc"
