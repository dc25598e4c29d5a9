#pragma once

#include "lintfinding.h"
#include "model/topology.h"

#include <QList>

namespace Gatehouse {

// What a rule is, for docs, the UI and tests.
struct LintRuleInfo
{
    QString id; // stable, e.g. "shared-database"; never reused for another meaning
    LintSeverity severity = LintSeverity::Warning;
    QString summary; // one line: what the rule flags
};

// Architecture lint: runs every rule over a topology. Pure function of the topology, cheap
// enough to run after every edit (the Problems dock) and headless (`gatehouse-runtime validate`).
// The rules are described in docs/lint.md.
class Linter
{
public:
    // Findings sorted by severity (errors first), then rule id, then first id named.
    static QList<LintFinding> check(const Topology &topology);
    // Ids and one-line descriptions of every rule, for docs and the UI.
    static QList<QPair<QString, QString>> rules();
    // Every rule with its severity, in a stable order (grouped by concern).
    static QList<LintRuleInfo> ruleInfos();
};

} // namespace Gatehouse
