#include "secretkeys.h"

namespace Gatehouse::Runtime::SecretKeys {

QString jwtSigningKey(const QString &stackId)
{
    return stackId + QStringLiteral("/jwt/signing-key");
}

QString redisPassword(const QString &stackId)
{
    return stackId + QStringLiteral("/redis/password");
}

QString postgresRole(const QString &stackId, const QString &role)
{
    return stackId + QStringLiteral("/postgres/") + role;
}

QString partnerApiKey(const QString &stackId, const QString &partnerId)
{
    return stackId + QStringLiteral("/partner/") + partnerId + QStringLiteral("/api-key");
}

QString externalPostgresPassword(const QString &stackId)
{
    return stackId + QStringLiteral("/external/postgres/password");
}

QString externalRedisPassword(const QString &stackId)
{
    return stackId + QStringLiteral("/external/redis/password");
}

QString externalKafkaUser(const QString &stackId)
{
    return stackId + QStringLiteral("/external/kafka/username");
}

QString externalKafkaPassword(const QString &stackId)
{
    return stackId + QStringLiteral("/external/kafka/password");
}

} // namespace Gatehouse::Runtime::SecretKeys
