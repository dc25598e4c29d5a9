#pragma once

#include "model/launchconfig.h"

#include <QStringList>
#include <memory>

namespace Gatehouse::Runtime {

class NodeControlChannel;
class FaultInjector;
class Gateway;

// One running API gateway node, assembled from a NodeLaunchConfig (docs/gateway.md
// "Configuration"): HTTP event loop, public and internal listeners, pooled upstream client,
// Redis rate limiter, JWT and API-key verifiers, access log and telemetry sender. start() binds
// both listeners (port 0 picks free ports) and returns; stop() drains in-flight requests and
// closes everything. Used by runGatewayNode() and directly by tests.
class GatewayNode
{
public:
    struct Settings
    {
        int ioThreads = 0; // 0: one per core
    };

    explicit GatewayNode(NodeLaunchConfig config);
    GatewayNode(NodeLaunchConfig config, Settings settings);
    ~GatewayNode(); // stop()
    GatewayNode(const GatewayNode &) = delete;
    GatewayNode &operator=(const GatewayNode &) = delete;

    // False and `error` when the config is unusable (no such gateway node) or a listener cannot
    // bind. Problems that still allow serving (a malformed route, no JWT key) are warnings.
    bool start(QString *error = nullptr);
    void stop();

    int publicPort() const;
    int internalPort() const;
    QStringList warnings() const;
    Gateway &gateway();
    // The injected faults (control channel "faults" messages); valid for the node's lifetime.
    FaultInjector &faults();

    class Private;

private:
    std::unique_ptr<Private> d;
};

// The `gatehouse-runtime node` entry point for a gateway: starts the node, prints one
// {"type":"event","event":"listening",…} line with the bound ports on stdout, blocks until
// SIGTERM or SIGINT (EOF on the control channel raises SIGTERM), stops cleanly and returns the
// process exit code (0, or 1 when the node could not start). "faults" control messages go to
// the node's FaultInjector. Call it from the main thread before any other thread is started, so the
// signals it waits for are blocked in every thread.
int runGatewayNode(const NodeLaunchConfig &config, NodeControlChannel &control);

} // namespace Gatehouse::Runtime
