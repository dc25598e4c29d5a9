// The example's inventory, payment, order and notification services in-process, on the
// example diagram (examples/api-gateway.gatehouse), against real PostgreSQL, redis-server and
// the librdkafka mock: confirmed, declined and deferred (payment timeout → PENDING_PAYMENT →
// settled by events) orders, with every order, reservation, payment and notification counted.
#include "servicetestenv.h"

#include "infra/redisserver.h"
#include "model/projectfile.h"
#include "services/servicenode.h"

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

class TestOrderFlow : public QObject
{
    Q_OBJECT

private:
    ExampleInfra m_infra;
    QHash<QString, std::shared_ptr<ServiceNode>> m_nodes;
    HttpHelper m_http;

    int port(const QString &node) const { return m_nodes.value(node)->port(); }

    NodeLaunchConfig config(const QString &nodeId) const
    {
        NodeLaunchConfig c = m_infra.config(nodeId);
        for (const Edge *e : m_infra.topology.outgoing(nodeId, EdgeKind::Sync))
            if (m_nodes.contains(e->target))
                c.upstreams.insert(e->target, Endpoint{"127.0.0.1", m_nodes.value(e->target)->port()});
        return c;
    }

    HttpResult order(const QString &user, const QList<QPair<QString, int>> &lines)
    {
        QJsonArray items;
        for (const auto &line : lines)
            items.append(QJsonObject{{"sku", line.first}, {"quantity", line.second}});
        Http::Headers headers;
        headers.add("X-Gatehouse-Subject", user.toStdString());
        return m_http.send(port("order"), "POST", "/orders",
                           QJsonDocument(QJsonObject{{"items", items}}).toJson(QJsonDocument::Compact), headers);
    }

    HttpResult getOrder(const QString &user, const QString &id)
    {
        Http::Headers headers;
        headers.add("X-Gatehouse-Subject", user.toStdString());
        return m_http.send(port("order"), "GET", ("/orders/" + id).toStdString(), {}, headers);
    }

    void setProvider(int latencyMs, double failureRate)
    {
        const HttpResult r = m_http.send(port("payment"), "PUT", "/payments/provider",
                                         QJsonDocument(QJsonObject{{"latencyMs", latencyMs}, {"failureRate", failureRate}})
                                             .toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
    }

    int stockOf(const QString &sku) const
    {
        return ServiceEnv::count(m_infra.dbs.value("inventory"), "SELECT stock FROM items WHERE sku = $1", {sku});
    }
    int notifications(const QString &user) const
    {
        return ServiceEnv::count(m_infra.dbs.value("notification"), "SELECT count(*) FROM notifications WHERE user_id = $1", {user});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_infra.start({"inventory", "payment", "order", "notification"}, &error), qPrintable(error));
        // Targets before their callers, so the callers get their upstreams.
        for (const QString &id : {QString("inventory"), QString("payment"), QString("notification"), QString("order")}) {
            auto node = std::make_shared<ServiceNode>(config(id));
            QVERIFY2(node->start(&error), qPrintable(id + ": " + error));
            QVERIFY2(node->warnings().isEmpty(), qPrintable(node->warnings().join("; ")));
            m_nodes.insert(id, node);
        }
        for (const QString &id : m_nodes.keys())
            QTRY_COMPARE_WITH_TIMEOUT(m_http.send(port(id), "GET", "/readyz").status, 200, 30000);
        setProvider(20, 0.0); // deterministic unless a test says otherwise
    }

    void cleanupTestCase()
    {
        m_nodes.clear();
        m_infra.stop();
    }

    void paymentChargesOncePerOrder()
    {
        const QByteArray charge = "{\"orderId\":\"p-1\",\"userId\":\"payer\",\"amountCents\":1200}";
        const HttpResult first = m_http.send(port("payment"), "POST", "/payments/charges", charge);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value("status").toString(), QString("completed"));
        const HttpResult again = m_http.send(port("payment"), "POST", "/payments/charges", charge);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value("paymentId").toString(), first.json.value("paymentId").toString());
        setProvider(20, 1.0);
        const HttpResult declined = m_http.send(port("payment"), "POST", "/payments/charges",
                                                "{\"orderId\":\"p-2\",\"userId\":\"payer\",\"amountCents\":5}");
        QCOMPARE(declined.status, 402);
        QCOMPARE(declined.json.value("status").toString(), QString("failed"));
        setProvider(20, 0.0);
        QCOMPARE(m_http.send(port("payment"), "POST", "/payments/charges", "{\"orderId\":\"p-3\"}").status, 400);
        QCOMPARE(m_http.send(port("payment"), "PUT", "/payments/provider", "{\"failureRate\":2}").status, 400);

        const HttpResult admin = m_http.send(port("payment"), "GET", "/admin/payments");
        QCOMPARE(admin.json.value("totals").toObject().value("completed").toInt(), 1);
        QCOMPARE(admin.json.value("totals").toObject().value("failed").toInt(), 1);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM outbox WHERE topic = 'payment.completed'"), 1);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM outbox WHERE topic = 'payment.failed'"), 1);
        // the notification service hears about both
        QTRY_COMPARE_WITH_TIMEOUT(notifications("payer"), 2, 30000);
    }

    void orderIsConfirmed()
    {
        const HttpResult r = order("u1", {{"SKU-001", 2}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value("status").toString(), QString("CONFIRMED"));
        QCOMPARE(r.json.value("totalCents").toInt(), 2 * 625);
        QVERIFY(!r.json.value("paymentId").toString().isEmpty());
        const QString id = r.json.value("orderId").toString();
        QCOMPARE(stockOf("SKU-001"), 998);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM payments WHERE order_id = $1 AND "
                                                           "status = 'completed' AND amount_cents = 1250", {id}),
                 1);
        QCOMPARE(getOrder("u1", id).json.value("status").toString(), QString("CONFIRMED"));
        QCOMPARE(getOrder("u2", id).status, 404); // not yours
        Http::Headers headers;
        headers.add("X-Gatehouse-Subject", "u1");
        QCOMPARE(m_http.send(port("order"), "GET", "/orders", {}, headers).json.value("orders").toArray().size(), 1);
        // order.created, payment.completed, order.confirmed
        QTRY_COMPARE_WITH_TIMEOUT(notifications("u1"), 3, 30000);
        const HttpResult list = m_http.send(port("notification"), "GET", "/notifications/u1");
        QCOMPARE(list.json.value("total").toInt(), 3);
        QStringList topics;
        for (const QJsonValue &n : list.json.value("notifications").toArray())
            topics.append(n.toObject().value("topic").toString());
        topics.sort();
        QCOMPARE(topics, QStringList({"order.confirmed", "order.created", "payment.completed"}));
    }

    void declinedPaymentCancelsAndReleasesStock()
    {
        setProvider(20, 1.0);
        const HttpResult r = order("u3", {{"SKU-002", 5}});
        setProvider(20, 0.0);
        QCOMPARE(r.status, 402);
        QCOMPARE(r.json.value("status").toString(), QString("CANCELLED"));
        QCOMPARE(r.json.value("reason").toString(), QString("payment declined"));
        // inventory releases on order.cancelled
        QTRY_COMPARE_WITH_TIMEOUT(stockOf("SKU-002"), 1000, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(notifications("u3"), 3, 30000); // created, payment.failed, cancelled
    }

    void paymentTimeoutDefersAndEventsSettle()
    {
        setProvider(1500, 0.0); // slower than the order → payment edge timeout (800 ms)
        const HttpResult r = order("u4", {{"SKU-003", 1}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json.value("status").toString(), QString("PENDING_PAYMENT"));
        const QString id = r.json.value("orderId").toString();
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("order"), "SELECT count(*) FROM outbox WHERE topic = 'payment.requested' "
                                                         "AND event_key = $1", {id}),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(getOrder("u4", id).json.value("status").toString(), QString("CONFIRMED"), 30000);
        setProvider(20, 0.0);
        // one payment for the order although it was asked twice (sync call + payment.requested)
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM processed_events "
                                                                            "WHERE topic = 'payment.requested'"),
                                  1, 30000);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM payments WHERE order_id = $1", {id}), 1);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("order"), "SELECT count(*) FROM outbox WHERE topic = 'order.confirmed' "
                                                         "AND event_key = $1", {id}),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(notifications("u4"), 3, 30000);
    }

    void badOrdersAreRefused()
    {
        Http::Headers headers;
        headers.add("X-Gatehouse-Subject", "u5");
        QCOMPARE(m_http.send(port("order"), "POST", "/orders", "{\"items\":[]}", headers).status, 400);
        QCOMPARE(m_http.send(port("order"), "POST", "/orders", "garbage", headers).status, 400);
        QCOMPARE(m_http.send(port("order"), "POST", "/orders", "{\"items\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}").status, 401);
        const HttpResult tooMany = order("u5", {{"SKU-004", 5000}});
        QCOMPARE(tooMany.status, 409);
        QCOMPARE(order("u5", {{"NOPE", 1}}).status, 422);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("order"), "SELECT count(*) FROM orders WHERE user_id = 'u5'"), 0);
        QCOMPARE(stockOf("SKU-004"), 1000);
    }

    void manyConcurrentOrdersAreAllAccountedFor()
    {
        const int n = 100;
        QList<HttpHelper::Call> calls;
        for (int i = 0; i < n; ++i) {
            const QString sku = QString("SKU-%1").arg(10 + i % 10, 3, 10, QChar('0'));
            calls.append({"POST", "/orders",
                          QJsonDocument(QJsonObject{{"items", QJsonArray{QJsonObject{{"sku", sku}, {"quantity", 1}}}}})
                              .toJson(QJsonDocument::Compact)});
        }
        int confirmed = 0;
        QStringList ids;
        for (int round = 0; round < n / 20; ++round) {
            QList<HttpResult> results;
            std::vector<std::thread> threads;
            QMutex mutex;
            for (int i = 0; i < 20; ++i) {
                threads.emplace_back([&, i] {
                    HttpHelper http;
                    Http::Headers headers;
                    headers.add("X-Gatehouse-Subject", QString("bulk-%1").arg(round * 20 + i).toStdString());
                    const HttpResult r = http.send(port("order"), "POST", "/orders", calls[round * 20 + i].body, headers);
                    QMutexLocker lock(&mutex);
                    results.append(r);
                });
            }
            for (auto &t : threads)
                t.join();
            for (const HttpResult &r : results) {
                confirmed += r.status == 201 && r.json.value("status").toString() == "CONFIRMED";
                ids.append(r.json.value("orderId").toString());
            }
        }
        QCOMPARE(confirmed, n);
        for (int s = 10; s < 20; ++s)
            QCOMPARE(stockOf(QString("SKU-%1").arg(s, 3, 10, QChar('0'))), 1000 - n / 10);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("order"), "SELECT count(*) FROM orders WHERE user_id LIKE 'bulk-%' "
                                                         "AND status = 'CONFIRMED'"),
                 n);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("payment"), "SELECT count(*) FROM payments WHERE user_id LIKE 'bulk-%' "
                                                           "AND status = 'completed'"),
                 n);
        QTRY_COMPARE_WITH_TIMEOUT(ServiceEnv::count(m_infra.dbs.value("notification"),
                                                    "SELECT count(*) FROM notifications WHERE user_id LIKE 'bulk-%'"),
                                  3 * n, 60000);
        QCOMPARE(ServiceEnv::count(m_infra.dbs.value("notification"), "SELECT count(DISTINCT user_id) FROM notifications "
                                                                "WHERE user_id LIKE 'bulk-%'"),
                 n);
    }
};

QTEST_GUILESS_MAIN(TestOrderFlow)
#include "tst_orderflow.moc"
