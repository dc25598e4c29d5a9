// Architecture lint: every rule fires on a topology that has its problem and stays quiet on a
// near miss; the shipped examples lint as documented; docs/lint.md describes every rule.
#include "model/lint/linter.h"
#include "model/projectfile.h"

#include <QtTest>
#include <functional>

using namespace Gatehouse;

namespace {

using Mutation = std::function<void(Topology &)>;

Node makeNode(const QString &id, NodeKind kind, ServiceRole role = ServiceRole::Generic)
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.role = role;
    n.name = id;
    n.lane = defaultLane(kind);
    return n;
}

Edge makeEdge(const QString &id, EdgeKind kind, const QString &source, const QString &target)
{
    Edge e;
    e.id = id;
    e.kind = kind;
    e.source = source;
    e.target = target;
    return e;
}

Route makeRoute(const QString &method, const QString &path, RouteVisibility visibility = RouteVisibility::Public,
    AuthMode auth = AuthMode::Jwt, bool limited = true)
{
    Route r;
    r.method = method;
    r.path = path;
    r.visibility = visibility;
    r.auth = auth;
    if (limited)
        r.rateLimit = RateLimit { 60, 60 };
    return r;
}

Topic makeTopic(const QString &name, int partitions = 1)
{
    Topic t;
    t.name = name;
    t.partitions = partitions;
    return t;
}

// A small topology a reviewer would accept without remarks: web → gateway → auth (anonymous,
// rate-limited login), shop (public + admin routes) → stock (timeout, retry); one database per
// service; Redis with separate key prefixes; one topic from shop to stock.
Topology healthy()
{
    Topology t;
    t.nodes = { makeNode("web", NodeKind::ClientWeb), makeNode("gw", NodeKind::Gateway),
        makeNode("auth", NodeKind::Service, ServiceRole::Auth), makeNode("shop", NodeKind::Service),
        makeNode("stock", NodeKind::Service), makeNode("db-auth", NodeKind::DbPostgres),
        makeNode("db-shop", NodeKind::DbPostgres), makeNode("db-stock", NodeKind::DbPostgres),
        makeNode("redis", NodeKind::CacheRedis), makeNode("kafka", NodeKind::BusKafka) };
    t.nodes[1].port = 8080;

    Edge login = makeEdge("e-gw-auth", EdgeKind::Sync, "gw", "auth");
    login.routes = { makeRoute("POST", "/login", RouteVisibility::Public, AuthMode::None) };
    Edge shop = makeEdge("e-gw-shop", EdgeKind::Sync, "gw", "shop");
    shop.routes = { makeRoute("GET", "/shop"), makeRoute("POST", "/shop"),
        makeRoute("GET", "/admin/shop", RouteVisibility::Internal, AuthMode::Admin, false) };
    Edge call = makeEdge("e-shop-stock", EdgeKind::Sync, "shop", "stock");
    call.timeoutMs = 500;
    call.retries = 1;
    Edge gwCache = makeEdge("e-gw-redis", EdgeKind::UsesCache, "gw", "redis");
    gwCache.keyPrefix = "rl:";
    Edge stockCache = makeEdge("e-stock-redis", EdgeKind::UsesCache, "stock", "redis");
    stockCache.keyPrefix = "stock:";
    Edge publish = makeEdge("e-shop-pub", EdgeKind::Publish, "shop", "kafka");
    publish.topics = { makeTopic("order.created", 3) };
    Edge subscribe = makeEdge("e-kafka-stock", EdgeKind::Subscribe, "kafka", "stock");
    subscribe.topics = { makeTopic("order.created") };
    subscribe.consumerGroup = "stock";

    t.edges = { makeEdge("e-web-gw", EdgeKind::Sync, "web", "gw"), login, shop, call,
        makeEdge("e-auth-db", EdgeKind::Owns, "auth", "db-auth"),
        makeEdge("e-shop-db", EdgeKind::Owns, "shop", "db-shop"),
        makeEdge("e-stock-db", EdgeKind::Owns, "stock", "db-stock"), gwCache, stockCache, publish, subscribe };
    return t;
}

// Small mutations used by several rows.
void addNode(Topology &t, const QString &id, NodeKind kind, ServiceRole role = ServiceRole::Generic)
{
    t.nodes.append(makeNode(id, kind, role));
}

Edge &addEdge(Topology &t, const QString &id, EdgeKind kind, const QString &source, const QString &target)
{
    t.edges.append(makeEdge(id, kind, source, target));
    return t.edges.last();
}

Route &route(Topology &t, const char *edgeId, int index)
{
    return t.edge(QLatin1String(edgeId))->routes[index];
}

struct Case
{
    const char *name;
    const char *rule;
    bool fires;
    QStringList ids; // node and edge ids the findings must name (fires only)
    Mutation mutate;
};

QList<Case> cases()
{
    return {
        // shared-database
        { "two owners", "shared-database", true, { "db-shop", "e-x", "e-shop-db", "stock" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Owns, "stock", "db-shop"); } },
        { "one service owning two databases", "shared-database", false, {},
            [](Topology &t) {
                addNode(t, "db-extra", NodeKind::DbPostgres);
                addEdge(t, "e-x", EdgeKind::Owns, "stock", "db-extra");
            } },
        // foreign-database-access
        { "sync call into another's database", "foreign-database-access", true,
            { "shop", "db-stock", "stock", "e-x", "e-stock-db" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "shop", "db-stock"); } },
        { "cache edge into an unowned database", "foreign-database-access", true, { "shop", "db-new", "e-x" },
            [](Topology &t) {
                addNode(t, "db-new", NodeKind::DbPostgres);
                addEdge(t, "e-x", EdgeKind::UsesCache, "shop", "db-new");
            } },
        { "owning its own database", "foreign-database-access", false, {},
            [](Topology &t) {
                addNode(t, "db-extra", NodeKind::DbPostgres);
                addEdge(t, "e-x", EdgeKind::Owns, "shop", "db-extra");
            } },
        // database-without-owner
        { "orphan database", "database-without-owner", true, { "db-orphan" },
            [](Topology &t) { addNode(t, "db-orphan", NodeKind::DbPostgres); } },
        { "database read but not owned", "database-without-owner", true, { "db-shop" },
            [](Topology &t) { t.edges.removeAt(t.indexOfEdge("e-shop-db")); } },
        { "database with owner", "database-without-owner", false, {},
            [](Topology &t) {
                addNode(t, "db-extra", NodeKind::DbPostgres);
                addEdge(t, "e-x", EdgeKind::Owns, "shop", "db-extra");
            } },
        // shared-cache-keyspace
        { "nested prefix", "shared-cache-keyspace", true, { "gw", "stock", "redis", "e-gw-redis", "e-stock-redis" },
            [](Topology &t) { t.edge("e-stock-redis")->keyPrefix = "rl:stock:"; } },
        { "empty prefix", "shared-cache-keyspace", true, { "e-gw-redis", "e-stock-redis" },
            [](Topology &t) { t.edge("e-stock-redis")->keyPrefix.clear(); } },
        { "similar but disjoint prefixes", "shared-cache-keyspace", false, {},
            [](Topology &t) { t.edge("e-stock-redis")->keyPrefix = "rlx:"; } },
        { "one service, two prefixes", "shared-cache-keyspace", false, {},
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::UsesCache, "stock", "redis").keyPrefix = "stock:hot:"; } },
        // unused-infrastructure
        { "lonely redis", "unused-infrastructure", true, { "redis2" },
            [](Topology &t) { addNode(t, "redis2", NodeKind::CacheRedis); } },
        { "lonely kafka", "unused-infrastructure", true, { "kafka2" },
            [](Topology &t) { addNode(t, "kafka2", NodeKind::BusKafka); } },
        { "second redis in use", "unused-infrastructure", false, {},
            [](Topology &t) {
                addNode(t, "redis2", NodeKind::CacheRedis);
                addEdge(t, "e-x", EdgeKind::UsesCache, "shop", "redis2").keyPrefix = "shop:";
            } },
        // client-bypasses-gateway
        { "client calls a service", "client-bypasses-gateway", true, { "web", "shop", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "web", "shop"); } },
        { "second client through the gateway", "client-bypasses-gateway", false, {},
            [](Topology &t) {
                addNode(t, "mobile", NodeKind::ClientMobile);
                addEdge(t, "e-x", EdgeKind::Sync, "mobile", "gw");
            } },
        // client-not-connected
        { "lonely client", "client-not-connected", true, { "mobile" },
            [](Topology &t) { addNode(t, "mobile", NodeKind::ClientMobile); } },
        { "connected client", "client-not-connected", false, {},
            [](Topology &t) {
                addNode(t, "mobile", NodeKind::ClientMobile);
                addEdge(t, "e-x", EdgeKind::Sync, "mobile", "gw");
            } },
        // gateway-without-routes
        { "no routes at all", "gateway-without-routes", true, { "gw" },
            [](Topology &t) {
                t.edge("e-gw-auth")->routes.clear();
                t.edge("e-gw-shop")->routes.clear();
            } },
        { "some routes", "gateway-without-routes", false, {},
            [](Topology &t) { t.edge("e-gw-auth")->routes.clear(); } },
        // gateway-edge-without-routes
        { "edge without routes", "gateway-edge-without-routes", true, { "gw", "stock", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock"); } },
        { "edge with a route", "gateway-edge-without-routes", false, {},
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock").routes = { makeRoute("GET", "/stock") };
            } },
        // routes-outside-gateway
        { "routes on a service call", "routes-outside-gateway", true, { "shop", "stock", "e-shop-stock" },
            [](Topology &t) { t.edge("e-shop-stock")->routes = { makeRoute("GET", "/stock") }; } },
        { "routes on gateway edges", "routes-outside-gateway", false, {}, [](Topology &) {} },
        // circuit-breaker-outside-gateway
        { "breaker on a service call", "circuit-breaker-outside-gateway", true, { "shop", "stock", "e-shop-stock" },
            [](Topology &t) { t.edge("e-shop-stock")->circuitBreaker.failureThreshold = 2; } },
        { "breaker on a gateway edge", "circuit-breaker-outside-gateway", false, {},
            [](Topology &t) {
                t.edge("e-gw-shop")->circuitBreaker.openMs = 30000;
                t.edge("e-gw-auth")->circuitBreaker.enabled = false;
            } },
        // multiple-gateways
        { "two gateways", "multiple-gateways", true, { "gw", "gw2" },
            [](Topology &t) {
                addNode(t, "gw2", NodeKind::Gateway);
                addEdge(t, "e-x", EdgeKind::Sync, "gw2", "shop").routes = { makeRoute("GET", "/shop") };
            } },
        { "one gateway", "multiple-gateways", false, {}, [](Topology &) {} },
        // public-route-without-auth
        { "anonymous public route", "public-route-without-auth", true, { "gw", "shop", "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 0).auth = AuthMode::None; } },
        { "login without rate limit", "public-route-without-auth", true, { "gw", "auth", "e-gw-auth" },
            [](Topology &t) { route(t, "e-gw-auth", 0).rateLimit = RateLimit(); } },
        { "rate-limited anonymous route to a non-auth service", "public-route-without-auth", true, { "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 1).auth = AuthMode::None; } },
        { "rate-limited login", "public-route-without-auth", false, {}, [](Topology &) {} },
        { "anonymous internal route", "public-route-without-auth", false, {},
            [](Topology &t) {
                t.edge("e-gw-auth")
                    ->routes.append(makeRoute("GET", "/jwks", RouteVisibility::Internal, AuthMode::None, false));
            } },
        // public-route-without-rate-limit
        { "public route without limit", "public-route-without-rate-limit", true, { "gw", "shop", "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 0).rateLimit = RateLimit(); } },
        { "internal route without limit", "public-route-without-rate-limit", false, {},
            [](Topology &t) {
                route(t, "e-gw-shop", 0).visibility = RouteVisibility::Internal;
                route(t, "e-gw-shop", 0).rateLimit = RateLimit();
            } },
        // admin-route-exposed
        { "public admin route", "admin-route-exposed", true, { "gw", "shop", "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 2).visibility = RouteVisibility::Public; } },
        { "admin route with jwt", "admin-route-exposed", true, { "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 2).auth = AuthMode::Jwt; } },
        { "bare /admin", "admin-route-exposed", true, { "e-gw-shop" },
            [](Topology &t) { t.edge("e-gw-shop")->routes.append(makeRoute("GET", "/admin")); } },
        { "internal admin route", "admin-route-exposed", false, {}, [](Topology &) {} },
        { "path that only starts like admin", "admin-route-exposed", false, {},
            [](Topology &t) { t.edge("e-gw-shop")->routes.append(makeRoute("GET", "/administrators")); } },
        // route-collision
        { "same route on two edges", "route-collision", true, { "gw", "shop", "stock", "e-gw-shop", "e-x" },
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock").routes = { makeRoute("GET", "/shop") };
            } },
        { "same pattern, other parameter name", "route-collision", true, { "e-gw-shop", "e-x" },
            [](Topology &t) {
                t.edge("e-gw-shop")->routes.append(makeRoute("GET", "/shop/{id}"));
                addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock").routes = { makeRoute("GET", "/shop/{sku}") };
            } },
        { "wildcard method", "route-collision", true, { "e-gw-shop" },
            [](Topology &t) { t.edge("e-gw-shop")->routes.append(makeRoute("*", "/shop")); } },
        { "same path, other method", "route-collision", false, {},
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock").routes = { makeRoute("DELETE", "/shop") };
            } },
        { "same route on the other listener", "route-collision", false, {},
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "gw", "stock").routes
                    = { makeRoute("GET", "/shop", RouteVisibility::Internal, AuthMode::Admin) };
            } },
        // retry-non-idempotent
        { "retried POST", "retry-non-idempotent", true, { "gw", "shop", "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 1).retries = 2; } },
        { "retried GET", "retry-non-idempotent", false, {}, [](Topology &t) { route(t, "e-gw-shop", 0).retries = 2; } },
        // topic-without-consumers
        { "published, not consumed", "topic-without-consumers", true, { "shop", "kafka", "e-shop-pub" },
            [](Topology &t) { t.edge("e-shop-pub")->topics.append(makeTopic("order.shipped", 3)); } },
        { "published and consumed", "topic-without-consumers", false, {}, [](Topology &) {} },
        // topic-without-producers
        { "consumed, not published", "topic-without-producers", true, { "kafka", "stock", "e-kafka-stock" },
            [](Topology &t) { t.edge("e-kafka-stock")->topics.append(makeTopic("order.shipped")); } },
        { "same name on another bus", "topic-without-producers", true, { "kafka2", "e-x" },
            [](Topology &t) {
                addNode(t, "kafka2", NodeKind::BusKafka);
                Edge &e = addEdge(t, "e-x", EdgeKind::Subscribe, "kafka2", "auth");
                e.topics = { makeTopic("order.created") };
                e.consumerGroup = "auth";
            } },
        { "consumed and published", "topic-without-producers", false, {}, [](Topology &) {} },
        // topic-partition-mismatch
        { "two partition counts", "topic-partition-mismatch", true, { "shop", "stock", "e-shop-pub", "e-x" },
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Publish, "stock", "kafka").topics = { makeTopic("order.created", 6) };
            } },
        { "same partition count", "topic-partition-mismatch", false, {},
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Publish, "stock", "kafka").topics = { makeTopic("order.created", 3) };
            } },
        { "subscriber omits partitions", "topic-partition-mismatch", false, {},
            [](Topology &t) { t.edge("e-kafka-stock")->topics[0].partitions = 1; } },
        // subscription-without-consumer-group
        { "no consumer group", "subscription-without-consumer-group", true, { "kafka", "stock", "e-kafka-stock" },
            [](Topology &t) { t.edge("e-kafka-stock")->consumerGroup.clear(); } },
        { "blank consumer group", "subscription-without-consumer-group", true, { "e-kafka-stock" },
            [](Topology &t) { t.edge("e-kafka-stock")->consumerGroup = "  "; } },
        { "consumer group set", "subscription-without-consumer-group", false, {}, [](Topology &) {} },
        // shared-consumer-group
        { "two services, one group", "shared-consumer-group", true,
            { "kafka", "stock", "auth", "e-kafka-stock", "e-x" },
            [](Topology &t) {
                Edge &e = addEdge(t, "e-x", EdgeKind::Subscribe, "kafka", "auth");
                e.topics = { makeTopic("order.created") };
                e.consumerGroup = "stock";
            } },
        { "two services, own groups", "shared-consumer-group", false, {},
            [](Topology &t) {
                Edge &e = addEdge(t, "e-x", EdgeKind::Subscribe, "kafka", "auth");
                e.topics = { makeTopic("order.created") };
                e.consumerGroup = "auth";
            } },
        // event-edge-without-topics
        { "publish edge without topics", "event-edge-without-topics", true, { "stock", "kafka", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Publish, "stock", "kafka"); } },
        { "event edges with topics", "event-edge-without-topics", false, {}, [](Topology &) {} },
        // sync-cycle
        { "two services calling each other", "sync-cycle", true, { "shop", "stock", "e-shop-stock", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "stock", "shop").timeoutMs = 100; } },
        { "three-service cycle", "sync-cycle", true, { "shop", "stock", "auth", "e-x", "e-y" },
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "stock", "auth").timeoutMs = 100;
                addEdge(t, "e-y", EdgeKind::Sync, "auth", "shop").timeoutMs = 100;
            } },
        { "service calling itself", "sync-cycle", true, { "shop", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "shop", "shop").timeoutMs = 100; } },
        { "diamond without cycle", "sync-cycle", false, {},
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Sync, "shop", "auth").timeoutMs = 100;
                addEdge(t, "e-y", EdgeKind::Sync, "auth", "stock").timeoutMs = 100;
            } },
        // sync-call-without-timeout
        { "call without timeout", "sync-call-without-timeout", true, { "shop", "stock", "e-shop-stock" },
            [](Topology &t) { t.edge("e-shop-stock")->timeoutMs = 0; } },
        { "call with timeout", "sync-call-without-timeout", false, {}, [](Topology &) {} },
        // sync-call-without-fallback
        { "no fallback, no retry on a user path", "sync-call-without-fallback", true,
            { "shop", "stock", "e-shop-stock" }, [](Topology &t) { t.edge("e-shop-stock")->retries = 0; } },
        { "fallback on a user path", "sync-call-without-fallback", false, {},
            [](Topology &t) {
                t.edge("e-shop-stock")->retries = 0;
                t.edge("e-shop-stock")->fallback = Fallback { FallbackMode::StaticResponse, 503, "{}", "busy" };
            } },
        { "caller only reached internally", "sync-call-without-fallback", false, {},
            [](Topology &t) {
                t.edge("e-shop-stock")->retries = 0;
                for (Route &r : t.edge("e-gw-shop")->routes)
                    r.visibility = RouteVisibility::Internal;
            } },
        // defer-without-event-path
        { "defer with no event to the callee", "defer-without-event-path", true, { "stock", "auth", "e-x" },
            [](Topology &t) {
                Edge &e = addEdge(t, "e-x", EdgeKind::Sync, "stock", "auth");
                e.timeoutMs = 100;
                e.fallback.mode = FallbackMode::Defer;
            } },
        { "defer on a gateway route", "defer-without-event-path", true, { "gw", "shop", "e-gw-shop" },
            [](Topology &t) { route(t, "e-gw-shop", 1).fallback.mode = FallbackMode::Defer; } },
        { "defer with a request topic", "defer-without-event-path", false, {},
            [](Topology &t) { t.edge("e-shop-stock")->fallback.mode = FallbackMode::Defer; } },
        // impossible-edge
        { "client owning a database", "impossible-edge", true, { "web", "db-shop", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Owns, "web", "db-shop"); } },
        { "gateway publishing", "impossible-edge", true, { "gw", "kafka", "e-x" },
            [](Topology &t) {
                addEdge(t, "e-x", EdgeKind::Publish, "gw", "kafka").topics = { makeTopic("order.created", 3) };
            } },
        { "dangling edge", "impossible-edge", true, { "shop", "e-x" },
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::Sync, "shop", "ghost"); } },
        { "possible edge", "impossible-edge", false, {},
            [](Topology &t) { addEdge(t, "e-x", EdgeKind::UsesCache, "shop", "redis").keyPrefix = "shop:"; } },
        // port-collision
        { "two nodes, one port", "port-collision", true, { "gw", "shop" },
            [](Topology &t) { t.node("shop")->port = 8080; } },
        { "internal listener on a taken port", "port-collision", true, { "gw", "stock" },
            [](Topology &t) {
                t.node("gw")->properties.insert(NodeProperty::InternalPort, 9000);
                t.node("stock")->port = 9000;
            } },
        { "distinct ports", "port-collision", false, {},
            [](Topology &t) {
                t.node("gw")->properties.insert(NodeProperty::InternalPort, 8081);
                t.node("shop")->port = 9000;
            } },
        // missing-readiness
        { "readiness not a path", "missing-readiness", true, { "shop" },
            [](Topology &t) { t.node("shop")->properties.insert(NodeProperty::ReadinessPath, "healthz"); } },
        { "readiness a number", "missing-readiness", true, { "gw" },
            [](Topology &t) { t.node("gw")->properties.insert(NodeProperty::ReadinessPath, 5); } },
        { "custom readiness path", "missing-readiness", false, {},
            [](Topology &t) { t.node("shop")->properties.insert(NodeProperty::ReadinessPath, "/healthz"); } },
        // unreachable-service
        { "service nobody reaches", "unreachable-service", true, { "lone" },
            [](Topology &t) { addNode(t, "lone", NodeKind::Service); } },
        { "service reached by events only", "unreachable-service", false, {},
            [](Topology &t) {
                addNode(t, "lone", NodeKind::Service);
                Edge &e = addEdge(t, "e-x", EdgeKind::Subscribe, "kafka", "lone");
                e.topics = { makeTopic("order.created") };
                e.consumerGroup = "lone";
            } },
    };
}

QString examplePath(const char *name)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/") + QLatin1String(name);
}

QString describe(const QList<LintFinding> &findings)
{
    QStringList lines;
    for (const LintFinding &f : findings)
        lines.append(nameOf(f.severity) + " " + f.ruleId + ": " + f.message);
    return lines.join('\n');
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyTopologyIsClean()
    {
        const QList<LintFinding> findings = Linter::check(healthy());
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }

    void rule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<Mutation>("mutate");
        for (const Case &c : cases())
            QTest::addRow("%s: %s", c.rule, c.name) << QString(c.rule) << c.fires << c.ids << c.mutate;
    }

    void rule()
    {
        QFETCH(QString, rule);
        QFETCH(bool, fires);
        QFETCH(QStringList, ids);
        QFETCH(Mutation, mutate);
        Topology t = healthy();
        mutate(t);
        QList<LintFinding> mine;
        for (const LintFinding &f : Linter::check(t)) {
            if (f.ruleId == rule)
                mine.append(f);
        }
        if (!fires) {
            QVERIFY2(mine.isEmpty(), qPrintable(describe(mine)));
            return;
        }
        QVERIFY2(!mine.isEmpty(), qPrintable("rule did not fire; all findings:\n" + describe(Linter::check(t))));
        QSet<QString> named;
        for (const LintFinding &f : mine) {
            QVERIFY(!f.message.isEmpty());
            QVERIFY(!f.hint.isEmpty());
            QVERIFY(!f.nodeIds.isEmpty() || !f.edgeIds.isEmpty());
            for (const QString &id : f.nodeIds)
                QVERIFY2(t.node(id), qPrintable("finding names unknown node " + id));
            for (const QString &id : f.edgeIds)
                QVERIFY2(t.edge(id), qPrintable("finding names unknown edge " + id));
            named.unite(QSet<QString>(f.nodeIds.cbegin(), f.nodeIds.cend()));
            named.unite(QSet<QString>(f.edgeIds.cbegin(), f.edgeIds.cend()));
        }
        for (const QString &id : ids)
            QVERIFY2(named.contains(id), qPrintable("findings do not name " + id + "\n" + describe(mine)));
    }

    // Each finding carries its rule's declared severity.
    void severityIsTheRulesSeverity()
    {
        QHash<QString, LintSeverity> severities;
        for (const LintRuleInfo &info : Linter::ruleInfos())
            severities.insert(info.id, info.severity);
        for (const Case &c : cases()) {
            Topology t = healthy();
            c.mutate(t);
            for (const LintFinding &f : Linter::check(t)) {
                QVERIFY2(severities.contains(f.ruleId), qPrintable(f.ruleId));
                QCOMPARE(f.severity, severities.value(f.ruleId));
            }
        }
    }

    // Every rule has at least one row that fires and one that does not.
    void everyRuleIsTestedBothWays()
    {
        QSet<QString> firing;
        QSet<QString> quiet;
        for (const Case &c : cases())
            (c.fires ? firing : quiet).insert(QString(c.rule));
        const QList<LintRuleInfo> rules = Linter::ruleInfos();
        QVERIFY(rules.size() >= 10);
        QSet<QString> ids;
        static const QRegularExpression kebab("^[a-z]+(-[a-z]+)*$");
        for (const LintRuleInfo &info : rules) {
            QVERIFY2(kebab.match(info.id).hasMatch(), qPrintable(info.id));
            QVERIFY2(!ids.contains(info.id), qPrintable("duplicate rule id " + info.id));
            ids.insert(info.id);
            QVERIFY2(firing.contains(info.id), qPrintable("no firing test for " + info.id));
            QVERIFY2(quiet.contains(info.id), qPrintable("no quiet test for " + info.id));
            QVERIFY(!info.summary.isEmpty());
        }
        for (const QString &rule : firing + quiet)
            QVERIFY2(ids.contains(rule), qPrintable("test names unknown rule " + rule));
        QCOMPARE(Linter::rules().size(), rules.size());
        for (qsizetype i = 0; i < rules.size(); ++i)
            QCOMPARE(Linter::rules()[i].first, rules[i].id);
    }

    void findingsAreSorted()
    {
        Topology t = healthy();
        addNode(t, "lone", NodeKind::Service); // warning
        addEdge(t, "e-x", EdgeKind::Owns, "stock", "db-shop"); // error
        addNode(t, "gw2", NodeKind::Gateway); // info + warning
        t.edge("e-shop-stock")->timeoutMs = 0; // warning
        const QList<LintFinding> findings = Linter::check(t);
        QVERIFY(findings.size() >= 4);
        for (qsizetype i = 1; i < findings.size(); ++i) {
            const LintFinding &a = findings[i - 1];
            const LintFinding &b = findings[i];
            QVERIFY(a.severity >= b.severity);
            if (a.severity == b.severity)
                QVERIFY(a.ruleId <= b.ruleId);
        }
        QCOMPARE(findings.first().severity, LintSeverity::Error);
        QCOMPARE(findings.last().severity, LintSeverity::Info);
    }

    // The built-in example is the product's showcase: a reviewer finds nothing to flag.
    void refinedExampleIsClean()
    {
        const LoadResult loaded = ProjectFile::load(examplePath("api-gateway.gatehouse"));
        QVERIFY(loaded.ok());
        const QList<LintFinding> findings = Linter::check(loaded.topology);
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    }

    // The unrefined diagram has exactly the problems the seed's follow-up prompts fix: no rate
    // limits, an unprotected login, no timeout or fallback on order's calls.
    void baseExampleHasTheProblemsTheRefinementsFix()
    {
        const LoadResult loaded = ProjectFile::load(examplePath("api-gateway-base.gatehouse"));
        QVERIFY(loaded.ok());
        QStringList got;
        for (const LintFinding &f : Linter::check(loaded.topology))
            got.append(nameOf(f.severity) + ' ' + f.ruleId + ' ' + f.edgeIds.join(','));
        const QStringList expected {
            "warning public-route-without-auth e-gateway-auth",
            "warning public-route-without-rate-limit e-gateway-auth",
            "warning public-route-without-rate-limit e-gateway-inventory",
            "warning public-route-without-rate-limit e-gateway-inventory",
            "warning public-route-without-rate-limit e-gateway-inventory",
            "warning public-route-without-rate-limit e-gateway-order",
            "warning public-route-without-rate-limit e-gateway-order",
            "warning public-route-without-rate-limit e-gateway-order",
            "warning public-route-without-rate-limit e-gateway-order",
            "warning sync-call-without-timeout e-order-inventory",
            "warning sync-call-without-timeout e-order-payment",
            "info sync-call-without-fallback e-order-inventory",
            "info sync-call-without-fallback e-order-payment",
        };
        QCOMPARE(got, expected);
    }

    // docs/lint.md documents every rule with its severity.
    void docsDescribeEveryRule()
    {
        QFile file(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/lint.md"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "docs/lint.md is missing");
        const QString text = QString::fromUtf8(file.readAll());
        for (const LintRuleInfo &info : Linter::ruleInfos()) {
            const QString heading = "### `" + info.id + "` (" + nameOf(info.severity) + ")";
            QVERIFY2(text.contains(heading), qPrintable("docs/lint.md lacks the heading: " + heading));
        }
    }

    // A long generated call chain (and one big cycle) must not recurse or crawl.
    void largeTopology()
    {
        Topology t;
        const int count = 5000;
        for (int i = 0; i < count; ++i)
            t.nodes.append(makeNode("s" + QString::number(i), NodeKind::Service));
        for (int i = 0; i < count; ++i) {
            Edge &e = addEdge(t, "e" + QString::number(i), EdgeKind::Sync, "s" + QString::number(i),
                "s" + QString::number((i + 1) % count));
            e.timeoutMs = 100;
        }
        const QList<LintFinding> findings = Linter::check(t);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].ruleId, QStringLiteral("sync-cycle"));
        QCOMPARE(findings[0].nodeIds.size(), count);
        QCOMPARE(findings[0].edgeIds.size(), count);
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
