#pragma once

#include "services/delayqueue.h"
#include "services/servicebehaviour.h"

#include <atomic>
#include <optional>

namespace Gatehouse::Runtime {

// The `payment` role (docs/services.md "payment"): charges through a simulated provider whose
// latency and failure rate start from the node's latencyMs / failureRate properties and can be
// changed at run time (PUT /payments/provider). One payment per order (idempotent on the
// order id), synchronously (POST /payments/charges) or asynchronously from payment.requested;
// either way the outcome is published as payment.completed or payment.failed through the
// outbox, in the transaction that stores the payment.
class PaymentBehaviour : public ServiceBehaviour
{
public:
    explicit PaymentBehaviour(ServiceContext &context);
    ~PaymentBehaviour() override;

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;

    void setProvider(int latencyMs, double failureRate);
    int latencyMs() const { return m_latencyMs.load(); }
    double failureRate() const { return m_failureRate.load(); }

    struct Charge
    {
        QString orderId;
        QString userId;
        qint64 amountCents = 0;
    };
    struct Outcome
    {
        QString paymentId;
        QString status; // "completed" | "failed"
        QString reason;
        bool created = false; // false: the order had been charged before; this is that payment
    };
    // Parses and validates a charge ({orderId, userId, amountCents}).
    static std::optional<Charge> parseCharge(const QJsonObject &object);

private:
    // Stores the payment (or finds the earlier one) and publishes its event, in the caller's
    // open transaction. `decline` is the provider's decision for a new payment.
    std::optional<Outcome> record(SqlSession &connection, const Charge &charge, const QString &mode, bool decline,
                                  const QByteArray &traceparent, QString *error);
    bool providerDeclines() const;
    void charge(const ServiceCall &call);
    void list(const ServiceCall &call);
    void provider(const ServiceCall &call);

    ServiceContext &m_context;
    std::atomic<int> m_latencyMs;
    std::atomic<double> m_failureRate;
    DelayQueue m_delays;
};

} // namespace Gatehouse::Runtime
