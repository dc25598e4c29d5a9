#pragma once

#include "services/servicebehaviour.h"

#include <atomic>
#include <chrono>
#include <memory>

namespace Gatehouse::Runtime {

class OrderRecovery;

// The `order` role (docs/services.md "order"). POST /orders validates the body, reserves the
// stock at inventory (sync, retried per the edge), stores the order as PENDING_PAYMENT with
// order.created, then charges at payment (sync, the edge's timeout): completed → CONFIRMED +
// order.confirmed; declined → CANCELLED + order.cancelled (inventory releases the stock). On
// timeout, error or open breaker the edge's `defer` fallback applies: the order stays
// PENDING_PAYMENT, payment.requested is published, and payment.completed / payment.failed
// events settle it later. A status moves only out of PENDING_PAYMENT, so whichever of the
// sync answer and the event comes first wins and the other is a no-op.
// Crash safety (docs/services.md "Recovery"): the order id is recorded as an intent before
// inventory is asked, and OrderRecovery (started with the node) releases the stock of intents
// that never became an order and requests payment for orders stuck PENDING_PAYMENT.
class OrderBehaviour : public ServiceBehaviour
{
public:
    explicit OrderBehaviour(ServiceContext &context);
    ~OrderBehaviour() override;

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;
    QStringList warnings() const override;
    void start() override;
    void stop() override;

    // Consecutive payment failures that open the breaker, and how long it stays open.
    static constexpr int BreakerThreshold = 5;
    static constexpr std::chrono::milliseconds BreakerOpen { 5000 };

    struct Pending;

private:
    void create(const ServiceCall &call, const QString &userId);
    void recordIntent(std::shared_ptr<Pending> pending);
    void reserve(std::shared_ptr<Pending> pending, int attempt);
    void closeIntent(std::shared_ptr<Pending> pending, bool nothingReserved, Http::Response answer);
    void store(std::shared_ptr<Pending> pending);
    void charge(std::shared_ptr<Pending> pending);
    void settle(std::shared_ptr<Pending> pending, const QString &status, const QString &paymentId, const QString &reason,
                int httpStatus);
    void defer(std::shared_ptr<Pending> pending, const QString &why);
    void get(const ServiceCall &call);
    void listOwn(const ServiceCall &call);
    void listAll(const ServiceCall &call);

    bool breakerOpen() const;
    void breakerResult(bool ok);

    ServiceContext &m_context;
    QString m_inventory; // node ids of the sync targets with those roles ("" when not drawn)
    QString m_payment;
    QStringList m_warnings;
    std::atomic<int> m_failures { 0 };
    std::atomic<qint64> m_openUntilMs { 0 };
    std::unique_ptr<OrderRecovery> m_recovery;
};

} // namespace Gatehouse::Runtime
