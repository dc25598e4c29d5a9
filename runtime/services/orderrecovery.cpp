#include "orderrecovery.h"

#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace Gatehouse::Runtime {

namespace {

constexpr int DefaultCallTimeoutMs = 10000; // ServiceContext::call's default

std::chrono::milliseconds timeoutOf(const Edge *edge)
{
    return std::chrono::milliseconds(edge && edge->timeoutMs > 0 ? edge->timeoutMs : DefaultCallTimeoutMs);
}

QString milliseconds(std::chrono::milliseconds value)
{
    return QString::number(value.count());
}

} // namespace

OrderRecovery::OrderRecovery(ServiceContext &context, QString inventory, Budget budget)
    : m_context(context)
    , m_inventory(std::move(inventory))
    , m_budget(budget)
{
}

OrderRecovery::~OrderRecovery()
{
    stop();
}

OrderRecovery::Budget OrderRecovery::budgetFor(const ServiceContext &context, const QString &inventory, const QString &payment)
{
    Budget budget;
    if (!inventory.isEmpty()) {
        const Edge *edge = context.syncEdgeTo(inventory);
        const int attempts = 1 + std::max(0, edge ? edge->retries : 0);
        budget.abandonIntentsAfter = attempts * timeoutOf(edge) + Grace;
    }
    if (context.publishedTopics().contains(QStringLiteral("payment.requested")))
        budget.requestPaymentAfter = (payment.isEmpty() ? std::chrono::milliseconds(0) : timeoutOf(context.syncEdgeTo(payment))) + Grace;
    return budget;
}

QString OrderRecovery::paymentRequestEventId(const QString &orderId)
{
    // A fixed namespace of ours; the name is the topic and the order id (RFC 4122 version 5).
    static const QUuid space(QStringLiteral("b686415f-a4e1-4126-b910-ae68bec9c65f"));
    return QUuid::createUuidV5(space, QStringLiteral("payment.requested/") + orderId).toString(QUuid::WithoutBraces);
}

bool OrderRecovery::requestPayment(ServiceContext &context, SqlSession &connection, const QString &orderId,
                                   const QString &reason, const QByteArray &traceparent, QString *error)
{
    // The UPDATE is the guard (and locks the row): whoever sets payment_requested_at first
    // writes the event; a settled order or a second writer changes nothing.
    QList<QStringList> rows;
    if (!connection.query(QStringLiteral("UPDATE orders SET payment_requested_at = now()"
                                         " WHERE id = $1 AND status = 'PENDING_PAYMENT' AND payment_requested_at IS NULL"
                                         " RETURNING user_id, total_cents"),
            { orderId }, &rows, error))
        return false;
    if (rows.isEmpty() || !context.publishedTopics().contains(QStringLiteral("payment.requested")))
        return true;
    const QJsonObject payload { { QStringLiteral("orderId"), orderId }, { QStringLiteral("userId"), rows.first().value(0) },
        { QStringLiteral("amountCents"), rows.first().value(1).toLongLong() }, { QStringLiteral("reason"), reason },
        { QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    return !context.publish(connection, QStringLiteral("payment.requested"), orderId, payload, traceparent, error,
                            paymentRequestEventId(orderId))
                .isEmpty();
}

void OrderRecovery::start()
{
    if (m_budget.abandonIntentsAfter.count() == 0 && m_budget.requestPaymentAfter.count() == 0)
        return;
    m_stopping.store(false);
    schedule(std::chrono::milliseconds(0));
}

void OrderRecovery::stop()
{
    m_stopping.store(true);
    m_timer.stop();
}

void OrderRecovery::schedule(std::chrono::milliseconds delay)
{
    m_timer.post(delay, [this] {
        // One pass at a time: a pass still queued behind busy requests is not queued twice.
        if (!m_stopping.load() && !m_passQueued.exchange(true)) {
            const bool queued = m_context.sql().submit([this](SqlSession &connection) {
                pass(connection);
                m_passQueued.store(false);
            });
            if (!queued)
                m_passQueued.store(false);
        }
        schedule(Interval);
    });
}

void OrderRecovery::pass(SqlSession &connection)
{
    if (m_stopping.load())
        return;
    if (m_budget.abandonIntentsAfter.count() > 0)
        abandonIntents(connection);
    if (m_budget.requestPaymentAfter.count() > 0)
        requestStalePayments(connection);
}

void OrderRecovery::abandonIntents(SqlSession &connection)
{
    QString error;
    QList<QStringList> rows;
    // An intent this old has no live request behind it any more (or one that must give up):
    // the store transaction only deletes intents that are not abandoned.
    if (!connection.query(QStringLiteral("UPDATE order_intents SET abandoned_at = now()"
                                         " WHERE abandoned_at IS NULL"
                                         " AND created_at < now() - $1::bigint * interval '1 millisecond'"
                                         " RETURNING order_id"),
            { milliseconds(m_budget.abandonIntentsAfter) }, &rows, &error)) {
        m_context.log(QStringLiteral("warning"), QStringLiteral("order recovery: ") + error);
        return;
    }
    if (!rows.isEmpty())
        m_context.log(QStringLiteral("warning"),
            QStringLiteral("order recovery: %1 order(s) never stored after reserving; releasing their stock").arg(rows.size()),
            QJsonObject { { QStringLiteral("recovery"), QStringLiteral("abandon-intent") } });
    if (m_releasing.load() > 0)
        return; // the last pass's releases are still under way
    if (!connection.query(QStringLiteral("SELECT order_id FROM order_intents WHERE abandoned_at IS NOT NULL"
                                         " ORDER BY abandoned_at, order_id LIMIT %1").arg(BatchSize),
            {}, &rows, &error)) {
        m_context.log(QStringLiteral("warning"), QStringLiteral("order recovery: ") + error);
        return;
    }
    for (const QStringList &row : std::as_const(rows))
        release(row.value(0));
}

void OrderRecovery::release(const QString &orderId)
{
    m_releasing.fetch_add(1);
    const std::string path = "/inventory/reservations/" + QString::fromLatin1(QUrl::toPercentEncoding(orderId)).toStdString() + "/release";
    m_context.call(m_inventory, "POST", path, {}, {}, [this, orderId](Http::ClientResponse response) {
        if (!response.ok() || response.status != 200) {
            // Kept abandoned: the next pass asks again (inventory down, overloaded, …).
            m_releasing.fetch_sub(1);
            return;
        }
        // Released (and remembered as released by inventory): the intent has done its job.
        const bool queued = m_context.sql().submit([this, orderId](SqlSession &connection) {
            QString error;
            QList<QStringList> ignored;
            if (!connection.query(QStringLiteral("DELETE FROM order_intents WHERE order_id = $1 AND abandoned_at IS NOT NULL"),
                    { orderId }, &ignored, &error))
                m_context.log(QStringLiteral("warning"), QStringLiteral("order recovery: ") + error);
            m_releasing.fetch_sub(1);
        });
        if (!queued)
            m_releasing.fetch_sub(1);
    });
}

void OrderRecovery::requestStalePayments(SqlSession &connection)
{
    QString error;
    QString ignored;
    QList<QStringList> rows;
    // SKIP LOCKED: an order a request or a payment event is settling right now is left to it.
    bool ok = connection.exec(QStringLiteral("BEGIN"), &error)
        && connection.query(QStringLiteral("SELECT id FROM orders WHERE status = 'PENDING_PAYMENT'"
                                           " AND payment_requested_at IS NULL"
                                           " AND created_at < now() - $1::bigint * interval '1 millisecond'"
                                           " ORDER BY created_at, id LIMIT %1 FOR UPDATE SKIP LOCKED").arg(BatchSize),
            { milliseconds(m_budget.requestPaymentAfter) }, &rows, &error);
    const QString reason = QStringLiteral("recovered: no payment outcome %1 ms after the order was stored")
                               .arg(m_budget.requestPaymentAfter.count());
    for (qsizetype i = 0; ok && i < rows.size(); ++i)
        ok = requestPayment(m_context, connection, rows.at(i).value(0), reason, {}, &error);
    if (ok)
        ok = connection.exec(QStringLiteral("COMMIT"), &error);
    if (!ok) {
        connection.exec(QStringLiteral("ROLLBACK"), &ignored);
        m_context.log(QStringLiteral("warning"), QStringLiteral("order recovery: ") + error);
        return;
    }
    if (!rows.isEmpty())
        m_context.log(QStringLiteral("warning"),
            QStringLiteral("order recovery: %1 order(s) left PENDING_PAYMENT without a charge outcome; payment.requested written")
                .arg(rows.size()),
            QJsonObject { { QStringLiteral("recovery"), QStringLiteral("request-payment") } });
}

} // namespace Gatehouse::Runtime
