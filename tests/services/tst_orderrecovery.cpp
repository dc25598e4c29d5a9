// Issue 7, the two crash windows of the ORDER service (docs/services.md "Recovery"), each made
// deterministic and hit with a kill -9 (the control protocol's `kill`) under `gatehouse-runtime
// up` on the built-in example; the supervisor restarts the node and its recovery pass must leave
// nothing behind:
//  1. reservationOfUnstoredOrderIsReleased: inventory committed the reservation, the order row
//     is not stored yet. The window is held open by the test itself holding an EXCLUSIVE lock on
//     the order service's `orders` table (its INSERT waits, as behind any long transaction):
//     inject cannot widen it, its edge delay comes before the call. After the restart the
//     reservation must be released and no order row appear.
//  2. pendingOrderWithoutChargeIsSettled: the order is stored PENDING_PAYMENT, the charge not
//     sent yet. The window is the injected latency of the order → payment edge (`inject`; the
//     test's copy of the example gives that edge a 3 s timeout so the delay is wide enough to
//     land a kill in). After the restart the order must end CONFIRMED or CANCELLED, charged at
//     most once, via one payment.requested.
// Then the whole stack's accounting: every order CONFIRMED or CANCELLED, one payment at most per
// order, stock moved by exactly the CONFIRMED quantities (plus the supplier's deliveries, none
// here), no reservation left without an order.
// On the code before the recovery pass both cases fail (the reservation stays, the order stays
// PENDING_PAYMENT).
#include "examplestack.h"
#include "httpexchange.h"
#include "infra/pgconnection.h"
#include "runtimeclient/runtimeprocess.h"
#include "supervisor/portcheck.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

constexpr int PaymentTimeoutMs = 3000; // the test copy's order → payment timeout (example: 800)

// The example with a wider order → payment timeout (PaymentTimeoutMs) so that an injected delay
// opens window 2 wide.
QString writeExample(const QString &dir)
{
    return Test::writeExampleForTest(dir, [](QJsonObject &edge) {
        if (edge["id"] == "e-order-payment")
            edge["timeoutMs"] = PaymentTimeoutMs;
    });
}

} // namespace

class TestOrderRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RuntimeProcess m_process;
    QJsonObject m_secrets;
    int m_gatewayPort = 0;
    QByteArray m_token;
    QHash<QString, int> m_stockBefore;
    std::vector<std::unique_ptr<QTcpSocket>> m_requests; // orders whose answer the kill loses

    QString conninfo(const QString &dbNode, const QString &database, const QString &role)
    {
        return Test::serviceConninfo(*m_process.client(), m_secrets, dbNode, database, role);
    }
    QString ordersDb() { return conninfo("order-db", "orders", "svc_order"); }
    QString inventoryDb() { return conninfo("inventory-db", "inventory", "svc_inventory"); }
    QString paymentsDb() { return conninfo("payment-db", "payments", "svc_payment"); }

    static QList<QStringList> rows(const QString &info, const QString &sql, const QStringList &params = {})
    {
        return Test::sqlRows(info, sql, params);
    }
    static int count(const QString &info, const QString &sql, const QStringList &params = {})
    {
        return Test::sqlCount(info, sql, params);
    }
    static QString value(const QString &info, const QString &sql, const QStringList &params = {})
    {
        return rows(info, sql, params).value(0).value(0);
    }
    bool allReady() { return Test::exampleReady(*m_process.client()); }

    // Sends a control command and waits for its result.
    bool command(const QString &name, const QJsonObject &arguments)
    {
        RuntimeClient *client = m_process.client();
        QSignalSpy done(client, &RuntimeClient::commandFinished);
        const int id = client->sendCommand(name, arguments);
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (done.isEmpty() && !done.wait(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
                break;
            while (!done.isEmpty()) {
                const QList<QVariant> args = done.takeFirst();
                if (args.at(0).toInt() == id)
                    return args.at(1).toBool();
            }
        }
        return false;
    }

    // POST /orders through the gateway on a connection of its own; the answer is never read
    // (the kill loses it). Returns once the request is written.
    bool sendOrder(const QString &sku, int quantity)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{"items", QJsonArray{QJsonObject{{"sku", sku}, {"quantity", quantity}}}}})
                                    .toJson(QJsonDocument::Compact);
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_gatewayPort));
        if (!socket->waitForConnected(5000))
            return false;
        socket->write("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + m_token
                      + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                      + body);
        const bool written = socket->waitForBytesWritten(5000);
        m_requests.push_back(std::move(socket));
        return written;
    }

    // kill -9 of node `order` by the supervisor; returns once it is ready again with a new pid
    // (`whileDown` runs when the old process is seen gone, before the restart).
    bool killOrderAndWaitForRestart(const std::function<void()> &whileDown)
    {
        RuntimeClient *client = m_process.client();
        const qint64 oldPid = client->node("order")->pid;
        if (!command("kill", QJsonObject{{"nodeId", "order"}}))
            return false;
        QDeadlineTimer downBy(30000);
        while (!downBy.hasExpired() && client->node("order")->pid == oldPid && client->node("order")->state == NodeState::Ready)
            QTest::qWait(20);
        whileDown();
        QDeadlineTimer readyBy(120000);
        while (!readyBy.hasExpired()) {
            const auto order = client->node("order");
            if (order && order->state == NodeState::Ready && order->pid != oldPid && order->pid > 0)
                return true;
            QTest::qWait(50);
        }
        const auto order = client->node("order");
        qWarning("order not ready again: state %d pid %lld (was %lld) restarts %d: %s", order ? int(order->state) : -1,
                 order ? order->pid : 0LL, oldPid, order ? order->restarts : -1, order ? qPrintable(order->message) : "");
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString project = writeExample(m_dir.path());
        QVERIFY(!project.isEmpty());
        const QByteArray error = Test::startRuntime(m_process, RUNTIME_PATH, m_dir.path(), project, {"--clients-paused"});
        QVERIFY2(error.isEmpty(), error.constData());
        QTRY_VERIFY_WITH_TIMEOUT(allReady(), 180000);
        m_gatewayPort = m_process.client()->node("gateway")->port;
        m_secrets = Test::stackSecrets(m_dir.path());
        QVERIFY(!m_secrets.isEmpty());
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM orders"), 0);
        QCOMPARE(count(inventoryDb(), "SELECT count(*) FROM reservations"), 0);
        for (const QStringList &row : rows(inventoryDb(), "SELECT sku, stock FROM items"))
            m_stockBefore.insert(row.value(0), row.value(1).toInt());
        QCOMPARE(static_cast<int>(m_stockBefore.size()), 20);

        const Test::HttpReply login = Test::httpRequest(m_gatewayPort, "POST", "/auth/login",
                                                        "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}");
        QVERIFY2(login.status == 200, login.body.constData());
        m_token = QJsonDocument::fromJson(login.body).object().value("accessToken").toString().toUtf8();
        QVERIFY(!m_token.isEmpty());
        // The stack works before anything is broken.
        const Test::HttpReply order = Test::httpRequest(m_gatewayPort, "POST", "/orders",
                                                        "{\"items\":[{\"sku\":\"SKU-001\",\"quantity\":1}]}", m_token);
        QVERIFY2(order.status == 201 || order.status == 402, order.body.constData());
    }

    void cleanupTestCase()
    {
        m_requests.clear();
        if (m_process.isRunning()) {
            QSignalSpy finished(&m_process, &RuntimeProcess::finished);
            m_process.stop();
            QVERIFY(finished.wait(60000));
        }
    }

    void reservationOfUnstoredOrderIsReleased()
    {
        const QString sku = "SKU-019";
        const int quantity = 2;
        const int stock = count(inventoryDb(), "SELECT stock FROM items WHERE sku = $1", {sku});
        QCOMPARE(stock, m_stockBefore.value(sku));

        // The test holds the order table: the order service's INSERT of the order waits.
        PgConnection lock;
        QString error;
        QVERIFY2(lock.open(ordersDb(), &error), qPrintable(error));
        QVERIFY2(lock.exec("BEGIN", &error) && lock.exec("LOCK TABLE orders IN EXCLUSIVE MODE", &error), qPrintable(error));
        QVERIFY(sendOrder(sku, quantity));

        // Inventory commits the reservation; the order row cannot be stored.
        QString orderId;
        QDeadlineTimer reservedBy(30000);
        while (orderId.isEmpty() && !reservedBy.hasExpired()) {
            orderId = value(inventoryDb(), "SELECT order_id FROM reservations WHERE sku = $1 AND state = 'reserved'", {sku});
            if (orderId.isEmpty())
                QTest::qWait(20);
        }
        QVERIFY2(!orderId.isEmpty(), "inventory never reserved the order's stock");
        QCOMPARE(count(inventoryDb(), "SELECT stock FROM items WHERE sku = $1", {sku}), stock - quantity);

        // Killed inside the window; the lock goes once the process is gone (its transaction
        // never commits).
        bool unlocked = false;
        QVERIFY(killOrderAndWaitForRestart([&] { unlocked = lock.exec("ROLLBACK", &error); }));
        QVERIFY2(unlocked, qPrintable(error));
        QElapsedTimer sinceReady;
        sinceReady.start();
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM orders WHERE id = $1", {orderId}), 0);

        // The restarted order service releases the stock of the order it never stored.
        QTRY_COMPARE_WITH_TIMEOUT(value(inventoryDb(), "SELECT state FROM reservations WHERE order_id = $1", {orderId}),
                                  QString("released"), 60000);
        qInfo("reservation of the unstored order %s released %lld ms after the restarted order service was ready",
              qPrintable(orderId), static_cast<long long>(sinceReady.elapsed()));
        QCOMPARE(count(inventoryDb(), "SELECT stock FROM items WHERE sku = $1", {sku}), stock);
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM orders WHERE id = $1", {orderId}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(count(ordersDb(), "SELECT count(*) FROM order_intents"), 0, 30000);
        // A reservation arriving late under that id is refused, not leaked.
        const Test::HttpReply late = Test::httpRequest(m_process.client()->node("inventory")->port, "POST",
            "/inventory/reservations",
            QJsonDocument(QJsonObject{{"orderId", orderId}, {"items", QJsonArray{QJsonObject{{"sku", sku}, {"quantity", 1}}}}})
                .toJson(QJsonDocument::Compact));
        QCOMPARE(late.status, 409);
    }

    void pendingOrderWithoutChargeIsSettled()
    {
        const QString sku = "SKU-020";
        const int quantity = 3;
        const int paymentsBefore = count(paymentsDb(), "SELECT count(*) FROM payments");
        // The charge waits on the edge (longer than its timeout: without the kill it would time
        // out after PaymentTimeoutMs and take the defer fallback).
        QVERIFY(command("inject", QJsonObject{{"edgeId", "e-order-payment"}, {"latencyMs", 60000}}));
        QVERIFY(sendOrder(sku, quantity));

        QString orderId;
        QDeadlineTimer storedBy(30000);
        while (orderId.isEmpty() && !storedBy.hasExpired()) {
            orderId = value(ordersDb(), "SELECT id FROM orders WHERE items @> $1::jsonb AND status = 'PENDING_PAYMENT'",
                            {QString("[{\"sku\":\"%1\"}]").arg(sku)});
            if (orderId.isEmpty())
                QTest::qWait(20);
        }
        QVERIFY2(!orderId.isEmpty(), "the order was never stored");

        bool inWindow = false;
        QVERIFY(killOrderAndWaitForRestart([&] {
            // Nothing was asked of payment yet: no payment.requested, no payment.
            inWindow = count(ordersDb(), "SELECT count(*) FROM outbox WHERE topic = 'payment.requested' AND event_key = $1", {orderId}) == 0
                && count(paymentsDb(), "SELECT count(*) FROM payments WHERE order_id = $1", {orderId}) == 0
                && value(ordersDb(), "SELECT status FROM orders WHERE id = $1", {orderId}) == "PENDING_PAYMENT";
        }));
        QElapsedTimer sinceReady;
        sinceReady.start();
        QVERIFY2(inWindow, "the kill did not land between the order's commit and the charge");
        QVERIFY(command("inject", QJsonObject{{"edgeId", "e-order-payment"}, {"latencyMs", 0}}));

        // The restarted order service hands the order to payment: it settles, charged once.
        QString status;
        QDeadlineTimer settledBy(60000);
        while (!settledBy.hasExpired()) {
            status = value(ordersDb(), "SELECT status FROM orders WHERE id = $1", {orderId});
            if (status != "PENDING_PAYMENT")
                break;
            QTest::qWait(100);
        }
        QVERIFY2(status == "CONFIRMED" || status == "CANCELLED", qPrintable(QString("order %1 is %2").arg(orderId, status)));
        qInfo("order %s left PENDING_PAYMENT by the kill settled %s %lld ms after the restarted order service was ready",
              qPrintable(orderId), qPrintable(status), static_cast<long long>(sinceReady.elapsed()));
        QCOMPARE(count(paymentsDb(), "SELECT count(*) FROM payments WHERE order_id = $1", {orderId}), 1);
        QCOMPARE(value(paymentsDb(), "SELECT mode FROM payments WHERE order_id = $1", {orderId}), QString("async"));
        QCOMPARE(count(paymentsDb(), "SELECT count(*) FROM payments"), paymentsBefore + 1);
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM outbox WHERE topic = 'payment.requested' AND event_key = $1", {orderId}), 1);
        const QString expectedReservation = status == "CONFIRMED" ? "reserved" : "released";
        QTRY_COMPARE_WITH_TIMEOUT(value(inventoryDb(), "SELECT state FROM reservations WHERE order_id = $1", {orderId}),
                                  expectedReservation, 30000);
    }

    // Both windows closed: the books of the three databases agree.
    void everythingAccountedFor()
    {
        QTRY_COMPARE_WITH_TIMEOUT(count(ordersDb(), "SELECT count(*) FROM orders WHERE status NOT IN ('CONFIRMED', 'CANCELLED')"), 0,
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(count(ordersDb(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 30000);
        QHash<QString, QString> statusOf;
        QHash<QString, int> confirmedUnits;
        for (const QStringList &row : rows(ordersDb(), "SELECT id, status, items::text FROM orders")) {
            statusOf.insert(row.value(0), row.value(1));
            for (const QJsonValue &line : QJsonDocument::fromJson(row.value(2).toUtf8()).array()) {
                if (row.value(1) == "CONFIRMED")
                    confirmedUnits[line["sku"].toString()] += line["quantity"].toInt();
            }
        }
        QVERIFY(statusOf.size() >= 2);
        // One payment at most per order (completed ⇔ CONFIRMED), none for an unknown order.
        for (const QStringList &row : rows(paymentsDb(), "SELECT order_id, status FROM payments")) {
            QVERIFY2(statusOf.contains(row.value(0)), qPrintable("payment for no order: " + row.value(0)));
            QCOMPARE(row.value(1) == "completed", statusOf.value(row.value(0)) == "CONFIRMED");
        }
        QCOMPARE(count(paymentsDb(), "SELECT count(*) - count(DISTINCT order_id) FROM payments"), 0);
        // Reservations: held for CONFIRMED orders only (cancelled ones released by
        // order.cancelled), none held without an order; stock moved by exactly that.
        auto settled = [&] {
            for (const QStringList &r : rows(inventoryDb(), "SELECT order_id, state FROM reservations")) {
                if ((r.value(1) == "reserved") != (statusOf.value(r.value(0)) == "CONFIRMED"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
        QHash<QString, int> reservedUnits;
        for (const QStringList &r : rows(inventoryDb(), "SELECT sku, sum(quantity) FROM reservations WHERE state = 'reserved' GROUP BY sku"))
            reservedUnits.insert(r.value(0), r.value(1).toInt());
        QHash<QString, int> delivered; // by the simulated supplier, should an item have run low
        for (const QStringList &row : rows(inventoryDb(), "SELECT sku, sum(quantity) FROM stock_movements GROUP BY sku"))
            delivered.insert(row.value(0), row.value(1).toInt());
        for (const QStringList &item : rows(inventoryDb(), "SELECT sku, stock FROM items")) {
            const QString sku = item.value(0);
            QCOMPARE(m_stockBefore.value(sku) - item.value(1).toInt() + delivered.value(sku), reservedUnits.value(sku));
            QCOMPARE(reservedUnits.value(sku), confirmedUnits.value(sku));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrderRecovery)
#include "tst_orderrecovery.moc"
