#include "routetablemodel.h"

#include "document/document.h"

#include <QRegularExpression>

namespace Gatehouse {

namespace {

QString visibilityText(RouteVisibility visibility)
{
    return visibility == RouteVisibility::Public ? RouteTableModel::tr("public") : RouteTableModel::tr("internal");
}

QString authText(AuthMode auth)
{
    switch (auth) {
    case AuthMode::None:
        return RouteTableModel::tr("none");
    case AuthMode::Jwt:
        return RouteTableModel::tr("JWT");
    case AuthMode::ApiKey:
        return RouteTableModel::tr("API key");
    case AuthMode::Admin:
        return RouteTableModel::tr("admin");
    }
    return {};
}

QString fallbackText(const Fallback &fallback)
{
    switch (fallback.mode) {
    case FallbackMode::None:
        return RouteTableModel::tr("none");
    case FallbackMode::StaticResponse:
        return RouteTableModel::tr("static %1").arg(fallback.status);
    case FallbackMode::Defer:
        return RouteTableModel::tr("defer");
    }
    return {};
}

const RouteVisibility allVisibilities[] = { RouteVisibility::Public, RouteVisibility::Internal };
const AuthMode allAuthModes[] = { AuthMode::None, AuthMode::Jwt, AuthMode::ApiKey, AuthMode::Admin };

} // namespace

RouteTableModel::RouteTableModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
}

void RouteTableModel::setEdge(const QString &edgeId)
{
    beginResetModel();
    m_edgeId = edgeId;
    m_routes = currentRoutes();
    endResetModel();
}

void RouteTableModel::reload()
{
    const QList<Route> routes = currentRoutes();
    if (routes.size() != m_routes.size()) {
        beginResetModel();
        m_routes = routes;
        endResetModel();
        return;
    }
    m_routes = routes;
    if (!m_routes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_routes.size()) - 1, ColumnCount - 1));
}

QList<Route> RouteTableModel::currentRoutes() const
{
    const Edge *edge = m_document && !m_edgeId.isEmpty() ? m_document->edge(m_edgeId) : nullptr;
    return edge ? edge->routes : QList<Route>();
}

QStringList RouteTableModel::methods()
{
    return { QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS"), QStringLiteral("*") };
}

QString RouteTableModel::columnText(const Route &route, int column)
{
    switch (column) {
    case Method:
        return route.method;
    case Path:
        return route.path;
    case Visibility:
        return visibilityText(route.visibility);
    case Auth:
        return authText(route.auth);
    case RateLimit:
        return route.rateLimit.isSet() ? tr("%1/%2s").arg(route.rateLimit.requests).arg(route.rateLimit.windowSeconds)
                                       : QString();
    case Timeout:
        return route.timeoutMs > 0 ? QString::number(route.timeoutMs) : QString();
    case Retries:
        return QString::number(route.retries);
    case Fallback:
        return fallbackText(route.fallback);
    default:
        return {};
    }
}

std::optional<QString> RouteTableModel::applyText(Route &route, int column, const QString &input)
{
    const QString text = input.trimmed();
    switch (column) {
    case Method: {
        const QString method = text.toUpper();
        if (!methods().contains(method))
            return tr("“%1” is not an HTTP method. Use one of %2.").arg(text, methods().join(QStringLiteral(", ")));
        route.method = method;
        return std::nullopt;
    }
    case Path: {
        static const QRegularExpression valid(QStringLiteral("^/[A-Za-z0-9._~!$&'()*+,;=:@%/{}-]*$"));
        if (!valid.match(text).hasMatch())
            return tr("A path starts with “/” and has no spaces, e.g. /orders/{id}.");
        if (text.count(QLatin1Char('{')) != text.count(QLatin1Char('}')))
            return tr("The path “%1” has unbalanced braces.").arg(text);
        route.path = text;
        return std::nullopt;
    }
    case Visibility:
        for (RouteVisibility v : allVisibilities) {
            if (text == visibilityText(v) || text == nameOf(v)) {
                route.visibility = v;
                return std::nullopt;
            }
        }
        return tr("Visibility is “public” or “internal”.");
    case Auth:
        for (AuthMode a : allAuthModes) {
            if (text == authText(a) || text == nameOf(a)) {
                route.auth = a;
                return std::nullopt;
            }
        }
        return tr("Authentication is one of none, JWT, API key or admin.");
    case RateLimit: {
        if (text.isEmpty()) {
            route.rateLimit = {};
            return std::nullopt;
        }
        static const QRegularExpression limit(QStringLiteral("^(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*s?$"));
        const auto match = limit.match(text);
        const int requests = match.captured(1).toInt();
        const int window = match.captured(2).toInt();
        if (!match.hasMatch() || requests <= 0 || window <= 0)
            return tr("Write a rate limit as requests/seconds, e.g. 100/60s, or leave it empty for none.");
        route.rateLimit = { requests, window };
        return std::nullopt;
    }
    case Timeout: {
        bool ok = text.isEmpty();
        const int value = ok ? 0 : text.toInt(&ok);
        if (!ok || value < 0 || value > 600000)
            return tr("The timeout is a number of milliseconds from 0 to 600000 (empty: the gateway's default).");
        route.timeoutMs = value;
        return std::nullopt;
    }
    case Retries: {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < 0 || value > 10)
            return tr("Retries is a whole number from 0 to 10.");
        route.retries = value;
        return std::nullopt;
    }
    case Fallback: {
        if (text == fallbackText({}) || text == nameOf(FallbackMode::None)) {
            route.fallback = {};
            return std::nullopt;
        }
        if (text == tr("defer") || text == nameOf(FallbackMode::Defer)) {
            route.fallback.mode = FallbackMode::Defer;
            route.fallback.status = 0;
            return std::nullopt;
        }
        static const QRegularExpression staticResponse(QStringLiteral("^\\S+\\s+(\\d{3})$"));
        const auto match = staticResponse.match(text);
        const int status = match.captured(1).toInt();
        if (match.hasMatch() && status >= 200 && status <= 599) {
            route.fallback.mode = FallbackMode::StaticResponse;
            route.fallback.status = status;
            return std::nullopt;
        }
        return tr("The fallback is “none”, “defer” or “static” with an HTTP status, e.g. static 503.");
    }
    default:
        return tr("This column cannot be edited.");
    }
}

int RouteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_routes.size());
}

int RouteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_routes.size())
        return {};
    const Route &route = m_routes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return columnText(route, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Fallback && !route.fallback.description.isEmpty())
            return route.fallback.description;
        if (index.column() == Timeout && route.timeoutMs == 0)
            return tr("The gateway's default timeout");
        return {};
    case OptionsRole:
        switch (index.column()) {
        case Method:
            return methods();
        case Visibility:
            return QStringList { visibilityText(RouteVisibility::Public), visibilityText(RouteVisibility::Internal) };
        case Auth: {
            QStringList options;
            for (AuthMode a : allAuthModes)
                options.append(authText(a));
            return options;
        }
        case Fallback: {
            Gatehouse::Fallback staticFallback { FallbackMode::StaticResponse,
                route.fallback.status ? route.fallback.status : 503, {}, {} };
            return QStringList { fallbackText({}), fallbackText(staticFallback), tr("defer") };
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

bool RouteTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_routes.size() || !m_document)
        return false;
    Route route = m_routes.at(index.row());
    if (const auto error = applyText(route, index.column(), value.toString())) {
        Q_EMIT rejected(*error);
        return false;
    }
    for (int i = 0; i < m_routes.size(); ++i) {
        if (i != index.row() && m_routes.at(i).method == route.method && m_routes.at(i).path == route.path) {
            Q_EMIT rejected(tr("This edge already has a route %1 %2.").arg(route.method, route.path));
            return false;
        }
    }
    if (route == m_routes.at(index.row()))
        return true;
    m_document->setEdgeRoute(m_edgeId, index.row(), route);
    // The Document's change signal makes the owner call reload(); keep the cache right even
    // when nobody listens.
    m_routes = currentRoutes();
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    return true;
}

QVariant RouteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Visibility:
        return tr("Visibility");
    case Auth:
        return tr("Auth");
    case RateLimit:
        return tr("Rate limit");
    case Timeout:
        return tr("Timeout (ms)");
    case Retries:
        return tr("Retries");
    case Fallback:
        return tr("Fallback");
    default:
        return {};
    }
}

Qt::ItemFlags RouteTableModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

int RouteTableModel::addRoute()
{
    if (!m_document || !m_document->edge(m_edgeId))
        return -1;
    Route route;
    route.path = QStringLiteral("/new");
    for (int n = 2; std::any_of(m_routes.cbegin(), m_routes.cend(),
             [&](const Route &r) { return r.method == route.method && r.path == route.path; });
         ++n)
        route.path = QStringLiteral("/new-%1").arg(n);
    m_document->editEdges(
        { m_edgeId }, [&](Edge &edge) { edge.routes.append(route); },
        tr("Add route %1 %2").arg(route.method, route.path));
    reload();
    return int(m_routes.size()) - 1;
}

void RouteTableModel::removeRoute(int row)
{
    if (!m_document || row < 0 || row >= m_routes.size())
        return;
    const Route route = m_routes.at(row);
    m_document->editEdges(
        { m_edgeId },
        [&](Edge &edge) {
            if (row < edge.routes.size())
                edge.routes.removeAt(row);
        },
        tr("Remove route %1 %2").arg(route.method, route.path));
    reload();
}

} // namespace Gatehouse
