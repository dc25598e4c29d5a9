#pragma once

#include "services/delayqueue.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>

namespace Gatehouse::Runtime {

class ServiceContext;
class SqlSession;

// The order service's recovery pass (docs/services.md "Recovery"), which closes the two
// windows a crash (kill -9) of the order service leaves open:
//  1. stock reserved at inventory for an order that was never stored. The order id is written
//     as an `order_intents` row before inventory is asked; the store transaction deletes it.
//     An intent older than the reservation budget (every attempt's timeout + Grace) is marked
//     abandoned, its reservation released at inventory (idempotent; inventory then refuses a
//     late reservation under that id) and only then deleted;
//  2. an order stored PENDING_PAYMENT whose charge never reached an outcome. When it is older
//     than the payment timeout + Grace and payment.requested was not written for it yet, the
//     pass writes it (requestPayment(), same transaction) and payment settles it through its
//     idempotent consumer (one payment per order id, so a sync charge that did arrive is never
//     doubled).
// A pass runs at start() and every Interval after, on the service's SQL pool; both queries hit
// small partial indexes. Thread-safe; owned by OrderBehaviour.
class OrderRecovery
{
public:
    static constexpr std::chrono::milliseconds Grace { 5000 };
    static constexpr std::chrono::milliseconds Interval { 2000 };
    static constexpr int BatchSize = 100;

    struct Budget
    {
        std::chrono::milliseconds abandonIntentsAfter { 0 };  // 0: no inventory, no intents
        std::chrono::milliseconds requestPaymentAfter { 0 }; // 0: payment.requested not drawn
    };

    // `inventory`: node id of the inventory sync target ("" when none).
    OrderRecovery(ServiceContext &context, QString inventory, Budget budget);
    ~OrderRecovery(); // stop()
    OrderRecovery(const OrderRecovery &) = delete;
    OrderRecovery &operator=(const OrderRecovery &) = delete;

    // The budget the order's edges give: (retries + 1) × the inventory edge's timeout + Grace,
    // and the payment edge's timeout + Grace (10 s for an edge without a timeout).
    static Budget budgetFor(const ServiceContext &context, const QString &inventory, const QString &payment);

    void start();
    void stop();

    // Writes payment.requested for order `orderId` in the caller's open transaction, unless it
    // was written before or the order is no longer PENDING_PAYMENT (then true, nothing
    // written). The event id is derived from the order id (paymentRequestEventId()), so even a
    // second write is one event. False + `error` on a database error.
    static bool requestPayment(ServiceContext &context, SqlSession &connection, const QString &orderId,
                               const QString &reason, const QByteArray &traceparent, QString *error);
    static QString paymentRequestEventId(const QString &orderId);

private:
    void schedule(std::chrono::milliseconds delay);
    void pass(SqlSession &connection);
    void abandonIntents(SqlSession &connection);
    void requestStalePayments(SqlSession &connection);
    void release(const QString &orderId);

    ServiceContext &m_context;
    QString m_inventory;
    Budget m_budget;
    DelayQueue m_timer;
    std::atomic<bool> m_stopping { false };
    std::atomic<bool> m_passQueued { false };
    std::atomic<int> m_releasing { 0 }; // release calls (and their intent deletes) in flight
};

} // namespace Gatehouse::Runtime
