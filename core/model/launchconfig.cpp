#include "launchconfig.h"

#include "projectfilereader.h"
#include "topologyjson.h"

#include <QJsonArray>

namespace Gatehouse {

namespace {

QJsonObject toJson(const Endpoint &e)
{
    return QJsonObject{{QStringLiteral("host"), e.host}, {QStringLiteral("port"), e.port}};
}

bool readEndpoint(const QJsonValue &value, Endpoint &endpoint)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    endpoint.host = o.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1"));
    const double port = o.value(QStringLiteral("port")).toDouble(-1);
    if (port < 0 || port > 65535 || port != static_cast<int>(port))
        return false;
    endpoint.port = static_cast<int>(port);
    return true;
}

QJsonObject toStringMap(const QHash<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

QJsonObject NodeLaunchConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), Version);
    o.insert(QStringLiteral("nodeId"), nodeId);
    o.insert(QStringLiteral("topology"), TopologyJson::toJson(topology));
    o.insert(QStringLiteral("publicListener"), Gatehouse::toJson(publicListener));
    o.insert(QStringLiteral("internalListener"), Gatehouse::toJson(internalListener));
    QJsonObject ups;
    for (auto it = upstreams.constBegin(); it != upstreams.constEnd(); ++it)
        ups.insert(it.key(), Gatehouse::toJson(it.value()));
    o.insert(QStringLiteral("upstreams"), ups);
    if (postgres) {
        o.insert(QStringLiteral("postgres"),
                 QJsonObject{{QStringLiteral("endpoint"), Gatehouse::toJson(postgres->endpoint)},
                             {QStringLiteral("database"), postgres->database},
                             {QStringLiteral("user"), postgres->user},
                             {QStringLiteral("password"), postgres->password}});
    }
    if (redis) {
        o.insert(QStringLiteral("redis"), QJsonObject{{QStringLiteral("endpoint"), Gatehouse::toJson(redis->endpoint)},
                                                      {QStringLiteral("password"), redis->password},
                                                      {QStringLiteral("database"), redis->database}});
    }
    if (kafka) {
        o.insert(QStringLiteral("kafka"), QJsonObject{{QStringLiteral("bootstrapServers"), kafka->bootstrapServers},
                                                      {QStringLiteral("saslMechanism"), kafka->saslMechanism},
                                                      {QStringLiteral("saslUser"), kafka->saslUser},
                                                      {QStringLiteral("saslPassword"), kafka->saslPassword}});
    }
    o.insert(QStringLiteral("telemetry"), Gatehouse::toJson(telemetry));
    o.insert(QStringLiteral("dataDir"), dataDir);
    o.insert(QStringLiteral("secrets"), toStringMap(secrets));
    return o;
}

std::optional<NodeLaunchConfig> NodeLaunchConfig::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<NodeLaunchConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (o.value(QStringLiteral("version")).toInt() != Version)
        return fail(QStringLiteral("launch config version %1 is not supported (expected %2)")
                        .arg(o.value(QStringLiteral("version")).toInt()).arg(Version));
    NodeLaunchConfig c;
    c.nodeId = o.value(QStringLiteral("nodeId")).toString();
    if (c.nodeId.isEmpty())
        return fail(QStringLiteral("launch config has no nodeId"));

    ProjectFileReader reader;
    LoadResult loaded = reader.read(o.value(QStringLiteral("topology")).toObject());
    if (!loaded.ok())
        return fail(QStringLiteral("launch config topology is invalid: %1").arg(loaded.problems.first().toString()));
    c.topology = loaded.topology;
    if (!c.topology.node(c.nodeId))
        return fail(QStringLiteral("node %1 is not in the topology").arg(c.nodeId));

    if (!readEndpoint(o.value(QStringLiteral("publicListener")), c.publicListener)
        || !readEndpoint(o.value(QStringLiteral("internalListener")), c.internalListener)
        || !readEndpoint(o.value(QStringLiteral("telemetry")), c.telemetry))
        return fail(QStringLiteral("launch config has an invalid listener or telemetry endpoint"));

    const QJsonObject ups = o.value(QStringLiteral("upstreams")).toObject();
    for (auto it = ups.constBegin(); it != ups.constEnd(); ++it) {
        Endpoint e;
        if (!readEndpoint(it.value(), e))
            return fail(QStringLiteral("launch config upstream %1 is invalid").arg(it.key()));
        c.upstreams.insert(it.key(), e);
    }
    if (o.contains(QStringLiteral("postgres"))) {
        const QJsonObject p = o.value(QStringLiteral("postgres")).toObject();
        PostgresAccess access;
        if (!readEndpoint(p.value(QStringLiteral("endpoint")), access.endpoint))
            return fail(QStringLiteral("launch config postgres endpoint is invalid"));
        access.database = p.value(QStringLiteral("database")).toString();
        access.user = p.value(QStringLiteral("user")).toString();
        access.password = p.value(QStringLiteral("password")).toString();
        c.postgres = access;
    }
    if (o.contains(QStringLiteral("redis"))) {
        const QJsonObject r = o.value(QStringLiteral("redis")).toObject();
        RedisAccess access;
        if (!readEndpoint(r.value(QStringLiteral("endpoint")), access.endpoint))
            return fail(QStringLiteral("launch config redis endpoint is invalid"));
        access.password = r.value(QStringLiteral("password")).toString();
        access.database = r.value(QStringLiteral("database")).toInt();
        c.redis = access;
    }
    if (o.contains(QStringLiteral("kafka"))) {
        const QJsonObject k = o.value(QStringLiteral("kafka")).toObject();
        KafkaAccess access;
        access.bootstrapServers = k.value(QStringLiteral("bootstrapServers")).toString();
        access.saslMechanism = k.value(QStringLiteral("saslMechanism")).toString();
        access.saslUser = k.value(QStringLiteral("saslUser")).toString();
        access.saslPassword = k.value(QStringLiteral("saslPassword")).toString();
        c.kafka = access;
    }
    c.dataDir = o.value(QStringLiteral("dataDir")).toString();
    const QJsonObject secrets = o.value(QStringLiteral("secrets")).toObject();
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
        c.secrets.insert(it.key(), it.value().toString());
    return c;
}

} // namespace Gatehouse
