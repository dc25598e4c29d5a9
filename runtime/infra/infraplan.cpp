#include "infraplan.h"

#include <QHash>
#include <QMap>
#include <algorithm>

namespace Gatehouse::Runtime {

QString InfraPlan::sqlIdentifier(const QString &text)
{
    QString id;
    for (const QChar c : text.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            id += c;
        else
            id += QLatin1Char('_');
    }
    if (id.isEmpty() || id.front().isDigit())
        id.prepend(QLatin1Char('_'));
    return id.left(63);
}

QString InfraPlan::roleForService(const QString &serviceId)
{
    return sqlIdentifier(QStringLiteral("svc_") + serviceId);
}

const InfraPlan::Database *InfraPlan::databaseOf(const QString &serviceId) const
{
    for (const Database &db : databases) {
        if (db.serviceId == serviceId)
            return &db;
    }
    return nullptr;
}

std::optional<InfraPlan> InfraPlan::fromTopology(const Topology &topology, QString *error)
{
    InfraPlan plan;
    QHash<QString, QString> ownerOfDbNode;
    QHash<QString, QString> nodeOfDatabase;
    for (const Edge &edge : topology.edges) {
        if (edge.kind != EdgeKind::Owns)
            continue;
        const Node *service = topology.node(edge.source);
        const Node *db = topology.node(edge.target);
        if (!service || !db || service->kind != NodeKind::Service || db->kind != NodeKind::DbPostgres)
            continue;
        if (plan.databaseOf(service->id)) {
            *error = QStringLiteral("The service %1 owns more than one database; give it one.").arg(service->id);
            return std::nullopt;
        }
        if (ownerOfDbNode.contains(db->id)) {
            *error = QStringLiteral("The database %1 is owned by two services (%2 and %3); each service needs its own.")
                         .arg(db->id, ownerOfDbNode.value(db->id), service->id);
            return std::nullopt;
        }
        ownerOfDbNode.insert(db->id, service->id);
        const QString database = sqlIdentifier(db->databaseName());
        if (nodeOfDatabase.contains(database)) {
            *error = QStringLiteral("The database nodes %1 and %2 both map to the database name %3; rename one.")
                         .arg(nodeOfDatabase.value(database), db->id, database);
            return std::nullopt;
        }
        nodeOfDatabase.insert(database, db->id);
        plan.databases << Database { service->id, db->id, database, roleForService(service->id) };
        if (db->port > 0) {
            if (plan.postgresPort > 0 && plan.postgresPort != db->port) {
                *error = QStringLiteral("The database nodes ask for different ports (%1 and %2); one PostgreSQL "
                                        "server serves them all, so give them the same port or 0.")
                             .arg(plan.postgresPort)
                             .arg(db->port);
                return std::nullopt;
            }
            plan.postgresPort = db->port;
        }
    }
    std::sort(plan.databases.begin(), plan.databases.end(),
        [](const Database &a, const Database &b) { return a.serviceId < b.serviceId; });
    plan.postgres = !plan.databases.isEmpty();

    for (const Node &node : topology.nodes) {
        if (node.kind == NodeKind::CacheRedis) {
            plan.redis = true;
            if (node.port > 0)
                plan.redisPort = node.port;
        } else if (node.kind == NodeKind::BusKafka) {
            plan.kafka = true;
        }
    }

    QMap<QString, Topic> topics;
    for (const Edge &edge : topology.edges) {
        if (edge.kind != EdgeKind::Publish && edge.kind != EdgeKind::Subscribe)
            continue;
        for (const Topic &topic : edge.topics) {
            if (topic.name.isEmpty())
                continue;
            Topic &entry = topics[topic.name];
            entry.name = topic.name;
            entry.partitions = std::max({ entry.partitions, topic.partitions, 1 });
            if (entry.key.isEmpty())
                entry.key = topic.key;
        }
    }
    plan.topics = topics.values();
    plan.kafka = plan.kafka || !plan.topics.isEmpty();
    return plan;
}

StackSecretSpec InfraPlan::secretSpec(const Topology &topology) const
{
    StackSecretSpec spec;
    spec.jwtSigningKey = true;
    spec.redisPassword = redis;
    for (const Database &db : databases)
        spec.postgresRoles << db.role;
    for (const Node &node : topology.nodes) {
        if (node.kind == NodeKind::ClientPartner)
            spec.partnerIds << node.id;
    }
    std::sort(spec.partnerIds.begin(), spec.partnerIds.end());
    return spec;
}

} // namespace Gatehouse::Runtime
