#include "kinds.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Gatehouse {

namespace {

template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char *>, N>;

constexpr NameTable<NodeKind, 8> nodeKindNames{{
    {NodeKind::ClientWeb, "client.web"},
    {NodeKind::ClientMobile, "client.mobile"},
    {NodeKind::ClientPartner, "client.partner"},
    {NodeKind::Gateway, "gateway"},
    {NodeKind::Service, "service"},
    {NodeKind::CacheRedis, "cache.redis"},
    {NodeKind::BusKafka, "bus.kafka"},
    {NodeKind::DbPostgres, "db.postgres"},
}};

constexpr NameTable<ServiceRole, 6> roleNames{{
    {ServiceRole::Generic, "generic"},
    {ServiceRole::Auth, "auth"},
    {ServiceRole::Order, "order"},
    {ServiceRole::Inventory, "inventory"},
    {ServiceRole::Payment, "payment"},
    {ServiceRole::Notification, "notification"},
}};

constexpr NameTable<EdgeKind, 5> edgeKindNames{{
    {EdgeKind::Sync, "sync"},
    {EdgeKind::Publish, "publish"},
    {EdgeKind::Subscribe, "subscribe"},
    {EdgeKind::Owns, "owns"},
    {EdgeKind::UsesCache, "uses-cache"},
}};

constexpr NameTable<Lane, 4> laneNames{{
    {Lane::Clients, "clients"},
    {Lane::Gateway, "gateway"},
    {Lane::Services, "services"},
    {Lane::Data, "data"},
}};

constexpr NameTable<RouteVisibility, 2> visibilityNames{{
    {RouteVisibility::Public, "public"},
    {RouteVisibility::Internal, "internal"},
}};

constexpr NameTable<AuthMode, 4> authNames{{
    {AuthMode::None, "none"},
    {AuthMode::Jwt, "jwt"},
    {AuthMode::ApiKey, "api-key"},
    {AuthMode::Admin, "admin"},
}};

constexpr NameTable<FallbackMode, 3> fallbackNames{{
    {FallbackMode::None, "none"},
    {FallbackMode::StaticResponse, "static-response"},
    {FallbackMode::Defer, "defer"},
}};

template<typename Enum, std::size_t N>
QString lookupName(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> lookupValue(const NameTable<Enum, N> &table, const QString &text)
{
    for (const auto &[candidate, name] : table) {
        if (text == QLatin1String(name))
            return candidate;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QStringList lookupNames(const NameTable<Enum, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace

QString nameOf(NodeKind kind) { return lookupName(nodeKindNames, kind); }
QString nameOf(ServiceRole role) { return lookupName(roleNames, role); }
QString nameOf(EdgeKind kind) { return lookupName(edgeKindNames, kind); }
QString nameOf(Lane lane) { return lookupName(laneNames, lane); }
QString nameOf(RouteVisibility visibility) { return lookupName(visibilityNames, visibility); }
QString nameOf(AuthMode auth) { return lookupName(authNames, auth); }
QString nameOf(FallbackMode mode) { return lookupName(fallbackNames, mode); }

std::optional<NodeKind> nodeKindFromString(const QString &text) { return lookupValue(nodeKindNames, text); }
std::optional<ServiceRole> serviceRoleFromString(const QString &text) { return lookupValue(roleNames, text); }
std::optional<EdgeKind> edgeKindFromString(const QString &text) { return lookupValue(edgeKindNames, text); }
std::optional<Lane> laneFromString(const QString &text) { return lookupValue(laneNames, text); }
std::optional<RouteVisibility> routeVisibilityFromString(const QString &text) { return lookupValue(visibilityNames, text); }
std::optional<AuthMode> authModeFromString(const QString &text) { return lookupValue(authNames, text); }
std::optional<FallbackMode> fallbackModeFromString(const QString &text) { return lookupValue(fallbackNames, text); }

QStringList allNodeKindNames() { return lookupNames(nodeKindNames); }
QStringList allServiceRoleNames() { return lookupNames(roleNames); }
QStringList allEdgeKindNames() { return lookupNames(edgeKindNames); }
QStringList allLaneNames() { return lookupNames(laneNames); }

bool isClient(NodeKind kind)
{
    return kind == NodeKind::ClientWeb || kind == NodeKind::ClientMobile || kind == NodeKind::ClientPartner;
}

Lane defaultLane(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ClientWeb:
    case NodeKind::ClientMobile:
    case NodeKind::ClientPartner:
        return Lane::Clients;
    case NodeKind::Gateway:
        return Lane::Gateway;
    case NodeKind::Service:
        return Lane::Services;
    case NodeKind::CacheRedis:
    case NodeKind::BusKafka:
    case NodeKind::DbPostgres:
        return Lane::Data;
    }
    return Lane::Services;
}

QString displayName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ClientWeb: return QStringLiteral("Web app");
    case NodeKind::ClientMobile: return QStringLiteral("Mobile app");
    case NodeKind::ClientPartner: return QStringLiteral("Partner API client");
    case NodeKind::Gateway: return QStringLiteral("API gateway");
    case NodeKind::Service: return QStringLiteral("Service");
    case NodeKind::CacheRedis: return QStringLiteral("Redis cache");
    case NodeKind::BusKafka: return QStringLiteral("Kafka");
    case NodeKind::DbPostgres: return QStringLiteral("PostgreSQL database");
    }
    return {};
}

QString displayName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sync: return QCoreApplication::translate("Kinds", "Synchronous call");
    case EdgeKind::Publish: return QCoreApplication::translate("Kinds", "Publishes events");
    case EdgeKind::Subscribe: return QCoreApplication::translate("Kinds", "Consumes events");
    case EdgeKind::Owns: return QCoreApplication::translate("Kinds", "Owns database");
    case EdgeKind::UsesCache: return QCoreApplication::translate("Kinds", "Uses cache");
    }
    return {};
}

bool isEdgeAllowed(EdgeKind kind, NodeKind from, NodeKind to, QString *reason)
{
    // The reason is shown to the user (canvas, property editor, lint), so it is translated
    // when the app has installed a translator; tools without one get the English text.
    auto refuse = [reason](const char *why) {
        if (reason)
            *reason = QCoreApplication::translate("Kinds", why);
        return false;
    };
    const bool fromCaller = isClient(from) || from == NodeKind::Gateway || from == NodeKind::Service;
    switch (kind) {
    case EdgeKind::Sync:
        if (isClient(from) && to != NodeKind::Gateway)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Clients call the API gateway only; they never reach services or data stores directly."));
        if (!fromCaller)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Only clients, the gateway and services make synchronous calls."));
        if (to != NodeKind::Gateway && to != NodeKind::Service)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "A synchronous call goes to the gateway or to a service; data stores are reached through their own edge kinds."));
        if (from == NodeKind::Service && to == NodeKind::Gateway)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Services do not call back into the gateway; call the other service directly."));
        if (from == NodeKind::Gateway && to == NodeKind::Gateway)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "A gateway does not route to another gateway in this model."));
        return true;
    case EdgeKind::Publish:
        if (from != NodeKind::Service || to != NodeKind::BusKafka)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Events are published by a service to Kafka."));
        return true;
    case EdgeKind::Subscribe:
        if (from != NodeKind::BusKafka || to != NodeKind::Service)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Events are consumed from Kafka by a service."));
        return true;
    case EdgeKind::Owns:
        if (from != NodeKind::Service || to != NodeKind::DbPostgres)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Only a service owns a database."));
        return true;
    case EdgeKind::UsesCache:
        if (to != NodeKind::CacheRedis)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "A cache edge must end at a Redis cache."));
        if (from != NodeKind::Gateway && from != NodeKind::Service)
            return refuse(QT_TRANSLATE_NOOP("Kinds", "Only the gateway and services use the cache."));
        return true;
    }
    return refuse(QT_TRANSLATE_NOOP("Kinds", "Unknown edge kind."));
}

QList<EdgeKind> edgeKindsBetween(NodeKind from, NodeKind to)
{
    QList<EdgeKind> kinds;
    for (EdgeKind kind : {EdgeKind::Sync, EdgeKind::Publish, EdgeKind::Subscribe, EdgeKind::Owns, EdgeKind::UsesCache}) {
        if (isEdgeAllowed(kind, from, to))
            kinds.append(kind);
    }
    return kinds;
}

} // namespace Gatehouse
