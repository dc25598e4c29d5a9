// The inventory role against real PostgreSQL, redis-server and the librdkafka mock: seeded
// items, Redis read-through with invalidation on change, all-or-nothing idempotent
// reservations without overselling under concurrency, release by HTTP and by order.cancelled.
#include "servicetestenv.h"

#include "infra/redisserver.h"
#include "services/inventorybehaviour.h"
#include "services/outbox.h"
#include "services/sqlsession.h"
#include "services/outboxrelay.h"
#include "services/rediscache.h"
#include "services/servicenode.h"

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

class TestInventoryService : public QObject
{
    Q_OBJECT

private:
    ServiceEnv m_env;
    std::unique_ptr<RedisServer> m_redis;
    PostgresAccess m_db;
    PostgresAccess m_producerDb;
    std::unique_ptr<ServiceNode> m_node;
    std::unique_ptr<RedisCache> m_probe; // reads the node's cache keys directly
    HttpHelper m_http;

    RedisAccess redisAccess() const { return RedisAccess{Endpoint{"127.0.0.1", m_redis->port()}, "redis-pw", 0}; }

    NodeLaunchConfig config() const
    {
        Topology t;
        t.nodes = {plainNode("gw", NodeKind::Gateway), serviceNode("inventory", ServiceRole::Inventory),
                   plainNode("kafka", NodeKind::BusKafka), plainNode("redis", NodeKind::CacheRedis),
                   plainNode("inventory-db", NodeKind::DbPostgres)};
        Edge cache = edge("e-inv-cache", EdgeKind::UsesCache, "inventory", "redis");
        cache.keyPrefix = "inv-test:";
        Edge subscribe = edge("e-kafka-inv", EdgeKind::Subscribe, "kafka", "inventory");
        subscribe.topics = {Topic{"order.cancelled", 3, {}}};
        subscribe.consumerGroup = "inventory-service";
        t.edges = {cache, subscribe, edge("e-inv-db", EdgeKind::Owns, "inventory", "inventory-db")};
        NodeLaunchConfig c;
        c.nodeId = "inventory";
        c.topology = t;
        c.publicListener = Endpoint{"127.0.0.1", 0};
        c.postgres = m_db;
        c.redis = redisAccess();
        c.kafka = m_env.kafkaAccess();
        return c;
    }

    int port() const { return m_node->port(); }
    int stockOf(const QString &sku) const
    {
        return ServiceEnv::count(m_db, "SELECT stock FROM items WHERE sku = $1", {sku});
    }
    QByteArray reservation(const QString &orderId, const QList<QPair<QString, int>> &lines) const
    {
        QJsonArray items;
        for (const auto &line : lines)
            items.append(QJsonObject{{"sku", line.first}, {"quantity", line.second}});
        return QJsonDocument(QJsonObject{{"orderId", orderId}, {"items", items}}).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_env.start({Topic{"order.cancelled", 3, "orderId"}}, &error), qPrintable(error));
        RedisServerOptions redis;
        redis.dataDir = m_env.dir.filePath("redis");
        QDir().mkpath(redis.dataDir);
        redis.password = "redis-pw";
        m_redis = std::make_unique<RedisServer>(redis);
        QVERIFY2(m_redis->start(&error), qPrintable(error));
        auto db = m_env.createDatabase("inventory", &error);
        QVERIFY2(db, qPrintable(error));
        m_db = *db;
        auto producer = m_env.createDatabase("orders", &error);
        QVERIFY2(producer, qPrintable(error));
        m_producerDb = *producer;
        PgConnection c;
        QVERIFY2(c.open(ServiceEnv::conninfo(m_producerDb), &error) && c.exec(Outbox::schemaSql(), &error), qPrintable(error));

        m_node = std::make_unique<ServiceNode>(config());
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QVERIFY2(m_node->warnings().isEmpty(), qPrintable(m_node->warnings().join("; ")));
        m_probe = std::make_unique<RedisCache>(redisAccess(), "inv-test:");
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(port(), "GET", "/readyz").status, 200, 30000);
    }

    void cleanupTestCase()
    {
        m_node.reset();
        if (m_redis)
            m_redis->stop();
        m_env.stop();
    }

    void seededItemsAreListedThroughTheCache()
    {
        const HttpResult first = m_http.send(port(), "GET", "/inventory/items");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value("items").toArray().size(), 20);
        QCOMPARE(first.json.value("items").toArray().first().toObject().value("sku").toString(), QString("SKU-001"));
        QCOMPARE(first.header("X-Cache"), QByteArray("miss"));
        const HttpResult second = m_http.send(port(), "GET", "/partner/inventory");
        QCOMPARE(second.header("X-Cache"), QByteArray("hit"));
        QCOMPARE(second.body, first.body);
    }

    void itemReadsThroughRedis()
    {
        QVERIFY(!m_probe->get("item:SKU-002"));
        const HttpResult miss = m_http.send(port(), "GET", "/inventory/items/SKU-002");
        QCOMPARE(miss.status, 200);
        QCOMPARE(miss.header("X-Cache"), QByteArray("miss"));
        QCOMPARE(miss.json.value("stock").toInt(), 1000);
        QCOMPARE(miss.json.value("priceCents").toInt(), 750);
        QCOMPARE(m_probe->get("item:SKU-002").value_or(QByteArray()), miss.body);
        const HttpResult hit = m_http.send(port(), "GET", "/inventory/items/SKU-002");
        QCOMPARE(hit.header("X-Cache"), QByteArray("hit"));
        QCOMPARE(hit.body, miss.body);
    }

    void unknownAndMalformedSkus()
    {
        QCOMPARE(m_http.send(port(), "GET", "/inventory/items/SKU-999").status, 404);
        QCOMPARE(m_http.send(port(), "GET", "/inventory/items/a%20b").status, 400);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", "not json").status, 400);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", "{\"orderId\":\"x\",\"items\":[]}").status, 400);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations",
                             "{\"orderId\":\"x\",\"items\":[{\"sku\":\"SKU-001\",\"quantity\":-1}]}").status, 400);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", reservation("x", {{"SKU-999", 1}})).status, 404);
    }

    void reservationIsIdempotentAndInvalidatesTheCache()
    {
        m_http.send(port(), "GET", "/inventory/items/SKU-003"); // cached now
        QVERIFY(m_probe->get("item:SKU-003"));
        const QByteArray body = reservation("o-1", {{"SKU-003", 3}, {"SKU-004", 2}});
        const HttpResult created = m_http.send(port(), "POST", "/inventory/reservations", body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value("totalCents").toInt(), 3 * 875 + 2 * 1000);
        QVERIFY(!m_probe->get("item:SKU-003")); // invalidated after commit
        QVERIFY(!m_probe->get("items"));
        QCOMPARE(m_http.send(port(), "GET", "/inventory/items/SKU-003").json.value("stock").toInt(), 997);

        const HttpResult again = m_http.send(port(), "POST", "/inventory/reservations", body);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value("totalCents").toInt(), created.json.value("totalCents").toInt());
        QCOMPARE(stockOf("SKU-003"), 997);
        QCOMPARE(stockOf("SKU-004"), 998);
    }

    void insufficientStockReservesNothing()
    {
        QCOMPARE(m_http.send(port(), "PUT", "/admin/inventory/SKU-006", "{\"stock\":5,\"restockBelow\":0}").status, 200);
        const HttpResult refused = m_http.send(port(), "POST", "/inventory/reservations",
                                               reservation("o-2", {{"SKU-005", 1}, {"SKU-006", 6}}));
        QCOMPARE(refused.status, 409);
        QVERIFY(refused.json.value("detail").toString().contains("SKU-006"));
        QCOMPARE(stockOf("SKU-005"), 1000);
        QCOMPARE(stockOf("SKU-006"), 5);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM reservations WHERE order_id = 'o-2'"), 0);
    }

    void concurrentReservationsNeverOversell()
    {
        QCOMPARE(m_http.send(port(), "PUT", "/admin/inventory/SKU-007", "{\"stock\":20,\"restockBelow\":0}").status, 200);
        QList<HttpHelper::Call> calls;
        for (int i = 0; i < 50; ++i)
            calls.append({"POST", "/inventory/reservations", reservation(QString("c-%1").arg(i), {{"SKU-007", 1}})});
        const QList<HttpResult> results = m_http.sendAll(port(), calls);
        int created = 0;
        int refused = 0;
        for (const HttpResult &r : results) {
            created += r.status == 201;
            refused += r.status == 409;
        }
        QCOMPARE(created, 20);
        QCOMPARE(refused, 30);
        QCOMPARE(stockOf("SKU-007"), 0);
    }

    void releaseByHttpIsIdempotent()
    {
        const HttpResult released = m_http.send(port(), "POST", "/inventory/reservations/o-1/release");
        QCOMPARE(released.status, 200);
        QCOMPARE(released.json.value("releasedLines").toInt(), 2);
        QCOMPARE(stockOf("SKU-003"), 1000);
        QCOMPARE(stockOf("SKU-004"), 1000);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations/o-1/release").json.value("releasedLines").toInt(), 0);
        QCOMPARE(stockOf("SKU-003"), 1000);
        // a released order cannot be reserved again under the same id
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", reservation("o-1", {{"SKU-003", 3}})).status, 409);
    }

    // The order service gave up on an order id before its reservation arrived (docs/services.md
    // "Recovery"): the release is remembered, the late reservation refused, no stock taken.
    void releaseBeforeReservationRefusesIt()
    {
        const HttpResult released = m_http.send(port(), "POST", "/inventory/reservations/o-late/release");
        QCOMPARE(released.status, 200);
        QCOMPARE(released.json.value("releasedLines").toInt(), 0);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM released_orders WHERE order_id = 'o-late'"), 1);
        const int stock = stockOf("SKU-011");
        const HttpResult late = m_http.send(port(), "POST", "/inventory/reservations", reservation("o-late", {{"SKU-011", 2}}));
        QCOMPARE(late.status, 409);
        QCOMPARE(stockOf("SKU-011"), stock);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM reservations WHERE order_id = 'o-late'"), 0);
        // a second release changes nothing; an order that had a reservation leaves no tombstone
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations/o-late/release").status, 200);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM released_orders WHERE order_id = 'o-late'"), 1);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM released_orders WHERE order_id = 'o-1'"), 0);
    }

    // The simulated supplier refills a demo item that fell below 100 to 1000, as one stock
    // movement; the reservation that took the stock is untouched, the cache is invalidated.
    void supplierRefillsALowItem()
    {
        QCOMPARE(m_http.send(port(), "GET", "/inventory/items/SKU-015").json.value("stock").toInt(), 1000); // cached
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", reservation("o-big", {{"SKU-015", 950}})).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(stockOf("SKU-015"), 1000, 20000);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM stock_movements WHERE sku = 'SKU-015'"), 1);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT quantity FROM stock_movements WHERE sku = 'SKU-015' AND kind = 'restock'"), 950);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT quantity FROM reservations WHERE order_id = 'o-big' AND state = 'reserved'"), 950);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(port(), "GET", "/inventory/items/SKU-015").json.value("stock").toInt(), 1000, 10000);
        // initial − stock + delivered = reserved, for every item
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM items i WHERE restock_level IS NOT NULL AND"
                                         " 1000 - i.stock + COALESCE((SELECT sum(quantity) FROM stock_movements m WHERE m.sku = i.sku), 0)"
                                         " <> COALESCE((SELECT sum(quantity) FROM reservations r WHERE r.sku = i.sku AND r.state = 'reserved'), 0)"
                                         " AND i.sku NOT IN ('SKU-006', 'SKU-007')"),
                 0);
        // a stock-take without restocking stays as set
        QCOMPARE(stockOf("SKU-006"), 5);
        QCOMPARE(m_http.send(port(), "PUT", "/admin/inventory/SKU-016", "{\"restockBelow\":-1}").status, 400);
    }

    void orderCancelledReleasesStock()
    {
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", reservation("o-9", {{"SKU-008", 4}})).status, 201);
        QCOMPARE(m_http.send(port(), "GET", "/inventory/items/SKU-008").json.value("stock").toInt(), 996); // cached
        QVERIFY(m_probe->get("item:SKU-008"));

        QString error;
        PgConnection c;
        QVERIFY(c.open(ServiceEnv::conninfo(m_producerDb), &error));
        QVERIFY(c.exec("BEGIN", &error));
        SqlSession session(c, {});
        QVERIFY(!Outbox::append(session, OutboundEvent{"order.cancelled", "o-9", QJsonObject{{"orderId", "o-9"}, {"userId", "u1"}}, {}, {}}, &error).isEmpty());
        QVERIFY(c.exec("COMMIT", &error));
        OutboxRelay relay(ServiceEnv::conninfo(m_producerDb), m_env.kafkaAccess(), "order", OutboxRelay::Options{20, 500, 2000});
        QVERIFY2(relay.start(&error), qPrintable(error));

        QTRY_COMPARE_WITH_TIMEOUT(stockOf("SKU-008"), 1000, 30000);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM processed_events WHERE topic = 'order.cancelled'"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.send(port(), "GET", "/inventory/items/SKU-008").json.value("stock").toInt(), 1000, 10000);
    }

    void redisDownStillServesFromTheDatabase()
    {
        m_redis->stop();
        const HttpResult r = m_http.send(port(), "GET", "/inventory/items/SKU-010");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Cache"), QByteArray("miss"));
        QCOMPARE(r.json.value("stock").toInt(), 1000);
        QCOMPARE(m_http.send(port(), "POST", "/inventory/reservations", reservation("o-r", {{"SKU-010", 1}})).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestInventoryService)
#include "tst_inventoryservice.moc"
