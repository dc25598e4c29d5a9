#include "stacksecrets.h"

#include "secretgenerator.h"
#include "secretkeys.h"

namespace Gatehouse::Runtime {

StackSecrets::StackSecrets(SecretStore &store, const QString &stackId)
    : m_store(store)
    , m_stackId(stackId)
{
}

bool StackSecrets::ensureKey(const QString &key, QString *error)
{
    if (m_values.contains(key))
        return true;
    const SecretLookup lookup = m_store.read(key);
    switch (lookup.status) {
    case SecretLookup::Status::Found:
        if (!lookup.value.isEmpty()) {
            m_values.insert(key, lookup.value);
            return true;
        }
        break; // an empty stored value is useless: replace it
    case SecretLookup::Status::NotFound:
        break;
    case SecretLookup::Status::Error:
        if (error)
            *error = QStringLiteral("Cannot read the secret \"%1\": %2").arg(key, lookup.error);
        return false;
    }
    const QString value = generateSecret();
    QString writeError;
    if (!m_store.write(key, value, &writeError)) {
        if (error)
            *error = QStringLiteral("Cannot store the secret \"%1\": %2").arg(key, writeError);
        return false;
    }
    m_values.insert(key, value);
    ++m_generated;
    return true;
}

bool StackSecrets::ensure(const StackSecretSpec &spec, QString *error)
{
    QStringList keys;
    if (spec.jwtSigningKey)
        keys << SecretKeys::jwtSigningKey(m_stackId);
    if (spec.redisPassword)
        keys << SecretKeys::redisPassword(m_stackId);
    for (const QString &role : spec.postgresRoles)
        keys << SecretKeys::postgresRole(m_stackId, role);
    for (const QString &partner : spec.partnerIds)
        keys << SecretKeys::partnerApiKey(m_stackId, partner);
    for (const QString &key : std::as_const(keys)) {
        if (!ensureKey(key, error))
            return false;
    }
    return true;
}

QString StackSecrets::jwtSigningKey() const
{
    return m_values.value(SecretKeys::jwtSigningKey(m_stackId));
}

QString StackSecrets::redisPassword() const
{
    return m_values.value(SecretKeys::redisPassword(m_stackId));
}

QString StackSecrets::postgresRolePassword(const QString &role) const
{
    return m_values.value(SecretKeys::postgresRole(m_stackId, role));
}

QString StackSecrets::partnerApiKey(const QString &partnerId) const
{
    return m_values.value(SecretKeys::partnerApiKey(m_stackId, partnerId));
}

SecretLookup StackSecrets::readExternal(const QString &key)
{
    return m_store.read(key);
}

} // namespace Gatehouse::Runtime
