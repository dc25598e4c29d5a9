// Rules about data ownership: databases, the cache keyspace, unused infrastructure.
#include "lintrule.h"
#include <QCoreApplication>

namespace Gatehouse::Lint {

namespace {

void sharedDatabase(const Context &context, Report &report)
{
    for (const Node *db : context.topology().nodesOfKind(NodeKind::DbPostgres)) {
        const QList<const Edge *> owners = context.incoming(db->id, EdgeKind::Owns);
        if (owners.size() < 2)
            continue;
        QStringList nodeIds { db->id };
        QStringList edgeIds;
        for (const Edge *e : owners) {
            nodeIds.append(e->source);
            edgeIds.append(e->id);
        }
        report.add(nodeIds, edgeIds,
            QCoreApplication::translate("Lint", "Database %1 is owned by %2 services; ownership is never shared.")
                .arg(context.label(db->id), QString::number(owners.size())),
            QCoreApplication::translate("Lint", "Give each service its own database and share data through its API or events."));
    }
}

// Owning is the only way in: a service that reaches a database by any other edge reads or writes
// data behind its owner's back (the edge kinds in between are impossible anyway, but this is
// the finding a reviewer means, so it gets its own rule and impossible-edge stays quiet).
void foreignDatabaseAccess(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind == EdgeKind::Owns || !context.isKind(edge.target, NodeKind::DbPostgres)
            || !context.isKind(edge.source, NodeKind::Service))
            continue;
        QStringList nodeIds { edge.source, edge.target };
        QStringList edgeIds { edge.id };
        QStringList ownerLabels;
        for (const Edge *owns : context.incoming(edge.target, EdgeKind::Owns)) {
            if (owns->source == edge.source)
                continue;
            nodeIds.append(owns->source);
            edgeIds.append(owns->id);
            ownerLabels.append(context.label(owns->source));
        }
        const QString message = ownerLabels.isEmpty()
            ? QCoreApplication::translate("Lint", "Service %1 reaches database %2 through a %3 edge instead of owning it.")
                  .arg(context.label(edge.source), context.label(edge.target), nameOf(edge.kind))
            : QCoreApplication::translate("Lint", "Service %1 reaches database %2, which belongs to %3.")
                  .arg(context.label(edge.source), context.label(edge.target), ownerLabels.join(QStringLiteral(", ")));
        report.add(nodeIds, edgeIds, message,
            QCoreApplication::translate("Lint", "Ask the owning service through its API or consume its events; only the owner "
                           "touches its database."));
    }
}

void databaseWithoutOwner(const Context &context, Report &report)
{
    for (const Node *db : context.topology().nodesOfKind(NodeKind::DbPostgres)) {
        if (!context.incoming(db->id, EdgeKind::Owns).isEmpty())
            continue;
        report.add({ db->id }, {},
            QCoreApplication::translate("Lint", "Database %1 has no owning service; nobody is responsible for its schema and data.")
                .arg(context.label(db->id)),
            QCoreApplication::translate("Lint", "Draw an owns edge from the one service that owns it, or delete the database."));
    }
}

// Two users of one Redis whose key prefixes overlap can read and overwrite each other's keys;
// an empty prefix overlaps everything.
void sharedCacheKeyspace(const Context &context, Report &report)
{
    for (const Node *cache : context.topology().nodesOfKind(NodeKind::CacheRedis)) {
        const QList<const Edge *> users = context.incoming(cache->id, EdgeKind::UsesCache);
        for (qsizetype i = 0; i < users.size(); ++i) {
            for (qsizetype j = i + 1; j < users.size(); ++j) {
                const Edge *a = users[i];
                const Edge *b = users[j];
                if (a->source == b->source)
                    continue;
                if (!a->keyPrefix.startsWith(b->keyPrefix) && !b->keyPrefix.startsWith(a->keyPrefix))
                    continue;
                const auto shown = [](const QString &prefix) {
                    return prefix.isEmpty() ? QCoreApplication::translate("Lint", "(none)") : QLatin1Char('"') + prefix + QLatin1Char('"');
                };
                report.add({ a->source, b->source, cache->id }, { a->id, b->id },
                    QCoreApplication::translate("Lint", "%1 (key prefix %2) and %3 (key prefix %4) share a keyspace in %5 and can "
                                   "overwrite each other's keys.")
                        .arg(context.label(a->source), shown(a->keyPrefix), context.label(b->source),
                            shown(b->keyPrefix), context.label(cache->id)),
                    QCoreApplication::translate("Lint", "Give every cache user its own key prefix, none a prefix of another "
                                   "(e.g. \"ratelimit:\" and \"inventory:\")."));
            }
        }
    }
}

void unusedInfrastructure(const Context &context, Report &report)
{
    for (const Node &node : context.topology().nodes) {
        if (node.kind != NodeKind::CacheRedis && node.kind != NodeKind::BusKafka)
            continue;
        if (!context.outgoing(node.id).isEmpty() || !context.incoming(node.id).isEmpty())
            continue;
        report.add({ node.id }, {},
            QCoreApplication::translate("Lint", "%1 is not connected to anything; the runtime would start it for nobody.")
                .arg(context.label(node.id)),
            node.kind == NodeKind::CacheRedis
                ? QCoreApplication::translate("Lint", "Connect the gateway or a service to it with a uses-cache edge, or delete it.")
                : QCoreApplication::translate("Lint", "Connect producers and consumers to it with publish/subscribe edges, or delete it."));
    }
}

} // namespace

QList<Rule> dataRules()
{
    return {
        { "shared-database", LintSeverity::Error, "A database owned by more than one service", sharedDatabase },
        { "foreign-database-access", LintSeverity::Error,
            "A service reaching a database by any edge but owns (another service's data)", foreignDatabaseAccess },
        { "database-without-owner", LintSeverity::Warning, "A database no service owns", databaseWithoutOwner },
        { "shared-cache-keyspace", LintSeverity::Warning, "Two cache users of one Redis whose key prefixes overlap",
            sharedCacheKeyspace },
        { "unused-infrastructure", LintSeverity::Warning, "A Redis or Kafka node with no edges", unusedInfrastructure },
    };
}

} // namespace Gatehouse::Lint
