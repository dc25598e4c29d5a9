#include "apikeyverifier.h"

#include <QStringList>
#include <sodium.h>

namespace Gatehouse::Runtime {

namespace {

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
        reinterpret_cast<const unsigned char *>(data.constData()), static_cast<unsigned long long>(data.size()));
    return digest;
}

} // namespace

ApiKeyVerifier::ApiKeyVerifier(const QHash<QString, QString> &secrets, QStringList *warnings)
{
    if (sodium_init() < 0 && warnings)
        warnings->append(QStringLiteral("libsodium failed to initialise"));
    const QString prefix = QString::fromLatin1(SecretPrefix);
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString partner = it.key().mid(prefix.size());
        const QByteArray hex = it.value().trimmed().toLatin1().toLower();
        const QByteArray raw = QByteArray::fromHex(hex);
        if (partner.isEmpty() || hex.size() != 64 || raw.size() != 32 || raw.toHex() != hex) {
            if (warnings)
                warnings->append(QStringLiteral("secret %1 is not a hex SHA-256 and is ignored").arg(it.key()));
            continue;
        }
        m_partners.append({ partner, raw });
    }
}

std::optional<QString> ApiKeyVerifier::partnerFor(const QByteArray &apiKey) const
{
    if (apiKey.isEmpty() || apiKey.size() > 1024)
        return std::nullopt;
    const QByteArray digest = sha256(apiKey);
    std::optional<QString> found;
    for (const Partner &partner : m_partners) {
        if (sodium_memcmp(digest.constData(), partner.hash.constData(), crypto_hash_sha256_BYTES) == 0 && !found)
            found = partner.id;
    }
    return found;
}

QByteArray ApiKeyVerifier::sha256Hex(const QByteArray &data)
{
    return sha256(data).toHex();
}

} // namespace Gatehouse::Runtime
