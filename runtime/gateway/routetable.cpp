#include "routetable.h"

#include "http/headers.h"

#include <QSet>
#include <QVarLengthArray>
#include <algorithm>

namespace Gatehouse::Runtime {

namespace {

QStringList splitPath(const QString &path)
{
    // "/" has no segments; "/a/b" has two; a trailing slash makes an empty last segment, which
    // no parameter matches, so "/orders/" is not "/orders/{id}".
    QStringList parts = path.split(QLatin1Char('/'));
    if (!parts.isEmpty())
        parts.removeFirst();
    if (parts.size() == 1 && parts.first().isEmpty())
        parts.clear();
    return parts;
}

// The segments of a request path as views into it (same rules as splitPath): matching runs on
// every request, so it allocates nothing for paths of up to 16 segments.
using PathParts = QVarLengthArray<std::string_view, 16>;
PathParts splitRequestPath(std::string_view path)
{
    PathParts parts;
    const std::size_t firstSlash = path.find('/');
    if (firstSlash == std::string_view::npos)
        return parts; // like splitPath: what precedes the first '/' is never a segment
    path.remove_prefix(firstSlash + 1);
    if (path.empty())
        return parts;
    for (;;) {
        const std::size_t slash = path.find('/');
        parts.append(path.substr(0, slash));
        if (slash == std::string_view::npos)
            return parts;
        path.remove_prefix(slash + 1);
    }
}

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString joined(const PathParts &parts, qsizetype from)
{
    QString text;
    for (qsizetype i = from; i < parts.size(); ++i) {
        if (i > from)
            text += QLatin1Char('/');
        text += fromUtf8(parts[i]);
    }
    return text;
}

bool isValidParamName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

// Rank of a segment kind: higher is more specific.
int rank(GatewayRoute::SegmentKind kind)
{
    switch (kind) {
    case GatewayRoute::SegmentKind::Literal:
        return 2;
    case GatewayRoute::SegmentKind::Param:
        return 1;
    case GatewayRoute::SegmentKind::Rest:
        return 0;
    }
    return 0;
}

// True when `a` is a more specific match than `b` (see the header for the order).
bool moreSpecific(const GatewayRoute &a, const GatewayRoute &b)
{
    const qsizetype common = std::min(a.segments.size(), b.segments.size());
    for (qsizetype i = 0; i < common; ++i) {
        const int ra = rank(a.segments.at(i).kind);
        const int rb = rank(b.segments.at(i).kind);
        if (ra != rb)
            return ra > rb;
    }
    if (a.segments.size() != b.segments.size())
        return a.segments.size() > b.segments.size();
    const bool aExact = a.route.method != QLatin1String("*");
    const bool bExact = b.route.method != QLatin1String("*");
    return aExact && !bExact;
}

bool matchPath(const GatewayRoute &route, const PathParts &parts, QHash<QString, QString> *params)
{
    const auto &segs = route.segments;
    for (qsizetype i = 0; i < segs.size(); ++i) {
        const GatewayRoute::Segment &seg = segs.at(i);
        if (seg.kind == GatewayRoute::SegmentKind::Rest) {
            if (params && !seg.text.isEmpty())
                params->insert(seg.text, joined(parts, i));
            return true;
        }
        if (i >= parts.size())
            return false;
        const std::string_view part = parts[i];
        if (seg.kind == GatewayRoute::SegmentKind::Literal) {
            if (part != seg.utf8)
                return false;
        } else {
            if (part.empty())
                return false;
            if (params)
                params->insert(seg.text, fromUtf8(part));
        }
    }
    return segs.size() == parts.size();
}

} // namespace

RouteTable::RouteTable(QList<GatewayRoute> routes)
    : m_routes(std::move(routes))
{
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const GatewayRoute &route = m_routes.at(i);
        if (route.segments.isEmpty() || route.segments.first().kind != GatewayRoute::SegmentKind::Literal) {
            m_notByFirstSegment.push_back(i);
            continue;
        }
        const std::string &first = route.segments.first().utf8;
        auto bucket = std::lower_bound(m_byFirstSegment.begin(), m_byFirstSegment.end(), first,
            [](const auto &entry, const std::string &text) { return entry.first < text; });
        if (bucket == m_byFirstSegment.end() || bucket->first != first)
            bucket = m_byFirstSegment.insert(bucket, { first, {} });
        bucket->second.push_back(i);
    }
}

bool RouteTable::isAdminPath(const QString &pattern)
{
    return pattern == QLatin1String("/admin") || pattern.startsWith(QLatin1String("/admin/"));
}

std::optional<GatewayRoute> RouteTable::compile(
    const Route &route, const QString &edgeId, const QString &upstreamNodeId, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<GatewayRoute> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!route.path.startsWith(QLatin1Char('/')))
        return fail(QStringLiteral("path \"%1\" does not start with '/'").arg(route.path));
    if (route.method.isEmpty())
        return fail(QStringLiteral("route %1 has no method").arg(route.path));

    GatewayRoute compiled;
    compiled.route = route;
    compiled.route.method = route.method.toUpper();
    compiled.edgeId = edgeId;
    compiled.upstreamNodeId = upstreamNodeId;
    compiled.key = compiled.route.method + QLatin1Char(' ') + route.path;
    compiled.method = compiled.route.method.toStdString();
    const QStringList parts = splitPath(route.path);
    QSet<QString> names;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        GatewayRoute::Segment seg;
        const bool last = i == parts.size() - 1;
        if (part == QLatin1String("*")) {
            if (!last)
                return fail(QStringLiteral("path \"%1\": '*' must be the last segment").arg(route.path));
            seg.kind = GatewayRoute::SegmentKind::Rest;
        } else if (part.startsWith(QLatin1Char('{')) && part.endsWith(QLatin1Char('}'))) {
            QString name = part.mid(1, part.size() - 2);
            if (name.endsWith(QLatin1Char('*'))) {
                if (!last)
                    return fail(QStringLiteral("path \"%1\": {%2} must be the last segment").arg(route.path, name));
                name.chop(1);
                seg.kind = GatewayRoute::SegmentKind::Rest;
            } else {
                seg.kind = GatewayRoute::SegmentKind::Param;
            }
            if (!isValidParamName(name))
                return fail(QStringLiteral("path \"%1\": bad parameter name \"%2\"").arg(route.path, name));
            if (names.contains(name))
                return fail(QStringLiteral("path \"%1\": parameter \"%2\" appears twice").arg(route.path, name));
            names.insert(name);
            seg.text = name;
        } else {
            if (part.contains(QLatin1Char('{')) || part.contains(QLatin1Char('}')))
                return fail(QStringLiteral("path \"%1\": a parameter must be a whole segment").arg(route.path));
            seg.text = part;
        }
        seg.utf8 = seg.text.toStdString();
        compiled.segments.append(seg);
    }
    compiled.requiresAdmin = route.auth == AuthMode::Admin || isAdminPath(route.path);
    compiled.internalOnly = route.visibility == RouteVisibility::Internal || isAdminPath(route.path);
    return compiled;
}

std::shared_ptr<const RouteTable> RouteTable::fromTopology(
    const Topology &topology, const QString &gatewayId, QStringList *warnings)
{
    QList<GatewayRoute> routes;
    QSet<QString> seen;
    for (const Edge *edge : topology.outgoing(gatewayId, EdgeKind::Sync)) {
        for (const Route &route : edge->routes) {
            QString error;
            auto compiled = compile(route, edge->id, edge->target, &error);
            if (!compiled) {
                if (warnings)
                    warnings->append(QStringLiteral("edge %1: %2").arg(edge->id, error));
                continue;
            }
            // Two routes with the same method and the same shape would be ambiguous: keep the first.
            QString shape = compiled->route.method;
            for (const auto &seg : compiled->segments)
                shape += QLatin1Char('/')
                    + (seg.kind == GatewayRoute::SegmentKind::Literal      ? seg.text
                            : seg.kind == GatewayRoute::SegmentKind::Param ? QStringLiteral("{}")
                                                                           : QStringLiteral("*"));
            if (seen.contains(shape)) {
                if (warnings)
                    warnings->append(
                        QStringLiteral("edge %1: duplicate route %2 ignored").arg(edge->id, compiled->key));
                continue;
            }
            seen.insert(shape);
            routes.append(std::move(*compiled));
        }
    }
    return std::make_shared<const RouteTable>(std::move(routes));
}

RouteMatch RouteTable::match(std::string_view method, std::string_view path, Listener listener) const
{
    RouteMatch result;
    const PathParts parts = splitRequestPath(path);
    const GatewayRoute *best = nullptr;
    QStringList allowed;
    const auto consider = [&](const GatewayRoute &route) {
        if (route.internalOnly && listener != Listener::Internal)
            return;
        if (!matchPath(route, parts, nullptr))
            return;
        // Route methods are stored upper-case; the request's is compared without case.
        const bool methodOk = route.method == "*" || Http::Headers::equalsIgnoreCase(route.method, method);
        if (!methodOk) {
            if (!allowed.contains(route.route.method))
                allowed.append(route.route.method);
            return;
        }
        if (!best || moreSpecific(route, *best))
            best = &route;
    };
    // Only routes whose first segment is this path's first segment can match, besides those
    // that start with a parameter or a rest (or have no segment). The order routes are looked
    // at in does not change the outcome: the most specific one wins and `allowed` is sorted.
    if (!parts.isEmpty()) {
        const std::string_view first = parts.first();
        const auto bucket = std::lower_bound(m_byFirstSegment.begin(), m_byFirstSegment.end(), first,
            [](const auto &entry, std::string_view text) { return std::string_view(entry.first) < text; });
        if (bucket != m_byFirstSegment.end() && bucket->first == first) {
            for (const qsizetype index : bucket->second)
                consider(m_routes.at(index));
        }
    }
    for (const qsizetype index : m_notByFirstSegment)
        consider(m_routes.at(index));
    if (best) {
        result.route = best;
        matchPath(*best, parts, &result.params);
    } else {
        allowed.sort();
        result.allowedMethods = allowed;
    }
    return result;
}

} // namespace Gatehouse::Runtime
