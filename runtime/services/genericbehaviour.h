#pragma once

#include "services/servicebehaviour.h"

namespace Gatehouse::Runtime {

// The `generic` role (docs/services.md "generic"): a service that does what its edges say.
// Every route of every sync edge into it, and POST /_gatehouse/call (what other generic
// services call along a service → service sync edge), is answered the same way: one row in
// `generic_requests` and one event per published topic in the outbox, in one transaction;
// then every sync target is called (POST /_gatehouse/call, per-edge timeout) and the answer
// lists the row, the events and the calls. Each subscribed event becomes a row in
// `generic_events` in the consumer's dedup transaction.
class GenericBehaviour : public ServiceBehaviour
{
public:
    explicit GenericBehaviour(ServiceContext &context);

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;

    static constexpr char CallPath[] = "/_gatehouse/call";

private:
    void handle(ServiceCall call);

    ServiceContext &m_context;
};

} // namespace Gatehouse::Runtime
