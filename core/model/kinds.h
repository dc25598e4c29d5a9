#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Gatehouse {

Q_NAMESPACE

// What a node is. The string forms ("client.web", …) are the file format's and draw.io's.
enum class NodeKind { ClientWeb, ClientMobile, ClientPartner, Gateway, Service, CacheRedis, BusKafka, DbPostgres };
Q_ENUM_NS(NodeKind)

// The behaviour of a service node. Generic services do what their edges say.
enum class ServiceRole { Generic, Auth, Order, Inventory, Payment, Notification };
Q_ENUM_NS(ServiceRole)

// What an edge means. Sync edges carry routes, publish/subscribe edges carry topics.
enum class EdgeKind { Sync, Publish, Subscribe, Owns, UsesCache };
Q_ENUM_NS(EdgeKind)

// The horizontal bands of the canvas, top to bottom.
enum class Lane { Clients, Gateway, Services, Data };
Q_ENUM_NS(Lane)

enum class RouteVisibility { Public, Internal };
Q_ENUM_NS(RouteVisibility)
enum class AuthMode { None, Jwt, ApiKey, Admin };
Q_ENUM_NS(AuthMode)

// What a caller does when its call fails or times out.
enum class FallbackMode {
    None,           // the error goes back to the caller
    StaticResponse, // answer with a fixed status and body
    Defer           // accept the work as pending and finish it asynchronously (via an event)
};
Q_ENUM_NS(FallbackMode)

// The file-format name of each value ("client.web", "uses-cache", …). Not "toString" on purpose:
// QTest finds toString() by ADL and expects it to return char*.
QString nameOf(NodeKind kind);
QString nameOf(ServiceRole role);
QString nameOf(EdgeKind kind);
QString nameOf(Lane lane);
QString nameOf(RouteVisibility visibility);
QString nameOf(AuthMode auth);
QString nameOf(FallbackMode mode);

std::optional<NodeKind> nodeKindFromString(const QString &text);
std::optional<ServiceRole> serviceRoleFromString(const QString &text);
std::optional<EdgeKind> edgeKindFromString(const QString &text);
std::optional<Lane> laneFromString(const QString &text);
std::optional<RouteVisibility> routeVisibilityFromString(const QString &text);
std::optional<AuthMode> authModeFromString(const QString &text);
std::optional<FallbackMode> fallbackModeFromString(const QString &text);

// Every valid string of each enum, in declaration order (for error messages and UI lists).
QStringList allNodeKindNames();
QStringList allServiceRoleNames();
QStringList allEdgeKindNames();
QStringList allLaneNames();

bool isClient(NodeKind kind);
// The lane a node of this kind starts in.
Lane defaultLane(NodeKind kind);
// A human-readable name of the kind ("Web app", "API gateway", …), untranslated.
QString displayName(NodeKind kind);
QString displayName(EdgeKind kind);

// Whether an edge of `kind` may go from a node of `from` to a node of `to`.
// When it may not, `reason` (if given) gets a sentence a user understands.
bool isEdgeAllowed(EdgeKind kind, NodeKind from, NodeKind to, QString *reason = nullptr);
// The edge kinds that fit between two node kinds, most likely first (empty: none fits).
QList<EdgeKind> edgeKindsBetween(NodeKind from, NodeKind to);

} // namespace Gatehouse
