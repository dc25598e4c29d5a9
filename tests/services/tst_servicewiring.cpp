// The parts of a service that need no server: the labels of SQL spans (never a parameter
// value) and the route a generic service calls on each kind of sync target.
#include "model/projectfile.h"
#include "services/genericbehaviour.h"
#include "services/sqlsession.h"

#include <QtTest>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

class TestServiceWiring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statementLabel_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("label");
        QTest::newRow("begin") << "BEGIN" << "BEGIN";
        QTest::newRow("commit") << "commit" << "COMMIT";
        QTest::newRow("insert") << "INSERT INTO orders (id, user_id) VALUES ($1, $2)" << "INSERT orders";
        QTest::newRow("insert literal") << "INSERT INTO seen (v) VALUES ('INSERT INTO secret')" << "INSERT seen";
        QTest::newRow("update") << "UPDATE items SET stock = stock - $1 WHERE sku = $2" << "UPDATE items";
        QTest::newRow("update only") << "UPDATE ONLY items SET stock = 1" << "UPDATE items";
        QTest::newRow("delete") << "DELETE FROM reservations WHERE order_id = $1" << "DELETE reservations";
        QTest::newRow("select") << "SELECT sku, name FROM items ORDER BY sku" << "SELECT items";
        QTest::newRow("select ping") << "SELECT 1" << "SELECT";
        QTest::newRow("select function first") << "SELECT count(*) FROM orders WHERE status = $1" << "SELECT orders";
        QTest::newRow("schema-qualified") << "select * from public.items" << "SELECT public.items";
        QTest::newRow("outbox cte")
            << "WITH inserted AS ( INSERT INTO outbox (event_id) VALUES (gen_random_uuid()) RETURNING event_id)"
               " SELECT event_id::text, pg_notify('gatehouse_outbox', '') FROM inserted"
            << "INSERT outbox";
        QTest::newRow("update cte") << "WITH released AS ( UPDATE reservations SET state = 'released' RETURNING sku)"
                                       " UPDATE items i SET stock = 1 FROM released r WHERE i.sku = r.sku"
                                    << "UPDATE reservations";
        QTest::newRow("select cte") << "WITH t AS (SELECT 1 AS x) SELECT x FROM t" << "SELECT t";
        QTest::newRow("empty") << "" << "SQL";
        QTest::newRow("unterminated quote") << "SELECT 'abc" << "SELECT";
    }

    void statementLabel()
    {
        QFETCH(QString, sql);
        QFETCH(QString, label);
        QCOMPARE(SqlSession::statementLabel(sql), label);
    }

    // A generic service calls each kind of target at a route it really serves.
    void genericTargetRoute_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("route");
        QTest::newRow("inventory: GET without parameters, first in the diagram") << "inventory" << "GET /inventory/items";
        QTest::newRow("auth: GET without auth beats POST login") << "auth" << "GET /auth/jwks";
        QTest::newRow("payment: its only GET") << "payment" << "GET /admin/payments";
        QTest::newRow("notification: parameter route when there is no other")
            << "notification" << "GET /notifications/{userId}";
        QTest::newRow("another generic: its call path") << "other" << "POST /_gatehouse/call";
        QTest::newRow("routes drawn on the edge win") << "drawn" << "PUT /drawn/{id}";
    }

    void genericTargetRoute()
    {
        QFETCH(QString, target);
        QFETCH(QString, route);
        const LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        QVERIFY(loaded.ok());
        Topology topology = loaded.topology;
        Node generic;
        generic.id = "caller";
        generic.kind = NodeKind::Service;
        generic.role = ServiceRole::Generic;
        Node other = generic;
        other.id = "other";
        Node drawn = generic;
        drawn.id = "drawn";
        drawn.role = ServiceRole::Inventory;
        topology.nodes << generic << other << drawn;
        Edge edge;
        edge.id = "e-caller-" + target;
        edge.kind = EdgeKind::Sync;
        edge.source = "caller";
        edge.target = target;
        if (target == "drawn") {
            Route put;
            put.method = "PUT";
            put.path = "/drawn/{id}";
            edge.routes = {put};
        }
        const GenericBehaviour::Target chosen = GenericBehaviour::targetFor(topology, edge);
        QCOMPARE(chosen.node, target);
        QCOMPARE(QString::fromStdString(chosen.method + ' ' + chosen.path), route);
    }
};

QTEST_GUILESS_MAIN(TestServiceWiring)
#include "tst_servicewiring.moc"
