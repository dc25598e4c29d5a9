#pragma once

#include "topology.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Gatehouse {

// Where a node finds one upstream (another node's listener).
struct Endpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;

    bool isSet() const { return port > 0; }
    bool operator==(const Endpoint &) const = default;
};

struct PostgresAccess
{
    Endpoint endpoint;
    QString database;
    QString user;
    QString password; // secret: only ever travels over the child's stdin pipe

    bool operator==(const PostgresAccess &) const = default;
};

struct RedisAccess
{
    Endpoint endpoint;
    QString password; // secret
    int database = 0;

    bool operator==(const RedisAccess &) const = default;
};

struct KafkaAccess
{
    QString bootstrapServers; // "host:port,host:port"
    QString saslMechanism;    // "" for none
    QString saslUser;
    QString saslPassword; // secret

    bool operator==(const KafkaAccess &) const = default;
};

// Everything one node process (`gatehouse-runtime node`) needs to run: the supervisor writes
// it as one JSON document to the child's stdin and closes the pipe. Secrets travel only this
// way — never on a command line, in the environment or in a log.
struct NodeLaunchConfig
{
    static constexpr int Version = 1;

    QString nodeId;
    Topology topology;             // the whole diagram, so a node can read its edges and routes
    Endpoint publicListener;       // where this node serves (services: their only listener)
    Endpoint internalListener;     // gateway: internal listener (admin API, internal routes, /metrics)
    QHash<QString, Endpoint> upstreams; // node id → where that node serves (sync targets)
    std::optional<PostgresAccess> postgres; // the node's own database, if it owns one
    std::optional<RedisAccess> redis;
    std::optional<KafkaAccess> kafka;
    Endpoint telemetry;            // supervisor's telemetry intake (spans, metrics, logs)
    QString dataDir;               // per-node folder for logs and state
    QHash<QString, QString> secrets; // e.g. "jwt.signingKey", "partner.<id>.apiKey"

    QJsonObject toJson() const;
    // Returns nullopt and sets `error` when the document is not a valid launch config.
    static std::optional<NodeLaunchConfig> fromJson(const QJsonObject &object, QString *error);

    bool operator==(const NodeLaunchConfig &) const = default;
};

} // namespace Gatehouse
