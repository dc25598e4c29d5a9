#include "jwtverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <jwt.h>
#include <memory>

namespace Gatehouse::Runtime {

namespace {

struct JwtDeleter
{
    void operator()(jwt_t *jwt) const { jwt_free(jwt); }
};
struct FreeDeleter
{
    void operator()(char *p) const { free(p); } // libjwt returns malloc'd strings
};

JwtVerifier::Result failure(const QString &why)
{
    JwtVerifier::Result result;
    result.error = why;
    return result;
}

std::optional<QJsonObject> decodeSegment(const QByteArray &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(segment,
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == static_cast<double>(static_cast<qint64>(value.toDouble()));
}

} // namespace

JwtVerifier::JwtVerifier(QByteArray publicKeyPem, QString issuer, QString audience, qint64 leewaySeconds)
    : m_publicKeyPem(std::move(publicKeyPem))
    , m_issuer(std::move(issuer))
    , m_audience(std::move(audience))
    , m_leeway(leewaySeconds)
{
}

JwtVerifier::Result JwtVerifier::verify(const QByteArray &token, qint64 nowSeconds) const
{
    if (!isConfigured())
        return failure(QStringLiteral("token verification is not configured"));
    {
        std::lock_guard lock(m_cache->mutex);
        const auto it = m_cache->claims.constFind(token);
        if (it != m_cache->claims.constEnd())
            return checkClaims(*it, nowSeconds);
    }
    QString error;
    const auto claims = verifySignature(token, &error);
    if (!claims)
        return failure(error);
    {
        std::lock_guard lock(m_cache->mutex);
        if (m_cache->claims.size() >= CacheCapacity)
            m_cache->claims.clear();
        m_cache->claims.insert(token, *claims);
    }
    return checkClaims(*claims, nowSeconds);
}

int JwtVerifier::cachedTokens() const
{
    std::lock_guard lock(m_cache->mutex);
    return static_cast<int>(m_cache->claims.size());
}

std::optional<QJsonObject> JwtVerifier::verifySignature(const QByteArray &token, QString *error) const
{
    auto fail = [error](const QString &why) -> std::optional<QJsonObject> {
        *error = why;
        return std::nullopt;
    };
    if (token.isEmpty() || token.size() > 8192)
        return fail(QStringLiteral("malformed token"));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(2).isEmpty())
        return fail(QStringLiteral("malformed token"));

    // The algorithm is fixed: decide before libjwt looks at the header, so "none" or an HMAC
    // algorithm keyed with our public key (algorithm confusion) can never reach verification.
    const auto header = decodeSegment(parts.at(0));
    if (!header)
        return fail(QStringLiteral("malformed token"));
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("ES256"))
        return fail(QStringLiteral("token algorithm not accepted"));

    jwt_t *raw = nullptr;
    const std::string tokenText = token.toStdString();
    const int rc = jwt_decode(&raw, tokenText.c_str(),
        reinterpret_cast<const unsigned char *>(m_publicKeyPem.constData()), static_cast<int>(m_publicKeyPem.size()));
    std::unique_ptr<jwt_t, JwtDeleter> jwt(raw);
    if (rc != 0 || !jwt)
        return fail(QStringLiteral("invalid token signature"));
    if (jwt_get_alg(jwt.get()) != JWT_ALG_ES256)
        return fail(QStringLiteral("token algorithm not accepted"));

    std::unique_ptr<char, FreeDeleter> grants(jwt_get_grants_json(jwt.get(), nullptr));
    if (!grants)
        return fail(QStringLiteral("malformed token"));
    const QJsonDocument claimsDoc = QJsonDocument::fromJson(QByteArray(grants.get()));
    if (!claimsDoc.isObject())
        return fail(QStringLiteral("malformed token"));
    return claimsDoc.object();
}

JwtVerifier::Result JwtVerifier::checkClaims(const QJsonObject &claims, qint64 nowSeconds) const
{
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!isInteger(exp))
        return failure(QStringLiteral("token has no expiry"));
    const auto expiresAt = static_cast<qint64>(exp.toDouble());
    if (nowSeconds >= expiresAt + m_leeway)
        return failure(QStringLiteral("token expired"));
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    if (!nbf.isUndefined()) {
        if (!isInteger(nbf))
            return failure(QStringLiteral("malformed token"));
        if (nowSeconds + m_leeway < static_cast<qint64>(nbf.toDouble()))
            return failure(QStringLiteral("token not yet valid"));
    }
    if (claims.value(QStringLiteral("iss")).toString() != m_issuer)
        return failure(QStringLiteral("token issuer not accepted"));
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    bool audienceOk = aud.isString() && aud.toString() == m_audience;
    if (aud.isArray()) {
        const QJsonArray list = aud.toArray();
        for (const QJsonValue &entry : list)
            audienceOk = audienceOk || (entry.isString() && entry.toString() == m_audience);
    }
    if (!audienceOk)
        return failure(QStringLiteral("token audience not accepted"));
    const QString subject = claims.value(QStringLiteral("sub")).toString();
    if (subject.isEmpty())
        return failure(QStringLiteral("token has no subject"));

    JwtClaims result;
    result.subject = subject;
    result.role = claims.value(QStringLiteral("role")).toString(QStringLiteral("user"));
    result.expiresAt = expiresAt;
    Result ok;
    ok.claims = result;
    return ok;
}

} // namespace Gatehouse::Runtime
