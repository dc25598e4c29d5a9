#include "keychainsecretstore.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Gatehouse::Runtime {

namespace {

const QString probeKey = QStringLiteral("gatehouse-keychain-probe");

QString serviceName()
{
    return QString::fromLatin1(KeychainSecretStore::ServiceName);
}

// Runs a configured job to completion with a local event loop. Returns false on timeout.
bool runJob(QKeychain::Job *job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    return finished;
}

QString failure(const QString &what, const QString &detail)
{
    return QStringLiteral("%1: %2. %3").arg(what, detail, KeychainSecretStore::unavailableHint());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::backendName() const
{
    return QStringLiteral("OS keychain (service \"%1\")").arg(serviceName());
}

QString KeychainSecretStore::unavailableHint()
{
    return QStringLiteral("Gatehouse keeps secrets in the OS keychain. On Linux start a Secret Service provider in "
                          "your D-Bus session (e.g. gnome-keyring-daemon --start --components=secrets, or KWallet) "
                          "and make sure DBUS_SESSION_BUS_ADDRESS points to that session; or opt in explicitly to "
                          "the file store, which keeps secrets in the stack's data dir with mode 0600");
}

SecretLookup KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(serviceName());
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    if (!runJob(&job, m_timeoutMs))
        return SecretLookup::makeError(
            failure(QStringLiteral("The OS keychain did not answer within %1 ms").arg(m_timeoutMs),
                QStringLiteral("reading a secret timed out")));
    if (job.error() == QKeychain::NoError)
        return SecretLookup::makeFound(job.textData());
    if (job.error() == QKeychain::EntryNotFound)
        return SecretLookup::makeNotFound();
    return SecretLookup::makeError(
        failure(QStringLiteral("Cannot read a secret from the OS keychain"), job.errorString()));
}

bool KeychainSecretStore::write(const QString &key, const QString &value, QString *error)
{
    QKeychain::WritePasswordJob job(serviceName());
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setTextData(value);
    if (!runJob(&job, m_timeoutMs)) {
        if (error)
            *error = failure(QStringLiteral("The OS keychain did not answer within %1 ms").arg(m_timeoutMs),
                QStringLiteral("storing a secret timed out"));
        return false;
    }
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = failure(QStringLiteral("Cannot store a secret in the OS keychain"), job.errorString());
        return false;
    }
    return true;
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(serviceName());
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    if (!runJob(&job, m_timeoutMs)) {
        if (error)
            *error = failure(QStringLiteral("The OS keychain did not answer within %1 ms").arg(m_timeoutMs),
                QStringLiteral("removing a secret timed out"));
        return false;
    }
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        if (error)
            *error = failure(QStringLiteral("Cannot remove a secret from the OS keychain"), job.errorString());
        return false;
    }
    return true;
}

void KeychainSecretStore::readAsync(
    const QString &key, QObject *context, std::function<void(const SecretLookup &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError)
            done(SecretLookup::makeFound(job->textData()));
        else if (job->error() == QKeychain::EntryNotFound)
            done(SecretLookup::makeNotFound());
        else
            done(SecretLookup::makeError(
                failure(QStringLiteral("Cannot read a secret from the OS keychain"), job->errorString())));
    });
    job->start();
}

bool KeychainSecretStore::isAvailable(QString *error)
{
    const SecretLookup probe = read(probeKey);
    if (probe.status == SecretLookup::Status::Error) {
        if (error)
            *error = probe.error;
        return false;
    }
    return true;
}

} // namespace Gatehouse::Runtime
