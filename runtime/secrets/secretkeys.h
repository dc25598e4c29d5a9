#pragma once

#include <QString>

namespace Gatehouse::Runtime {

// The names under which a stack's secrets are stored: "<stack-id>/<area>/<name>". One place, so
// the supervisor, the infra managers, the app and the docs agree.
namespace SecretKeys {

QString jwtSigningKey(const QString &stackId); // <stack>/jwt/signing-key
QString redisPassword(const QString &stackId); // <stack>/redis/password
QString postgresRole(const QString &stackId, const QString &role); // <stack>/postgres/<role>
QString partnerApiKey(const QString &stackId, const QString &partnerId); // <stack>/partner/<id>/api-key

// Credentials for external infrastructure (entered by the user, never generated).
QString externalPostgresPassword(const QString &stackId); // <stack>/external/postgres/password
QString externalRedisPassword(const QString &stackId); // <stack>/external/redis/password
QString externalKafkaUser(const QString &stackId); // <stack>/external/kafka/username
QString externalKafkaPassword(const QString &stackId); // <stack>/external/kafka/password

} // namespace SecretKeys

} // namespace Gatehouse::Runtime
