#pragma once

#include "infra/migrationrunner.h"
#include "services/eventconsumer.h"
#include "services/servicerouter.h"

#include <QList>
#include <QStringList>

namespace Gatehouse {
struct Edge;
}

namespace Gatehouse::Runtime {

class PgConnection;
class ServiceContext;

// What one service role does inside a ServiceNode: its own schema (migrations from version 2
// on; version 1 is the shared outbox/processed-event schema), its HTTP routes and its handling
// of each subscribe edge. Created once per node with the node's ServiceContext.
class ServiceBehaviour
{
public:
    virtual ~ServiceBehaviour() = default;

    virtual QList<Migration> migrations() const = 0;
    // Runs once after the migrations, as the service's role (e.g. seeding rows that need code,
    // like password hashes). False + `error` stops the node from starting.
    virtual bool initialize(PgConnection &connection, QString *error)
    {
        Q_UNUSED(connection);
        Q_UNUSED(error);
        return true;
    }
    virtual void addRoutes(ServiceRouter &router) = 0;
    // The handler for one subscribe edge (runs in the consumer's dedup transaction; the event's
    // traceparent is already the consume hop's context).
    virtual EventConsumer::Handler handlerFor(const Edge &subscribeEdge) = 0;
    // Warnings to report at start (e.g. edges the role ignores).
    virtual QStringList warnings() const { return {}; }
    // Background work of the role (e.g. the order's recovery pass): start() once the node
    // serves (pool, client and consumers running), stop() first when the node stops; stop()
    // may come without start() and must return only when no background job runs any more.
    virtual void start() {}
    virtual void stop() {}
};

} // namespace Gatehouse::Runtime
