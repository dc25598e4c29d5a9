// End to end through the real gateway: the example's five services and its GatewayNode
// in-process, real PostgreSQL, redis-server and the librdkafka mock. Login at auth through the
// gateway, the token verified by the gateway with the key derived from the same secret, the
// partner API key, 200 orders with every order, reservation, payment and notification
// accounted for, and a slow payment service deferring orders to PENDING_PAYMENT, the breaker
// opening, and events settling every order afterwards.
#include "servicetestenv.h"

#include "gateway/apikeyverifier.h"
#include "gateway/gatewaynode.h"
#include "infra/redisserver.h"
#include "model/projectfile.h"
#include "services/authkeys.h"
#include "services/servicenode.h"

#include <thread>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

class TestGatewayFlow : public QObject
{
    Q_OBJECT

private:
    ExampleInfra m_infra;
    QHash<QString, std::shared_ptr<ServiceNode>> m_nodes;
    std::unique_ptr<GatewayNode> m_gateway;
    HttpHelper m_http;
    const QString m_secret = "jwt-secret-from-the-stack-keychain";
    const QString m_partnerKey = "partner-key-0123456789abcdef";
    QByteArray m_alice;
    QByteArray m_admin;

    QHash<QString, QString> secrets() const
    {
        return {{"jwt.signingKey", m_secret}, {"partner.partner.apiKey", m_partnerKey}, {"users.demoPassword", "demo-pw"}};
    }

    NodeLaunchConfig serviceConfig(const QString &nodeId) const
    {
        NodeLaunchConfig c = m_infra.config(nodeId);
        if (nodeId == "auth")
            c.secrets = secrets();
        for (const Edge *e : m_infra.topology.outgoing(nodeId, EdgeKind::Sync))
            if (m_nodes.contains(e->target))
                c.upstreams.insert(e->target, Endpoint{"127.0.0.1", m_nodes.value(e->target)->port()});
        return c;
    }

    Http::Headers bearer(const QByteArray &token) const
    {
        Http::Headers h;
        h.add("Authorization", ("Bearer " + token).toStdString());
        return h;
    }

    int gw() const { return m_gateway->publicPort(); }

    QByteArray login(const QString &user)
    {
        const HttpResult r = m_http.send(gw(), "POST", "/auth/login",
                                         QJsonDocument(QJsonObject{{"username", user}, {"password", "demo-pw"}}).toJson(QJsonDocument::Compact));
        return r.status == 200 ? r.json.value("accessToken").toString().toLatin1() : QByteArray();
    }

    int count(const QString &node, const QString &sql, const QStringList &params = {}) const
    {
        return ServiceEnv::count(m_infra.dbs.value(node), sql, params);
    }

    void setProvider(int latencyMs, double failureRate)
    {
        const HttpResult r = m_http.send(m_nodes.value("payment")->port(), "PUT", "/payments/provider",
                                         QJsonDocument(QJsonObject{{"latencyMs", latencyMs}, {"failureRate", failureRate}})
                                             .toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QStringList order{"auth", "inventory", "payment", "notification", "order"};
        QString error;
        QVERIFY2(m_infra.start(order, &error), qPrintable(error));
        for (const QString &id : order) {
            auto node = std::make_shared<ServiceNode>(serviceConfig(id));
            QVERIFY2(node->start(&error), qPrintable(id + ": " + error));
            QVERIFY2(node->warnings().isEmpty(), qPrintable(node->warnings().join("; ")));
            m_nodes.insert(id, node);
        }
        for (const QString &id : order)
            QTRY_COMPARE_WITH_TIMEOUT(m_http.send(m_nodes.value(id)->port(), "GET", "/readyz").status, 200, 30000);

        NodeLaunchConfig g;
        g.nodeId = "gateway";
        g.topology = m_infra.topology;
        g.publicListener = Endpoint{"127.0.0.1", 0};
        g.internalListener = Endpoint{"127.0.0.1", 0};
        for (const QString &id : order)
            g.upstreams.insert(id, Endpoint{"127.0.0.1", m_nodes.value(id)->port()});
        // What the supervisor hands the gateway: the public key derived from the same secret
        // and the partner key's hash.
        g.secrets.insert("jwt.publicKey", QString::fromLatin1(AuthKeys::fromSecret(m_secret.toUtf8(), nullptr)->publicPem));
        g.secrets.insert("apikey.partner", QString::fromLatin1(ApiKeyVerifier::sha256Hex(m_partnerKey.toUtf8())));
        GatewayNode::Settings settings;
        settings.ioThreads = 2;
        m_gateway = std::make_unique<GatewayNode>(g, settings);
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_nodes.clear();
        m_infra.stop();
    }

    void loginThroughTheGatewayAndUseTheToken()
    {
        m_alice = login("alice");
        QVERIFY(!m_alice.isEmpty());
        m_admin = login("admin");
        QVERIFY(!m_admin.isEmpty());
        QCOMPARE(m_http.send(gw(), "GET", "/inventory/items").status, 401);
        const HttpResult items = m_http.send(gw(), "GET", "/inventory/items", {}, bearer(m_alice));
        QCOMPARE(items.status, 200);
        QCOMPARE(items.json.value("items").toArray().size(), 20);
        QCOMPARE(m_http.send(gw(), "GET", "/inventory/items", {}, bearer(m_alice + "x")).status, 401);
        // the jwks route is internal: not on the public listener
        QCOMPARE(m_http.send(gw(), "GET", "/auth/jwks").status, 404);
        QCOMPARE(m_http.send(m_gateway->internalPort(), "GET", "/auth/jwks").status, 200);
    }

    void partnerApiKeyWorks()
    {
        Http::Headers h;
        h.add("X-API-Key", m_partnerKey.toStdString());
        QCOMPARE(m_http.send(gw(), "GET", "/partner/inventory", {}, h).status, 200);
        Http::Headers wrong;
        wrong.add("X-API-Key", "nope");
        QCOMPARE(m_http.send(gw(), "GET", "/partner/inventory", {}, wrong).status, 401);
        const QByteArray body = "{\"items\":[{\"sku\":\"SKU-020\",\"quantity\":1}]}";
        const HttpResult r = m_http.send(gw(), "POST", "/partner/orders", body, h);
        QVERIFY2(r.status == 201 || r.status == 402, r.body.constData());
        QCOMPARE(r.json.value("userId").toString(), QString("partner:partner"));
    }

    void twoHundredOrdersAreAllAccountedFor()
    {
        QVERIFY(!m_alice.isEmpty());
        const QByteArray bob = login("bob");
        QVERIFY(!bob.isEmpty());
        const int n = 200;
        QMutex mutex;
        QList<HttpResult> results;
        for (int round = 0; round < n / 20; ++round) {
            std::vector<std::thread> threads;
            for (int i = 0; i < 20; ++i) {
                const int k = round * 20 + i;
                threads.emplace_back([&, k] {
                    HttpHelper http;
                    const QString sku = QString("SKU-%1").arg(1 + k % 10, 3, 10, QChar('0'));
                    const QByteArray body = QJsonDocument(QJsonObject{{"items", QJsonArray{QJsonObject{{"sku", sku}, {"quantity", 1}}}}})
                                                .toJson(QJsonDocument::Compact);
                    const HttpResult r = http.send(gw(), "POST", "/orders", body, bearer(k % 2 ? bob : m_alice));
                    QMutexLocker lock(&mutex);
                    results.append(r);
                });
            }
            for (auto &t : threads)
                t.join();
        }
        int confirmed = 0;
        int cancelled = 0;
        for (const HttpResult &r : results) {
            confirmed += r.status == 201 && r.json.value("status").toString() == "CONFIRMED";
            cancelled += r.status == 402 && r.json.value("status").toString() == "CANCELLED"; // ~2 % declined
        }
        qInfo("200 orders through the gateway: %d confirmed, %d declined", confirmed, cancelled);
        QCOMPARE(confirmed + cancelled, n);
        const QString users = "user_id IN ('u-alice', 'u-bob')";
        QCOMPARE(count("order", "SELECT count(*) FROM orders WHERE " + users), n);
        QCOMPARE(count("order", "SELECT count(*) FROM orders WHERE status = 'CONFIRMED' AND " + users), confirmed);
        QCOMPARE(count("payment", "SELECT count(*) FROM payments WHERE " + users), n);
        QCOMPARE(count("payment", "SELECT count(*) FROM payments WHERE status = 'completed' AND " + users), confirmed);
        // stock: only confirmed orders keep their unit (declined ones are released by order.cancelled)
        QTRY_COMPARE_WITH_TIMEOUT(count("inventory", "SELECT sum(1000 - stock) FROM items WHERE sku <= 'SKU-010'"), confirmed, 30000);
        QCOMPARE(count("inventory", "SELECT count(*) FROM reservations WHERE state = 'reserved' AND sku <= 'SKU-010'"), confirmed);
        // three notifications per order: created, payment.completed|failed, confirmed|cancelled
        QTRY_COMPARE_WITH_TIMEOUT(count("notification", "SELECT count(*) FROM notifications WHERE " + users), 3 * n, 60000);
        const HttpResult mine = m_http.send(m_gateway->internalPort(), "GET", "/notifications/u-alice", {}, bearer(m_admin));
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json.value("total").toInt(), 3 * n / 2);
        QCOMPARE(m_http.send(m_gateway->internalPort(), "GET", "/notifications/u-alice", {}, bearer(m_alice)).status, 403);
    }

    void slowPaymentDefersOrdersAndEventsSettleThem()
    {
        setProvider(2000, 0.0); // slower than the order → payment timeout (800 ms)
        QStringList ids;
        QStringList statuses;
        for (int i = 0; i < OrderBehaviourBreakerThreshold + 1; ++i) {
            const HttpResult r = m_http.send(gw(), "POST", "/orders", "{\"items\":[{\"sku\":\"SKU-015\",\"quantity\":1}]}",
                                             bearer(m_alice));
            QCOMPARE(r.status, 202);
            QCOMPARE(r.json.value("status").toString(), QString("PENDING_PAYMENT"));
            ids.append(r.json.value("orderId").toString());
        }
        // the last one did not even try: the breaker was open
        QCOMPARE(count("order", "SELECT count(*) FROM outbox WHERE topic = 'payment.requested' AND event_key = $1 "
                                "AND payload->>'reason' = 'payment breaker open'", {ids.last()}),
                 1);
        setProvider(20, 0.0);
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(count("order", "SELECT count(*) FROM orders WHERE id = $1 AND status = 'CONFIRMED'", {id}), 1, 60000);
        for (const QString &id : ids) {
            QCOMPARE(count("payment", "SELECT count(*) FROM payments WHERE order_id = $1", {id}), 1);
            QCOMPARE(count("order", "SELECT count(*) FROM outbox WHERE topic = 'order.confirmed' AND event_key = $1", {id}), 1);
        }
        const HttpResult r = m_http.send(gw(), "GET", ("/orders/" + ids.first()).toStdString(), {}, bearer(m_alice));
        QCOMPARE(r.json.value("status").toString(), QString("CONFIRMED"));
    }

private:
    static constexpr int OrderBehaviourBreakerThreshold = 5;
};

QTEST_GUILESS_MAIN(TestGatewayFlow)
#include "tst_gatewayflow.moc"
