#pragma once

#include "secretstore.h"

namespace Gatehouse::Runtime {

// Secrets in the OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on
// macOS, Credential Store on Windows), under the service name "gatehouse". QtKeychain's
// plaintext fallback is never enabled: without a working keychain every call fails with
// unavailableHint() in the message, so the user learns how to enable one.
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr const char *ServiceName = "gatehouse";

    // `timeoutMs` bounds each synchronous call (a hung D-Bus peer must not hang the runtime).
    explicit KeychainSecretStore(int timeoutMs = 10000);

    QString backendName() const override;
    SecretLookup read(const QString &key) override;
    bool write(const QString &key, const QString &value, QString *error) override;
    bool remove(const QString &key, QString *error) override;
    void readAsync(const QString &key, QObject *context, std::function<void(const SecretLookup &)> done) override;

    // True when a keychain backend answers (a read of a probe key returns "found" or "not
    // found"). Otherwise false and `error` says why and how to enable one.
    bool isAvailable(QString *error);

    // How to get a working keychain, or how to opt in to the file store instead.
    static QString unavailableHint();

private:
    int m_timeoutMs;
};

} // namespace Gatehouse::Runtime
