// Fuzzes the gateway's route table: compiling patterns and matching requests. The input is
// text lines. Lines before the first empty line are routes, "METHOD PATTERN [internal]", each
// compiled (a malformed one is refused with a reason, never a crash); without an empty line a
// fixed table like the example diagram's is used and every line is a request. Request lines are
// "METHOD PATH", matched on both listeners. Checked on every match: the winner accepts the
// method and is visible on the listener, its {name} parameters are non-empty, a 405 lists only
// methods, and asking twice gives the same answer.
#include "gateway/routetable.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

Route makeRoute(const QString &method, const QString &path, bool internal)
{
    Route r;
    r.method = method;
    r.path = path;
    r.visibility = internal ? RouteVisibility::Internal : RouteVisibility::Public;
    r.auth = AuthMode::None;
    return r;
}

QList<GatewayRoute> fixedRoutes()
{
    const char *const lines[][2] = { { "POST", "/auth/login" }, { "GET", "/orders" }, { "POST", "/orders" },
        { "GET", "/orders/{id}" }, { "GET", "/orders/recent" }, { "GET", "/orders/{id}/items/{item}" },
        { "*", "/things/{id}" }, { "DELETE", "/things/{id}" }, { "GET", "/static/*" },
        { "GET", "/files/{path*}" }, { "GET", "/a/{x}/c" }, { "GET", "/a/b/{y}" }, { "GET", "/admin/orders" },
        { "GET", "/" } };
    QList<GatewayRoute> routes;
    for (const auto &line : lines) {
        if (auto compiled = RouteTable::compile(
                makeRoute(QString::fromLatin1(line[0]), QString::fromLatin1(line[1]), false), QStringLiteral("e"),
                QStringLiteral("svc")))
            routes.append(*compiled);
    }
    if (auto internal = RouteTable::compile(
            makeRoute(QStringLiteral("GET"), QStringLiteral("/internal/state"), true), QStringLiteral("e"),
            QStringLiteral("svc")))
        routes.append(*internal);
    return routes;
}

void check(const RouteTable &table, const QByteArray &method, const QByteArray &path, Listener listener)
{
    const RouteMatch match = table.match(method.toStdString(), path.toStdString(), listener);
    if (match.found()) {
        const GatewayRoute &r = *match.route;
        if (r.route.method != QLatin1String("*") && r.route.method != QString::fromLatin1(method).toUpper())
            abort();
        if (r.internalOnly && listener == Listener::Public)
            abort();
        if (!match.allowedMethods.isEmpty())
            abort();
        for (auto it = match.params.cbegin(); it != match.params.cend(); ++it) {
            const bool rest = std::any_of(r.segments.cbegin(), r.segments.cend(), [&](const GatewayRoute::Segment &s) {
                return s.kind == GatewayRoute::SegmentKind::Rest && s.text == it.key();
            });
            if (!rest && it.value().isEmpty())
                abort();
        }
    }
    for (const QString &allowed : match.allowedMethods) {
        if (allowed.isEmpty())
            abort();
    }
    const RouteMatch again = table.match(method.toStdString(), path.toStdString(), listener);
    if (again.route != match.route || again.allowedMethods != match.allowedMethods || again.params != match.params)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> lines = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\n');
    qsizetype first = 0;
    QList<GatewayRoute> routes;
    const qsizetype blank = lines.indexOf(QByteArray());
    if (blank >= 0) {
        for (qsizetype i = 0; i < blank; ++i) {
            const QList<QByteArray> fields = lines.at(i).split(' ');
            const bool internal = fields.size() > 2 && fields.at(2) == "internal";
            QString error;
            auto compiled = RouteTable::compile(
                makeRoute(QString::fromUtf8(fields.value(0)), QString::fromUtf8(fields.value(1)), internal),
                QStringLiteral("e"), QStringLiteral("svc"), &error);
            if (compiled)
                routes.append(*compiled);
            else if (error.isEmpty())
                abort(); // a refusal always says why
        }
        first = blank + 1;
    } else {
        routes = fixedRoutes();
    }
    const RouteTable table(routes);
    for (qsizetype i = first; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype space = line.indexOf(' ');
        const QByteArray method = space < 0 ? QByteArray("GET") : line.left(space);
        const QByteArray path = space < 0 ? line : line.mid(space + 1); // any bytes: the matcher compares bytes
        check(table, method, path, Listener::Public);
        check(table, method, path, Listener::Internal);
    }
    return 0;
}
