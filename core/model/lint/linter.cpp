#include "linter.h"

#include "lintrule.h"

#include <algorithm>

namespace Gatehouse {

namespace Lint {

Context::Context(const Topology &topology)
    : m_topology(topology)
{
    for (const Node &node : topology.nodes)
        m_nodes.insert(node.id, &node);
    for (const Edge &edge : topology.edges) {
        m_outgoing[edge.source].append(&edge);
        m_incoming[edge.target].append(&edge);
    }

    QList<QString> queue;
    for (const Edge &edge : topology.edges) {
        if (edge.kind != EdgeKind::Sync || !isKind(edge.source, NodeKind::Gateway)
            || !isKind(edge.target, NodeKind::Service))
            continue;
        const bool isPublic = std::any_of(edge.routes.cbegin(), edge.routes.cend(),
            [](const Route &route) { return route.visibility == RouteVisibility::Public; });
        if (isPublic && !m_userPath.contains(edge.target)) {
            m_userPath.insert(edge.target);
            queue.append(edge.target);
        }
    }
    while (!queue.isEmpty()) {
        const QString current = queue.takeLast();
        for (const Edge *edge : outgoing(current, EdgeKind::Sync)) {
            if (isKind(edge->target, NodeKind::Service) && !m_userPath.contains(edge->target)) {
                m_userPath.insert(edge->target);
                queue.append(edge->target);
            }
        }
    }
}

QString Context::label(const QString &nodeId) const
{
    const Node *n = node(nodeId);
    return QLatin1Char('"') + (n && !n->name.isEmpty() ? n->name : nodeId) + QLatin1Char('"');
}

QList<const Edge *> Context::outgoing(const QString &nodeId, EdgeKind kind) const
{
    QList<const Edge *> result;
    for (const Edge *edge : m_outgoing.value(nodeId)) {
        if (edge->kind == kind)
            result.append(edge);
    }
    return result;
}

QList<const Edge *> Context::incoming(const QString &nodeId, EdgeKind kind) const
{
    QList<const Edge *> result;
    for (const Edge *edge : m_incoming.value(nodeId)) {
        if (edge->kind == kind)
            result.append(edge);
    }
    return result;
}

NodeKind Context::kindOf(const QString &nodeId) const
{
    const Node *n = node(nodeId);
    return n ? n->kind : NodeKind::Service;
}

bool Context::isKind(const QString &nodeId, NodeKind kind) const
{
    const Node *n = node(nodeId);
    return n && n->kind == kind;
}

void Report::add(const QStringList &nodeIds, const QStringList &edgeIds, const QString &message, const QString &hint)
{
    LintFinding finding;
    finding.ruleId = QString::fromLatin1(m_ruleId);
    finding.severity = m_severity;
    finding.nodeIds = nodeIds;
    finding.edgeIds = edgeIds;
    finding.message = message;
    finding.hint = hint;
    m_findings.append(finding);
}

} // namespace Lint

namespace {

const QList<Lint::Rule> &allRules()
{
    static const QList<Lint::Rule> rules = [] {
        QList<Lint::Rule> all;
        all += Lint::dataRules();
        all += Lint::gatewayRules();
        all += Lint::eventRules();
        all += Lint::callRules();
        all += Lint::structureRules();
        return all;
    }();
    return rules;
}

} // namespace

QString nameOf(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("info");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}

QList<LintFinding> Linter::check(const Topology &topology)
{
    QList<LintFinding> findings;
    const Lint::Context context(topology);
    for (const Lint::Rule &rule : allRules()) {
        Lint::Report report(rule.id, rule.severity, findings);
        rule.check(context, report);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const LintFinding &a, const LintFinding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.ruleId != b.ruleId)
            return a.ruleId < b.ruleId;
        const QString firstA = a.nodeIds.value(0, a.edgeIds.value(0));
        const QString firstB = b.nodeIds.value(0, b.edgeIds.value(0));
        return firstA < firstB;
    });
    return findings;
}

QList<QPair<QString, QString>> Linter::rules()
{
    QList<QPair<QString, QString>> result;
    for (const Lint::Rule &rule : allRules())
        result.append({ QString::fromLatin1(rule.id), QString::fromLatin1(rule.summary) });
    return result;
}

QList<LintRuleInfo> Linter::ruleInfos()
{
    QList<LintRuleInfo> result;
    for (const Lint::Rule &rule : allRules())
        result.append({ QString::fromLatin1(rule.id), rule.severity, QString::fromLatin1(rule.summary) });
    return result;
}

} // namespace Gatehouse
