#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <list>
#include <unordered_map>
#include <memory>
#include <mutex>
#include <optional>

namespace Gatehouse::Runtime {

// Who a verified token says the caller is.
struct JwtClaims
{
    QString subject; // "sub"
    QString role; // "role", "user" when absent
    qint64 expiresAt = 0; // "exp", seconds since the epoch
};

// Verifies access tokens issued by the auth service, locally, with its public key (contract in
// docs/gateway.md "Tokens"): compact JWS, header alg exactly ES256 (anything else, "none"
// included, is refused before any signature check), signature by the configured P-256 public
// key, then `exp` (required), `nbf` (optional), `iss`, `aud` (string or array) and `sub`
// (required). Thread-safe; verify() may run on any I/O thread.
// Tokens whose signature verified are remembered in a bounded LRU cache (exact token bytes,
// found by their hash; at most `CacheCapacity`, the least recently used leaves first), because a
// client sends the same token many times and a signature check costs far more than the request
// itself (~0.7 ms with libjwt on OpenSSL 3, which re-reads the PEM key every time). The cache
// keeps the claims already checked against issuer, audience and subject; `exp` and `nbf` are
// compared with the clock on every use, so a cached token expires exactly like a new one.
class JwtVerifier
{
public:
    static constexpr qint64 DefaultLeewaySeconds = 5; // clock skew tolerated on exp / nbf
    static constexpr int CacheCapacity = 4096;

    struct Result
    {
        std::optional<JwtClaims> claims; // set when the token is valid
        QString error; // otherwise: why, in words fit for a problem+json detail
        bool ok() const { return claims.has_value(); }
    };

    // `publicKeyPem`: "-----BEGIN PUBLIC KEY-----…" of the auth service's ES256 key.
    JwtVerifier(QByteArray publicKeyPem, QString issuer, QString audience, qint64 leewaySeconds = DefaultLeewaySeconds,
        int cacheCapacity = CacheCapacity);

    bool isConfigured() const { return !m_publicKeyPem.isEmpty(); }
    QString issuer() const { return m_issuer; }
    QString audience() const { return m_audience; }

    // `token` is the bare token (without "Bearer "). `nowSeconds` is the current Unix time.
    Result verify(const QByteArray &token, qint64 nowSeconds) const;

    // Tokens currently remembered as correctly signed, and whether `token` is one (tests).
    int cachedTokens() const;
    bool isCached(const QByteArray &token) const;

private:
    // What a correctly signed token says, checked once against everything but the clock.
    struct Verified
    {
        bool hasExpiry = false;
        qint64 expiresAt = 0;
        enum class NotBefore { None, Malformed, At } notBefore = NotBefore::None;
        qint64 notBeforeAt = 0;
        QString error; // issuer, audience or subject refused: the reason; empty when fine
        QString subject;
        QString role;
    };
    struct Cache;

    std::optional<QJsonObject> verifySignature(const QByteArray &token, QString *error) const;
    Verified summarise(const QJsonObject &claims) const;
    Result checkTime(const Verified &verified, qint64 nowSeconds) const;

    std::shared_ptr<Cache> m_cache;
    QByteArray m_publicKeyPem;
    QString m_issuer;
    QString m_audience;
    qint64 m_leeway;
    int m_cacheCapacity;
};

} // namespace Gatehouse::Runtime
