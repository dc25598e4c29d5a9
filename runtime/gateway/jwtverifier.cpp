#include "jwtverifier.h"

#include <QJsonArray>
#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <jwt.h>
#include <memory>
#include <string_view>

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

// A whole number of seconds that is exact in a double (|v| ≤ 2^53). Anything bigger is refused
// before it is converted: casting a double beyond qint64 is undefined behaviour (found by
// fuzz_jwt_verifier with "exp": 1e300), and such a time is meaningless anyway.
bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double v = value.toDouble();
    constexpr double Limit = 9007199254740992.0; // 2^53
    return std::isfinite(v) && v >= -Limit && v <= Limit && std::floor(v) == v;
}

} // namespace

// The LRU: entries in use order (front = most recent), indexed by the token's hash; a hit
// compares the token bytes too, so a hash collision is only a miss.
struct JwtVerifier::Cache
{
    struct Entry
    {
        QByteArray token;
        size_t hash = 0;
        Verified verified;
    };
    std::mutex mutex;
    std::list<Entry> entries;
    std::unordered_map<size_t, std::list<Entry>::iterator> byHash;

    static size_t hashOf(const QByteArray &token)
    {
        return std::hash<std::string_view> {}(std::string_view(token.constData(), size_t(token.size())));
    }
    std::optional<Verified> find(const QByteArray &token, size_t hash)
    {
        std::lock_guard lock(mutex);
        const auto it = byHash.find(hash);
        if (it == byHash.end() || it->second->token != token)
            return std::nullopt;
        entries.splice(entries.begin(), entries, it->second);
        return it->second->verified;
    }
    void insert(const QByteArray &token, size_t hash, const Verified &verified, int capacity)
    {
        std::lock_guard lock(mutex);
        const auto it = byHash.find(hash);
        if (it != byHash.end()) {
            it->second->token = token;
            it->second->verified = verified;
            entries.splice(entries.begin(), entries, it->second);
            return;
        }
        if (static_cast<int>(entries.size()) >= capacity) {
            byHash.erase(entries.back().hash);
            entries.pop_back();
        }
        entries.push_front({ token, hash, verified });
        byHash.emplace(hash, entries.begin());
    }
};

JwtVerifier::JwtVerifier(
    QByteArray publicKeyPem, QString issuer, QString audience, qint64 leewaySeconds, int cacheCapacity)
    : m_cache(std::make_shared<Cache>())
    , m_publicKeyPem(std::move(publicKeyPem))
    , m_issuer(std::move(issuer))
    , m_audience(std::move(audience))
    , m_leeway(leewaySeconds)
    , m_cacheCapacity(std::max(1, cacheCapacity))
{
}

JwtVerifier::Result JwtVerifier::verify(const QByteArray &token, qint64 nowSeconds) const
{
    if (!isConfigured())
        return failure(QStringLiteral("token verification is not configured"));
    const size_t hash = Cache::hashOf(token);
    if (const auto cached = m_cache->find(token, hash))
        return checkTime(*cached, nowSeconds);
    QString error;
    const auto claims = verifySignature(token, &error);
    if (!claims)
        return failure(error);
    const Verified verified = summarise(*claims);
    m_cache->insert(token, hash, verified, m_cacheCapacity);
    return checkTime(verified, nowSeconds);
}

int JwtVerifier::cachedTokens() const
{
    std::lock_guard lock(m_cache->mutex);
    return static_cast<int>(m_cache->entries.size());
}

bool JwtVerifier::isCached(const QByteArray &token) const
{
    std::lock_guard lock(m_cache->mutex);
    const auto it = m_cache->byHash.find(Cache::hashOf(token));
    return it != m_cache->byHash.end() && it->second->token == token;
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

JwtVerifier::Verified JwtVerifier::summarise(const QJsonObject &claims) const
{
    Verified v;
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    v.hasExpiry = isInteger(exp);
    v.expiresAt = v.hasExpiry ? static_cast<qint64>(exp.toDouble()) : 0;
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    if (!nbf.isUndefined()) {
        v.notBefore = isInteger(nbf) ? Verified::NotBefore::At : Verified::NotBefore::Malformed;
        v.notBeforeAt = isInteger(nbf) ? static_cast<qint64>(nbf.toDouble()) : 0;
    }
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    bool audienceOk = aud.isString() && aud.toString() == m_audience;
    if (aud.isArray()) {
        const QJsonArray list = aud.toArray();
        for (const QJsonValue &entry : list)
            audienceOk = audienceOk || (entry.isString() && entry.toString() == m_audience);
    }
    v.subject = claims.value(QStringLiteral("sub")).toString();
    v.role = claims.value(QStringLiteral("role")).toString(QStringLiteral("user"));
    if (claims.value(QStringLiteral("iss")).toString() != m_issuer)
        v.error = QStringLiteral("token issuer not accepted");
    else if (!audienceOk)
        v.error = QStringLiteral("token audience not accepted");
    else if (v.subject.isEmpty())
        v.error = QStringLiteral("token has no subject");
    return v;
}

JwtVerifier::Result JwtVerifier::checkTime(const Verified &v, qint64 nowSeconds) const
{
    // Same order of checks, so the same reason, for a cached token as for a new one.
    if (!v.hasExpiry)
        return failure(QStringLiteral("token has no expiry"));
    if (nowSeconds >= v.expiresAt + m_leeway)
        return failure(QStringLiteral("token expired"));
    if (v.notBefore == Verified::NotBefore::Malformed)
        return failure(QStringLiteral("malformed token"));
    if (v.notBefore == Verified::NotBefore::At && nowSeconds + m_leeway < v.notBeforeAt)
        return failure(QStringLiteral("token not yet valid"));
    if (!v.error.isEmpty())
        return failure(v.error);
    JwtClaims result;
    result.subject = v.subject;
    result.role = v.role;
    result.expiresAt = v.expiresAt;
    Result ok;
    ok.claims = result;
    return ok;
}

} // namespace Gatehouse::Runtime
