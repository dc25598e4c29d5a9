#pragma once

#include "lintfinding.h"
#include "model/topology.h"

#include <QList>

namespace Gatehouse {

// Architecture lint: runs every rule over a topology. Pure function of the topology, cheap
// enough to run after every edit (the Problems dock) and headless (`gatehouse-runtime validate`).
class Linter
{
public:
    // Findings sorted by severity (errors first), then rule id, then first id named.
    static QList<LintFinding> check(const Topology &topology);
    // Ids and one-line descriptions of every rule, for docs and the UI.
    static QList<QPair<QString, QString>> rules();
};

} // namespace Gatehouse
