#pragma once

#include "model/route.h"
#include "model/topology.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Gatehouse::Runtime {

// Which listener a request arrived on. Internal routes and the admin API answer only on Internal.
enum class Listener { Public, Internal };

// One route the gateway serves, compiled for matching. Immutable once in a RouteTable.
struct GatewayRoute
{
    enum class SegmentKind { Literal, Param, Rest };
    struct Segment
    {
        SegmentKind kind = SegmentKind::Literal;
        QString text; // literal text, or the parameter name
        std::string utf8; // `text` as UTF-8: literals are compared with the request's bytes
    };

    Route route;
    QString edgeId; // the gateway → service edge that carries it
    QString upstreamNodeId; // the service it forwards to
    QString key; // "GET /orders/{id}": stable name in logs, metrics, rate-limit keys
    std::string method; // route.method (upper case) as bytes, "*" for any
    bool internalOnly = false; // internal visibility, or an /admin path
    bool requiresAdmin = false; // auth admin, or an /admin path
    QList<Segment> segments;
};

// The outcome of matching one request.
struct RouteMatch
{
    const GatewayRoute *route = nullptr; // null: no route (404) or wrong method (405)
    QHash<QString, QString> params; // {name} → raw (still percent-encoded) segment
    QStringList allowedMethods; // when the path matched but the method did not (405)

    bool found() const { return route != nullptr; }
    bool methodNotAllowed() const { return !route && !allowedMethods.isEmpty(); }
};

// An immutable snapshot of the gateway's routes (from the `routes` of every sync edge gateway →
// service). Matching rules (docs/gateway.md "Routing"):
//  - patterns match the whole path, segment by segment; "{name}" matches one non-empty segment,
//    a final "{name*}" or "*" matches the rest (zero or more segments);
//  - among the routes that match, the longest literal match wins: compared segment by segment,
//    a literal beats a parameter beats a rest; then the pattern with more segments; then an
//    exact method beats "*";
//  - routes not visible on the listener are ignored entirely, so an internal route on the public
//    listener looks exactly like a missing one.
// Shared between I/O threads through std::shared_ptr<const RouteTable>; reload swaps the pointer.
class RouteTable
{
public:
    RouteTable() = default;
    explicit RouteTable(QList<GatewayRoute> routes);

    // Builds the table of gateway `gatewayId`. Problems (a duplicate method + path, a pattern that
    // does not start with '/', an unnamed parameter) skip the route and add a line to `warnings`.
    static std::shared_ptr<const RouteTable> fromTopology(
        const Topology &topology, const QString &gatewayId, QStringList *warnings = nullptr);

    // Compiles one route; nullopt and `error` when the pattern is malformed.
    static std::optional<GatewayRoute> compile(
        const Route &route, const QString &edgeId, const QString &upstreamNodeId, QString *error = nullptr);

    // `path` is the request target without the query string, as the request's bytes (UTF-8).
    // Allocates nothing unless the match has parameters or the method is not allowed (it runs
    // on every request, so it compares bytes and never converts the path to a QString).
    RouteMatch match(std::string_view method, std::string_view path, Listener listener) const;

    const QList<GatewayRoute> &routes() const { return m_routes; }

    // True for "/admin" and every path below it: the admin API and admin-only routes.
    static bool isAdminPath(const QString &pattern);

private:
    QList<GatewayRoute> m_routes;
    // An index for match(): the routes whose pattern starts with a literal segment, by that
    // segment (sorted by it), and the others. Positions in m_routes, so copies stay valid.
    std::vector<std::pair<std::string, std::vector<qsizetype>>> m_byFirstSegment;
    std::vector<qsizetype> m_notByFirstSegment;
};

} // namespace Gatehouse::Runtime
