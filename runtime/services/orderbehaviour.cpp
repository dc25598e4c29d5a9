#include "orderbehaviour.h"

#include "infra/pgconnection.h"
#include "services/orderrecovery.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace Gatehouse::Runtime {

namespace {

constexpr char Pending_[] = "PENDING_PAYMENT";
constexpr char OrderColumns[] = "id, user_id, status, total_cents, items::text, COALESCE(payment_id, ''),"
                                " COALESCE(reason, ''), created_at, updated_at";

QJsonObject orderJson(const QStringList &row)
{
    QJsonObject object { { QStringLiteral("orderId"), row.value(0) }, { QStringLiteral("userId"), row.value(1) },
        { QStringLiteral("status"), row.value(2) }, { QStringLiteral("totalCents"), row.value(3).toLongLong() },
        { QStringLiteral("items"), QJsonDocument::fromJson(row.value(4).toUtf8()).array() },
        { QStringLiteral("createdAt"), row.value(7) }, { QStringLiteral("updatedAt"), row.value(8) } };
    if (!row.value(5).isEmpty())
        object.insert(QStringLiteral("paymentId"), row.value(5));
    if (!row.value(6).isEmpty())
        object.insert(QStringLiteral("reason"), row.value(6));
    return object;
}

QString header(const Http::Request &request, std::string_view name)
{
    const std::string_view value = request.headers.value(name);
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Moves a PENDING_PAYMENT order to `status` and publishes order.confirmed / order.cancelled, in
// the caller's open transaction. Returns the order row as it is afterwards (empty when there is
// no such order) or nullopt on a database error.
std::optional<QStringList> transition(ServiceContext &context, SqlSession &connection, const QString &orderId,
    const QString &status, const QString &paymentId, const QString &reason, const QByteArray &traceparent, QString *error)
{
    QList<QStringList> rows;
    if (!connection.query(QStringLiteral("UPDATE orders SET status = $2, payment_id = NULLIF($3, ''),"
                                         " reason = NULLIF($4, ''), updated_at = now()"
                                         " WHERE id = $1 AND status = 'PENDING_PAYMENT' RETURNING ")
                              + QLatin1String(OrderColumns),
            { orderId, status, paymentId, reason }, &rows, error))
        return std::nullopt;
    if (rows.isEmpty()) {
        if (!connection.query(QStringLiteral("SELECT ") + QLatin1String(OrderColumns) + QStringLiteral(" FROM orders WHERE id = $1"),
                { orderId }, &rows, error))
            return std::nullopt;
        return rows.isEmpty() ? QStringList() : rows.first();
    }
    const QString topic = status == QLatin1String("CONFIRMED") ? QStringLiteral("order.confirmed") : QStringLiteral("order.cancelled");
    QJsonObject payload = orderJson(rows.first());
    payload.remove(QStringLiteral("createdAt"));
    payload.insert(QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (context.publishedTopics().contains(topic) && context.publish(connection, topic, orderId, payload, traceparent, error).isEmpty())
        return std::nullopt;
    return rows.first();
}

} // namespace

struct OrderBehaviour::Pending
{
    ServiceCall call;
    QString orderId;
    QString userId;
    QJsonArray items;    // as requested
    QJsonArray reserved; // as inventory priced them
    qint64 totalCents = 0;
};

OrderBehaviour::OrderBehaviour(ServiceContext &context)
    : m_context(context)
{
    const Topology &topology = context.config().topology;
    for (const QString &target : context.syncTargets()) {
        const Node *node = topology.node(target);
        if (node && node->role == ServiceRole::Inventory && m_inventory.isEmpty())
            m_inventory = target;
        if (node && node->role == ServiceRole::Payment && m_payment.isEmpty())
            m_payment = target;
    }
    if (m_inventory.isEmpty())
        m_warnings.append(QStringLiteral("no sync edge to an inventory service: orders are not reserved and cost 0"));
    if (m_payment.isEmpty())
        m_warnings.append(QStringLiteral("no sync edge to a payment service: every order waits for payment events"));
    if (!context.publishedTopics().contains(QStringLiteral("payment.requested")))
        m_warnings.append(QStringLiteral("payment.requested is not published: an order whose charge is lost (crash, timeout)"
                                         " stays PENDING_PAYMENT until a payment event settles it"));
    m_recovery = std::make_unique<OrderRecovery>(context, m_inventory, OrderRecovery::budgetFor(context, m_inventory, m_payment));
}

OrderBehaviour::~OrderBehaviour() = default;

void OrderBehaviour::start()
{
    m_recovery->start();
}

void OrderBehaviour::stop()
{
    m_recovery->stop();
}

QStringList OrderBehaviour::warnings() const
{
    return m_warnings;
}

QList<Migration> OrderBehaviour::migrations() const
{
    return { Migration { 2, QStringLiteral("orders"),
        QStringLiteral("CREATE TABLE orders (\n"
                       "  id text PRIMARY KEY,\n"
                       "  user_id text NOT NULL,\n"
                       "  status text NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED')),\n"
                       "  total_cents bigint NOT NULL,\n"
                       "  items jsonb NOT NULL,\n"
                       "  payment_id text,\n"
                       "  reason text,\n"
                       "  created_at timestamptz NOT NULL DEFAULT now(),\n"
                       "  updated_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n"
                       "CREATE INDEX orders_by_user ON orders (user_id, created_at DESC);\n") },
        // Recovery (docs/services.md "Recovery"): the order id is known before inventory reserves
        // under it; payment_requested_at marks the orders payment.requested was written for.
        Migration { 3, QStringLiteral("order recovery"),
            QStringLiteral("CREATE TABLE order_intents (\n"
                           "  order_id text PRIMARY KEY,\n"
                           "  user_id text NOT NULL,\n"
                           "  items jsonb NOT NULL,\n"
                           "  created_at timestamptz NOT NULL DEFAULT now(),\n"
                           "  abandoned_at timestamptz\n"
                           ");\n"
                           "ALTER TABLE orders ADD COLUMN payment_requested_at timestamptz;\n"
                           "UPDATE orders SET payment_requested_at = updated_at WHERE status = 'PENDING_PAYMENT'\n"
                           "  AND id IN (SELECT event_key FROM outbox WHERE topic = 'payment.requested');\n"
                           "CREATE INDEX orders_awaiting_charge ON orders (created_at)\n"
                           "  WHERE status = 'PENDING_PAYMENT' AND payment_requested_at IS NULL;\n") } };
}

void OrderBehaviour::addRoutes(ServiceRouter &router)
{
    router.add(QStringLiteral("POST"), QStringLiteral("/orders"), [this](ServiceCall call) {
        create(call, header(call.request, "X-Gatehouse-Subject"));
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/partner/orders"), [this](ServiceCall call) {
        const QString partner = header(call.request, "X-Gatehouse-Partner");
        create(call, partner.isEmpty() ? QString() : QStringLiteral("partner:") + partner);
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/orders"), [this](ServiceCall call) { listOwn(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/orders/{id}"), [this](ServiceCall call) { get(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/admin/orders"), [this](ServiceCall call) { listAll(call); });
}

void OrderBehaviour::create(const ServiceCall &call, const QString &userId)
{
    if (userId.isEmpty() || userId.size() > 200) {
        call.respond(problemResponse(401, QStringLiteral("no authenticated user (X-Gatehouse-Subject from the gateway)")));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body), &parseError);
    const QJsonArray items = document.object().value(QStringLiteral("items")).toArray();
    static const QRegularExpression skuPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    bool valid = parseError.error == QJsonParseError::NoError && document.isObject() && !items.isEmpty() && items.size() <= 50;
    QJsonArray normalized;
    for (const QJsonValue &value : items) {
        const QJsonObject line = value.toObject();
        const QString sku = line.value(QStringLiteral("sku")).toString();
        const QJsonValue quantity = line.value(QStringLiteral("quantity"));
        if (!skuPattern.match(sku).hasMatch() || !quantity.isDouble() || quantity.toDouble() != quantity.toInt()
            || quantity.toInt() < 1 || quantity.toInt() > 10000)
            valid = false;
        normalized.append(QJsonObject { { QStringLiteral("sku"), sku }, { QStringLiteral("quantity"), quantity.toInt() } });
    }
    if (!valid) {
        call.respond(problemResponse(400,
            QStringLiteral("expected {\"items\": [{\"sku\": string, \"quantity\": 1..10000}, …]} with 1..50 lines")));
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->call = call;
    pending->orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pending->userId = userId;
    pending->items = normalized;
    if (m_inventory.isEmpty()) {
        pending->reserved = normalized;
        store(pending);
        return;
    }
    recordIntent(pending);
}

void OrderBehaviour::recordIntent(std::shared_ptr<Pending> pending)
{
    // Durable before inventory hears of the order id: whatever happens to this process after,
    // OrderRecovery finds the id and releases what was reserved under it.
    const bool queued = m_context.sql().submit(pending->call.traceparent, [this, pending](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("INSERT INTO order_intents (order_id, user_id, items) VALUES ($1, $2, $3::jsonb)"),
                { pending->orderId, pending->userId,
                    QString::fromUtf8(QJsonDocument(pending->items).toJson(QJsonDocument::Compact)) },
                &rows, &error)) {
            pending->call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        reserve(pending, 0);
    });
    if (!queued)
        pending->call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void OrderBehaviour::closeIntent(std::shared_ptr<Pending> pending, bool nothingReserved, Http::Response answer)
{
    // No order: forget the intent when inventory cannot hold anything under its id (its only
    // answer was a refusal), else leave the release to OrderRecovery's next pass (a timed-out
    // attempt may still commit at inventory).
    auto respond = std::make_shared<Http::Response>(std::move(answer));
    const bool queued = m_context.sql().submit(pending->call.traceparent, [pending, nothingReserved, respond](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        connection.query(nothingReserved
                ? QStringLiteral("DELETE FROM order_intents WHERE order_id = $1 AND abandoned_at IS NULL")
                : QStringLiteral("UPDATE order_intents SET abandoned_at = now() WHERE order_id = $1 AND abandoned_at IS NULL"),
            { pending->orderId }, &rows, &error); // on failure the intent ages and is abandoned all the same
        pending->call.respond(std::move(*respond));
    });
    if (!queued)
        pending->call.respond(std::move(*respond));
}

void OrderBehaviour::reserve(std::shared_ptr<Pending> pending, int attempt)
{
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("orderId"), pending->orderId },
                                              { QStringLiteral("items"), pending->items } })
                                .toJson(QJsonDocument::Compact);
    const Edge *edge = m_context.syncEdgeTo(m_inventory);
    const int retries = edge ? edge->retries : 0;
    m_context.call(m_inventory, "POST", "/inventory/reservations", body.toStdString(), pending->call.traceparent,
        [this, pending, attempt, retries](Http::ClientResponse response) {
            if (response.ok() && (response.status == 200 || response.status == 201)) {
                const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
                pending->reserved = answer.value(QStringLiteral("items")).toArray();
                pending->totalCents = answer.value(QStringLiteral("totalCents")).toInteger();
                store(pending);
                return;
            }
            if (response.ok() && response.status >= 400 && response.status < 500) {
                // Out of stock or unknown item: the client's problem, no order is created.
                const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
                closeIntent(pending, attempt == 0,
                    problemResponse(response.status == 404 ? 422 : 409,
                        answer.value(QStringLiteral("detail")).toString(QStringLiteral("stock not available"))));
                return;
            }
            if (attempt < retries) { // reservations are idempotent per order id
                reserve(pending, attempt + 1);
                return;
            }
            closeIntent(pending, false, problemResponse(503, QStringLiteral("inventory unavailable")));
        });
}

void OrderBehaviour::store(std::shared_ptr<Pending> pending)
{
    const bool queued = m_context.sql().submit(pending->call.traceparent, [this, pending](SqlSession &connection) {
        QString error;
        QString ignored;
        QList<QStringList> rows;
        const QString items = QString::fromUtf8(QJsonDocument(pending->reserved).toJson(QJsonDocument::Compact));
        bool ok = connection.exec(QStringLiteral("BEGIN"), &error);
        // The intent becomes the order in this transaction; when OrderRecovery abandoned it
        // first (this request took longer than the reservation budget) its stock is released.
        bool abandoned = false;
        if (ok && !m_inventory.isEmpty()) {
            ok = connection.query(QStringLiteral("DELETE FROM order_intents WHERE order_id = $1 AND abandoned_at IS NULL"
                                                 " RETURNING order_id"),
                { pending->orderId }, &rows, &error);
            abandoned = ok && rows.isEmpty();
            ok = ok && !abandoned;
        }
        ok = ok && connection.query(QStringLiteral("INSERT INTO orders (id, user_id, status, total_cents, items)"
                                               " VALUES ($1, $2, 'PENDING_PAYMENT', $3::bigint, $4::jsonb)"),
                { pending->orderId, pending->userId, QString::number(pending->totalCents), items }, &rows, &error);
        if (ok && m_context.publishedTopics().contains(QStringLiteral("order.created"))) {
            const QJsonObject payload { { QStringLiteral("orderId"), pending->orderId },
                { QStringLiteral("userId"), pending->userId }, { QStringLiteral("status"), QLatin1String(Pending_) },
                { QStringLiteral("totalCents"), pending->totalCents }, { QStringLiteral("items"), pending->reserved },
                { QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
            ok = !m_context.publish(connection, QStringLiteral("order.created"), pending->orderId, payload,
                                    pending->call.traceparent, &error)
                      .isEmpty();
        }
        if (ok)
            ok = connection.exec(QStringLiteral("COMMIT"), &error);
        if (!ok) {
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            pending->call.respond(abandoned
                    ? problemResponse(503, QStringLiteral("the order took too long and was given up; its stock is released"))
                    : problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        charge(pending);
    });
    if (!queued)
        pending->call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

bool OrderBehaviour::breakerOpen() const
{
    return nowMs() < m_openUntilMs.load();
}

void OrderBehaviour::breakerResult(bool ok)
{
    if (ok) {
        m_failures.store(0);
        return;
    }
    if (m_failures.fetch_add(1) + 1 >= BreakerThreshold) {
        m_openUntilMs.store(nowMs() + BreakerOpen.count());
        m_failures.store(0);
    }
}

void OrderBehaviour::charge(std::shared_ptr<Pending> pending)
{
    if (m_payment.isEmpty()) {
        defer(pending, QStringLiteral("no payment service"));
        return;
    }
    if (breakerOpen()) {
        defer(pending, QStringLiteral("payment breaker open"));
        return;
    }
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("orderId"), pending->orderId },
                                              { QStringLiteral("userId"), pending->userId },
                                              { QStringLiteral("amountCents"), pending->totalCents } })
                                .toJson(QJsonDocument::Compact);
    m_context.call(m_payment, "POST", "/payments/charges", body.toStdString(), pending->call.traceparent,
        [this, pending](Http::ClientResponse response) {
            const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
            if (response.ok() && (response.status == 200 || response.status == 201)) {
                breakerResult(true);
                settle(pending, QStringLiteral("CONFIRMED"), answer.value(QStringLiteral("paymentId")).toString(), {}, 201);
                return;
            }
            if (response.ok() && response.status == 402) {
                breakerResult(true); // the provider answered: a decline is not an outage
                settle(pending, QStringLiteral("CANCELLED"), answer.value(QStringLiteral("paymentId")).toString(),
                    QStringLiteral("payment declined"), 402);
                return;
            }
            breakerResult(false);
            defer(pending, response.ok() ? QStringLiteral("payment answered HTTP %1").arg(response.status)
                                         : QString::fromStdString(std::string(Http::nameOf(response.error))));
        });
}

void OrderBehaviour::settle(std::shared_ptr<Pending> pending, const QString &status, const QString &paymentId,
                            const QString &reason, int httpStatus)
{
    const bool queued = m_context.sql().submit(pending->call.traceparent, [this, pending, status, paymentId, reason, httpStatus](SqlSession &connection) {
        QString error;
        QString ignored;
        std::optional<QStringList> row;
        if (connection.exec(QStringLiteral("BEGIN"), &error))
            row = transition(m_context, connection, pending->orderId, status, paymentId, reason, pending->call.traceparent, &error);
        if (!row || !connection.exec(QStringLiteral("COMMIT"), &error)) {
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            pending->call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        pending->call.respond(jsonResponse(httpStatus, orderJson(*row)));
    });
    if (!queued)
        pending->call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void OrderBehaviour::defer(std::shared_ptr<Pending> pending, const QString &why)
{
    const Edge *edge = m_payment.isEmpty() ? nullptr : m_context.syncEdgeTo(m_payment);
    const bool deferAllowed = !edge || edge->fallback.mode == FallbackMode::Defer;
    const bool queued = m_context.sql().submit(pending->call.traceparent, [this, pending, why, deferAllowed](SqlSession &connection) {
        QString error;
        QString ignored;
        QList<QStringList> rows;
        auto fail = [&] {
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            pending->call.respond(problemResponse(500, QStringLiteral("database: ") + error));
        };
        if (!connection.exec(QStringLiteral("BEGIN"), &error))
            return fail();
        if (!deferAllowed) {
            // No fallback drawn: the order cannot be paid now; cancel it (the stock is released).
            const auto row = transition(m_context, connection, pending->orderId, QStringLiteral("CANCELLED"), {},
                QStringLiteral("payment unavailable: ") + why, pending->call.traceparent, &error);
            if (!row || !connection.exec(QStringLiteral("COMMIT"), &error))
                return fail();
            pending->call.respond(jsonResponse(503, orderJson(*row)));
            return;
        }
        // Once per order, however often the charge fails or OrderRecovery got there first; a
        // payment event may have settled the order while the call was failing (then nothing).
        if (!OrderRecovery::requestPayment(m_context, connection, pending->orderId, why, pending->call.traceparent, &error)
            || !connection.query(QStringLiteral("SELECT ") + QLatin1String(OrderColumns) + QStringLiteral(" FROM orders WHERE id = $1"),
                { pending->orderId }, &rows, &error)
            || rows.isEmpty())
            return fail();
        if (!connection.exec(QStringLiteral("COMMIT"), &error))
            return fail();
        const bool stillPending = rows.first().value(2) == QLatin1String(Pending_);
        pending->call.respond(jsonResponse(stillPending ? 202 : 201, orderJson(rows.first())));
    });
    if (!queued)
        pending->call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void OrderBehaviour::get(const ServiceCall &call)
{
    const QString user = header(call.request, "X-Gatehouse-Subject");
    const bool admin = header(call.request, "X-Gatehouse-Role") == QLatin1String("admin");
    const QString id = call.params.value(QStringLiteral("id"));
    if (user.isEmpty() && !admin) {
        call.respond(problemResponse(401, QStringLiteral("no authenticated user (X-Gatehouse-Subject from the gateway)")));
        return;
    }
    const bool queued = m_context.sql().submit(call.traceparent, [call, user, admin, id](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT ") + QLatin1String(OrderColumns) + QStringLiteral(" FROM orders WHERE id = $1"),
                { id }, &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        // Someone else's order is answered like a missing one: ids are not an oracle.
        if (rows.isEmpty() || (!admin && rows.first().value(1) != user)) {
            call.respond(problemResponse(404, QStringLiteral("no such order")));
            return;
        }
        call.respond(jsonResponse(200, orderJson(rows.first())));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void OrderBehaviour::listOwn(const ServiceCall &call)
{
    const QString user = header(call.request, "X-Gatehouse-Subject");
    if (user.isEmpty()) {
        call.respond(problemResponse(401, QStringLiteral("no authenticated user (X-Gatehouse-Subject from the gateway)")));
        return;
    }
    const bool queued = m_context.sql().submit(call.traceparent, [call, user](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT ") + QLatin1String(OrderColumns)
                                  + QStringLiteral(" FROM orders WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 100"),
                { user }, &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        QJsonArray orders;
        for (const QStringList &row : rows)
            orders.append(orderJson(row));
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("orders"), orders } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void OrderBehaviour::listAll(const ServiceCall &call)
{
    const bool queued = m_context.sql().submit(call.traceparent, [call](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        QList<QStringList> counts;
        if (!connection.query(QStringLiteral("SELECT ") + QLatin1String(OrderColumns)
                                  + QStringLiteral(" FROM orders ORDER BY created_at DESC, id LIMIT 100"),
                {}, &rows, &error)
            || !connection.query(QStringLiteral("SELECT status, count(*) FROM orders GROUP BY status"), {}, &counts, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        QJsonArray orders;
        for (const QStringList &row : rows)
            orders.append(orderJson(row));
        QJsonObject totals { { QStringLiteral("PENDING_PAYMENT"), 0 }, { QStringLiteral("CONFIRMED"), 0 },
            { QStringLiteral("CANCELLED"), 0 } };
        for (const QStringList &row : counts)
            totals.insert(row.value(0), row.value(1).toInt());
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("orders"), orders }, { QStringLiteral("totals"), totals } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

EventConsumer::Handler OrderBehaviour::handlerFor(const Edge &)
{
    return [this](SqlSession &connection, const ConsumedEvent &event, QString *error) {
        const bool completed = event.topic == QLatin1String("payment.completed");
        if (!completed && event.topic != QLatin1String("payment.failed"))
            return true;
        const QString orderId = event.payload.value(QStringLiteral("orderId")).toString();
        if (orderId.isEmpty())
            return true;
        // An unknown order (not ours) or one settled already: acknowledged, nothing changes.
        return transition(m_context, connection, orderId, completed ? QStringLiteral("CONFIRMED") : QStringLiteral("CANCELLED"),
                   event.payload.value(QStringLiteral("paymentId")).toString(),
                   completed ? QString() : QStringLiteral("payment declined"), event.traceparent.toLatin1(), error)
            .has_value();
    };
}

} // namespace Gatehouse::Runtime
