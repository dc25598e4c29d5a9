#pragma once

#include "secretstore.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Gatehouse::Runtime {

// Which generated secrets a stack needs. InfraPlan::secretSpec() derives it from a topology.
struct StackSecretSpec
{
    bool jwtSigningKey = true;
    bool redisPassword = false;
    QStringList postgresRoles; // one login role per service that owns a database
    QStringList partnerIds; // client.partner node ids (one API key each)
};

// Makes sure every secret a stack needs exists in the store: generated once (cold start) and
// reused afterwards (warm start), so database role passwords keep matching the cluster.
// Reads every value once in ensure() and keeps it in memory for the run; nothing is logged.
class StackSecrets
{
public:
    // `store` must outlive this object.
    StackSecrets(SecretStore &store, const QString &stackId);

    // Reads each needed secret, generating and storing the missing ones. Returns false and sets
    // `error` (naming the key, never the value) when the store fails.
    bool ensure(const StackSecretSpec &spec, QString *error);

    QString stackId() const { return m_stackId; }
    SecretStore &store() const { return m_store; }
    // Number of secrets ensure() had to generate (0 on a warm start).
    int generatedCount() const { return m_generated; }

    // Values loaded by ensure(); empty when not part of the spec.
    QString jwtSigningKey() const;
    QString redisPassword() const;
    QString postgresRolePassword(const QString &role) const;
    QString partnerApiKey(const QString &partnerId) const;

    // A user-entered secret (e.g. SecretKeys::externalPostgresPassword): never generated.
    // NotFound is reported as such; the caller decides whether it is required.
    SecretLookup readExternal(const QString &key);

private:
    bool ensureKey(const QString &key, QString *error);

    SecretStore &m_store;
    QString m_stackId;
    QHash<QString, QString> m_values; // key → value
    int m_generated = 0;
};

} // namespace Gatehouse::Runtime
