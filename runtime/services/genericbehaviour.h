#pragma once

#include "model/topology.h"
#include "services/servicebehaviour.h"

#include <QJsonObject>

#include <memory>
#include <string>

namespace Gatehouse::Runtime {

class EventPublisher;

// The `generic` role (docs/services.md "generic"): a service that does what its edges say.
// Every route of every sync edge into it, and POST /_gatehouse/call (what other generic
// services call along a service → service sync edge), is answered the same way: one row in
// `generic_requests` and one event per published topic in the outbox, in one transaction;
// then every sync target is called (per-edge timeout) and the answer lists the row, the events
// and the calls. A target is called at a route it really serves: a route drawn on the edge, a
// generic target's /_gatehouse/call, or else a route of the target from the diagram (GET
// without parameters first). Each subscribed event becomes a row in `generic_events` in the
// consumer's dedup transaction.
// Without a database (no owns edge) there is no row: events are produced directly (answered
// after the broker's delivery report) and subscribed events are consumed without being stored.
class GenericBehaviour : public ServiceBehaviour
{
public:
    explicit GenericBehaviour(ServiceContext &context);
    ~GenericBehaviour() override;

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;
    QStringList warnings() const override { return m_warnings; }

    static constexpr char CallPath[] = "/_gatehouse/call";

    // How this node calls one sync target.
    struct Target
    {
        QString node;
        std::string method;
        std::string path; // a pattern: {params} are filled with the request id
        bool hasFallback = false;
    };
    static Target targetFor(const Topology &topology, const Edge &syncEdge);

private:
    void handle(ServiceCall call);
    void handleWithoutDatabase(std::shared_ptr<ServiceCall> call);
    void callTargets(std::shared_ptr<ServiceCall> call, QJsonObject answer);
    QString publishEdgeOf(const QString &topic) const;

    ServiceContext &m_context;
    QList<Target> m_targets;
    std::unique_ptr<EventPublisher> m_publisher; // without a database only
    QStringList m_warnings;
};

} // namespace Gatehouse::Runtime
