// The gateway node end to end: real redis-server, real upstream HTTP servers, real tokens.
#include "gateway/apikeyverifier.h"
#include "gateway/gateway.h"
#include "gateway/gatewaynode.h"
#include "gatewaytestsupport.h"
#include "model/projectfile.h"

#include <QtTest>
#include <csignal>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace GatewayTest;

namespace {

const QByteArray PartnerKey = "partner-key-0123456789abcdef";

Route route(
    const QString &method, const QString &path, AuthMode auth, RouteVisibility visibility = RouteVisibility::Public)
{
    Route r;
    r.method = method;
    r.path = path;
    r.auth = auth;
    r.visibility = visibility;
    return r;
}

Route retried(const QString &method)
{
    Route r = route(method, "/fail-once/{id}", AuthMode::None);
    r.retries = 1;
    return r;
}

Topology topology(const QString &failMode)
{
    Topology t;
    t.name = "gateway test";
    Node gw;
    gw.id = "gw";
    gw.kind = NodeKind::Gateway;
    gw.name = "Gateway";
    gw.lane = Lane::Gateway;
    gw.properties.insert("rateLimitFailMode", failMode);
    Node svc;
    svc.id = "svc";
    svc.kind = NodeKind::Service;
    svc.name = "Service";
    Node flaky;
    flaky.id = "flaky";
    flaky.kind = NodeKind::Service;
    flaky.name = "Flaky";
    Node redis;
    redis.id = "redis";
    redis.kind = NodeKind::CacheRedis;
    redis.name = "Redis";
    redis.lane = Lane::Data;
    t.nodes = { gw, svc, flaky, redis };

    Edge e;
    e.id = "e-gw-svc";
    e.source = "gw";
    e.target = "svc";
    Route limited = route("GET", "/limited", AuthMode::None);
    limited.rateLimit = { 5, 60 };
    Route busy = route("GET", "/busy", AuthMode::Jwt);
    busy.rateLimit = { 50, 60 };
    Route slow = route("GET", "/slow/{ms}", AuthMode::None);
    slow.timeoutMs = 200;
    slow.fallback.mode = FallbackMode::StaticResponse;
    slow.fallback.status = 503;
    slow.fallback.body = "{\"error\":\"busy, retry later\"}";
    Route slowBare = route("GET", "/slow/{ms}/bare", AuthMode::None);
    slowBare.timeoutMs = 200;
    e.routes = { route("GET", "/public/items", AuthMode::None), route("GET", "/items/{id}", AuthMode::Jwt),
        route("GET", "/items/special", AuthMode::Jwt), route("GET", "/partner/items", AuthMode::ApiKey),
        route("GET", "/internal/info", AuthMode::None, RouteVisibility::Internal),
        route("GET", "/admin/stats", AuthMode::Admin, RouteVisibility::Internal), limited, busy, slow, slowBare,
        retried("GET"), retried("POST"), route("GET", "/download/*", AuthMode::None) };
    Edge f;
    f.id = "e-gw-flaky";
    f.source = "gw";
    f.target = "flaky";
    f.routes = { route("GET", "/flaky", AuthMode::None) };
    f.circuitBreaker.failureThreshold = 3;
    f.circuitBreaker.openMs = 300;
    Edge cache;
    cache.id = "e-gw-redis";
    cache.kind = EdgeKind::UsesCache;
    cache.source = "gw";
    cache.target = "redis";
    cache.keyPrefix = "rl:";
    t.edges = { e, f, cache };
    return t;
}

} // namespace

class TestGateway : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    Keys m_keys;
    std::unique_ptr<Upstream> m_svc;
    std::unique_ptr<Upstream> m_flaky;
    std::unique_ptr<TelemetrySink> m_sink;
    QTemporaryDir m_dataDir;
    std::unique_ptr<GatewayNode> m_node;

    NodeLaunchConfig config(const QString &failMode, int redisPort)
    {
        NodeLaunchConfig c;
        c.nodeId = "gw";
        c.topology = topology(failMode);
        c.publicListener = { "127.0.0.1", 0 };
        c.internalListener = { "127.0.0.1", 0 };
        c.upstreams.insert("svc", { "127.0.0.1", m_svc->port() });
        c.upstreams.insert("flaky", { "127.0.0.1", m_flaky->port() });
        c.redis = RedisAccess { { "127.0.0.1", redisPort }, QString(), 0 };
        c.telemetry = { "127.0.0.1", m_sink->port() };
        c.dataDir = m_dataDir.path();
        c.secrets.insert("jwt.publicKey", QString::fromLatin1(m_keys.publicPem()));
        c.secrets.insert("apikey.acme", QString::fromLatin1(ApiKeyVerifier::sha256Hex(PartnerKey)));
        return c;
    }

    int pub() const { return m_node->publicPort(); }
    int internal() const { return m_node->internalPort(); }
    QPair<QByteArray, QByteArray> bearer(const QByteArray &token) const
    {
        return { "Authorization", "Bearer " + token };
    }
    QByteArray userToken() const { return m_keys.token(Keys::claims("alice", "user")); }
    QByteArray adminToken() const { return m_keys.token(Keys::claims("root", "admin")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        QVERIFY2(m_redis.start(), "redis-server did not start");
        m_svc = std::make_unique<Upstream>();
        m_flaky = std::make_unique<Upstream>();
        m_sink = std::make_unique<TelemetrySink>();
        GatewayNode::Settings settings;
        settings.ioThreads = 2;
        m_node = std::make_unique<GatewayNode>(config("open", m_redis.port()), settings);
        QString error;
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QVERIFY(m_node->warnings().isEmpty());
    }

    void cleanupTestCase()
    {
        m_node.reset();
        m_svc.reset();
        m_flaky.reset();
    }

    void routeKinds_data()
    {
        QTest::addColumn<bool>("internalListener");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("forwardedTarget");
        QTest::newRow("public none") << false << QByteArray("/public/items?x=1") << 200 << "/public/items?x=1";
        QTest::newRow("public none on internal") << true << QByteArray("/public/items") << 200 << "/public/items";
        QTest::newRow("internal on internal") << true << QByteArray("/internal/info") << 200 << "/internal/info";
        QTest::newRow("internal on public") << false << QByteArray("/internal/info") << 404 << "";
        QTest::newRow("missing") << false << QByteArray("/nope") << 404 << "";
        QTest::newRow("jwt param") << false << QByteArray("/items/42") << 200 << "/items/42";
        QTest::newRow("jwt literal") << false << QByteArray("/items/special") << 200 << "/items/special";
    }

    void routeKinds()
    {
        QFETCH(bool, internalListener);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, forwardedTarget);
        const Reply r = get(internalListener ? internal() : pub(), target, { bearer(userToken()) });
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(r.header("X-Upstream"), QByteArray("yes"));
            QCOMPARE(r.json()["target"].toString(), forwardedTarget);
            QCOMPARE(
                r.json()["x-gatehouse-subject"].toString(), target.startsWith("/items") ? QString("alice") : QString());
        }
    }

    void methodNotAllowed()
    {
        Connection c(pub());
        const Reply r = c.request("POST", "/public/items");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET"));
    }

    void internalRouteIndistinguishableFromMissing()
    {
        const Reply hidden = get(pub(), "/internal/info");
        const Reply missing = get(pub(), "/no/such/route");
        const Reply admin = get(pub(), "/admin/gateway/routes", { bearer(adminToken()) });
        const Reply adminRoute = get(pub(), "/admin/stats", { bearer(adminToken()) });
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.raw, missing.raw);
        QCOMPARE(admin.raw, missing.raw);
        QCOMPARE(adminRoute.raw, missing.raw);
        QCOMPARE(hidden.header("Content-Type"), QByteArray("application/problem+json"));
    }

    void jwtOutcomes_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject c = Keys::claims("alice", "user");
        QTest::newRow("valid") << "Bearer " + m_keys.token(c) << 200 << "";
        QTest::newRow("valid, audience list") << "Bearer " + m_keys.token([&] {
            QJsonObject x = c;
            x["aud"] = QJsonArray { "other", "gatehouse-api" };
            return x;
        }()) << 200 << "";
        QTest::newRow("missing") << QByteArray() << 401 << "a bearer token is required";
        QTest::newRow("not bearer") << QByteArray("Basic YTpi") << 401 << "a bearer token is required";
        QTest::newRow("garbage") << QByteArray("Bearer abc") << 401 << "malformed token";
        QTest::newRow("expired") << "Bearer " + m_keys.token(Keys::claims("alice", "user", -60)) << 401
                                 << "token expired";
        QJsonObject nbf = c;
        nbf["nbf"] = double(now + 120);
        QTest::newRow("nbf in future") << "Bearer " + m_keys.token(nbf) << 401 << "token not yet valid";
        QJsonObject iss = c;
        iss["iss"] = "someone-else";
        QTest::newRow("wrong issuer") << "Bearer " + m_keys.token(iss) << 401 << "token issuer not accepted";
        QJsonObject aud = c;
        aud["aud"] = "other-api";
        QTest::newRow("wrong audience") << "Bearer " + m_keys.token(aud) << 401 << "token audience not accepted";
        QJsonObject noExp = c;
        noExp.remove("exp");
        QTest::newRow("no exp") << "Bearer " + m_keys.token(noExp) << 401 << "token has no expiry";
        // Times beyond what a double holds exactly (found by fuzz_jwt_verifier: 1e300 was cast to
        // qint64, undefined behaviour).
        QJsonObject hugeExp = c;
        hugeExp["exp"] = 1e300;
        QTest::newRow("exp out of range") << "Bearer " + m_keys.token(hugeExp) << 401 << "token has no expiry";
        QJsonObject hugeNbf = c;
        hugeNbf["nbf"] = -1e300;
        QTest::newRow("nbf out of range") << "Bearer " + m_keys.token(hugeNbf) << 401 << "malformed token";
        QJsonObject noSub = c;
        noSub.remove("sub");
        QTest::newRow("no sub") << "Bearer " + m_keys.token(noSub) << 401 << "token has no subject";
        // alg none: an unsigned token with a valid payload.
        const QByteArray payload = QJsonDocument(c)
                                       .toJson(QJsonDocument::Compact)
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray noneHeader = QByteArray("{\"alg\":\"none\",\"typ\":\"JWT\"}")
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QTest::newRow("alg none") << "Bearer " + noneHeader + "." + payload + "." << 401 << "malformed token";
        QTest::newRow("alg none with sig")
            << "Bearer " + noneHeader + "." + payload + ".AAAA" << 401 << "token algorithm not accepted";
        // Algorithm confusion: HS256 keyed with the public key.
        QTest::newRow("HS256 with public key")
            << "Bearer " + m_keys.token(c, JWT_ALG_HS256, m_keys.publicPem()) << 401 << "token algorithm not accepted";
        // Tampered: payload swapped for another subject, signature kept.
        const QByteArray good = m_keys.token(c);
        QJsonObject bob = c;
        bob["sub"] = "bob";
        const QByteArray bobPayload = QJsonDocument(bob)
                                          .toJson(QJsonDocument::Compact)
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QList<QByteArray> parts = good.split('.');
        QTest::newRow("tampered payload")
            << "Bearer " + parts[0] + "." + bobPayload + "." + parts[2] << 401 << "invalid token signature";
        QByteArray sig = parts[2];
        sig[5] = sig[5] == 'A' ? 'B' : 'A';
        QTest::newRow("tampered signature")
            << "Bearer " + parts[0] + "." + parts[1] + "." + sig << 401 << "invalid token signature";
        Keys other;
        QTest::newRow("signed by another key") << "Bearer " + other.token(c) << 401 << "invalid token signature";
    }

    void jwtOutcomes()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, detail);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({ "Authorization", authorization });
        const Reply r = get(pub(), "/items/7", headers);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
            QCOMPARE(r.json()["detail"].toString(), detail);
            QCOMPARE(r.json()["status"].toInt(), 401);
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        } else {
            QCOMPARE(r.json()["x-gatehouse-subject"].toString(), QString("alice"));
            // The caller's identity headers are the gateway's, never the client's.
        }
    }

    void verifiedTokensCachedButTimeRechecked()
    {
        JwtVerifier verifier(m_keys.publicPem(), "gatehouse-auth", "gatehouse-api");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject claims = Keys::claims("dave", "user", 60);
        claims["nbf"] = double(now - 10);
        const QByteArray token = m_keys.token(claims);
        QVERIFY(verifier.verify(token, now).ok());
        QCOMPARE(verifier.cachedTokens(), 1);
        QVERIFY(verifier.verify(token, now + 1).ok());
        QCOMPARE(verifier.cachedTokens(), 1);
        // From the cache, exp and nbf are still checked against the time of each request.
        QCOMPARE(verifier.verify(token, now + 3600).error, QString("token expired"));
        QCOMPARE(verifier.verify(token, now - 3600).error, QString("token not yet valid"));
        // A tampered copy is a different token: verified again, refused, not cached.
        QByteArray tampered = token;
        tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
        QCOMPARE(verifier.verify(tampered, now).error, QString("invalid token signature"));
        QCOMPARE(verifier.cachedTokens(), 1);
        // A signed token refused for its claims is refused the same way from the cache.
        QJsonObject foreign = claims;
        foreign["iss"] = "someone-else";
        const QByteArray foreignToken = m_keys.token(foreign);
        QCOMPARE(verifier.verify(foreignToken, now).error, QString("token issuer not accepted"));
        QVERIFY(verifier.isCached(foreignToken));
        QCOMPARE(verifier.verify(foreignToken, now).error, QString("token issuer not accepted"));
    }

    void tokenCacheIsLeastRecentlyUsed()
    {
        JwtVerifier verifier(m_keys.publicPem(), "gatehouse-auth", "gatehouse-api", 5, 2);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray a = m_keys.token(Keys::claims("a", "user"));
        const QByteArray b = m_keys.token(Keys::claims("b", "user"));
        const QByteArray c = m_keys.token(Keys::claims("c", "user"));
        QVERIFY(verifier.verify(a, now).ok());
        QVERIFY(verifier.verify(b, now).ok());
        QVERIFY(verifier.verify(a, now).ok()); // a used again: b is now the least recent
        QVERIFY(verifier.verify(c, now).ok());
        QCOMPARE(verifier.cachedTokens(), 2);
        QVERIFY(verifier.isCached(a));
        QVERIFY(!verifier.isCached(b));
        QVERIFY(verifier.isCached(c));
        QCOMPARE(verifier.verify(b, now).claims->subject, QString("b")); // verified again
        QVERIFY(verifier.isCached(b));
        QVERIFY(!verifier.isCached(a));
    }

    // RFC 9110 §7.6.1: hop-by-hop fields, and fields named in Connection, stay on their hop in
    // both directions; every other field is forwarded, in order.
    void hopByHopFieldsStayOnTheirHop()
    {
        const Reply r = get(pub(), "/public/items",
            { { "Connection", "keep-alive, X-Drop-Me" }, { "X-Drop-Me", "1" }, { "Keep-Alive", "timeout=5" },
                { "Proxy-Authorization", "Basic c2VjcmV0" }, { "TE", "trailers" }, { "Proxy-Connection", "keep-alive" },
                { "X-Custom", "kept" }, { "X-Answer-Hop-Fields", "1" } });
        QCOMPARE(r.status, 200);
        QStringList received;
        for (const QJsonValue &name : r.json()["fields"].toArray())
            received.append(name.toString());
        for (const char *dropped : { "connection", "x-drop-me", "keep-alive", "proxy-authorization", "te", "proxy-connection" })
            QVERIFY2(!received.contains(QLatin1String(dropped)), dropped);
        QVERIFY(received.contains("x-custom"));
        QVERIFY(received.indexOf("x-custom") < received.indexOf("x-answer-hop-fields"));
        QCOMPARE(r.header("X-Upstream"), QByteArray("yes"));
        QVERIFY(!r.headers.contains("keep-alive"));
        QVERIFY(!r.headers.contains("proxy-authenticate"));
        QVERIFY(!r.headers.contains("trailer"));
    }

    void identityHeadersCannotBeSpoofed()
    {
        const Reply r
            = get(pub(), "/public/items", { { "X-Gatehouse-Subject", "root" }, { "X-Gatehouse-Role", "admin" } });
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains("x-gatehouse-subject"));
        QVERIFY(!r.json().contains("x-gatehouse-role"));
    }

    void adminRole()
    {
        // Admin route: user role → 403, admin → 200, no token → 401.
        QCOMPARE(get(internal(), "/admin/stats", { bearer(userToken()) }).status, 403);
        QCOMPARE(get(internal(), "/admin/stats").status, 401);
        QCOMPARE(get(internal(), "/admin/stats", { bearer(adminToken()) }).status, 200);
        // The gateway's own admin API.
        const Reply denied = get(internal(), "/admin/gateway/routes", { bearer(userToken()) });
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.json()["detail"].toString(), QString("the admin role is required"));
        QCOMPARE(get(internal(), "/admin/gateway/routes").status, 401);
        const Reply routes = get(internal(), "/admin/gateway/routes", { bearer(adminToken()) });
        QCOMPARE(routes.status, 200);
        QCOMPARE(routes.json()["routes"].toArray().size(), 14);
    }

    void apiKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("status");
        QTest::newRow("good") << PartnerKey << 200;
        QTest::newRow("bad") << QByteArray("partner-key-0123456789abcdeX") << 401;
        QTest::newRow("missing") << QByteArray() << 401;
        QTest::newRow("jwt is not a key") << QByteArray() << 401;
    }

    void apiKeys()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, status);
        QList<QPair<QByteArray, QByteArray>> headers { bearer(userToken()) };
        if (!key.isEmpty())
            headers.append({ "X-API-Key", key });
        const Reply r = get(pub(), "/partner/items", headers);
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(r.json()["x-gatehouse-partner"].toString(), QString("acme"));
            QVERIFY(!r.json().contains("x-api-key")); // the key never travels further
        } else {
            QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        }
    }

    void rateLimitHeadersAnd429()
    {
        Connection c(pub());
        for (int i = 1; i <= 5; ++i) {
            const Reply r = c.request("GET", "/limited");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("RateLimit-Limit"), QByteArray("5"));
            QCOMPARE(r.header("RateLimit-Remaining"), QByteArray::number(5 - i));
            QCOMPARE(r.header("RateLimit-Policy"), QByteArray("5;w=60"));
            const int reset = r.header("RateLimit-Reset").toInt();
            QVERIFY(reset >= 1 && reset <= 60);
        }
        const Reply limited = c.request("GET", "/limited");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        QCOMPARE(limited.header("Content-Type"), QByteArray("application/problem+json"));
        // The counter lives in Redis under the diagram's key prefix.
        QVERIFY(m_redis.command("GET \"rl:GET /limited|ip:127.0.0.1\"").contains("6"));
    }

    void rateLimitExactAcrossThreads()
    {
        // Two client threads, two gateway I/O threads, one key: exactly `requests` pass.
        std::atomic<int> ok { 0 }, limited { 0 }, other { 0 };
        const QByteArray token = m_keys.token(Keys::claims("carol", "user"));
        auto worker = [&] {
            Connection c(pub());
            for (int i = 0; i < 40; ++i) {
                const int s = c.request("GET", "/busy", { bearer(token) }).status;
                (s == 200 ? ok : s == 429 ? limited : other)++;
            }
        };
        std::thread a(worker), b(worker);
        a.join();
        b.join();
        QCOMPARE(other.load(), 0);
        QCOMPARE(ok.load(), 50);
        QCOMPARE(limited.load(), 30);
    }

    // The counter key carries the client identity as UTF-8, whatever its script.
    void rateLimitKeyOfNonAsciiSubject()
    {
        const QString subject = QString::fromUtf8("j\u00fcrgen-\u2713");
        const QByteArray token = m_keys.token(Keys::claims(subject, "user"));
        QCOMPARE(get(pub(), "/busy", { bearer(token) }).status, 200);
        QCOMPARE(get(pub(), "/busy", { bearer(token) }).header("RateLimit-Remaining"), QByteArray("48"));
        const QByteArray reply = m_redis.command("GET \"rl:GET /busy|sub:" + subject.toUtf8() + "\"");
        QVERIFY2(reply.startsWith("$1\r\n2"), reply.constData());
    }

    void timeoutFallback()
    {
        const Reply r = get(pub(), "/slow/1500");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("{\"error\":\"busy, retry later\"}"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const Reply bare = get(pub(), "/slow/1500/bare");
        QCOMPARE(bare.status, 503);
        QCOMPARE(bare.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(bare.json()["detail"].toString(), QString("upstream svc did not answer within 200 ms"));
        QCOMPARE(get(pub(), "/slow/10").status, 200);
    }

    void retriesOnlyIdempotent()
    {
        // GET: the first attempt gets 503, the retry succeeds on the same upstream.
        const int before = m_svc->hits.load();
        const Reply get1 = get(pub(), "/fail-once/a");
        QCOMPARE(get1.status, 200);
        QCOMPARE(m_svc->hits.load(), before + 2);
        // The retry carries the same request: target and header fields (the last attempt takes
        // them over without copying, a retried one must not lose them).
        const Reply get2 = get(pub(), "/fail-once/c?q=1", { { "X-Custom", "kept" }, { "X-Forwarded-For", "10.0.0.9" } });
        QCOMPARE(get2.status, 200);
        QCOMPARE(m_svc->hits.load(), before + 4);
        const QJsonObject retriedRequest = m_svc->lastRequest();
        QCOMPARE(retriedRequest["target"].toString(), QString("/fail-once/c?q=1"));
        QCOMPARE(retriedRequest["x-custom"].toString(), QString("kept"));
        QCOMPARE(retriedRequest["x-forwarded-for"].toString(), QString("10.0.0.9, 127.0.0.1"));
        QVERIFY(!retriedRequest["x-forwarded-host"].toString().isEmpty());
        // POST is not idempotent: the 503 goes back to the caller, one attempt only.
        Connection c(pub());
        const Reply post = c.request("POST", "/fail-once/b");
        QCOMPARE(post.status, 503);
        QCOMPARE(m_svc->hits.load(), before + 5);
        QCOMPARE(c.request("POST", "/fail-once/b").status, 200);
        const Reply metrics = get(internal(), "/metrics");
        QVERIFY(metrics.body.contains("gatehouse_gateway_upstream_retries_total{upstream=\"svc\"} 2\n"));
    }

    void circuitBreakerCycle()
    {
        auto circuit = [this] {
            return get(internal(), "/admin/gateway/circuits", { bearer(adminToken()) })
                .json()["circuits"]
                .toObject()["flaky"]
                .toString();
        };
        m_flaky->flakyStatus = 503;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(pub(), "/flaky").status, 503);
        QCOMPARE(circuit(), QString("open"));
        const int hitsWhenOpen = m_flaky->hits.load();
        const Reply refused = get(pub(), "/flaky");
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.json()["detail"].toString(), QString("circuit open for upstream flaky"));
        QCOMPARE(m_flaky->hits.load(), hitsWhenOpen); // not even tried
        QTRY_COMPARE_WITH_TIMEOUT(circuit(), QString("half-open"), 5000);
        // A failing probe opens it again.
        QCOMPARE(get(pub(), "/flaky").status, 503);
        QCOMPARE(m_flaky->hits.load(), hitsWhenOpen + 1);
        QCOMPARE(circuit(), QString("open"));
        QTRY_COMPARE_WITH_TIMEOUT(circuit(), QString("half-open"), 5000);
        m_flaky->flakyStatus = 200;
        QCOMPARE(get(pub(), "/flaky").status, 200);
        QCOMPARE(circuit(), QString("closed"));
        QCOMPARE(get(pub(), "/flaky").status, 200);
    }

    void traceContextPropagated()
    {
        const QByteArray traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const QByteArray incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        const Reply r = get(pub(), "/public/items", { { "traceparent", incoming }, { "tracestate", "vendor=1" } });
        QCOMPARE(r.status, 200);
        const QString forwarded = r.json()["traceparent"].toString();
        QCOMPARE(forwarded.size(), 55);
        QCOMPARE(forwarded.section('-', 1, 1), QString(traceId));
        const QString hopSpan = forwarded.section('-', 2, 2);
        QVERIFY(hopSpan != "00f067aa0ba902b7");
        QCOMPARE(r.json()["tracestate"].toString(), QString("vendor=1"));

        // Spans: the server span continues the caller's, the client span is its child and is
        // the parent the upstream saw.
        QJsonObject server, client;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            for (const QJsonObject &s : m_sink->spans()) {
                if (s["traceId"].toString() != QString(traceId))
                    continue;
                if (s["kind"] == "http.server")
                    server = s;
                if (s["kind"] == "http.client")
                    client = s;
            }
            return !server.isEmpty() && !client.isEmpty();
        }()),
            5000);
        QCOMPARE(server["parentSpanId"].toString(), QString("00f067aa0ba902b7"));
        QCOMPARE(client["parentSpanId"].toString(), server["spanId"].toString());
        QCOMPARE(client["spanId"].toString(), hopSpan);
        QCOMPARE(client["edgeId"].toString(), QString("e-gw-svc"));
        QCOMPARE(server["nodeId"].toString(), QString("gw"));
        QCOMPARE(server["name"].toString(), QString("GET /public/items"));

        // Probes and scrapes are not traffic: no span for /healthz, /readyz or /metrics, even
        // with a traceparent, while the routed request just before them has one.
        const QByteArray probeTrace = "5bf92f3577b34da6a3ce929d0e0e4737";
        const QByteArray probeParent = "00-" + probeTrace + "-00f067aa0ba902b7-01";
        QCOMPARE(get(pub(), "/healthz", { { "traceparent", probeParent } }).status, 200);
        QCOMPARE(get(internal(), "/readyz", { { "traceparent", probeParent } }).status, 200);
        QCOMPARE(get(internal(), "/metrics", { { "traceparent", probeParent } }).status, 200);
        const QByteArray markerTrace = "6bf92f3577b34da6a3ce929d0e0e4738";
        QCOMPARE(get(pub(), "/public/items", { { "traceparent", "00-" + markerTrace + "-00f067aa0ba902b7-01" } }).status, 200);
        const auto spansOf = [&](const QByteArray &id) {
            int n = 0;
            for (const QJsonObject &s : m_sink->spans())
                n += s["traceId"].toString() == QString(id) ? 1 : 0;
            return n;
        };
        // Spans arrive in order per node: once the marker's are in, the probes' would be too.
        QTRY_VERIFY_WITH_TIMEOUT(spansOf(markerTrace) >= 2, 5000);
        QCOMPARE(spansOf(probeTrace), 0);

        // No or malformed traceparent: a new trace, still propagated.
        const Reply fresh = get(pub(), "/public/items", { { "traceparent", "00-zz-bad-01" } });
        const QString created = fresh.json()["traceparent"].toString();
        QCOMPARE(created.size(), 55);
        QVERIFY(created.section('-', 1, 1) != QString(traceId));
        QVERIFY(!fresh.json().contains("tracestate"));
    }

    void healthMetricsAndLog()
    {
        QCOMPARE(get(pub(), "/healthz").status, 200);
        const Reply ready = get(internal(), "/readyz");
        QCOMPARE(ready.status, 200);
        QCOMPARE(ready.json()["status"].toString(), QString("ready"));
        QCOMPARE(get(pub(), "/metrics").status, 404);
        const Reply metrics = get(internal(), "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("gatehouse_gateway_requests_total{route=\"GET /limited\",status=\"429\"} 1\n"));
        QVERIFY(metrics.body.contains("gatehouse_gateway_circuit_state{upstream=\"flaky\"} 0\n"));
        QVERIFY(metrics.body.contains("gatehouse_gateway_ratelimit_backend_up 1\n"));

        const Reply recent = get(internal(), "/admin/gateway/requests?limit=500", { bearer(adminToken()) });
        QCOMPARE(recent.status, 200);
        bool sawLimited = false;
        for (const QJsonValue &v : recent.json()["requests"].toArray()) {
            const QJsonObject line = v.toObject();
            if (line["route"] == "GET /limited" && line["status"].toInt() == 429) {
                sawLimited = true;
                QCOMPARE(line["rateLimit"].toString(), QString("limited"));
                QCOMPARE(line["client"].toString(), QString("ip:127.0.0.1"));
                QCOMPARE(line["traceId"].toString().size(), 32);
                QVERIFY(line.contains("latencyMs"));
                QVERIFY(line.contains("bytesOut"));
                QCOMPARE(line["upstream"].toString(), QString("svc"));
            }
        }
        QVERIFY(sawLimited);

        const Reply counters = get(internal(), "/admin/gateway/ratelimits", { bearer(adminToken()) });
        QCOMPARE(counters.status, 200);
        bool sawCounter = false;
        for (const QJsonValue &v : counters.json()["counters"].toArray())
            sawCounter = sawCounter || (v["key"] == "GET /limited|ip:127.0.0.1" && v["count"].toInt() == 6);
        QVERIFY2(sawCounter, counters.body.constData());

        const Reply upstreams = get(internal(), "/admin/gateway/upstreams", { bearer(adminToken()) });
        QCOMPARE(upstreams.json()["upstreams"].toArray().size(), 2);

        // The access log file in the data dir has one JSON line per request.
        QFile file(m_dataDir.filePath("access.log"));
        QTRY_VERIFY_WITH_TIMEOUT(file.exists() && file.size() > 0, 5000);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QVERIFY(lines.size() > 20);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        for (const char *field : { "time", "traceId", "client", "route", "upstream", "status", "bytesOut", "latencyMs",
                 "rateLimit", "auth", "method", "path" })
            QVERIFY2(first.contains(field), field);
    }

    // A streamed answer is logged when it ends, with the bytes that went out: all of them for
    // a chunked answer (whose length nobody announced), fewer and a bodyError when the client
    // hangs up halfway.
    void streamedAnswerLoggedWhenItEnds()
    {
        auto lineFor = [this](const QString &path) {
            const Reply recent = get(internal(), "/admin/gateway/requests?limit=1000", { bearer(adminToken()) });
            for (const QJsonValue &v : recent.json()["requests"].toArray()) {
                if (v["path"].toString() == path)
                    return v.toObject();
            }
            return QJsonObject();
        };
        auto connectAndSend = [this](const QByteArray &request) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            timeval tv { 20, 0 }; // a hang guard
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            sockaddr_in addr {};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(static_cast<uint16_t>(pub()));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
                || ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size()) {
                ::close(fd);
                return -1;
            }
            return fd;
        };
        // Read to the end (the gateway closes after the last chunk: Connection: close).
        const int whole = connectAndSend("GET /download/300000/chunked HTTP/1.1\r\nHost: gateway.test\r\nConnection: close\r\n\r\n");
        QVERIFY(whole >= 0);
        QByteArray received;
        char buffer[65536];
        for (ssize_t n; (n = ::recv(whole, buffer, sizeof buffer, 0)) > 0;)
            received.append(buffer, n);
        ::close(whole);
        QVERIFY(received.startsWith("HTTP/1.1 200"));
        QVERIFY(received.contains("Transfer-Encoding: chunked"));
        QVERIFY(received.endsWith("\r\n0\r\n\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!lineFor("/download/300000/chunked").isEmpty(), 5000);
        const QJsonObject complete = lineFor("/download/300000/chunked");
        QCOMPARE(complete["bytesOut"].toInteger(), 300000);
        QVERIFY(!complete.contains("bodyError"));

        // 200 MB the client stops reading after the head: no line while it is stuck...
        const int fd = connectAndSend("GET /download/200000000 HTTP/1.1\r\nHost: gateway.test\r\n\r\n");
        QVERIFY(fd >= 0);
        char head[4096];
        QVERIFY(::recv(fd, head, sizeof head, 0) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(lineFor("/download/200000000").isEmpty(), 1000); // (true at once)
        // ...then it hangs up: the line comes, with what went out and why it stopped.
        ::close(fd);
        QTRY_VERIFY_WITH_TIMEOUT(!lineFor("/download/200000000").isEmpty(), 10000);
        const QJsonObject abandoned = lineFor("/download/200000000");
        QCOMPARE(abandoned["status"].toInt(), 200);
        QVERIFY(abandoned["bytesOut"].toInteger() > 0);
        QVERIFY(abandoned["bytesOut"].toInteger() < 200000000);
        QVERIFY2(abandoned["bodyError"].toString().contains("went away"), qPrintable(abandoned["bodyError"].toString()));

        // The service dies after 200 KB of 1 MB: the client's connection is cut (no false end),
        // and the line says so.
        const int cut = connectAndSend("GET /download/1000000/fail-after/200000 HTTP/1.1\r\nHost: gateway.test\r\n\r\n");
        QVERIFY(cut >= 0);
        qint64 cutBytes = 0;
        for (ssize_t n; (n = ::recv(cut, buffer, sizeof buffer, 0)) > 0;)
            cutBytes += n;
        ::close(cut);
        QVERIFY(cutBytes < 1000000);
        QTRY_VERIFY_WITH_TIMEOUT(!lineFor("/download/1000000/fail-after/200000").isEmpty(), 10000);
        const QJsonObject failed = lineFor("/download/1000000/fail-after/200000");
        QVERIFY(failed["bytesOut"].toInteger() >= 65536);
        QVERIFY(failed["bytesOut"].toInteger() <= 4 * 65536); // the service stops after its 64 KiB piece past 200 KB
        QVERIFY(!failed["bodyError"].toString().isEmpty());
        QVERIFY(!failed["bodyError"].toString().contains("went away"));
    }

    void reloadKeepsConnection()
    {
        Connection c(pub());
        QCOMPARE(c.request("GET", "/public/items").status, 200);
        QCOMPARE(c.request("GET", "/fresh").status, 404);
        // More connections, spread over the gateway's I/O threads, each of which keeps its own
        // snapshot of the table: all of them must see the reload.
        std::vector<std::unique_ptr<Connection>> others;
        for (int i = 0; i < 6; ++i) {
            others.push_back(std::make_unique<Connection>(pub()));
            QCOMPARE(others.back()->request("GET", "/fresh").status, 404);
        }

        Topology edited = topology("open");
        edited.edges[0].routes.append(route("GET", "/fresh", AuthMode::None));
        const QByteArray body = ProjectFile::toJson(edited);
        Connection admin(internal());
        const Reply reloaded = admin.request(
            "POST", "/admin/gateway/reload", { bearer(adminToken()), { "Content-Type", "application/json" } }, body);
        QCOMPARE(reloaded.status, 200);
        QCOMPARE(reloaded.json()["routes"].toInt(), 15);

        for (const auto &other : others)
            QCOMPARE(other->request("GET", "/fresh").status, 200);
        // Same connection, new table.
        const Reply fresh = c.request("GET", "/fresh");
        QCOMPARE(fresh.status, 200);
        QCOMPARE(fresh.json()["target"].toString(), QString("/fresh"));
        QCOMPARE(c.request("GET", "/public/items").status, 200);

        const Reply bad = admin.request("POST", "/admin/gateway/reload", { bearer(adminToken()) }, "{not json");
        QCOMPARE(bad.status, 400);
        QCOMPARE(c.request("GET", "/fresh").status, 200); // the old table stays
    }

    void redisDown_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("status");
        QTest::newRow("fail-open") << "open" << 200;
        QTest::newRow("fail-closed") << "closed" << 503;
    }

    void redisDown()
    {
        QFETCH(QString, mode);
        QFETCH(int, status);
        RedisServer redis;
        QVERIFY(redis.start());
        GatewayNode node(config(mode, redis.port()), GatewayNode::Settings { 1 });
        QString error;
        QVERIFY2(node.start(&error), qPrintable(error));
        QCOMPARE(get(node.publicPort(), "/limited").status, 200);
        QCOMPARE(get(node.internalPort(), "/readyz").json()["status"].toString(), QString("ready"));
        redis.stop();
        const Reply r = get(node.publicPort(), "/limited");
        QCOMPARE(r.status, status);
        QVERIFY(!r.headers.contains("ratelimit-limit"));
        if (status == 503) {
            QCOMPARE(r.header("Retry-After"), QByteArray("1"));
            QCOMPARE(r.json()["detail"].toString(), QString("rate limiting is unavailable; try again shortly"));
        }
        // Routes without a limit are unaffected either way.
        QCOMPARE(get(node.publicPort(), "/public/items").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            get(node.internalPort(), "/readyz").json()["status"].toString(), QString("degraded"), 5000);
        const QString warning = get(node.internalPort(), "/readyz").json()["warnings"].toArray().first().toString();
        QVERIFY2(warning.contains(mode == "open" ? "failing open" : "failing closed"), qPrintable(warning));
        // The transition is reported once on the telemetry channel as a warning log line.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_sink->lines.cbegin(), m_sink->lines.cend(),
                                     [&](const QJsonObject &line) {
                                         return line["type"] == "log" && line["level"] == "warning"
                                             && line["message"].toString().startsWith("rate limiting unavailable")
                                             && line["message"].toString().endsWith("failing " + mode);
                                     }),
            5000);
    }

    // Redis that accepts the connection but stops answering (a stopped process): the check
    // gives up after the command timeout (500 ms) and the route answers by the fail mode,
    // instead of the request hanging on its I/O thread.
    void redisHungAnswersByFailMode()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        GatewayNode node(config("closed", redis.port()), GatewayNode::Settings { 1 });
        QString error;
        QVERIFY2(node.start(&error), qPrintable(error));
        QCOMPARE(get(node.publicPort(), "/limited").status, 200);
        QCOMPARE(::kill(pid_t(redis.pid()), SIGSTOP), 0);
        const Reply r = get(node.publicPort(), "/limited");
        ::kill(pid_t(redis.pid()), SIGCONT);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json()["detail"].toString(), QString("rate limiting is unavailable; try again shortly"));
        // Once Redis answers again, the limiter reconnects and counts again.
        QTRY_COMPARE_WITH_TIMEOUT(get(node.publicPort(), "/limited").header("RateLimit-Limit"), QByteArray("5"), 5000);
    }

    // A host name for Redis (resolved once at start; where it has several addresses, e.g. ::1
    // and 127.0.0.1, a failed connect moves on to the next one).
    void redisByHostName()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        NodeLaunchConfig c = config("closed", redis.port());
        c.redis->endpoint.host = "localhost";
        GatewayNode node(c, GatewayNode::Settings { 1 });
        QString error;
        QVERIFY2(node.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(get(node.publicPort(), "/limited").header("RateLimit-Limit"), QByteArray("5"), 5000);
    }

    // Redis restarted (same port, counters gone): the next checks after the reconnect delay
    // count again, and the recovery is logged once.
    void redisRestartRecovers()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        GatewayNode node(config("open", redis.port()), GatewayNode::Settings { 2 });
        QString error;
        QVERIFY2(node.start(&error), qPrintable(error));
        const qsizetype linesBefore = m_sink->lines.size();
        QCOMPARE(get(node.publicPort(), "/limited").header("RateLimit-Remaining"), QByteArray("4"));
        const int port = redis.port();
        redis.stop();
        QCOMPARE(get(node.publicPort(), "/limited").status, 200); // fail-open
        QVERIFY(redis.start(port));
        QTRY_COMPARE_WITH_TIMEOUT(
            get(node.publicPort(), "/limited").header("RateLimit-Limit"), QByteArray("5"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            get(node.internalPort(), "/readyz").json()["status"].toString(), QString("ready"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_sink->lines.cbegin() + linesBefore, m_sink->lines.cend(),
                                     [&](const QJsonObject &line) {
                                         return line["type"] == "log"
                                             && line["message"].toString().startsWith("rate limiting restored");
                                     }),
            5000);
    }

    // SCRIPT FLUSH under a running gateway: the check that meets NOSCRIPT was not counted by
    // Redis, so its batch is sent again as EVAL (which caches the script again) and the request
    // is counted and answered normally; later checks use EVALSHA again.
    void scriptFlushedIsReloaded()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        GatewayNode node(config("closed", redis.port()), GatewayNode::Settings { 1 });
        QString error;
        QVERIFY2(node.start(&error), qPrintable(error));
        QCOMPARE(get(node.publicPort(), "/limited").status, 200);
        QTcpSocket admin;
        admin.connectToHost(QHostAddress::LocalHost, quint16(redis.port()));
        QVERIFY(admin.waitForConnected(5000));
        admin.write("SCRIPT FLUSH\r\n");
        QVERIFY(admin.waitForReadyRead(5000));
        QCOMPARE(admin.readAll(), QByteArray("+OK\r\n"));
        const Reply resent = get(node.publicPort(), "/limited");
        QCOMPARE(resent.status, 200);
        QCOMPARE(resent.header("RateLimit-Remaining"), QByteArray("3"));
        const Reply again = get(node.publicPort(), "/limited");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("RateLimit-Remaining"), QByteArray("2"));
        const QByteArray stats = redis.command("INFO commandstats");
        QVERIFY2(stats.contains("cmdstat_eval:calls=1,"), stats.constData());
        QVERIFY2(stats.contains("cmdstat_evalsha:calls=3,"), stats.constData());
        QVERIFY2(stats.contains("rejected_calls=0,failed_calls=1"), stats.constData()); // the NOSCRIPT
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
