#include "model/kinds.h"
#include "model/topology.h"

#include <QtTest>

using namespace Gatehouse;

class TestKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringRoundTrip()
    {
        for (const QString &name : allNodeKindNames())
            QCOMPARE(nameOf(*nodeKindFromString(name)), name);
        for (const QString &name : allEdgeKindNames())
            QCOMPARE(nameOf(*edgeKindFromString(name)), name);
        for (const QString &name : allServiceRoleNames())
            QCOMPARE(nameOf(*serviceRoleFromString(name)), name);
        for (const QString &name : allLaneNames())
            QCOMPARE(nameOf(*laneFromString(name)), name);
        QVERIFY(!nodeKindFromString(QStringLiteral("client.WEB")));
        QVERIFY(!edgeKindFromString(QString()));
    }

    void edgeRules_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("client calls gateway") << "sync" << "client.web" << "gateway" << true;
        QTest::newRow("client bypasses gateway") << "sync" << "client.mobile" << "service" << false;
        QTest::newRow("gateway routes to service") << "sync" << "gateway" << "service" << true;
        QTest::newRow("service calls service") << "sync" << "service" << "service" << true;
        QTest::newRow("service calls back gateway") << "sync" << "service" << "gateway" << false;
        QTest::newRow("sync into a database") << "sync" << "service" << "db.postgres" << false;
        QTest::newRow("service publishes") << "publish" << "service" << "bus.kafka" << true;
        QTest::newRow("client publishes") << "publish" << "client.web" << "bus.kafka" << false;
        QTest::newRow("service subscribes") << "subscribe" << "bus.kafka" << "service" << true;
        QTest::newRow("service owns db") << "owns" << "service" << "db.postgres" << true;
        QTest::newRow("client owns db") << "owns" << "client.partner" << "db.postgres" << false;
        QTest::newRow("gateway uses cache") << "uses-cache" << "gateway" << "cache.redis" << true;
        QTest::newRow("client uses cache") << "uses-cache" << "client.web" << "cache.redis" << false;
    }

    void edgeRules()
    {
        QFETCH(QString, kind);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QString reason;
        QCOMPARE(isEdgeAllowed(*edgeKindFromString(kind), *nodeKindFromString(from), *nodeKindFromString(to), &reason),
                 allowed);
        QCOMPARE(reason.isEmpty(), allowed);
    }

    void edgeKindsBetweenPicksTheOnlyFit()
    {
        QCOMPARE(edgeKindsBetween(NodeKind::Service, NodeKind::DbPostgres), QList<EdgeKind>{EdgeKind::Owns});
        QCOMPARE(edgeKindsBetween(NodeKind::BusKafka, NodeKind::Service), QList<EdgeKind>{EdgeKind::Subscribe});
        QVERIFY(edgeKindsBetween(NodeKind::ClientWeb, NodeKind::DbPostgres).isEmpty());
    }

    void uniqueIdSkipsTakenIds()
    {
        Topology topology;
        Node a;
        a.id = QStringLiteral("service-1");
        topology.nodes.append(a);
        Edge e;
        e.id = QStringLiteral("service-2");
        topology.edges.append(e);
        QCOMPARE(topology.uniqueId(QStringLiteral("service")), QStringLiteral("service-3"));
    }
};

QTEST_APPLESS_MAIN(TestKinds)
#include "tst_kinds.moc"
