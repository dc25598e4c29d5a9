#include "linter.h"

#include <algorithm>
#include <functional>

namespace Gatehouse {

namespace {

using RuleCheck = std::function<void(const Topology &, QList<LintFinding> &)>;

struct Rule
{
    const char *id;
    const char *summary;
    RuleCheck check;
};

void sharedDatabase(const Topology &topology, QList<LintFinding> &findings)
{
    for (const Node *db : topology.nodesOfKind(NodeKind::DbPostgres)) {
        const QList<const Edge *> owners = topology.incoming(db->id, EdgeKind::Owns);
        if (owners.size() < 2)
            continue;
        LintFinding f;
        f.ruleId = QStringLiteral("shared-database");
        f.severity = LintSeverity::Error;
        f.nodeIds.append(db->id);
        for (const Edge *e : owners) {
            f.nodeIds.append(e->source);
            f.edgeIds.append(e->id);
        }
        f.message = QStringLiteral("Database \"%1\" is owned by %2 services; ownership is never shared.")
                        .arg(db->name.isEmpty() ? db->id : db->name)
                        .arg(owners.size());
        f.hint = QStringLiteral("Give each service its own database and share data through its API or events.");
        findings.append(f);
    }
}

void clientBypassesGateway(const Topology &topology, QList<LintFinding> &findings)
{
    for (const Edge &edge : topology.edges) {
        const Node *source = topology.node(edge.source);
        const Node *target = topology.node(edge.target);
        if (!source || !target || !isClient(source->kind) || target->kind == NodeKind::Gateway)
            continue;
        LintFinding f;
        f.ruleId = QStringLiteral("client-bypasses-gateway");
        f.severity = LintSeverity::Error;
        f.nodeIds = {source->id, target->id};
        f.edgeIds = {edge.id};
        f.message = QStringLiteral("Client \"%1\" reaches \"%2\" without going through the API gateway.")
                        .arg(source->name.isEmpty() ? source->id : source->name,
                             target->name.isEmpty() ? target->id : target->name);
        f.hint = QStringLiteral("Connect the client to the gateway and add a route to the service there.");
        findings.append(f);
    }
}

const QList<Rule> &allRules()
{
    static const QList<Rule> rules{
        {"shared-database", "A database owned by more than one service", sharedDatabase},
        {"client-bypasses-gateway", "A client connected to anything but the API gateway", clientBypassesGateway},
    };
    return rules;
}

} // namespace

QString nameOf(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info: return QStringLiteral("info");
    case LintSeverity::Warning: return QStringLiteral("warning");
    case LintSeverity::Error: return QStringLiteral("error");
    }
    return {};
}

QList<LintFinding> Linter::check(const Topology &topology)
{
    QList<LintFinding> findings;
    for (const Rule &rule : allRules())
        rule.check(topology, findings);
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
    for (const Rule &rule : allRules())
        result.append({QString::fromLatin1(rule.id), QString::fromLatin1(rule.summary)});
    return result;
}

} // namespace Gatehouse
