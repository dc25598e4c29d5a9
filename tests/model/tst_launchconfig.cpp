#include "model/credentialscope.h"
#include "model/launchconfig.h"
#include "model/projectfile.h"
#include "model/telemetry.h"

#include <QtTest>

using namespace Gatehouse;

class TestLaunchConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const LoadResult example = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        QVERIFY(example.ok());
        NodeLaunchConfig c;
        c.nodeId = "order";
        c.topology = example.topology;
        // The gateway reads its breaker settings from the topology it is launched with.
        c.topology.edge("e-gateway-inventory")->circuitBreaker = {true, 2, 750, 3};
        c.publicListener = {"127.0.0.1", 40001};
        c.upstreams.insert("payment", {"127.0.0.1", 40002});
        c.postgres = PostgresAccess{{"127.0.0.1", 5433}, "orders", "order_svc", "pw"};
        c.redis = RedisAccess{{"127.0.0.1", 6380}, "redispw", 0};
        c.kafka = KafkaAccess{"127.0.0.1:9092", "", "", ""};
        c.telemetry = {"127.0.0.1", 40003};
        c.dataDir = "/tmp/x";
        c.secrets.insert("jwt.signingKey", "k");
        QString error;
        const auto back = NodeLaunchConfig::fromJson(c.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(*back == c);
        const CircuitBreakerSettings carried{true, 2, 750, 3};
        QCOMPARE(back->topology.edge("e-gateway-inventory")->circuitBreaker, carried);
    }

    void rejectsUnknownNodeAndVersion()
    {
        NodeLaunchConfig c;
        c.nodeId = "ghost";
        QString error;
        QVERIFY(!NodeLaunchConfig::fromJson(c.toJson(), &error));
        QVERIFY(error.contains("ghost"));
        QJsonObject o = c.toJson();
        o.insert("version", 99);
        QVERIFY(!NodeLaunchConfig::fromJson(o, &error));
        QVERIFY(error.contains("99"));
    }

    // The app writes external credentials under this scope and the runtime reads them under it.
    void credentialScopeIsPerProjectPath()
    {
        QCOMPARE(projectCredentialScope(QString()), QString("project-untitled"));
        const QString a = projectCredentialScope("/srv/a/shop.gatehouse");
        QVERIFY(a.startsWith("project-"));
        QCOMPARE(a.size(), int(strlen("project-") + 16));
        QCOMPARE(projectCredentialScope("/srv/a/shop.gatehouse"), a);
        QCOMPARE(projectCredentialScope("/srv/a/../a/shop.gatehouse"), a); // absolute, cleaned path
        QVERIFY(projectCredentialScope("/srv/b/shop.gatehouse") != a);
    }

    void spanRoundTripAndValidation()
    {
        Span s;
        s.traceId = QString(32, 'a');
        s.spanId = QString(16, 'b');
        s.parentSpanId = QString(16, 'c');
        s.nodeId = "gateway";
        s.edgeId = "e-gateway-order";
        s.name = "POST /orders";
        s.kind = SpanKind::HttpServer;
        s.outcome = SpanOutcome::Timeout;
        s.startUs = 1700000000000000;
        s.durationUs = 800000;
        s.httpStatus = 504;
        s.attributes.insert("route", "/orders");
        QCOMPARE(Span::fromJson(s.toJson()), std::optional<Span>(s));
        QJsonObject bad = s.toJson();
        bad.insert("traceId", "XYZ");
        QVERIFY(!Span::fromJson(bad));
        bad = s.toJson();
        bad.insert("kind", "carrier-pigeon");
        QVERIFY(!Span::fromJson(bad));
    }
};

QTEST_APPLESS_MAIN(TestLaunchConfig)
#include "tst_launchconfig.moc"
