#pragma once

#include "model/topic.h"
#include "model/topology.h"
#include "secrets/stacksecrets.h"

#include <QList>
#include <QString>
#include <optional>

namespace Gatehouse::Runtime {

// What infrastructure a topology needs, derived once from the diagram:
//  - one PostgreSQL database + one login role per service that owns a db.postgres node
//    (owns edge service → db); a database owned by two services is refused (lint flags it too);
//  - Redis when a cache.redis node exists;
//  - Kafka when a bus.kafka node exists or any publish/subscribe edge names topics; each topic
//    once, with the largest partition count any edge gives it.
// Fixed ports come from the infra nodes' `port` (0 = the runtime picks one).
struct InfraPlan
{
    struct Database
    {
        QString serviceId; // the owning service node
        QString dbNodeId; // the db.postgres node
        QString database; // SQL identifier, e.g. "order_db"
        QString role; // SQL identifier, e.g. "svc_order"

        bool operator==(const Database &) const = default;
    };

    QList<Database> databases;
    bool postgres = false;
    int postgresPort = 0;

    bool redis = false;
    int redisPort = 0;

    bool kafka = false;
    QList<Topic> topics; // sorted by name

    // Returns nullopt and sets `error` when the topology cannot be provisioned.
    static std::optional<InfraPlan> fromTopology(const Topology &topology, QString *error);

    // A lowercase SQL identifier [a-z0-9_] from a node id or name (max 63 bytes).
    static QString sqlIdentifier(const QString &text);
    static QString roleForService(const QString &serviceId);

    const Database *databaseOf(const QString &serviceId) const;

    // The generated secrets this stack needs (role passwords, Redis password, JWT key, one API
    // key per client.partner node).
    StackSecretSpec secretSpec(const Topology &topology) const;
};

} // namespace Gatehouse::Runtime
