// Rules about the shape of the diagram: edge kinds, fixed ports, readiness, reachability.
#include "lintrule.h"

#include <map>
#include <QCoreApplication>

namespace Gatehouse::Lint {

namespace {

// Every edge that isEdgeAllowed refuses, except the two cases a more specific rule reports
// (client-bypasses-gateway, foreign-database-access), so each mistake is one finding.
void impossibleEdge(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        const Node *source = context.node(edge.source);
        const Node *target = context.node(edge.target);
        if (!source || !target) {
            QStringList nodeIds;
            if (source)
                nodeIds.append(source->id);
            if (target)
                nodeIds.append(target->id);
            report.add(nodeIds, { edge.id },
                QCoreApplication::translate("Lint", "Edge \"%1\" ends at a node that does not exist (\"%2\").")
                    .arg(edge.id, source ? edge.target : edge.source),
                QCoreApplication::translate("Lint", "Delete the edge or reconnect it to an existing node."));
            continue;
        }
        if (edge.kind == EdgeKind::Sync && isClient(source->kind) && target->kind != NodeKind::Gateway)
            continue;
        if (source->kind == NodeKind::Service && target->kind == NodeKind::DbPostgres && edge.kind != EdgeKind::Owns)
            continue;
        QString reason;
        if (isEdgeAllowed(edge.kind, source->kind, target->kind, &reason))
            continue;
        report.add({ source->id, target->id }, { edge.id },
            QCoreApplication::translate("Lint", "A %1 edge from %2 (%3) to %4 (%5) is impossible: %6")
                .arg(nameOf(edge.kind), context.label(source->id), nameOf(source->kind), context.label(target->id),
                    nameOf(target->kind), reason),
            QCoreApplication::translate("Lint", "Delete the edge, or change its kind to one of: %1.").arg([&] {
                QStringList kinds;
                for (EdgeKind kind : edgeKindsBetween(source->kind, target->kind))
                    kinds.append(nameOf(kind));
                return kinds.isEmpty() ? QCoreApplication::translate("Lint", "none fits between these nodes")
                                       : kinds.join(QStringLiteral(", "));
            }()));
    }
}

// Fixed ports (a node's port, the gateway's internal listener) must be unique on the host:
// the second process to bind fails and the stack never becomes ready.
void portCollision(const Context &context, Report &report)
{
    std::map<int, QList<std::pair<QString, QString>>> users; // port → (node id, which listener)
    for (const Node &node : context.topology().nodes) {
        if (node.port > 0)
            users[node.port].append({ node.id, QCoreApplication::translate("Lint", "port") });
        if (node.kind == NodeKind::Gateway && node.internalPort() > 0)
            users[node.internalPort()].append({ node.id, QCoreApplication::translate("Lint", "internal port") });
    }
    for (const auto &[port, list] : users) {
        if (list.size() < 2)
            continue;
        QStringList nodeIds;
        QStringList described;
        for (const auto &[id, what] : list) {
            if (!nodeIds.contains(id))
                nodeIds.append(id);
            described.append(QStringLiteral("%1 (%2)").arg(context.label(id), what));
        }
        report.add(nodeIds, {},
            QCoreApplication::translate("Lint", "Port %1 is fixed for %2; only one can listen on it.")
                .arg(QString::number(port), described.join(QStringLiteral(", "))),
            QCoreApplication::translate("Lint", "Give each listener its own port, or set the port to 0 to let the runtime choose."));
    }
}

// The runtime waits for every service and gateway to answer its readiness path before it
// starts the next layer; a value it cannot use leaves the node "starting" forever.
void missingReadiness(const Context &context, Report &report)
{
    const QString key = QString::fromLatin1(NodeProperty::ReadinessPath);
    for (const Node &node : context.topology().nodes) {
        if ((node.kind != NodeKind::Service && node.kind != NodeKind::Gateway) || !node.properties.contains(key))
            continue;
        const QJsonValue value = node.properties.value(key);
        const QString path = value.toString();
        const bool usable = value.isString()
            && (path.isEmpty() || (path.startsWith(QLatin1Char('/')) && !path.contains(QLatin1Char(' '))));
        if (usable)
            continue;
        report.add({ node.id }, {},
            QCoreApplication::translate("Lint", "%1 has no usable readiness check: readinessPath must be an HTTP path such as "
                           "\"/readyz\".")
                .arg(context.label(node.id)),
            QCoreApplication::translate("Lint", "Set readinessPath to a path starting with '/', or remove it to use \"/readyz\"."));
    }
}

void unreachableService(const Context &context, Report &report)
{
    for (const Node *service : context.topology().nodesOfKind(NodeKind::Service)) {
        if (!context.incoming(service->id, EdgeKind::Sync).isEmpty()
            || !context.incoming(service->id, EdgeKind::Subscribe).isEmpty())
            continue;
        report.add({ service->id }, {},
            QCoreApplication::translate("Lint", "Service %1 is unreachable: nothing calls it and it consumes no events.")
                .arg(context.label(service->id)),
            QCoreApplication::translate("Lint", "Route to it from the gateway, call it from another service, or subscribe it to a "
                           "topic."));
    }
}

} // namespace

QList<Rule> structureRules()
{
    return {
        { "impossible-edge", LintSeverity::Error,
            "An edge whose kind cannot join its two nodes (e.g. a client owning a database), or a dangling edge",
            impossibleEdge },
        { "port-collision", LintSeverity::Error, "Two listeners with the same fixed port", portCollision },
        { "missing-readiness", LintSeverity::Warning, "A service or gateway whose readinessPath is unusable",
            missingReadiness },
        { "unreachable-service", LintSeverity::Warning, "A service nothing calls and that consumes no events",
            unreachableService },
    };
}

} // namespace Gatehouse::Lint
