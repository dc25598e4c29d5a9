#pragma once

#include "lintfinding.h"
#include "model/topology.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Internal to the linter: how rules are declared and what they get to look at. Not installed,
// not for other parts; they call Linter (linter.h).
namespace Gatehouse::Lint {

// Read-only indexes over one topology, built once per Linter::check so that every rule is
// linear in the size of the diagram (the editor lints after every edit).
class Context
{
public:
    explicit Context(const Topology &topology);

    const Topology &topology() const { return m_topology; }
    const Node *node(const QString &id) const { return m_nodes.value(id); }
    // "Order service" style label for messages: the node's name, else its id.
    QString label(const QString &nodeId) const;
    QList<const Edge *> outgoing(const QString &nodeId) const { return m_outgoing.value(nodeId); }
    QList<const Edge *> incoming(const QString &nodeId) const { return m_incoming.value(nodeId); }
    QList<const Edge *> outgoing(const QString &nodeId, EdgeKind kind) const;
    QList<const Edge *> incoming(const QString &nodeId, EdgeKind kind) const;
    NodeKind kindOf(const QString &nodeId) const;
    bool isKind(const QString &nodeId, NodeKind kind) const;
    // Services a user's request can reach: targets of public gateway routes and everything they
    // call synchronously, transitively.
    bool isOnUserPath(const QString &serviceId) const { return m_userPath.contains(serviceId); }

private:
    const Topology &m_topology;
    QHash<QString, const Node *> m_nodes;
    QHash<QString, QList<const Edge *>> m_outgoing;
    QHash<QString, QList<const Edge *>> m_incoming;
    QSet<QString> m_userPath;
};

// Collects the findings of one rule; the rule's id and severity are filled in here so a rule
// cannot report under someone else's name.
class Report
{
public:
    Report(const char *ruleId, LintSeverity severity, QList<LintFinding> &findings)
        : m_ruleId(ruleId)
        , m_severity(severity)
        , m_findings(findings)
    {
    }

    void add(const QStringList &nodeIds, const QStringList &edgeIds, const QString &message, const QString &hint);

private:
    const char *m_ruleId;
    LintSeverity m_severity;
    QList<LintFinding> &m_findings;
};

struct Rule
{
    const char *id;
    LintSeverity severity;
    const char *summary;
    void (*check)(const Context &, Report &);
};

// The rule groups, one file each.
QList<Rule> dataRules(); // databases, cache, infrastructure
QList<Rule> gatewayRules(); // clients, gateways, routes
QList<Rule> eventRules(); // topics and subscriptions
QList<Rule> callRules(); // service-to-service sync calls
QList<Rule> structureRules(); // edge kinds, ports, readiness, reachability

} // namespace Gatehouse::Lint
