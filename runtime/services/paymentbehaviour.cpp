#include "paymentbehaviour.h"

#include "infra/pgconnection.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <thread>

namespace Gatehouse::Runtime {

namespace {

QJsonObject outcomeJson(const PaymentBehaviour::Charge &charge, const PaymentBehaviour::Outcome &outcome)
{
    QJsonObject object { { QStringLiteral("paymentId"), outcome.paymentId }, { QStringLiteral("orderId"), charge.orderId },
        { QStringLiteral("userId"), charge.userId }, { QStringLiteral("amountCents"), charge.amountCents },
        { QStringLiteral("status"), outcome.status } };
    if (!outcome.reason.isEmpty())
        object.insert(QStringLiteral("reason"), outcome.reason);
    return object;
}

} // namespace

PaymentBehaviour::PaymentBehaviour(ServiceContext &context)
    : m_context(context)
    , m_latencyMs(std::max(0, context.self().latencyMs()))
    , m_failureRate(std::clamp(context.self().failureRate(), 0.0, 1.0))
{
}

PaymentBehaviour::~PaymentBehaviour()
{
    m_delays.stop();
}

void PaymentBehaviour::setProvider(int latencyMs, double failureRate)
{
    m_latencyMs.store(std::clamp(latencyMs, 0, 60000));
    m_failureRate.store(std::clamp(failureRate, 0.0, 1.0));
}

bool PaymentBehaviour::providerDeclines() const
{
    return QRandomGenerator::global()->generateDouble() < m_failureRate.load();
}

QList<Migration> PaymentBehaviour::migrations() const
{
    return { Migration { 2, QStringLiteral("payments"),
        QStringLiteral("CREATE TABLE payments (\n"
                       "  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n"
                       "  order_id text NOT NULL UNIQUE,\n"
                       "  user_id text NOT NULL,\n"
                       "  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),\n"
                       "  status text NOT NULL CHECK (status IN ('completed', 'failed')),\n"
                       "  reason text,\n"
                       "  mode text NOT NULL CHECK (mode IN ('sync', 'async')),\n"
                       "  created_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n") } };
}

std::optional<PaymentBehaviour::Charge> PaymentBehaviour::parseCharge(const QJsonObject &object)
{
    Charge charge;
    charge.orderId = object.value(QStringLiteral("orderId")).toString();
    charge.userId = object.value(QStringLiteral("userId")).toString();
    const QJsonValue amount = object.value(QStringLiteral("amountCents"));
    if (charge.orderId.isEmpty() || charge.orderId.size() > 64 || charge.userId.isEmpty() || charge.userId.size() > 200
        || !amount.isDouble() || amount.toDouble() < 0 || amount.toDouble() > 1e12
        || amount.toDouble() != static_cast<double>(static_cast<qint64>(amount.toDouble())))
        return std::nullopt;
    charge.amountCents = static_cast<qint64>(amount.toDouble());
    return charge;
}

std::optional<PaymentBehaviour::Outcome> PaymentBehaviour::record(SqlSession &connection, const Charge &charge,
    const QString &mode, bool decline, const QByteArray &traceparent, QString *error)
{
    const QString status = decline ? QStringLiteral("failed") : QStringLiteral("completed");
    const QString reason = decline ? QStringLiteral("declined by the provider (simulated)") : QString();
    QList<QStringList> rows;
    if (!connection.query(QStringLiteral("INSERT INTO payments (order_id, user_id, amount_cents, status, reason, mode)"
                                         " VALUES ($1, $2, $3::bigint, $4, NULLIF($5, ''), $6)"
                                         " ON CONFLICT (order_id) DO NOTHING RETURNING id::text"),
            { charge.orderId, charge.userId, QString::number(charge.amountCents), status, reason, mode }, &rows, error))
        return std::nullopt;
    Outcome outcome;
    if (rows.isEmpty()) {
        if (!connection.query(QStringLiteral("SELECT id::text, status, COALESCE(reason, '') FROM payments WHERE order_id = $1"),
                { charge.orderId }, &rows, error) || rows.isEmpty())
            return std::nullopt;
        outcome.paymentId = rows.first().value(0);
        outcome.status = rows.first().value(1);
        outcome.reason = rows.first().value(2);
        return outcome;
    }
    outcome.paymentId = rows.first().value(0);
    outcome.status = status;
    outcome.reason = reason;
    outcome.created = true;
    QJsonObject payload = outcomeJson(charge, outcome);
    payload.insert(QStringLiteral("mode"), mode);
    payload.insert(QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QString topic = decline ? QStringLiteral("payment.failed") : QStringLiteral("payment.completed");
    if (m_context.publishedTopics().contains(topic)
        && m_context.publish(connection, topic, charge.orderId, payload, traceparent, error).isEmpty())
        return std::nullopt;
    return outcome;
}

void PaymentBehaviour::addRoutes(ServiceRouter &router)
{
    router.add(QStringLiteral("POST"), QStringLiteral("/payments/charges"), [this](ServiceCall call) { charge(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/admin/payments"), [this](ServiceCall call) { list(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/payments/provider"), [this](ServiceCall call) { provider(call); });
    router.add(QStringLiteral("PUT"), QStringLiteral("/payments/provider"), [this](ServiceCall call) { provider(call); });
}

void PaymentBehaviour::charge(const ServiceCall &call)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body));
    const std::optional<Charge> charge = document.isObject() ? parseCharge(document.object()) : std::nullopt;
    if (!charge) {
        call.respond(problemResponse(400,
            QStringLiteral("expected {\"orderId\": string, \"userId\": string, \"amountCents\": integer >= 0}")));
        return;
    }
    // The provider "takes" latencyMs; the answer is decided after it, without holding a thread.
    m_delays.post(std::chrono::milliseconds(m_latencyMs.load()), [this, call, charge = *charge] {
        const bool queued = m_context.sql().submit(call.traceparent, [this, call, charge](SqlSession &connection) {
            QString error;
            QString ignored;
            if (!connection.exec(QStringLiteral("BEGIN"), &error)) {
                call.respond(problemResponse(500, QStringLiteral("database: ") + error));
                return;
            }
            const std::optional<Outcome> outcome
                = record(connection, charge, QStringLiteral("sync"), providerDeclines(), call.traceparent, &error);
            if (!outcome || !connection.exec(QStringLiteral("COMMIT"), &error)) {
                connection.exec(QStringLiteral("ROLLBACK"), &ignored);
                call.respond(problemResponse(500, QStringLiteral("database: ") + error));
                return;
            }
            const bool completed = outcome->status == QLatin1String("completed");
            call.respond(jsonResponse(completed ? (outcome->created ? 201 : 200) : 402, outcomeJson(charge, *outcome)));
        });
        if (!queued)
            call.respond(problemResponse(503, QStringLiteral("service overloaded")));
    });
}

void PaymentBehaviour::list(const ServiceCall &call)
{
    const bool queued = m_context.sql().submit(call.traceparent, [this, call](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        QList<QStringList> counts;
        if (!connection.query(QStringLiteral("SELECT id::text, order_id, user_id, amount_cents, status, COALESCE(reason, ''),"
                                             " mode, created_at FROM payments ORDER BY created_at DESC, id LIMIT 100"),
                {}, &rows, &error)
            || !connection.query(QStringLiteral("SELECT status, count(*) FROM payments GROUP BY status"), {}, &counts, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        QJsonArray payments;
        for (const QStringList &row : rows) {
            payments.append(QJsonObject { { QStringLiteral("paymentId"), row.value(0) },
                { QStringLiteral("orderId"), row.value(1) }, { QStringLiteral("userId"), row.value(2) },
                { QStringLiteral("amountCents"), row.value(3).toLongLong() }, { QStringLiteral("status"), row.value(4) },
                { QStringLiteral("reason"), row.value(5) }, { QStringLiteral("mode"), row.value(6) },
                { QStringLiteral("createdAt"), row.value(7) } });
        }
        QJsonObject totals { { QStringLiteral("completed"), 0 }, { QStringLiteral("failed"), 0 } };
        for (const QStringList &row : counts)
            totals.insert(row.value(0), row.value(1).toInt());
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("payments"), payments },
                                           { QStringLiteral("totals"), totals },
                                           { QStringLiteral("provider"),
                                               QJsonObject { { QStringLiteral("latencyMs"), latencyMs() },
                                                   { QStringLiteral("failureRate"), failureRate() } } } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void PaymentBehaviour::provider(const ServiceCall &call)
{
    if (call.request.method == "PUT") {
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body));
        const QJsonObject body = document.object();
        const QJsonValue latency = body.value(QStringLiteral("latencyMs"));
        const QJsonValue rate = body.value(QStringLiteral("failureRate"));
        const bool latencyOk = latency.isUndefined() || (latency.isDouble() && latency.toDouble() >= 0 && latency.toDouble() <= 60000);
        const bool rateOk = rate.isUndefined() || (rate.isDouble() && rate.toDouble() >= 0 && rate.toDouble() <= 1);
        if (!document.isObject() || !latencyOk || !rateOk) {
            call.respond(problemResponse(400, QStringLiteral("expected {\"latencyMs\": 0..60000, \"failureRate\": 0..1}")));
            return;
        }
        setProvider(latency.isUndefined() ? latencyMs() : latency.toInt(), rate.isUndefined() ? failureRate() : rate.toDouble());
    }
    call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("latencyMs"), latencyMs() },
                                       { QStringLiteral("failureRate"), failureRate() } }));
}

EventConsumer::Handler PaymentBehaviour::handlerFor(const Edge &)
{
    // payment.requested: charge asynchronously. The simulated latency is spent on the
    // consumer's own thread, which does nothing else meanwhile.
    return [this](SqlSession &connection, const ConsumedEvent &event, QString *error) {
        if (event.topic != QLatin1String("payment.requested"))
            return true;
        const std::optional<Charge> charge = parseCharge(event.payload);
        if (!charge)
            return true; // malformed request: acknowledged, never retried forever
        std::this_thread::sleep_for(std::chrono::milliseconds(m_latencyMs.load()));
        return record(connection, *charge, QStringLiteral("async"), providerDeclines(), event.traceparent.toLatin1(), error)
            .has_value();
    };
}

} // namespace Gatehouse::Runtime
