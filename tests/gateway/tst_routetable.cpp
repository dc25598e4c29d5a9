// Route matcher: parameters, rest segments, longest match, method, listener visibility.
#include "gateway/routetable.h"
#include "model/projectfile.h"

#include <QtTest>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

Route makeRoute(const QString &method, const QString &path, RouteVisibility visibility = RouteVisibility::Public)
{
    Route r;
    r.method = method;
    r.path = path;
    r.visibility = visibility;
    r.auth = AuthMode::None;
    return r;
}

RouteTable table()
{
    QList<GatewayRoute> routes;
    const QList<Route> list {
        makeRoute("GET", "/orders"),
        makeRoute("POST", "/orders"),
        makeRoute("GET", "/orders/{id}"),
        makeRoute("GET", "/orders/{id}/items/{item}"),
        makeRoute("GET", "/orders/recent"),
        makeRoute("*", "/things/{id}"),
        makeRoute("DELETE", "/things/{id}"),
        makeRoute("GET", "/static/*"),
        makeRoute("GET", "/static/logo.png"),
        makeRoute("GET", "/files/{path*}"),
        makeRoute("GET", "/a/{x}/c"),
        makeRoute("GET", "/a/b/{y}"),
        makeRoute("GET", "/internal/state", RouteVisibility::Internal),
        makeRoute("GET", "/admin/orders"),
        makeRoute("GET", "/"),
        makeRoute("GET", QString::fromUtf8("/caf\u00e9/{name}")),
        makeRoute("GET", "/{tenant}/status"),
    };
    for (const Route &r : list) {
        auto compiled = RouteTable::compile(r, "e1", "svc");
        Q_ASSERT(compiled);
        routes.append(*compiled);
    }
    return RouteTable(routes);
}

} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("internal");
        QTest::addColumn<QString>("expectedKey"); // "" = no match
        QTest::addColumn<QString>("params"); // "name=value;…" sorted
        QTest::addColumn<QString>("allowed"); // Allow list when 405

        QTest::newRow("exact") << "GET"
                               << "/orders" << false << "GET /orders"
                               << ""
                               << "";
        QTest::newRow("method picks route") << "POST"
                                            << "/orders" << false << "POST /orders"
                                            << ""
                                            << "";
        QTest::newRow("lower-case method") << "get"
                                           << "/orders" << false << "GET /orders"
                                           << ""
                                           << "";
        QTest::newRow("param") << "GET"
                               << "/orders/42" << false << "GET /orders/{id}"
                               << "id=42"
                               << "";
        QTest::newRow("literal beats param") << "GET"
                                             << "/orders/recent" << false << "GET /orders/recent"
                                             << ""
                                             << "";
        QTest::newRow("two params") << "GET"
                                    << "/orders/7/items/x%20y" << false << "GET /orders/{id}/items/{item}"
                                    << "id=7;item=x%20y"
                                    << "";
        QTest::newRow("trailing slash is not a param") << "GET"
                                                       << "/orders/" << false << ""
                                                       << ""
                                                       << "";
        QTest::newRow("too long") << "GET"
                                  << "/orders/7/items" << false << ""
                                  << ""
                                  << "";
        QTest::newRow("wrong method 405") << "PUT"
                                          << "/orders" << false << ""
                                          << ""
                                          << "GET, POST";
        QTest::newRow("exact method beats star") << "DELETE"
                                                 << "/things/1" << false << "DELETE /things/{id}"
                                                 << "id=1"
                                                 << "";
        QTest::newRow("star method") << "PATCH"
                                     << "/things/1" << false << "* /things/{id}"
                                     << "id=1"
                                     << "";
        QTest::newRow("rest") << "GET"
                              << "/static/css/site.css" << false << "GET /static/*"
                              << ""
                              << "";
        QTest::newRow("rest empty") << "GET"
                                    << "/static" << false << "GET /static/*"
                                    << ""
                                    << "";
        QTest::newRow("literal beats rest") << "GET"
                                            << "/static/logo.png" << false << "GET /static/logo.png"
                                            << ""
                                            << "";
        QTest::newRow("named rest") << "GET"
                                    << "/files/a/b/c" << false << "GET /files/{path*}"
                                    << "path=a/b/c"
                                    << "";
        QTest::newRow("longest literal prefix") << "GET"
                                                << "/a/b/c" << false << "GET /a/b/{y}"
                                                << "y=c"
                                                << "";
        QTest::newRow("other branch") << "GET"
                                      << "/a/z/c" << false << "GET /a/{x}/c"
                                      << "x=z"
                                      << "";
        QTest::newRow("root") << "GET"
                              << "/" << false << "GET /"
                              << ""
                              << "";
        // A pattern that starts with a parameter competes with those that start with the literal.
        QTest::newRow("parameter first") << "GET" << "/acme/status" << false << "GET /{tenant}/status"
                                         << "tenant=acme"
                                         << "";
        QTest::newRow("literal first beats parameter first") << "GET" << "/orders/status" << false
                                                             << "GET /orders/{id}"
                                                             << "id=status"
                                                             << "";
        QTest::newRow("parameter first, other method") << "DELETE" << "/acme/status" << false << ""
                                                       << ""
                                                       << "GET";
        QTest::newRow("both kinds, other method") << "PUT" << "/things/status" << false << "* /things/{id}"
                                                  << "id=status"
                                                  << "";
        // The request's path is matched as bytes against the pattern's UTF-8.
        QTest::newRow("non-ASCII literal") << "GET" << QString::fromUtf8("/caf\u00e9/cr\u00e8me") << false
                                           << QString::fromUtf8("GET /caf\u00e9/{name}")
                                           << QString::fromUtf8("name=cr\u00e8me") << "";
        QTest::newRow("non-ASCII literal differs") << "GET" << QString::fromUtf8("/cafe\u0301/x") << false << ""
                                                   << ""
                                                   << "";
        QTest::newRow("missing") << "GET"
                                 << "/nothing" << false << ""
                                 << ""
                                 << "";
        QTest::newRow("case-sensitive path") << "GET"
                                             << "/Orders" << false << ""
                                             << ""
                                             << "";
        QTest::newRow("internal hidden on public") << "GET"
                                                   << "/internal/state" << false << ""
                                                   << ""
                                                   << "";
        QTest::newRow("internal on internal") << "GET"
                                              << "/internal/state" << true << "GET /internal/state"
                                              << ""
                                              << "";
        QTest::newRow("admin path hidden on public") << "GET"
                                                     << "/admin/orders" << false << ""
                                                     << ""
                                                     << "";
        QTest::newRow("admin path on internal") << "GET"
                                                << "/admin/orders" << true << "GET /admin/orders"
                                                << ""
                                                << "";
        QTest::newRow("hidden route gives no 405") << "POST"
                                                   << "/internal/state" << false << ""
                                                   << ""
                                                   << "";
    }

    void match()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(bool, internal);
        QFETCH(QString, expectedKey);
        QFETCH(QString, params);
        QFETCH(QString, allowed);
        const RouteTable t = table();
        const RouteMatch m = t.match(method.toStdString(), path.toStdString(), internal ? Listener::Internal : Listener::Public);
        QCOMPARE(m.found() ? m.route->key : QString(), expectedKey);
        QStringList got;
        for (auto it = m.params.constBegin(); it != m.params.constEnd(); ++it)
            got.append(it.key() + "=" + it.value());
        got.sort();
        QCOMPARE(got.join(';'), params);
        QCOMPARE(m.allowedMethods.join(", "), allowed);
        QCOMPARE(m.methodNotAllowed(), !allowed.isEmpty());
    }

    void adminPathIsInternalAndAdmin()
    {
        auto r = RouteTable::compile(makeRoute("GET", "/admin/orders"), "e", "svc");
        QVERIFY(r);
        QVERIFY(r->internalOnly);
        QVERIFY(r->requiresAdmin);
        auto plain = RouteTable::compile(makeRoute("GET", "/administrator"), "e", "svc");
        QVERIFY(plain);
        QVERIFY(!plain->internalOnly);
        QVERIFY(!plain->requiresAdmin);
    }

    void rejectsMalformedPatterns_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("no slash") << "orders";
        QTest::newRow("empty param") << "/orders/{}";
        QTest::newRow("partial param") << "/orders/x{id}";
        QTest::newRow("star not last") << "/a/*/b";
        QTest::newRow("rest not last") << "/a/{r*}/b";
        QTest::newRow("duplicate param") << "/a/{id}/{id}";
    }

    void rejectsMalformedPatterns()
    {
        QFETCH(QString, path);
        QString error;
        QVERIFY(!RouteTable::compile(makeRoute("GET", path), "e", "svc", &error));
        QVERIFY(!error.isEmpty());
    }

    void fromTopologyTakesGatewaySyncEdgesOnly()
    {
        Topology t;
        Node gw;
        gw.id = "gw";
        gw.kind = NodeKind::Gateway;
        Node svc;
        svc.id = "svc";
        Node other;
        other.id = "other";
        t.nodes = { gw, svc, other };
        Edge e1;
        e1.id = "e1";
        e1.source = "gw";
        e1.target = "svc";
        e1.routes = { makeRoute("GET", "/a"), makeRoute("GET", "/a"), makeRoute("GET", "bad") };
        Edge e2;
        e2.id = "e2";
        e2.source = "svc";
        e2.target = "other";
        e2.routes = { makeRoute("GET", "/b") };
        t.edges = { e1, e2 };
        QStringList warnings;
        const auto table = RouteTable::fromTopology(t, "gw", &warnings);
        QCOMPARE(table->routes().size(), 1);
        QCOMPARE(table->routes().first().upstreamNodeId, QString("svc"));
        QCOMPARE(table->routes().first().edgeId, QString("e1"));
        QCOMPARE(warnings.size(), 2);
    }

    void seedExampleRoutes()
    {
        // The built-in example must load completely: no route skipped.
        QFile f(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const LoadResult loaded = ProjectFile::fromJson(f.readAll());
        QVERIFY(loaded.ok());
        QStringList warnings;
        const auto table = RouteTable::fromTopology(loaded.topology, "gateway", &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
        QCOMPARE(table->routes().size(), 14);
        QVERIFY(!table->match("GET", "/auth/jwks", Listener::Public).found());
        QVERIFY(table->match("GET", "/auth/jwks", Listener::Internal).found());
        QCOMPARE(
            table->match("GET", "/inventory/items/abc", Listener::Public).route->upstreamNodeId, QString("inventory"));
    }
};

QTEST_APPLESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
