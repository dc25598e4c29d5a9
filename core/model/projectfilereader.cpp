#include "projectfilereader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace Gatehouse {

namespace {

constexpr int MaxTextLength = 64 * 1024;
constexpr double MaxCoordinate = 1e7;
constexpr double MaxExtent = 1e5;
constexpr int MaxStackOrder = 1000000;

QString quoted(const QString &text) { return QLatin1Char('"') + text.left(80) + QLatin1Char('"'); }

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QCoreApplication::translate("ProjectFile", "a boolean");
    case QJsonValue::Double: return QCoreApplication::translate("ProjectFile", "a number");
    case QJsonValue::String: return QCoreApplication::translate("ProjectFile", "a string");
    case QJsonValue::Array: return QCoreApplication::translate("ProjectFile", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("ProjectFile", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("ProjectFile", "nothing");
}

// Whole numbers in full ("3600000", not "3.6e+06"), others as Qt writes them.
QString numberText(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(value, 'f', 0);
    return QString::number(value);
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace

// Reads typed fields of one object; every access marks the key as known so that the
// remaining keys can be reported as unknown (they would otherwise be lost on save).
class ProjectFileReader::Fields
{
public:
    Fields(ProjectFileReader &reader, const QJsonObject &object, const QString &path)
        : m_reader(reader), m_object(object), m_path(path) {}

    QString childPath(const char *name) const
    {
        return m_path.isEmpty() ? QString::fromLatin1(name) : m_path + QLatin1Char('.') + QLatin1String(name);
    }

    bool has(const char *name) const { return m_object.contains(QLatin1String(name)); }

    QJsonValue value(const char *name)
    {
        m_known.insert(QString::fromLatin1(name));
        return m_object.value(QLatin1String(name));
    }

    QString string(const char *name, bool required = false, const QString &fallback = {})
    {
        const QJsonValue v = value(name);
        if (v.isUndefined()) {
            if (required)
                m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "is missing; it is required here."));
            return fallback;
        }
        if (!v.isString()) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "must be a string, not %1.").arg(typeName(v)));
            return fallback;
        }
        const QString text = v.toString();
        if (text.size() > MaxTextLength) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "is %1 characters long; at most %2 are allowed.")
                                                  .arg(text.size()).arg(MaxTextLength));
            return text.left(MaxTextLength);
        }
        return text;
    }

    double number(const char *name, double minimum, double maximum, double fallback, bool required = false)
    {
        const QJsonValue v = value(name);
        if (v.isUndefined()) {
            if (required)
                m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "is missing; it is required here."));
            return fallback;
        }
        if (!v.isDouble()) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "must be a number, not %1.").arg(typeName(v)));
            return fallback;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < minimum || d > maximum) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "is %1; it must be between %2 and %3.")
                                                  .arg(numberText(d), numberText(minimum), numberText(maximum)));
            return fallback;
        }
        return d;
    }

    int integer(const char *name, int minimum, int maximum, int fallback, bool required = false)
    {
        const QJsonValue v = value(name);
        const double d = number(name, minimum, maximum, fallback, required);
        if (v.isDouble() && d != std::floor(d)) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "must be a whole number, not %1.").arg(d));
            return fallback;
        }
        return static_cast<int>(d);
    }

    bool boolean(const char *name, bool fallback)
    {
        const QJsonValue v = value(name);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "must be true or false, not %1.").arg(typeName(v)));
            return fallback;
        }
        return v.toBool();
    }

    template<typename Enum>
    Enum enumeration(const char *name, std::optional<Enum> (*parse)(const QString &), const QStringList &allowed,
                     Enum fallback, bool required = false)
    {
        const QString text = string(name, required);
        if (text.isEmpty())
            return fallback;
        if (const std::optional<Enum> parsed = parse(text))
            return *parsed;
        m_reader.problem(childPath(name), QCoreApplication::translate("ProjectFile", "%1 is not known; expected one of: %2.")
                                              .arg(quoted(text), allowed.join(QStringLiteral(", "))));
        return fallback;
    }

    // Reports keys nobody asked for. Call after all reads.
    void reportUnknownKeys()
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_known.contains(it.key())) {
                const QString path = m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key();
                m_reader.problem(path, QCoreApplication::translate("ProjectFile", "is not a field Gatehouse knows; remove it or check its spelling."));
            }
        }
    }

private:
    ProjectFileReader &m_reader;
    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_known;
};

void ProjectFileReader::problem(const QString &path, const QString &message)
{
    m_problems.append({path, message});
}

LoadResult ProjectFileReader::read(const QJsonObject &root)
{
    m_problems.clear();
    m_ids.clear();
    LoadResult result;
    Fields fields(*this, root, QString());

    const QJsonValue version = fields.value("formatVersion");
    if (version.isUndefined()) {
        problem(QStringLiteral("formatVersion"), QCoreApplication::translate("ProjectFile", "is missing: this does not look like a Gatehouse project file."));
        result.problems = m_problems;
        return result;
    }
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1) {
        problem(QStringLiteral("formatVersion"), QCoreApplication::translate("ProjectFile", "must be a whole number of 1 or more."));
        result.problems = m_problems;
        return result;
    }
    if (version.toDouble() > ProjectFile::CurrentFormatVersion) {
        problem(QStringLiteral("formatVersion"),
                QCoreApplication::translate("ProjectFile", "is %1: the file was written by a newer Gatehouse. This version reads format %2; "
                               "update Gatehouse to open it.")
                    .arg(version.toDouble()).arg(ProjectFile::CurrentFormatVersion));
        result.problems = m_problems;
        return result;
    }

    Topology &topology = result.topology;
    topology.name = fields.string("name");
    topology.description = fields.string("description");
    if (fields.has("runSettings"))
        readRunSettings(fields.value("runSettings"), QStringLiteral("runSettings"), topology.runSettings);

    const QJsonValue nodes = fields.value("nodes");
    if (nodes.isUndefined()) {
        problem(QStringLiteral("nodes"), QCoreApplication::translate("ProjectFile", "is missing; a project lists its nodes (an empty list is fine)."));
    } else if (!nodes.isArray()) {
        problem(QStringLiteral("nodes"), QCoreApplication::translate("ProjectFile", "must be an array, not %1.").arg(typeName(nodes)));
    } else {
        const QJsonArray array = nodes.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            Node node;
            readNode(array.at(i), indexPath(QStringLiteral("nodes"), i), node);
            topology.nodes.append(node);
        }
    }

    const QJsonValue edges = fields.value("edges");
    if (edges.isUndefined()) {
        problem(QStringLiteral("edges"), QCoreApplication::translate("ProjectFile", "is missing; a project lists its edges (an empty list is fine)."));
    } else if (!edges.isArray()) {
        problem(QStringLiteral("edges"), QCoreApplication::translate("ProjectFile", "must be an array, not %1.").arg(typeName(edges)));
    } else {
        const QJsonArray array = edges.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            Edge edge;
            readEdge(array.at(i), indexPath(QStringLiteral("edges"), i), edge);
            topology.edges.append(edge);
        }
    }
    fields.reportUnknownKeys();
    checkEdgeEnds(topology);

    result.problems = m_problems;
    if (result.problems.isEmpty())
        topology.sortById();
    else
        result.topology = Topology();
    return result;
}

void ProjectFileReader::readRunSettings(const QJsonValue &value, const QString &path, RunSettings &settings)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    settings.postgresDsn = fields.string("postgresDsn");
    settings.redisUrl = fields.string("redisUrl");
    settings.kafkaBootstrap = fields.string("kafkaBootstrap");
    settings.kafkaSaslMechanism = fields.string("kafkaSaslMechanism");
    fields.reportUnknownKeys();

    static const QRegularExpression passwordInDsn(QStringLiteral("(^|\\s)password\\s*="),
                                                  QRegularExpression::CaseInsensitiveOption);
    if (passwordInDsn.match(settings.postgresDsn).hasMatch())
        problem(path + QStringLiteral(".postgresDsn"),
                QCoreApplication::translate("ProjectFile", "contains a password. Secrets belong in the keychain (Settings → Infrastructure), never in the project file."));
    static const QRegularExpression passwordInUrl(QStringLiteral("^[a-z]+://[^/@]*:[^/@]*@"));
    if (passwordInUrl.match(settings.redisUrl).hasMatch())
        problem(path + QStringLiteral(".redisUrl"),
                QCoreApplication::translate("ProjectFile", "contains a password. Secrets belong in the keychain (Settings → Infrastructure), never in the project file."));
    const QStringList mechanisms{QString(), QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-512")};
    if (!mechanisms.contains(settings.kafkaSaslMechanism))
        problem(path + QStringLiteral(".kafkaSaslMechanism"),
                QCoreApplication::translate("ProjectFile", "%1 is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.").arg(quoted(settings.kafkaSaslMechanism)));
}

void ProjectFileReader::checkId(const QString &id, const QString &path)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    if (id.isEmpty())
        return; // "missing" was already reported
    if (!valid.match(id).hasMatch()) {
        problem(path, QCoreApplication::translate("ProjectFile", "%1 is not a valid id; use 1 to 128 letters, digits, '_', '.' or '-'.").arg(quoted(id)));
        return;
    }
    if (m_ids.contains(id)) {
        problem(path, QCoreApplication::translate("ProjectFile", "%1 is used twice; every node and edge needs its own id.").arg(quoted(id)));
        return;
    }
    m_ids.insert(id);
}

void ProjectFileReader::readNode(const QJsonValue &value, const QString &path, Node &node)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    node.id = fields.string("id", true);
    checkId(node.id, fields.childPath("id"));
    node.kind = fields.enumeration("kind", &nodeKindFromString, allNodeKindNames(), NodeKind::Service, true);
    if (fields.has("role")) {
        node.role = fields.enumeration("role", &serviceRoleFromString, allServiceRoleNames(), ServiceRole::Generic);
        if (node.kind != NodeKind::Service)
            problem(fields.childPath("role"), QCoreApplication::translate("ProjectFile", "applies to services only; this node is a %1.").arg(nameOf(node.kind)));
    }
    node.name = fields.string("name");
    node.description = fields.string("description");
    node.lane = fields.enumeration("lane", &laneFromString, allLaneNames(), defaultLane(node.kind));
    node.position.setX(fields.number("x", -MaxCoordinate, MaxCoordinate, 0));
    node.position.setY(fields.number("y", -MaxCoordinate, MaxCoordinate, 0));
    node.size.setWidth(fields.number("width", 1, MaxExtent, node.size.width()));
    node.size.setHeight(fields.number("height", 1, MaxExtent, node.size.height()));
    node.port = fields.integer("port", 0, 65535, 0);
    node.z = fields.integer("z", -MaxStackOrder, MaxStackOrder, 0);
    if (fields.has("properties"))
        readProperties(fields.value("properties"), fields.childPath("properties"), node.properties);
    fields.reportUnknownKeys();
}

void ProjectFileReader::readProperties(const QJsonValue &value, const QString &path, QJsonObject &properties)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString childPath = path + QLatin1Char('.') + it.key();
        if (v.isObject() || v.isArray() || v.isNull()) {
            problem(childPath, QCoreApplication::translate("ProjectFile", "must be a string, a number or a boolean, not %1.").arg(typeName(v)));
            continue;
        }
        if (v.isString() && v.toString().size() > MaxTextLength) {
            problem(childPath, QCoreApplication::translate("ProjectFile", "is longer than %1 characters.").arg(MaxTextLength));
            continue;
        }
        if (v.isDouble() && !std::isfinite(v.toDouble())) {
            problem(childPath, QCoreApplication::translate("ProjectFile", "must be a finite number."));
            continue;
        }
        properties.insert(it.key(), v);
    }
}

void ProjectFileReader::readPoint(const QJsonValue &value, const QString &path, QPointF &point)
{
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be a pair of numbers [x, y]."));
        return;
    }
    const double x = pair.at(0).toDouble();
    const double y = pair.at(1).toDouble();
    if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > MaxCoordinate || std::abs(y) > MaxCoordinate) {
        problem(path, QCoreApplication::translate("ProjectFile", "is outside the canvas (coordinates must be within ±%1).").arg(MaxCoordinate));
        return;
    }
    point = QPointF(x, y);
}

void ProjectFileReader::readFallback(const QJsonValue &value, const QString &path, Fallback &fallback)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    fallback.mode = fields.enumeration("mode", &fallbackModeFromString,
                                       {QStringLiteral("none"), QStringLiteral("static-response"), QStringLiteral("defer")},
                                       FallbackMode::None, true);
    fallback.status = fields.integer("status", 0, 599, 0);
    fallback.body = fields.string("body");
    fallback.description = fields.string("description");
    fields.reportUnknownKeys();
    if (fallback.mode == FallbackMode::StaticResponse && (fallback.status < 100 || fallback.status > 599))
        problem(path + QStringLiteral(".status"), QCoreApplication::translate("ProjectFile", "a static-response fallback needs an HTTP status between 100 and 599."));
}

void ProjectFileReader::readCircuitBreaker(const QJsonValue &value, const QString &path, CircuitBreakerSettings &settings)
{
    using S = CircuitBreakerSettings;
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    settings.enabled = fields.boolean("enabled", true);
    settings.failureThreshold = fields.integer("failureThreshold", S::MinFailureThreshold, S::MaxFailureThreshold,
                                               S::DefaultFailureThreshold);
    settings.openMs = fields.integer("openMs", S::MinOpenMs, S::MaxOpenMs, S::DefaultOpenMs);
    settings.halfOpenProbes = fields.integer("halfOpenProbes", S::MinHalfOpenProbes, S::MaxHalfOpenProbes,
                                             S::DefaultHalfOpenProbes);
    fields.reportUnknownKeys();
}

void ProjectFileReader::readRoute(const QJsonValue &value, const QString &path, Route &route)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    static const QStringList methods{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                     QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                     QStringLiteral("OPTIONS"), QStringLiteral("*")};
    route.method = fields.string("method", true, QStringLiteral("GET"));
    if (!methods.contains(route.method))
        problem(fields.childPath("method"), QCoreApplication::translate("ProjectFile", "%1 is not an HTTP method Gatehouse routes; use one of: %2.")
                                                .arg(quoted(route.method), methods.join(QStringLiteral(", "))));
    route.path = fields.string("path", true);
    if (!route.path.isEmpty() && !route.path.startsWith(QLatin1Char('/')))
        problem(fields.childPath("path"), QCoreApplication::translate("ProjectFile", "%1 must start with '/'.").arg(quoted(route.path)));
    route.visibility = fields.enumeration("visibility", &routeVisibilityFromString,
                                          {QStringLiteral("public"), QStringLiteral("internal")}, RouteVisibility::Public);
    route.auth = fields.enumeration("auth", &authModeFromString,
                                    {QStringLiteral("none"), QStringLiteral("jwt"), QStringLiteral("api-key"), QStringLiteral("admin")},
                                    AuthMode::Jwt);
    if (fields.has("rateLimit")) {
        const QJsonValue limit = fields.value("rateLimit");
        const QString limitPath = fields.childPath("rateLimit");
        if (!limit.isObject()) {
            problem(limitPath, QCoreApplication::translate("ProjectFile", "must be an object with requests and windowSeconds."));
        } else {
            Fields limitFields(*this, limit.toObject(), limitPath);
            route.rateLimit.requests = limitFields.integer("requests", 1, 1000000000, 0, true);
            route.rateLimit.windowSeconds = limitFields.integer("windowSeconds", 1, 86400, 0, true);
            limitFields.reportUnknownKeys();
        }
    }
    route.timeoutMs = fields.integer("timeoutMs", 0, 3600000, 0);
    route.retries = fields.integer("retries", 0, 10, 0);
    if (fields.has("fallback"))
        readFallback(fields.value("fallback"), fields.childPath("fallback"), route.fallback);
    fields.reportUnknownKeys();
}

void ProjectFileReader::readTopic(const QJsonValue &value, const QString &path, Topic &topic)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    topic.name = fields.string("name", true);
    static const QRegularExpression validTopic(QStringLiteral("^[A-Za-z0-9._-]{1,249}$"));
    if (!topic.name.isEmpty() && !validTopic.match(topic.name).hasMatch())
        problem(fields.childPath("name"), QCoreApplication::translate("ProjectFile", "%1 is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249).")
                                              .arg(quoted(topic.name)));
    topic.partitions = fields.integer("partitions", 1, 1024, 1);
    topic.key = fields.string("key");
    fields.reportUnknownKeys();
}

void ProjectFileReader::readEdge(const QJsonValue &value, const QString &path, Edge &edge)
{
    if (!value.isObject()) {
        problem(path, QCoreApplication::translate("ProjectFile", "must be an object, not %1.").arg(typeName(value)));
        return;
    }
    Fields fields(*this, value.toObject(), path);
    edge.id = fields.string("id", true);
    checkId(edge.id, fields.childPath("id"));
    edge.kind = fields.enumeration("kind", &edgeKindFromString, allEdgeKindNames(), EdgeKind::Sync, true);
    edge.source = fields.string("source", true);
    edge.target = fields.string("target", true);
    edge.label = fields.string("label");

    auto readArray = [&](const char *name, auto readItem, auto &list) {
        if (!fields.has(name))
            return;
        const QJsonValue v = fields.value(name);
        if (!v.isArray()) {
            problem(fields.childPath(name), QCoreApplication::translate("ProjectFile", "must be an array, not %1.").arg(typeName(v)));
            return;
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            typename std::remove_reference_t<decltype(list)>::value_type item;
            readItem(array.at(i), indexPath(fields.childPath(name), i), item);
            list.append(item);
        }
    };
    readArray("routes", [this](const QJsonValue &v, const QString &p, Route &r) { readRoute(v, p, r); }, edge.routes);
    readArray("topics", [this](const QJsonValue &v, const QString &p, Topic &t) { readTopic(v, p, t); }, edge.topics);
    readArray("waypoints", [this](const QJsonValue &v, const QString &p, QPointF &pt) { readPoint(v, p, pt); }, edge.waypoints);

    edge.consumerGroup = fields.string("consumerGroup");
    edge.keyPrefix = fields.string("keyPrefix");
    edge.timeoutMs = fields.integer("timeoutMs", 0, 3600000, 0);
    edge.retries = fields.integer("retries", 0, 10, 0);
    if (fields.has("fallback"))
        readFallback(fields.value("fallback"), fields.childPath("fallback"), edge.fallback);
    if (fields.has("circuitBreaker"))
        readCircuitBreaker(fields.value("circuitBreaker"), fields.childPath("circuitBreaker"), edge.circuitBreaker);
    if (fields.has("properties"))
        readProperties(fields.value("properties"), fields.childPath("properties"), edge.properties);
    fields.reportUnknownKeys();

    if (!edge.routes.isEmpty() && edge.kind != EdgeKind::Sync)
        problem(fields.childPath("routes"), QCoreApplication::translate("ProjectFile", "only sync edges carry routes; this edge is %1.").arg(nameOf(edge.kind)));
    if (!edge.topics.isEmpty() && edge.kind != EdgeKind::Publish && edge.kind != EdgeKind::Subscribe)
        problem(fields.childPath("topics"), QCoreApplication::translate("ProjectFile", "only publish and subscribe edges carry topics; this edge is %1.").arg(nameOf(edge.kind)));
    if (fields.has("circuitBreaker") && edge.kind != EdgeKind::Sync)
        problem(fields.childPath("circuitBreaker"),
                QCoreApplication::translate("ProjectFile", "only sync edges carry a circuit breaker (the gateway's, per upstream); this edge is %1.")
                    .arg(nameOf(edge.kind)));
}

void ProjectFileReader::checkEdgeEnds(const Topology &topology)
{
    QSet<QString> nodeIds;
    for (const Node &node : topology.nodes)
        nodeIds.insert(node.id);
    for (qsizetype i = 0; i < topology.edges.size(); ++i) {
        const Edge &edge = topology.edges[i];
        const QString path = indexPath(QStringLiteral("edges"), i);
        if (!edge.source.isEmpty() && !nodeIds.contains(edge.source))
            problem(path + QStringLiteral(".source"), QCoreApplication::translate("ProjectFile", "names node %1, which does not exist.").arg(quoted(edge.source)));
        if (!edge.target.isEmpty() && !nodeIds.contains(edge.target))
            problem(path + QStringLiteral(".target"), QCoreApplication::translate("ProjectFile", "names node %1, which does not exist.").arg(quoted(edge.target)));
    }
}

} // namespace Gatehouse
