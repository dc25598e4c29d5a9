// runServiceNode() as a real child process (this test binary re-executed with --node, the
// launch config on stdin, exactly as `gatehouse-runtime node` hands it over): the listening
// line, SIGTERM → exit 0, a config it cannot run → exit 1 with a clear line; and the example's
// payment service paused with SIGSTOP: orders are accepted as PENDING_PAYMENT and confirmed
// after SIGCONT.
#include "servicetestenv.h"

#include "infra/redisserver.h"
#include "model/projectfile.h"
#include "services/servicenode.h"
#include "telemetry/nodecontrolchannel.h"

#include <QProcess>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <signal.h>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

namespace {

// A node child: started, its listening line read, stopped with SIGTERM.
class NodeChild
{
public:
    bool start(const NodeLaunchConfig &config, QString *error)
    {
        m_process.setProgram(QCoreApplication::applicationFilePath());
        m_process.setArguments({"--node"});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = "child did not start";
            return false;
        }
        m_process.write(QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact));
        m_process.closeWriteChannel();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            if (m_process.canReadLine() || m_process.waitForReadyRead(200)) {
                while (m_process.canReadLine()) {
                    const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
                    m_lines.append(line);
                    if (line.value("event").toString() == "listening") {
                        m_port = line.value("publicPort").toInt();
                        return true;
                    }
                }
            }
            if (m_process.state() == QProcess::NotRunning) {
                m_process.waitForReadyRead(100);
                while (m_process.canReadLine())
                    m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
                *error = "child exited: " + QString::number(m_process.exitCode());
                return false;
            }
        }
        *error = "no listening line";
        return false;
    }
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        m_process.waitForFinished(30000);
        while (m_process.canReadLine())
            m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void signal(int sig) { ::kill(static_cast<pid_t>(m_process.processId()), sig); }
    int port() const { return m_port; }
    QList<QJsonObject> lines() const { return m_lines; }
    QProcess &process() { return m_process; }
    ~NodeChild()
    {
        if (m_process.state() != QProcess::NotRunning) {
            signal(SIGCONT);
            stop();
        }
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
    int m_port = 0;
};

} // namespace

class TestServiceProcess : public QObject
{
    Q_OBJECT

private:
    ExampleInfra m_infra;
    HttpHelper m_http;

    NodeLaunchConfig config(const QString &nodeId, const QHash<QString, Endpoint> &upstreams = {}) const
    {
        return m_infra.config(nodeId, upstreams);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_infra.start({"inventory", "payment", "order", "notification"}, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_infra.stop();
    }

    void listeningLineAndCleanStop()
    {
        NodeChild child;
        QString error;
        QVERIFY2(child.start(config("notification"), &error), qPrintable(error));
        const QJsonObject listening = child.lines().last();
        QCOMPARE(listening.value("nodeId").toString(), QString("notification"));
        QCOMPARE(listening.value("role").toString(), QString("notification"));
        QVERIFY(listening.value("routes").toArray().contains(QJsonValue("GET /notifications/{userId}")));
        QCOMPARE(m_http.send(child.port(), "GET", "/healthz").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(child.port(), "GET", "/readyz").status, 200, 30000);
        QCOMPARE(child.stop(), 0);
        QCOMPARE(child.lines().last().value("event").toString(), QString("stopped"));
        QVERIFY(!child.lines().isEmpty());
        // the password never appears in what the node prints
        for (const QJsonObject &line : child.lines())
            QVERIFY(!QJsonDocument(line).toJson().contains(m_infra.dbs.value("notification").password.toUtf8()));
    }

    void unusableConfigExitsWithOne()
    {
        NodeLaunchConfig c = config("notification");
        c.postgres.reset();
        NodeChild child;
        QString error;
        QVERIFY(!child.start(c, &error));
        QCOMPARE(child.process().exitCode(), 1);
        QVERIFY(!child.lines().isEmpty());
        QCOMPARE(child.lines().last().value("level").toString(), QString("error"));
        QVERIFY(child.lines().last().value("message").toString().contains("no database"));
    }

    void pausedPaymentDefersOrdersUntilItResumes()
    {
        QString error;
        NodeChild payment;
        QVERIFY2(payment.start(config("payment"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(payment.port(), "GET", "/readyz").status, 200, 30000);
        QCOMPARE(m_http.send(payment.port(), "PUT", "/payments/provider", "{\"failureRate\":0}").status, 200);
        ServiceNode inventory(config("inventory"));
        QVERIFY2(inventory.start(&error), qPrintable(error));
        ServiceNode notification(config("notification"));
        QVERIFY2(notification.start(&error), qPrintable(error));
        ServiceNode order(config("order", {{"inventory", Endpoint{"127.0.0.1", inventory.port()}},
                                           {"payment", Endpoint{"127.0.0.1", payment.port()}}}));
        QVERIFY2(order.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(order.port(), "GET", "/readyz").status, 200, 30000);

        Http::Headers headers;
        headers.add("X-Gatehouse-Subject", "carol");
        const QByteArray body = "{\"items\":[{\"sku\":\"SKU-005\",\"quantity\":2}]}";
        const HttpResult before = m_http.send(order.port(), "POST", "/orders", body, headers);
        QCOMPARE(before.status, 201);
        QCOMPARE(before.json.value("status").toString(), QString("CONFIRMED"));

        payment.signal(SIGSTOP);
        QStringList pending;
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = m_http.send(order.port(), "POST", "/orders", body, headers);
            QCOMPARE(r.status, 202);
            QCOMPARE(r.json.value("status").toString(), QString("PENDING_PAYMENT"));
            pending.append(r.json.value("orderId").toString());
        }
        payment.signal(SIGCONT);
        for (const QString &id : pending)
            QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_infra.dbs.value("order"), "SELECT count(*) FROM orders WHERE id = $1 "
                                                                              "AND status = 'CONFIRMED'", {id}),
                                      1, 90000);
        for (const QString &id : pending)
            QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM payments WHERE order_id = $1", {id}), 1);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("inventory"), "SELECT stock FROM items WHERE sku = 'SKU-005'"), 1000 - 8);
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_infra.dbs.value("notification"), "SELECT count(*) FROM notifications "
                                                                                 "WHERE user_id = 'carol'"),
                                  12, 60000);
        order.stop();
        QCOMPARE(payment.stop(), 0);
    }
};

int main(int argc, char *argv[])
{
    if (argc > 1 && std::string(argv[1]) == "--node") {
        // The child: what `gatehouse-runtime node` does for a service, without the CLI around it.
        std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        QString error;
        const auto config = NodeLaunchConfig::fromJson(QJsonDocument::fromJson(QByteArray::fromStdString(input)).object(), &error);
        if (!config) {
            std::fprintf(stderr, "bad launch config: %s\n", qPrintable(error));
            return 2;
        }
        NodeControlChannel control(STDIN_FILENO); // stdin is at EOF already: no control messages
        return runServiceNode(*config, control);
    }
    QCoreApplication app(argc, argv);
    TestServiceProcess test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_serviceprocess.moc"
