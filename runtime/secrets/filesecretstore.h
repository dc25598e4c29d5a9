#pragma once

#include "secretstore.h"

#include <QHash>

namespace Gatehouse::Runtime {

// Secrets in one JSON file (mode 0600, owned by the current user), for machines without a
// working keychain. Explicit opt-in only: the runtime never falls back to it silently. The file
// belongs in the stack's data dir — never next to the project file.
//
// Every call re-checks the file: if it (or a newly created one) is readable or writable by
// group or others, the store refuses to read or write and says how to fix the permissions.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(const QString &filePath);

    QString filePath() const { return m_path; }
    QString backendName() const override;
    SecretLookup read(const QString &key) override;
    bool write(const QString &key, const QString &value, QString *error) override;
    bool remove(const QString &key, QString *error) override;

private:
    bool load(QHash<QString, QString> *entries, QString *error) const;
    bool save(const QHash<QString, QString> &entries, QString *error) const;

    QString m_path;
};

} // namespace Gatehouse::Runtime
