#pragma once

#include "services/authkeys.h"
#include "services/servicebehaviour.h"

#include <optional>

namespace Gatehouse::Runtime {

// The `auth` role (docs/services.md "auth"): users with argon2id password hashes (libsodium
// crypto_pwhash_str, interactive limits), POST /auth/login → an ES256 JWT exactly as the
// gateway verifies it (iss, aud, sub, role, exp, iat; issuer/audience from the gateway node's
// jwtIssuer/jwtAudience properties, defaults gatehouse-auth / gatehouse-api), GET /auth/jwks
// with the public key, partners with API keys stored as hex SHA-256 (what the gateway's
// apikey.<partnerId> secret holds), POST /admin/partners for new ones. Seeds demo users
// (alice, bob: user; admin: admin) and the partners whose keys the launch config carries.
class AuthBehaviour : public ServiceBehaviour
{
public:
    explicit AuthBehaviour(ServiceContext &context);

    QList<Migration> migrations() const override;
    bool initialize(PgConnection &connection, QString *error) override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;
    QStringList warnings() const override;

    static constexpr int TokenLifetimeSeconds = 3600;
    static constexpr char DemoPasswordSecret[] = "users.demoPassword";
    static constexpr char DefaultDemoPassword[] = "gatehouse-demo";

    // argon2id hash in the PHC string format, or empty when out of memory.
    static QByteArray hashPassword(const QByteArray &password);
    static bool verifyPassword(const QByteArray &hash, const QByteArray &password);

private:
    QByteArray issue(const QString &subject, const QString &role) const;
    void login(const ServiceCall &call);
    void addPartner(const ServiceCall &call);

    ServiceContext &m_context;
    std::optional<AuthKeys> m_keys;
    QString m_issuer;
    QString m_audience;
    QByteArray m_dummyHash; // verified against when the user does not exist (same timing)
    QStringList m_warnings;
};

} // namespace Gatehouse::Runtime
