#pragma once

#include "model/topology.h"

namespace Gatehouse::TestTopologies {

// The built-in example (examples/api-gateway.gatehouse), sorted by id.
Topology example();
// A generated topology with `services` services on a grid, a gateway, clients, data stores,
// Kafka and every edge kind: about `services` * 2 nodes. Deterministic.
Topology generated(int services);

} // namespace Gatehouse::TestTopologies
