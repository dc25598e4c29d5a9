#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Gatehouse::Runtime {

// The auth service's ES256 key pair (docs/gateway.md "Tokens"). The launch config's
// `jwt.signingKey` is either a PEM EC P-256 private key or — as the runtime generates it — a
// random secret, from which the P-256 private key is derived deterministically
// (scalar = SHA-256("gatehouse-jwt-es256" ‖ secret) mod n). So the supervisor can hand the
// gateway `jwt.publicKey` = fromSecret(secret)->publicPem without asking the auth service.
struct AuthKeys
{
    QByteArray privatePem;
    QByteArray publicPem;
    QJsonObject jwk; // {"kty":"EC","crv":"P-256","x","y","alg":"ES256","use":"sig","kid"}

    // nullopt and `error` when the secret is empty or a PEM that is not an EC P-256 key.
    static std::optional<AuthKeys> fromSecret(const QByteArray &secret, QString *error);
};

} // namespace Gatehouse::Runtime
