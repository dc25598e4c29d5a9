// The auth role against a real PostgreSQL: argon2id password hashes, ES256 tokens that the
// gateway's own JwtVerifier accepts, the JWKS route, partner API keys stored as the hash the
// gateway's ApiKeyVerifier checks, admin-only partner creation.
#include "servicetestenv.h"

#include "gateway/apikeyverifier.h"
#include "gateway/jwtverifier.h"
#include "services/authbehaviour.h"
#include "services/authkeys.h"
#include "services/servicenode.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace Gatehouse::Runtime::TestSupport;

class TestAuthService : public QObject
{
    Q_OBJECT

private:
    ServiceEnv m_env;
    PostgresAccess m_db;
    std::unique_ptr<ServiceNode> m_node;
    HttpHelper m_http;
    const QString m_secret = "s3cr3t-generated-by-the-runtime-0123456789";

    NodeLaunchConfig config() const
    {
        Topology t;
        Node gateway = plainNode("gateway", NodeKind::Gateway);
        t.nodes = {gateway, serviceNode("auth", ServiceRole::Auth), plainNode("auth-db", NodeKind::DbPostgres)};
        t.edges = {edge("e-auth-db", EdgeKind::Owns, "auth", "auth-db")};
        NodeLaunchConfig c;
        c.nodeId = "auth";
        c.topology = t;
        c.publicListener = Endpoint{"127.0.0.1", 0};
        c.postgres = m_db;
        c.secrets = {{"jwt.signingKey", m_secret}, {"partner.acme.apiKey", "acme-key-123"}, {"users.demoPassword", "pw-demo"}};
        return c;
    }

    HttpResult login(const QString &user, const QString &password)
    {
        return m_http.send(m_node->port(), "POST", "/auth/login",
                           QJsonDocument(QJsonObject{{"username", user}, {"password", password}}).toJson(QJsonDocument::Compact));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_env.start({}, &error), qPrintable(error));
        auto db = m_env.createDatabase("auth", &error);
        QVERIFY2(db, qPrintable(error));
        m_db = *db;
        m_node = std::make_unique<ServiceNode>(config());
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QVERIFY2(m_node->warnings().isEmpty(), qPrintable(m_node->warnings().join("; ")));
    }

    void cleanupTestCase()
    {
        m_node.reset();
        m_env.stop();
    }

    void passwordsAreArgon2idHashes()
    {
        const auto rows = ServiceEnv::rows(m_db, "SELECT username, password_hash, role FROM users ORDER BY username");
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], QStringList({"admin", rows[0][1], "admin"}));
        for (const QStringList &row : rows) {
            QVERIFY(row[1].startsWith("$argon2id$"));
            QVERIFY(!row[1].contains("pw-demo"));
            QVERIFY(AuthBehaviour::verifyPassword(row[1].toLatin1(), "pw-demo"));
            QVERIFY(!AuthBehaviour::verifyPassword(row[1].toLatin1(), "pw-demo!"));
        }
    }

    void loginIssuesATokenTheGatewayAccepts()
    {
        const HttpResult r = login("alice", "pw-demo");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("tokenType").toString(), QString("Bearer"));
        const QByteArray token = r.json.value("accessToken").toString().toLatin1();
        const auto keys = AuthKeys::fromSecret(m_secret.toUtf8(), nullptr);
        QVERIFY(keys);
        JwtVerifier verifier(keys->publicPem, "gatehouse-auth", "gatehouse-api");
        const auto result = verifier.verify(token, QDateTime::currentSecsSinceEpoch());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.claims->subject, QString("u-alice"));
        QCOMPARE(result.claims->role, QString("user"));
        const qint64 exp = result.claims->expiresAt;
        QVERIFY(exp > QDateTime::currentSecsSinceEpoch() + 3000 && exp <= QDateTime::currentSecsSinceEpoch() + 3600);
        // expired an hour later, by the gateway's own clock check
        QVERIFY(!verifier.verify(token, QDateTime::currentSecsSinceEpoch() + 3700).ok());
        // another key does not verify it
        const auto other = AuthKeys::fromSecret("another secret", nullptr);
        QVERIFY(!JwtVerifier(other->publicPem, "gatehouse-auth", "gatehouse-api").verify(token, QDateTime::currentSecsSinceEpoch()).ok());

        const HttpResult admin = login("admin", "pw-demo");
        QCOMPARE(admin.status, 200);
        const auto adminClaims = verifier.verify(admin.json.value("accessToken").toString().toLatin1(), QDateTime::currentSecsSinceEpoch());
        QVERIFY(adminClaims.ok());
        QCOMPARE(adminClaims.claims->role, QString("admin"));
    }

    void jwksPublishesTheVerificationKey()
    {
        const HttpResult r = m_http.send(m_node->port(), "GET", "/auth/jwks");
        QCOMPARE(r.status, 200);
        const QJsonObject key = r.json.value("keys").toArray().first().toObject();
        QCOMPARE(key.value("kty").toString(), QString("EC"));
        QCOMPARE(key.value("crv").toString(), QString("P-256"));
        QCOMPARE(key.value("alg").toString(), QString("ES256"));
        QCOMPARE(QByteArray::fromBase64(key.value("x").toString().toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
        const auto keys = AuthKeys::fromSecret(m_secret.toUtf8(), nullptr);
        QCOMPARE(key.value("pem").toString().toLatin1(), keys->publicPem);
        QVERIFY(!r.body.contains("PRIVATE"));
        // a token verifies with the key as served
        const QByteArray token = login("bob", "pw-demo").json.value("accessToken").toString().toLatin1();
        QVERIFY(JwtVerifier(key.value("pem").toString().toLatin1(), "gatehouse-auth", "gatehouse-api")
                    .verify(token, QDateTime::currentSecsSinceEpoch())
                    .ok());
    }

    void badLoginsAreRefused()
    {
        const HttpResult wrong = login("alice", "nope");
        QCOMPARE(wrong.status, 401);
        const HttpResult unknown = login("mallory", "pw-demo");
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.json.value("detail").toString(), wrong.json.value("detail").toString()); // no user oracle
        QCOMPARE(m_http.send(m_node->port(), "POST", "/auth/login", "{not json").status, 400);
        QCOMPARE(m_http.send(m_node->port(), "POST", "/auth/login", "{\"username\":\"alice\"}").status, 400);
    }

    void partnerKeysAreStoredAsTheGatewaysHash()
    {
        const QString hash = ServiceEnv::rows(m_db, "SELECT key_hash FROM partners WHERE id = 'acme'").value(0).value(0);
        QCOMPARE(hash.toLatin1(), ApiKeyVerifier::sha256Hex("acme-key-123"));
        ApiKeyVerifier verifier({{"apikey.acme", hash}});
        QCOMPARE(verifier.partnerFor("acme-key-123").value_or(QString()), QString("acme"));
    }

    void newPartnersNeedTheAdminRole()
    {
        QCOMPARE(m_http.send(m_node->port(), "POST", "/admin/partners", "{\"name\":\"Globex\"}").status, 403);
        Http::Headers headers;
        headers.add("X-Gatehouse-Role", "admin");
        const HttpResult r = m_http.send(m_node->port(), "POST", "/admin/partners", "{\"name\":\"Globex\"}", headers);
        QCOMPARE(r.status, 201);
        const QString id = r.json.value("partnerId").toString();
        const QByteArray apiKey = r.json.value("apiKey").toString().toLatin1();
        QVERIFY(apiKey.size() > 40);
        QCOMPARE(r.json.value("gatewaySecret").toString(), "apikey." + id);
        ApiKeyVerifier verifier({{"apikey." + id, r.json.value("gatewaySecretValue").toString()}});
        QCOMPARE(verifier.partnerFor(apiKey).value_or(QString()), id);
        QCOMPARE(ServiceEnv::count(m_db, "SELECT count(*) FROM partners WHERE key_hash = $1", {QString::fromLatin1(apiKey)}), 0);
        QCOMPARE(m_http.send(m_node->port(), "POST", "/admin/partners", "{}", headers).status, 400);
    }

    void keysFromPemOrSecret()
    {
        QString error;
        const auto a = AuthKeys::fromSecret("same", &error);
        const auto b = AuthKeys::fromSecret("same", &error);
        QVERIFY(a && b);
        QCOMPARE(a->publicPem, b->publicPem); // deterministic: the supervisor can derive it too
        const auto fromPem = AuthKeys::fromSecret(a->privatePem, &error);
        QVERIFY2(fromPem, qPrintable(error));
        QCOMPARE(fromPem->publicPem, a->publicPem);
        QVERIFY(!AuthKeys::fromSecret("", &error));
        QVERIFY(!AuthKeys::fromSecret("-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n", &error));
        // an RSA key is refused: ES256 only
        EVP_PKEY *rsa = EVP_RSA_gen(2048);
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey(bio, rsa, nullptr, nullptr, 0, nullptr, nullptr);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        const QByteArray rsaPem(data, size);
        BIO_free(bio);
        EVP_PKEY_free(rsa);
        QVERIFY(!AuthKeys::fromSecret(rsaPem, &error));
        QVERIFY(error.contains("P-256"));
    }

    void restartKeepsSeededHashes()
    {
        const QString before = ServiceEnv::rows(m_db, "SELECT password_hash FROM users WHERE id = 'u-alice'").value(0).value(0);
        m_node->stop();
        m_node = std::make_unique<ServiceNode>(config());
        QString error;
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QCOMPARE(ServiceEnv::rows(m_db, "SELECT password_hash FROM users WHERE id = 'u-alice'").value(0).value(0), before);
        QCOMPARE(login("alice", "pw-demo").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
