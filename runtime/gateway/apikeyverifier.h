#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace Gatehouse::Runtime {

// Checks partner API keys against their SHA-256 hashes (docs/gateway.md "API keys"). The
// launch config's secrets hold "apikey.<partnerId>" = lower-case hex SHA-256 of the key; the
// gateway never sees a key it could leak. Comparison is constant-time and covers every partner
// (no early exit), so timing reveals neither the key nor which partner matched.
// Immutable after construction; thread-safe.
class ApiKeyVerifier
{
public:
    static constexpr char SecretPrefix[] = "apikey.";

    // Reads every "apikey.<partnerId>" entry of `secrets`; entries that are not 64 hex digits
    // are skipped and named in `warnings`.
    explicit ApiKeyVerifier(const QHash<QString, QString> &secrets, QStringList *warnings = nullptr);

    int partnerCount() const { return static_cast<int>(m_partners.size()); }

    // The partner id the key belongs to, or nullopt.
    std::optional<QString> partnerFor(const QByteArray &apiKey) const;

    static QByteArray sha256Hex(const QByteArray &data);

private:
    struct Partner
    {
        QString id;
        QByteArray hash; // 32 raw bytes
    };
    QList<Partner> m_partners;
};

} // namespace Gatehouse::Runtime
