#pragma once

#include "topology.h"

#include <QJsonObject>

namespace Gatehouse::TopologyJson {

// Canonical JSON of the model, default values left out. Used by the project file, the
// clipboard (copy/paste between windows) and the undo commands' snapshots.
QJsonObject toJson(const Node &node);
QJsonObject toJson(const Edge &edge);
QJsonObject toJson(const Route &route);
QJsonObject toJson(const Topic &topic);
// Only the fields that differ from the defaults (empty when all are default).
QJsonObject toJson(const CircuitBreakerSettings &settings);
QJsonObject toJson(const RunSettings &settings);
// The whole project object, with formatVersion, nodes and edges sorted by id.
QJsonObject toJson(const Topology &topology);

} // namespace Gatehouse::TopologyJson
