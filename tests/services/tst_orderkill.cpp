// Issue 7, end to end: the ORDER service of the built-in example is killed -9 (the control
// protocol's `kill` command) while the test keeps orders in flight through the gateway. The
// supervisor restarts it (down → starting → ready, a new pid), orders keep being accepted, and
// once payment processing has settled every database is checked as the services' own roles:
//  - every order the gateway acknowledged (201/202, or 402 declined, with an order id) is in the
//    order table exactly once and settles to CONFIRMED or CANCELLED;
//  - no request has two rows. Each request orders a unique set of four SKUs, so every row (and
//    every inventory reservation) names the request it came from. A request whose answer was
//    lost in the kill (the gateway's 503 fallback) may or may not have created its order, never
//    two;
//  - every order row has exactly one order.created event: its outbox row is sent, the Kafka topic
//    (the `topics` command) holds at least one message per row, and notification stored exactly
//    one order.created notification per order (the consumer deduplicates the relay's
//    at-least-once republishing);
//  - inventory: stock decreased by exactly the quantities still reserved; CONFIRMED orders keep
//    their reservation, CANCELLED ones were released; a reservation without an order (a lost
//    request's, the kill between inventory's commit and the order's insert) is released by the
//    restarted order service's recovery pass, none stays reserved.
// The two crash windows themselves are held open deterministically by tst_orderrecovery; the
// natural timing here rarely hits them (docs/services.md "Recovery").
#include "examplestack.h"
#include "runtimeclient/runtimeprocess.h"
#include "infra/pgconnection.h"
#include "supervisor/portcheck.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

constexpr int InFlight = 4;
constexpr int SkuCount = 20;

// One HTTP/1.1 exchange on its own connection (Connection: close), asynchronous so that several
// are in flight at once. status 0 = no answer at all.
struct Exchange
{
    int index = 0;
    bool done = false;
    int status = 0;
    QByteArray body;
    qint64 sentMs = 0;
    qint64 answeredMs = 0;
    std::unique_ptr<QTcpSocket> socket;
    QByteArray response;
};

QByteArray blockingRequest(int port, const QByteArray &method, const QByteArray &path, const QByteArray &body,
                           const QByteArray &bearer, int *status)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
    *status = 0;
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!bearer.isEmpty())
        request += "Authorization: Bearer " + bearer + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray response;
    QDeadlineTimer deadline(15000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    *status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    const int bodyStart = response.indexOf("\r\n\r\n");
    return bodyStart < 0 ? QByteArray() : response.mid(bodyStart + 4);
}

// The i-th set of four distinct SKUs (lexicographic order of the 4-combinations of 20): the
// request's signature, readable back from an order row or from inventory's reservations.
QStringList skuSet(int index)
{
    int rank = index;
    for (int a = 1; a <= SkuCount; ++a)
        for (int b = a + 1; b <= SkuCount; ++b)
            for (int c = b + 1; c <= SkuCount; ++c)
                for (int d = c + 1; d <= SkuCount; ++d) {
                    if (rank-- == 0) {
                        QStringList skus;
                        for (int n : {a, b, c, d})
                            skus.append(QString("SKU-%1").arg(n, 3, 10, QChar('0')));
                        return skus;
                    }
                }
    return {};
}

QString signature(QStringList skus)
{
    skus.sort();
    return skus.join(',');
}

// The example with the per-user rate limit of POST /orders (30/min) lifted: the test sends one
// user's orders continuously for as long as the restart takes.
QString writeExample(const QString &dir)
{
    return Test::writeExampleForTest(dir, [](QJsonObject &edge) {
        if (edge["id"] != "e-gateway-order")
            return;
        QJsonArray routes = edge["routes"].toArray();
        for (int r = 0; r < routes.size(); ++r) {
            QJsonObject route = routes[r].toObject();
            if (route["method"] == "POST" && route["path"] == "/orders")
                route["rateLimit"] = QJsonObject{{"requests", 100000}, {"windowSeconds", 60}};
            routes[r] = route;
        }
        edge["routes"] = routes;
    });
}

struct StatusStep
{
    NodeState state;
    qint64 pid;
    int restarts;
    qint64 sinceMs;
    QString message;
};

} // namespace

class TestOrderKill : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RuntimeProcess m_process;
    QJsonObject m_secrets;
    int m_gatewayPort = 0;
    QList<StatusStep> m_orderStatus;

    QString conninfo(const QString &dbNode, const QString &database, const QString &role)
    {
        return Test::serviceConninfo(*m_process.client(), m_secrets, dbNode, database, role);
    }
    QString ordersDb() { return conninfo("order-db", "orders", "svc_order"); }
    QString inventoryDb() { return conninfo("inventory-db", "inventory", "svc_inventory"); }
    QString notificationDb() { return conninfo("notification-db", "notifications", "svc_notification"); }

    static QList<QStringList> rows(const QString &info, const QString &sql) { return Test::sqlRows(info, sql); }
    static int count(const QString &info, const QString &sql) { return Test::sqlCount(info, sql); }
    bool allReady() { return Test::exampleReady(*m_process.client()); }

    // The `topics` command's answer (docs/runtime-protocol.md): Σ(high − low) of a topic.
    qint64 topicMessages(const QString &topic)
    {
        RuntimeClient *client = m_process.client();
        QSignalSpy done(client, &RuntimeClient::commandFinished);
        const int id = client->sendCommand("topics");
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (done.isEmpty() && !done.wait(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
                break;
            while (!done.isEmpty()) {
                const QList<QVariant> args = done.takeFirst();
                if (args.at(0).toInt() != id)
                    continue;
                if (!args.at(1).toBool())
                    return -1;
                for (const QJsonValue &t : args.at(2).toJsonObject().value("topics").toArray()) {
                    if (t["name"].toString() != topic)
                        continue;
                    qint64 total = 0;
                    for (const QJsonValue &o : t["offsets"].toArray())
                        total += o["high"].toInteger() - o["low"].toInteger();
                    return total;
                }
                return -1;
            }
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString project = writeExample(m_dir.path());
        QVERIFY(!project.isEmpty());
        const QByteArray error = Test::startRuntime(m_process, RUNTIME_PATH, m_dir.path(), project, {"--clients-paused"});
        QVERIFY2(error.isEmpty(), error.constData());
        connect(m_process.client(), &RuntimeClient::statusChanged, this, [this](const NodeStatus &s) {
            if (s.nodeId == "order")
                m_orderStatus.append(StatusStep{s.state, s.pid, s.restarts, s.sinceMs, s.message});
        });
        QTRY_VERIFY_WITH_TIMEOUT(allReady(), 180000);
        m_gatewayPort = m_process.client()->node("gateway")->port;
        m_secrets = Test::stackSecrets(m_dir.path());
        QVERIFY(!m_secrets.isEmpty());
        QCOMPARE(count(ordersDb(), "SELECT 1"), 1);
        QCOMPARE(count(inventoryDb(), "SELECT 1"), 1);
        QCOMPARE(count(notificationDb(), "SELECT 1"), 1);
    }

    void cleanupTestCase()
    {
        if (m_process.isRunning()) {
            QSignalSpy finished(&m_process, &RuntimeProcess::finished);
            m_process.stop();
            QVERIFY(finished.wait(60000));
        }
    }

    void orderKilledMidFlowLosesAndDoublesNothing()
    {
        RuntimeClient *client = m_process.client();
        int status = 0;
        const QByteArray login = blockingRequest(m_gatewayPort, "POST", "/auth/login",
                                                 "{\"username\":\"alice\",\"password\":\"gatehouse-demo\"}", {}, &status);
        QVERIFY2(status == 200, login.constData());
        const QByteArray token = QJsonDocument::fromJson(login).object().value("accessToken").toString().toUtf8();
        QVERIFY(!token.isEmpty());

        // A fresh stack: no order, no reservation yet; the stock before the traffic.
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM orders"), 0);
        QCOMPARE(count(inventoryDb(), "SELECT count(*) FROM reservations"), 0);
        QHash<QString, int> stockBefore;
        for (const QStringList &row : rows(inventoryDb(), "SELECT sku, stock FROM items"))
            stockBefore.insert(row.value(0), row.value(1).toInt());
        QCOMPARE(static_cast<int>(stockBefore.size()), SkuCount);

        const qint64 oldPid = client->node("order")->pid;
        QVERIFY(oldPid > 0);
        QCOMPARE(client->node("order")->restarts, 0);

        // The traffic: InFlight slots, each sending its next order as soon as the last one was
        // answered (100 ms later after a failure, so the outage does not burn thousands).
        QList<std::shared_ptr<Exchange>> exchanges;
        QHash<QString, int> bySignature;
        int killedAt = -1;            // the first request launched after the kill command
        int readyAt = -1;             // the first request launched once order was ready again
        bool sending = true;
        QObject timers; // context of the relaunch timers: none fires after this function
        std::function<void()> launch = [&] {
            if (!sending)
                return;
            auto ex = std::make_shared<Exchange>();
            ex->index = static_cast<int>(exchanges.size());
            const QStringList skus = skuSet(ex->index);
            QVERIFY(!skus.isEmpty());
            bySignature.insert(signature(skus), ex->index);
            QJsonArray items;
            for (const QString &sku : skus)
                items.append(QJsonObject{{"sku", sku}, {"quantity", 1}});
            const QByteArray body = QJsonDocument(QJsonObject{{"items", items}}).toJson(QJsonDocument::Compact);
            ex->socket = std::make_unique<QTcpSocket>();
            ex->sentMs = QDateTime::currentMSecsSinceEpoch();
            exchanges.append(ex);
            Exchange *raw = ex.get();
            auto finish = [raw, &launch, &timers] {
                if (raw->done)
                    return;
                raw->done = true;
                raw->answeredMs = QDateTime::currentMSecsSinceEpoch();
                raw->response += raw->socket->readAll();
                const QList<QByteArray> line = raw->response.left(raw->response.indexOf("\r\n")).split(' ');
                raw->status = line.size() > 1 ? line.at(1).toInt() : 0;
                const int bodyStart = raw->response.indexOf("\r\n\r\n");
                raw->body = bodyStart < 0 ? QByteArray() : raw->response.mid(bodyStart + 4);
                const bool failed = raw->status != 201 && raw->status != 202 && raw->status != 402;
                QTimer::singleShot(failed ? 100 : 0, &timers, [&launch] { launch(); });
            };
            QObject::connect(raw->socket.get(), &QTcpSocket::connected, raw->socket.get(), [raw, body, token] {
                raw->socket->write("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + token
                                   + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                                   + "\r\n\r\n" + body);
            });
            QObject::connect(raw->socket.get(), &QTcpSocket::readyRead, raw->socket.get(),
                             [raw] { raw->response += raw->socket->readAll(); });
            QObject::connect(raw->socket.get(), &QTcpSocket::disconnected, raw->socket.get(), finish);
            QObject::connect(raw->socket.get(), &QTcpSocket::errorOccurred, raw->socket.get(),
                             [raw, finish](QAbstractSocket::SocketError e) {
                                 if (e != QAbstractSocket::RemoteHostClosedError || raw->socket->state() == QAbstractSocket::UnconnectedState)
                                     finish();
                             });
            QTimer::singleShot(20000, raw->socket.get(), [raw, finish] { raw->socket->abort(); finish(); });
            raw->socket->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_gatewayPort));
        };
        // On an early return, sockets still open must not call back into this function's state.
        const auto disconnectAll = qScopeGuard([&exchanges, &timers] {
            for (const auto &e : std::as_const(exchanges))
                e->socket->disconnect();
            timers.disconnect();
        });
        auto answered = [&](int from, bool acknowledgedOnly) {
            int n = 0;
            for (int i = std::max(0, from); i < exchanges.size(); ++i) {
                const Exchange &e = *exchanges.at(i);
                n += e.done && (!acknowledgedOnly || e.status == 201 || e.status == 202 || e.status == 402) ? 1 : 0;
            }
            return n;
        };
        auto inFlight = [&] {
            int n = 0;
            for (const auto &e : std::as_const(exchanges))
                n += e->done ? 0 : 1;
            return n;
        };

        for (int i = 0; i < InFlight; ++i)
            launch();
        QDeadlineTimer deadline(240000);
        int killCommand = -1;
        bool killOk = false;
        QSignalSpy commands(client, &RuntimeClient::commandFinished);
        while (!deadline.hasExpired()) {
            QTest::qWait(10);
            if (killedAt < 0 && answered(0, true) >= 20) {
                // Mid-flow: InFlight orders are on their way when the command goes out.
                killedAt = static_cast<int>(exchanges.size());
                killCommand = client->sendCommand("kill", QJsonObject{{"nodeId", "order"}});
            }
            for (const QList<QVariant> &args : std::as_const(commands)) {
                if (args.at(0).toInt() == killCommand)
                    killOk = args.at(1).toBool();
            }
            const auto order = client->node("order");
            if (killedAt >= 0 && readyAt < 0 && order && order->state == NodeState::Ready && order->pid != oldPid)
                readyAt = static_cast<int>(exchanges.size());
            if (readyAt >= 0 && answered(readyAt, true) >= 20)
                break;
            if (exchanges.size() > 4000)
                break;
        }
        sending = false;
        QTRY_COMPARE_WITH_TIMEOUT(inFlight(), 0, 30000);
        QVERIFY2(killOk, "the kill command did not succeed");
        QVERIFY2(readyAt >= 0, "order was not restarted");
        QVERIFY2(answered(readyAt, true) >= 20, qPrintable(QString("%1 acknowledged after the restart").arg(answered(readyAt, true))));

        // The supervisor's view: down (killed) → starting → ready with a new pid, one restart.
        const NodeStatus now = *client->node("order");
        QCOMPARE(now.restarts, 1);
        QVERIFY(now.pid != oldPid && now.pid > 0);
        int down = -1, starting = -1, ready = -1;
        for (int i = 0; i < m_orderStatus.size(); ++i) {
            const StatusStep &s = m_orderStatus.at(i);
            if (down < 0 && s.state == NodeState::Down)
                down = i;
            else if (down >= 0 && starting < 0 && s.state == NodeState::Starting)
                starting = i;
            else if (starting >= 0 && ready < 0 && s.state == NodeState::Ready)
                ready = i;
        }
        QVERIFY2(down >= 0 && starting > down && ready > starting, "no down → starting → ready sequence");
        QVERIFY2(m_orderStatus.at(down).message.contains("killed by command"), qPrintable(m_orderStatus.at(down).message));
        QCOMPARE(m_orderStatus.at(ready).pid, now.pid);
        const qint64 restartMs = m_orderStatus.at(ready).sinceMs - m_orderStatus.at(down).sinceMs;

        // What the gateway answered. Before the kill every order was accepted; during the outage
        // the route's static fallback (503) answers; nothing else is acceptable.
        int acknowledged = 0, declined = 0, failed = 0;
        QHash<QString, int> ackByOrderId; // order id → request index
        QSet<int> failedRequests;
        for (const auto &e : std::as_const(exchanges)) {
            const QJsonObject json = QJsonDocument::fromJson(e->body).object();
            if (e->status == 201 || e->status == 202 || e->status == 402) {
                const QString orderId = json.value("orderId").toString();
                QVERIFY2(!orderId.isEmpty(), e->body.constData());
                QVERIFY2(!ackByOrderId.contains(orderId), qPrintable("order id answered twice: " + orderId));
                ackByOrderId.insert(orderId, e->index);
                // 201 is CONFIRMED, or whatever a payment event settled it to first; 202 pending.
                const QString answeredStatus = json.value("status").toString();
                if (e->status == 202)
                    QCOMPARE(answeredStatus, QString("PENDING_PAYMENT"));
                else if (e->status == 402)
                    QCOMPARE(answeredStatus, QString("CANCELLED"));
                else
                    QVERIFY2(answeredStatus == "CONFIRMED" || answeredStatus == "CANCELLED", e->body.constData());
                (e->status == 402 ? declined : acknowledged) += 1;
            } else {
                QVERIFY2(e->status == 503 || e->status == 502 || e->status == 504 || e->status == 0,
                         qPrintable(QString("request %1: HTTP %2 %3").arg(e->index).arg(e->status).arg(e->body.constData())));
                QVERIFY2(e->index >= killedAt - InFlight,
                         qPrintable(QString("request %1 failed before the kill: HTTP %2 %3").arg(e->index).arg(e->status).arg(e->body.constData())));
                failedRequests.insert(e->index);
                ++failed;
            }
        }
        QVERIFY(failed > 0); // the outage was seen

        // Payment settles every order: none stays PENDING_PAYMENT (acknowledged or not).
        QDeadlineTimer settling(90000);
        while (count(ordersDb(), "SELECT count(*) FROM orders WHERE status = 'PENDING_PAYMENT'") != 0 && !settling.hasExpired())
            QTest::qWait(200);
        QStringList stuck;
        for (const QStringList &row : rows(ordersDb(), "SELECT id, created_at::text FROM orders WHERE status = 'PENDING_PAYMENT'"))
            stuck.append(row.value(0) + (ackByOrderId.contains(row.value(0)) ? " (acknowledged " : " (not acknowledged ")
                         + "created " + row.value(1) + ")");
        // A kill after the order's commit but before payment saw the charge leaves it PENDING_PAYMENT
        // for good (nothing re-sends the charge or publishes payment.requested): a real bug when seen.
        QVERIFY2(stuck.isEmpty(), qPrintable("orders left PENDING_PAYMENT: " + stuck.join("; ")));

        // Every row names its request by its SKU set; one row per request at most.
        QHash<QString, QString> statusOf;     // order id → status
        QHash<int, QString> orderOfRequest;   // request index → order id
        QHash<QString, int> quantityOf;       // sku → units in CONFIRMED orders
        int confirmed = 0, cancelled = 0, createdByFailed = 0;
        const QList<QStringList> orderRows = rows(ordersDb(), "SELECT id, status, items::text FROM orders");
        const int rowCount = static_cast<int>(orderRows.size());
        for (const QStringList &row : orderRows) {
            QStringList skus;
            for (const QJsonValue &line : QJsonDocument::fromJson(row.value(2).toUtf8()).array()) {
                skus.append(line["sku"].toString());
                if (row.value(1) == "CONFIRMED")
                    quantityOf[line["sku"].toString()] += line["quantity"].toInt();
            }
            QVERIFY2(bySignature.contains(signature(skus)), qPrintable("an order no request asked for: " + row.join(' ')));
            const int request = bySignature.value(signature(skus));
            QVERIFY2(!orderOfRequest.contains(request),
                     qPrintable(QString("request %1 has two orders: %2 and %3").arg(request).arg(orderOfRequest.value(request), row.value(0))));
            orderOfRequest.insert(request, row.value(0));
            statusOf.insert(row.value(0), row.value(1));
            confirmed += row.value(1) == "CONFIRMED" ? 1 : 0;
            cancelled += row.value(1) == "CANCELLED" ? 1 : 0;
            if (!ackByOrderId.contains(row.value(0))) {
                QVERIFY2(failedRequests.contains(request),
                         qPrintable(QString("order %1 of request %2 was created but its request was not a failed one").arg(row.value(0)).arg(request)));
                ++createdByFailed;
            }
        }
        for (auto it = ackByOrderId.begin(); it != ackByOrderId.end(); ++it) {
            QVERIFY2(statusOf.contains(it.key()), qPrintable("acknowledged order lost: " + it.key()));
            QCOMPARE(orderOfRequest.value(it.value()), it.key());
            // A final answer is the final state; a 202 settled later, either way.
            const QString finalStatus = QJsonDocument::fromJson(exchanges.at(it.value())->body).object().value("status").toString();
            if (finalStatus != "PENDING_PAYMENT")
                QCOMPARE(statusOf.value(it.key()), finalStatus);
        }
        QCOMPARE(rowCount, acknowledged + declined + createdByFailed);
        QCOMPARE(confirmed + cancelled, rowCount);

        // Exactly one order.created per row: in the outbox (all sent), on the topic, and stored
        // once by notification (which deduplicates by event id).
        QTRY_COMPARE_WITH_TIMEOUT(count(ordersDb(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 60000);
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM outbox WHERE topic = 'order.created'"), rowCount);
        QCOMPARE(count(ordersDb(), "SELECT count(DISTINCT event_key) FROM outbox WHERE topic = 'order.created'"), rowCount);
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM outbox WHERE topic = 'order.confirmed'"), confirmed);
        QCOMPARE(count(ordersDb(), "SELECT count(*) FROM outbox WHERE topic = 'order.cancelled'"), cancelled);
        qint64 onTopic = -1;
        QTRY_VERIFY_WITH_TIMEOUT((onTopic = topicMessages("order.created")) >= rowCount, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(count(notificationDb(), "SELECT count(*) FROM notifications WHERE topic = 'order.created'"),
                                  rowCount, 60000);
        QCOMPARE(count(notificationDb(), "SELECT count(DISTINCT order_id) FROM notifications WHERE topic = 'order.created'"),
                 rowCount);
        QSet<QString> notified;
        for (const QStringList &row : rows(notificationDb(), "SELECT order_id FROM notifications WHERE topic = 'order.created'"))
            notified.insert(row.value(0));
        QCOMPARE(notified, QSet<QString>(statusOf.keyBegin(), statusOf.keyEnd()));

        // Inventory: CONFIRMED orders keep their stock, CANCELLED ones are released (their
        // order.cancelled consumed), and the stock moved by exactly what is still reserved.
        auto reservations = [this] { return rows(inventoryDb(), "SELECT order_id, sku, quantity, state FROM reservations"); };
        auto releasedAsCancelled = [&] {
            for (const QStringList &r : reservations()) {
                if (statusOf.contains(r.value(0)) && (r.value(3) == "released") != (statusOf.value(r.value(0)) == "CANCELLED"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(releasedAsCancelled(), 60000);
        // The recovery pass releases the stock of an order id that never became an order.
        auto noReservedOrphan = [&] {
            for (const QStringList &r : reservations()) {
                if (!statusOf.contains(r.value(0)) && r.value(3) == "reserved")
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(noReservedOrphan(), 60000);
        QHash<QString, int> reservedOf;    // sku → units in state reserved
        QHash<QString, QStringList> orphans; // order id of no order row → its SKUs
        QHash<QString, int> orphanUnits;
        QSet<QString> reservedOrders;
        for (const QStringList &r : reservations()) {
            reservedOrders.insert(r.value(0));
            if (r.value(3) == "reserved")
                reservedOf[r.value(1)] += r.value(2).toInt();
            if (!statusOf.contains(r.value(0))) {
                orphans[r.value(0)].append(r.value(1));
                if (r.value(3) == "reserved")
                    orphanUnits[r.value(1)] += r.value(2).toInt();
            }
        }
        for (const QString &id : statusOf.keys())
            QVERIFY2(reservedOrders.contains(id), qPrintable("order without reservation: " + id));
        // (+ what the simulated supplier delivered, should an item have run low)
        QHash<QString, int> delivered;
        for (const QStringList &row : rows(inventoryDb(), "SELECT sku, sum(quantity) FROM stock_movements GROUP BY sku"))
            delivered.insert(row.value(0), row.value(1).toInt());
        for (const QStringList &item : rows(inventoryDb(), "SELECT sku, stock FROM items")) {
            const QString sku = item.value(0);
            QCOMPARE(stockBefore.value(sku) - item.value(1).toInt() + delivered.value(sku), reservedOf.value(sku));
            QCOMPARE(reservedOf.value(sku), quantityOf.value(sku) + orphanUnits.value(sku));
        }
        // A reservation without an order: the kill came between inventory's commit and the order's
        // insert. Only a request whose answer was lost can be one; the recovery pass released it.
        int leakedUnits = 0;
        for (auto it = orphans.begin(); it != orphans.end(); ++it) {
            const int request = bySignature.value(signature(it.value()), -1);
            QVERIFY2(failedRequests.contains(request),
                     qPrintable(QString("reservation %1 (%2) without an order belongs to request %3, which did not fail")
                                    .arg(it.key(), it.value().join(',')).arg(request)));
            QVERIFY2(!orderOfRequest.contains(request),
                     qPrintable(QString("request %1 has an order and a second reservation %2").arg(request).arg(it.key())));
        }
        for (int units : std::as_const(orphanUnits))
            leakedUnits += units;

        qInfo("orders sent %lld (in flight %d at a time), acknowledged 201/202 %d, declined 402 %d, failed around the kill %d "
              "(of which created an order anyway %d); order rows %lld (CONFIRMED %d, CANCELLED %d); "
              "order.created: outbox %lld, topic messages %lld, notifications %lld; order restarted in %lld ms "
              "(down→ready), %d requests launched before it was ready again",
              static_cast<long long>(exchanges.size()), InFlight, acknowledged, declined, failed, createdByFailed,
              static_cast<long long>(rowCount), confirmed, cancelled, static_cast<long long>(rowCount),
              static_cast<long long>(onTopic), static_cast<long long>(notified.size()), static_cast<long long>(restartMs),
              readyAt - killedAt);
        // Issue 7 wants no reservation held without an order.
        QStringList evidence;
        for (auto it = orphans.begin(); it != orphans.end(); ++it)
            evidence.append(it.key() + " [" + it.value().join(',') + "] request "
                            + QString::number(bySignature.value(signature(it.value()), -1)));
        QVERIFY2(leakedUnits == 0, qPrintable(QString("LEAKED STOCK: %1 unit(s) reserved without an order: %2")
                                                  .arg(leakedUnits).arg(evidence.join("; "))));
        if (!orphans.isEmpty())
            qInfo("%lld reservation(s) of lost requests released by the recovery pass: %s",
                  static_cast<long long>(orphans.size()), qPrintable(evidence.join("; ")));
        if (onTopic > rowCount)
            qInfo("the relay republished %lld order.created message(s) after the kill (at-least-once; notification stored each once)",
                  static_cast<long long>(onTopic - rowCount));
    }
};

QTEST_GUILESS_MAIN(TestOrderKill)
#include "tst_orderkill.moc"
