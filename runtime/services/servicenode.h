#pragma once

#include "model/launchconfig.h"

#include <QStringList>
#include <memory>

namespace Gatehouse::Runtime {

class NodeControlChannel;
class FaultInjector;
class ServiceContext;

// One running service node, assembled from a NodeLaunchConfig (docs/services.md): applies the
// migrations (version 1 = outbox + processed events, then the role's own) to its database as
// its own role, starts the SQL pool, the outbox relay (when it publishes), one idempotent
// consumer per subscribe edge (group = the edge's consumerGroup), the HTTP server on
// publicListener (/healthz, /readyz and the role's routes) and the client for its sync
// targets. Every request, call, publish, consume and SQL statement is recorded as a span.
// A generic service may have no database (no owns edge): then there are no migrations, pool or
// relay (docs/services.md "generic"). start() returns once everything runs; stop() drains and
// closes. Used by runServiceNode() and by tests.
class ServiceNode
{
public:
    struct Settings
    {
        int ioThreads = 2;
        int sqlThreads = 4;
        int sqlMaxQueued = 2000;
        int relayPollMs = 50;
    };

    explicit ServiceNode(NodeLaunchConfig config);
    ServiceNode(NodeLaunchConfig config, Settings settings);
    ~ServiceNode(); // stop()
    ServiceNode(const ServiceNode &) = delete;
    ServiceNode &operator=(const ServiceNode &) = delete;

    // False and `error` when the node is not a service of the topology, a role service has no
    // database, its database or Kafka is unreachable, a migration fails or the listener
    // cannot bind.
    bool start(QString *error = nullptr);
    void stop();

    int port() const;
    QStringList warnings() const;
    QStringList routes() const;
    // Database answered and every consumer has its partitions (what /readyz reports).
    bool consumersAssigned() const;
    ServiceContext &context();
    // The injected faults (control channel "faults" messages); valid for the node's lifetime.
    FaultInjector &faults();

    class Private;

private:
    std::unique_ptr<Private> d;
};

// The `gatehouse-runtime node` entry point for a service: starts the node, prints one
// {"type":"event","event":"listening",…} line on stdout, blocks until SIGTERM or SIGINT (EOF on
// the control channel raises SIGTERM), hands "faults" control messages to faults(), stops cleanly and returns the exit code (0, or 1 when the node could not start). Call it
// from the main thread before any other thread is started.
int runServiceNode(const NodeLaunchConfig &config, NodeControlChannel &control);

} // namespace Gatehouse::Runtime
