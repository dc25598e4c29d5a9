// runGatewayNode() as a process: launch config on stdin, "listening" line with the bound ports
// on stdout, serving, SIGTERM → clean exit 0 with a "stopped" line.
#include "gatewaytestsupport.h"
#include "model/launchconfig.h"
#include "model/projectfile.h"

#include <QtTest>
#include <csignal>

using namespace Gatehouse;

class TestGatewayNode : public QObject
{
    Q_OBJECT

    static QList<QJsonObject> lines(const QByteArray &out)
    {
        QList<QJsonObject> result;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.trimmed().isEmpty())
                result.append(QJsonDocument::fromJson(line).object());
        }
        return result;
    }

private Q_SLOTS:
    void runsUntilSigterm()
    {
        const LoadResult example
            = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        QVERIFY(example.ok());
        QTemporaryDir dataDir;
        GatewayTest::Upstream inventory;
        NodeLaunchConfig c;
        c.nodeId = "gateway";
        c.topology = example.topology;
        c.publicListener = { "127.0.0.1", 0 };
        c.internalListener = { "127.0.0.1", 0 };
        c.upstreams.insert("inventory", { "127.0.0.1", inventory.port() });
        c.dataDir = dataDir.path();
        c.secrets.insert("apikey.acme",
            QString::fromLatin1(
                QCryptographicHash::hash("partner-secret-key-xyz", QCryptographicHash::Sha256).toHex()));

        QProcess node;
        node.setProgram(QStringLiteral(GATEWAY_NODE_HARNESS));
        node.start();
        QVERIFY(node.waitForStarted());
        node.write(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
        node.closeWriteChannel();

        QByteArray out;
        QJsonObject listening;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            out += node.readAllStandardOutput();
            for (const QJsonObject &line : lines(out)) {
                if (line["event"] == "listening")
                    listening = line;
            }
            return !listening.isEmpty();
        }()),
            10000);
        const int publicPort = listening["publicPort"].toInt();
        const int internalPort = listening["internalPort"].toInt();
        QVERIFY(publicPort > 0 && internalPort > 0 && publicPort != internalPort);
        QCOMPARE(listening["routes"].toInt(), 14);

        // No Redis configured: the rate-limited partner route fails open; no JWT key: 401.
        const GatewayTest::Reply partner
            = GatewayTest::get(publicPort, "/partner/inventory", { { "X-API-Key", "partner-secret-key-xyz" } });
        QCOMPARE(partner.status, 200);
        QCOMPARE(GatewayTest::get(publicPort, "/inventory/items").status, 401);
        QCOMPARE(GatewayTest::get(internalPort, "/readyz").json()["status"].toString(), QString("degraded"));

        ::kill(static_cast<pid_t>(node.processId()), SIGTERM);
        QVERIFY(node.waitForFinished(15000));
        QCOMPARE(node.exitStatus(), QProcess::NormalExit);
        QCOMPARE(node.exitCode(), 0);
        out += node.readAllStandardOutput();
        const QList<QJsonObject> all = lines(out);
        bool sawAccess = false;
        for (const QJsonObject &line : all)
            sawAccess = sawAccess
                || (line["type"] == "access" && line["route"] == "GET /partner/inventory"
                    && line["client"] == "partner:acme" && line["rateLimit"] == "fail-open");
        QVERIFY2(sawAccess, out.constData());
        QCOMPARE(all.last()["event"].toString(), QString("stopped"));
        // Nothing listens any more.
        QCOMPARE(GatewayTest::get(publicPort, "/healthz").status, 0);
        QVERIFY(!out.contains("partner-secret-key-xyz")); // secrets never reach the log
    }

    void refusesNonGateway()
    {
        const LoadResult example
            = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        NodeLaunchConfig c;
        c.nodeId = "order";
        c.topology = example.topology;
        QProcess node;
        node.setProgram(QStringLiteral(GATEWAY_NODE_HARNESS));
        node.start();
        node.write(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
        node.closeWriteChannel();
        QVERIFY(node.waitForFinished(10000));
        QCOMPARE(node.exitCode(), 1);
        const QJsonObject line = QJsonDocument::fromJson(node.readAllStandardOutput().trimmed()).object();
        QCOMPARE(line["level"].toString(), QString("error"));
        QVERIFY(line["message"].toString().contains("not a gateway"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayNode)
#include "tst_gatewaynode.moc"
