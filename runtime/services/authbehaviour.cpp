#include "authbehaviour.h"

#include "infra/pgconnection.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>
#include <jwt.h>
#include <sodium.h>

namespace Gatehouse::Runtime {

namespace {

constexpr char SigningKeySecret[] = "jwt.signingKey";

QString header(const Http::Request &request, std::string_view name)
{
    const std::string_view value = request.headers.value(name);
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString sha256Hex(const QByteArray &data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(data.constData()), static_cast<unsigned long long>(data.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace

AuthBehaviour::AuthBehaviour(ServiceContext &context)
    : m_context(context)
    , m_issuer(QStringLiteral("gatehouse-auth"))
    , m_audience(QStringLiteral("gatehouse-api"))
{
    if (sodium_init() < 0)
        m_warnings.append(QStringLiteral("libsodium failed to initialise"));
    const NodeLaunchConfig &c = context.config();
    QString error;
    m_keys = AuthKeys::fromSecret(c.secrets.value(QString::fromLatin1(SigningKeySecret)).toUtf8(), &error);
    if (!m_keys)
        m_warnings.append(error + QStringLiteral(": logins answer 503"));
    // The gateway checks iss/aud against its node's properties: issue what it expects.
    for (const Node *gateway : c.topology.nodesOfKind(NodeKind::Gateway)) {
        m_issuer = gateway->properties.value(QStringLiteral("jwtIssuer")).toString(m_issuer);
        m_audience = gateway->properties.value(QStringLiteral("jwtAudience")).toString(m_audience);
    }
    m_dummyHash = hashPassword(QByteArrayLiteral("no such user"));
}

QStringList AuthBehaviour::warnings() const
{
    return m_warnings;
}

QByteArray AuthBehaviour::hashPassword(const QByteArray &password)
{
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.constData(), static_cast<unsigned long long>(password.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QByteArray(hash);
}

bool AuthBehaviour::verifyPassword(const QByteArray &hash, const QByteArray &password)
{
    return !hash.isEmpty()
        && crypto_pwhash_str_verify(hash.constData(), password.constData(), static_cast<unsigned long long>(password.size())) == 0;
}

QList<Migration> AuthBehaviour::migrations() const
{
    return { Migration { 2, QStringLiteral("auth"),
        QStringLiteral("CREATE TABLE users (\n"
                       "  id text PRIMARY KEY,\n"
                       "  username text NOT NULL UNIQUE,\n"
                       "  password_hash text NOT NULL,\n"
                       "  role text NOT NULL CHECK (role IN ('user', 'admin')),\n"
                       "  created_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n"
                       "CREATE TABLE partners (\n"
                       "  id text PRIMARY KEY,\n"
                       "  name text NOT NULL,\n"
                       "  key_hash text NOT NULL,\n"
                       "  created_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n") } };
}

bool AuthBehaviour::initialize(PgConnection &connection, QString *error)
{
    QString password = m_context.config().secrets.value(QString::fromLatin1(DemoPasswordSecret));
    if (password.isEmpty())
        password = QString::fromLatin1(DefaultDemoPassword);
    const QList<QStringList> demo { { QStringLiteral("u-alice"), QStringLiteral("alice"), QStringLiteral("user") },
        { QStringLiteral("u-bob"), QStringLiteral("bob"), QStringLiteral("user") },
        { QStringLiteral("u-admin"), QStringLiteral("admin"), QStringLiteral("admin") } };
    QList<QStringList> rows;
    for (const QStringList &user : demo) {
        if (!connection.query(QStringLiteral("SELECT 1 FROM users WHERE id = $1"), { user.value(0) }, &rows, error))
            return false;
        if (!rows.isEmpty())
            continue; // seeded before; a changed password stays changed
        const QByteArray hash = hashPassword(password.toUtf8());
        if (hash.isEmpty()) {
            *error = QStringLiteral("argon2id hashing failed (out of memory?)");
            return false;
        }
        if (!connection.query(QStringLiteral("INSERT INTO users (id, username, password_hash, role) VALUES ($1, $2, $3, $4)"
                                             " ON CONFLICT DO NOTHING"),
                { user.value(0), user.value(1), QString::fromLatin1(hash), user.value(2) }, &rows, error))
            return false;
    }
    // Partners whose keys the stack generated: "partner.<id>.apiKey" → stored as its hash.
    const auto &secrets = m_context.config().secrets;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        const QString &name = it.key();
        if (!name.startsWith(QLatin1String("partner.")) || !name.endsWith(QLatin1String(".apiKey")))
            continue;
        const QString id = name.mid(8, name.size() - 8 - 7);
        if (id.isEmpty() || it.value().isEmpty())
            continue;
        if (!connection.query(QStringLiteral("INSERT INTO partners (id, name, key_hash) VALUES ($1, $1, $2)"
                                             " ON CONFLICT (id) DO UPDATE SET key_hash = EXCLUDED.key_hash"),
                { id, sha256Hex(it.value().toUtf8()) }, &rows, error))
            return false;
    }
    return true;
}

QByteArray AuthBehaviour::issue(const QString &subject, const QString &role) const
{
    jwt_t *raw = nullptr;
    if (jwt_new(&raw) != 0)
        return {};
    std::unique_ptr<jwt_t, void (*)(jwt_t *)> jwt(raw, jwt_free);
    const long now = static_cast<long>(QDateTime::currentSecsSinceEpoch());
    const QByteArray iss = m_issuer.toUtf8();
    const QByteArray aud = m_audience.toUtf8();
    const QByteArray sub = subject.toUtf8();
    const QByteArray roleBytes = role.toUtf8();
    if (jwt_add_grant(jwt.get(), "iss", iss.constData()) || jwt_add_grant(jwt.get(), "aud", aud.constData())
        || jwt_add_grant(jwt.get(), "sub", sub.constData()) || jwt_add_grant(jwt.get(), "role", roleBytes.constData())
        || jwt_add_grant_int(jwt.get(), "iat", now) || jwt_add_grant_int(jwt.get(), "exp", now + TokenLifetimeSeconds)
        || jwt_set_alg(jwt.get(), JWT_ALG_ES256, reinterpret_cast<const unsigned char *>(m_keys->privatePem.constData()),
            static_cast<int>(m_keys->privatePem.size())))
        return {};
    char *token = jwt_encode_str(jwt.get());
    if (!token)
        return {};
    const QByteArray result(token);
    free(token); // libjwt 1.10 hands out malloc()ed strings
    return result;
}

void AuthBehaviour::addRoutes(ServiceRouter &router)
{
    router.add(QStringLiteral("POST"), QStringLiteral("/auth/login"), [this](ServiceCall call) { login(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/auth/jwks"), [this](ServiceCall call) {
        if (!m_keys) {
            call.respond(problemResponse(503, QStringLiteral("no signing key configured")));
            return;
        }
        QJsonObject key = m_keys->jwk;
        key.insert(QStringLiteral("pem"), QString::fromLatin1(m_keys->publicPem)); // convenience for libjwt users
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("keys"), QJsonArray { key } } }));
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/admin/partners"), [this](ServiceCall call) { addPartner(call); });
}

void AuthBehaviour::login(const ServiceCall &call)
{
    if (!m_keys) {
        call.respond(problemResponse(503, QStringLiteral("no signing key configured")));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body)).object();
    const QString username = body.value(QStringLiteral("username")).toString();
    const QByteArray password = body.value(QStringLiteral("password")).toString().toUtf8();
    if (username.isEmpty() || username.size() > 200 || password.isEmpty() || password.size() > 1024) {
        call.respond(problemResponse(400, QStringLiteral("expected {\"username\": string, \"password\": string}")));
        return;
    }
    const bool queued = m_context.sql().submit(call.traceparent, [this, call, username, password](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT id, password_hash, role FROM users WHERE username = $1"), { username },
                &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        // Unknown users cost the same hash verification as known ones.
        const QByteArray hash = rows.isEmpty() ? m_dummyHash : rows.first().value(1).toLatin1();
        const bool ok = verifyPassword(hash, password) && !rows.isEmpty();
        if (!ok) {
            Http::Response response = problemResponse(401, QStringLiteral("invalid username or password"));
            response.headers.add("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
            call.respond(std::move(response));
            return;
        }
        const QString userId = rows.first().value(0);
        const QString role = rows.first().value(2);
        const QByteArray token = issue(userId, role);
        if (token.isEmpty()) {
            call.respond(problemResponse(500, QStringLiteral("could not sign the token")));
            return;
        }
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("accessToken"), QString::fromLatin1(token) },
                                           { QStringLiteral("tokenType"), QStringLiteral("Bearer") },
                                           { QStringLiteral("expiresIn"), TokenLifetimeSeconds },
                                           { QStringLiteral("userId"), userId }, { QStringLiteral("role"), role } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

void AuthBehaviour::addPartner(const ServiceCall &call)
{
    // The gateway lets only admins through; checked again here for callers that bypass it.
    if (header(call.request, "X-Gatehouse-Role") != QLatin1String("admin")) {
        call.respond(problemResponse(403, QStringLiteral("the admin role is required")));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body)).object();
    const QString name = body.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty() || name.size() > 200) {
        call.respond(problemResponse(400, QStringLiteral("expected {\"name\": string}")));
        return;
    }
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QByteArray apiKey = "ghk_" + QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    unsigned char idRaw[6];
    randombytes_buf(idRaw, sizeof idRaw);
    const QString id = QStringLiteral("p-") + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(idRaw), sizeof idRaw).toHex());
    const QString hash = sha256Hex(apiKey);
    const bool queued = m_context.sql().submit(call.traceparent, [call, id, name, hash, apiKey](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("INSERT INTO partners (id, name, key_hash) VALUES ($1, $2, $3)"), { id, name, hash },
                &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        // The key is shown once; only its hash is kept.
        call.respond(jsonResponse(201, QJsonObject { { QStringLiteral("partnerId"), id }, { QStringLiteral("name"), name },
                                           { QStringLiteral("apiKey"), QString::fromLatin1(apiKey) },
                                           { QStringLiteral("gatewaySecret"), QStringLiteral("apikey.") + id },
                                           { QStringLiteral("gatewaySecretValue"), hash } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

EventConsumer::Handler AuthBehaviour::handlerFor(const Edge &)
{
    return [](SqlSession &, const ConsumedEvent &, QString *) { return true; };
}

} // namespace Gatehouse::Runtime
