#include "topologyjson.h"

#include "projectfile.h"

#include <QJsonArray>
#include <algorithm>

namespace Gatehouse::TopologyJson {

namespace {

QString key(const char *name) { return QString::fromLatin1(name); }

void putString(QJsonObject &object, const char *name, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key(name), value);
}

void putInt(QJsonObject &object, const char *name, int value, int defaultValue = 0)
{
    if (value != defaultValue)
        object.insert(key(name), value);
}

QJsonObject toJson(const Fallback &fallback)
{
    QJsonObject object;
    object.insert(QStringLiteral("mode"), nameOf(fallback.mode));
    putInt(object, "status", fallback.status);
    putString(object, "body", fallback.body);
    putString(object, "description", fallback.description);
    return object;
}

QJsonArray toJsonArray(const QList<QPointF> &points)
{
    QJsonArray array;
    for (const QPointF &p : points)
        array.append(QJsonArray{p.x(), p.y()});
    return array;
}

} // namespace

QJsonObject toJson(const Route &route)
{
    QJsonObject object;
    object.insert(QStringLiteral("method"), route.method);
    object.insert(QStringLiteral("path"), route.path);
    object.insert(QStringLiteral("visibility"), nameOf(route.visibility));
    object.insert(QStringLiteral("auth"), nameOf(route.auth));
    if (route.rateLimit.isSet()) {
        object.insert(QStringLiteral("rateLimit"),
                      QJsonObject{{QStringLiteral("requests"), route.rateLimit.requests},
                                  {QStringLiteral("windowSeconds"), route.rateLimit.windowSeconds}});
    }
    putInt(object, "timeoutMs", route.timeoutMs);
    putInt(object, "retries", route.retries);
    if (route.fallback.isSet())
        object.insert(QStringLiteral("fallback"), toJson(route.fallback));
    return object;
}

QJsonObject toJson(const CircuitBreakerSettings &settings)
{
    using S = CircuitBreakerSettings;
    QJsonObject object;
    if (!settings.enabled)
        object.insert(QStringLiteral("enabled"), false);
    putInt(object, "failureThreshold", settings.failureThreshold, S::DefaultFailureThreshold);
    putInt(object, "openMs", settings.openMs, S::DefaultOpenMs);
    putInt(object, "halfOpenProbes", settings.halfOpenProbes, S::DefaultHalfOpenProbes);
    return object;
}

QJsonObject toJson(const Topic &topic)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), topic.name);
    putInt(object, "partitions", topic.partitions, 1);
    putString(object, "key", topic.key);
    return object;
}

QJsonObject toJson(const RunSettings &settings)
{
    QJsonObject object;
    putString(object, "postgresDsn", settings.postgresDsn);
    putString(object, "redisUrl", settings.redisUrl);
    putString(object, "kafkaBootstrap", settings.kafkaBootstrap);
    putString(object, "kafkaSaslMechanism", settings.kafkaSaslMechanism);
    return object;
}

QJsonObject toJson(const Node &node)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), node.id);
    object.insert(QStringLiteral("kind"), nameOf(node.kind));
    if (node.kind == NodeKind::Service)
        object.insert(QStringLiteral("role"), nameOf(node.role));
    putString(object, "name", node.name);
    putString(object, "description", node.description);
    if (node.lane != defaultLane(node.kind))
        object.insert(QStringLiteral("lane"), nameOf(node.lane));
    object.insert(QStringLiteral("x"), node.position.x());
    object.insert(QStringLiteral("y"), node.position.y());
    object.insert(QStringLiteral("width"), node.size.width());
    object.insert(QStringLiteral("height"), node.size.height());
    putInt(object, "port", node.port);
    putInt(object, "z", node.z);
    if (!node.properties.isEmpty())
        object.insert(QStringLiteral("properties"), node.properties);
    return object;
}

QJsonObject toJson(const Edge &edge)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), edge.id);
    object.insert(QStringLiteral("kind"), nameOf(edge.kind));
    object.insert(QStringLiteral("source"), edge.source);
    object.insert(QStringLiteral("target"), edge.target);
    putString(object, "label", edge.label);
    if (!edge.routes.isEmpty()) {
        QJsonArray routes;
        for (const Route &route : edge.routes)
            routes.append(toJson(route));
        object.insert(QStringLiteral("routes"), routes);
    }
    if (!edge.topics.isEmpty()) {
        QJsonArray topics;
        for (const Topic &topic : edge.topics)
            topics.append(toJson(topic));
        object.insert(QStringLiteral("topics"), topics);
    }
    putString(object, "consumerGroup", edge.consumerGroup);
    putString(object, "keyPrefix", edge.keyPrefix);
    putInt(object, "timeoutMs", edge.timeoutMs);
    putInt(object, "retries", edge.retries);
    if (edge.fallback.isSet())
        object.insert(QStringLiteral("fallback"), toJson(edge.fallback));
    if (!edge.circuitBreaker.isDefault())
        object.insert(QStringLiteral("circuitBreaker"), toJson(edge.circuitBreaker));
    if (!edge.waypoints.isEmpty())
        object.insert(QStringLiteral("waypoints"), toJsonArray(edge.waypoints));
    if (!edge.properties.isEmpty())
        object.insert(QStringLiteral("properties"), edge.properties);
    return object;
}

QJsonObject toJson(const Topology &topology)
{
    Topology sorted = topology;
    sorted.sortById();

    QJsonObject object;
    object.insert(QStringLiteral("formatVersion"), ProjectFile::CurrentFormatVersion);
    putString(object, "name", sorted.name);
    putString(object, "description", sorted.description);
    const QJsonObject run = toJson(sorted.runSettings);
    if (!run.isEmpty())
        object.insert(QStringLiteral("runSettings"), run);
    QJsonArray nodes;
    for (const Node &node : sorted.nodes)
        nodes.append(toJson(node));
    object.insert(QStringLiteral("nodes"), nodes);
    QJsonArray edges;
    for (const Edge &edge : sorted.edges)
        edges.append(toJson(edge));
    object.insert(QStringLiteral("edges"), edges);
    return object;
}

} // namespace Gatehouse::TopologyJson
