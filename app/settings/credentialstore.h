#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Gatehouse {

// Credentials for a project's external infrastructure, kept only in the OS keychain through
// QtKeychain (service "gatehouse", plaintext fallback never enabled). Keys follow the runtime's
// layout (docs/infrastructure.md, "Secrets"): "<scope>/external/postgres/password",
// "<scope>/external/redis/password", "<scope>/external/kafka/username", "…/kafka/password".
// Calls are synchronous (a local event loop while D-Bus answers), so they need a
// QCoreApplication; errors come back as user-readable, translated text.
class CredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(Gatehouse::CredentialStore)

public:
    enum class Credential { PostgresPassword, RedisPassword, KafkaUser, KafkaPassword };
    static constexpr const char *ServiceName = "gatehouse";

    explicit CredentialStore(QString scope, int timeoutMs = 5000);

    // The scope for a project: "project-<16 hex of SHA-256 of its absolute path>", or
    // "project-untitled" before it is saved.
    static QString scopeForProject(const QString &projectFile);

    QString scope() const { return m_scope; }
    QString key(Credential credential) const;
    static QList<Credential> all();

    // False with `error` set (saying how to get a keychain) when no backend answers.
    bool isAvailable(QString *error = nullptr) const;
    // `found` false when there is no entry; an error sets `error` and returns {}.
    QString read(Credential credential, bool *found = nullptr, QString *error = nullptr) const;
    bool write(Credential credential, const QString &value, QString *error = nullptr) const;
    // Deleting an entry that does not exist succeeds.
    bool remove(Credential credential, QString *error = nullptr) const;

    // Where credentials are kept, for the UI.
    static QString locationText();
    static QString unavailableText(const QString &detail);

private:
    QString m_scope;
    int m_timeoutMs;
};

} // namespace Gatehouse
