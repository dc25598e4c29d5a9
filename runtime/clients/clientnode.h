#pragma once

#include "clientdriver.h"

#include "model/launchconfig.h"

#include <memory>

namespace Gatehouse::Runtime {

class NodeControlChannel;

// One running client node (client.web, client.mobile, client.partner), assembled from its
// NodeLaunchConfig: the plan read from the diagram (ClientPlan), one I/O thread with a pooled
// Beast client towards the gateway's public listener, the telemetry sender and the driver at
// the node's `ratePerSecond`. A client has no listener; start() cannot fail — a client with
// nothing to call idles and says why (one log line). Used by runClientNode() and by tests.
class ClientNode
{
public:
    explicit ClientNode(NodeLaunchConfig config, ClientDriverOptions options = {});
    ~ClientNode(); // stop()
    ClientNode(const ClientNode &) = delete;
    ClientNode &operator=(const ClientNode &) = delete;

    void start();
    void stop();

    // Thread-safe: the new rate applies at once (CONTRACT A `rate` message).
    void setRate(double perSecond);
    double rate() const;

    const ClientPlan &plan() const;
    ClientDriverStats stats() const;

    class Private;

private:
    std::unique_ptr<Private> d;
};

// The `gatehouse-runtime node` entry point for client nodes: starts the node, prints a
// {"type":"event","event":"started",…} line with its plan, applies every
// {"type":"rate","ratePerSecond":x} control message (CONTRACT A) until SIGTERM or SIGINT (EOF
// on the control channel raises SIGTERM), stops and returns 0. Call it from the main thread
// before any other thread is started (the control channel's reader blocks every signal).
int runClientNode(const NodeLaunchConfig &config, NodeControlChannel &control);

} // namespace Gatehouse::Runtime
