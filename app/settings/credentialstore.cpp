#include "settings/credentialstore.h"

#include "model/credentialscope.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Gatehouse {

namespace {

const QString kProbeKey = QStringLiteral("gatehouse-keychain-probe");

QString service()
{
    return QString::fromLatin1(CredentialStore::ServiceName);
}

// Runs a configured job to completion; false on timeout (a keychain that never answers).
bool runJob(QKeychain::Job &job, int timeoutMs)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace

CredentialStore::CredentialStore(QString scope, int timeoutMs)
    : m_scope(std::move(scope))
    , m_timeoutMs(timeoutMs)
{
}

QString CredentialStore::scopeForProject(const QString &projectFile)
{
    return projectCredentialScope(projectFile);
}

QList<CredentialStore::Credential> CredentialStore::all()
{
    return { Credential::PostgresPassword, Credential::RedisPassword, Credential::KafkaUser,
        Credential::KafkaPassword };
}

QString CredentialStore::key(Credential credential) const
{
    switch (credential) {
    case Credential::PostgresPassword:
        return m_scope + QStringLiteral("/external/postgres/password");
    case Credential::RedisPassword:
        return m_scope + QStringLiteral("/external/redis/password");
    case Credential::KafkaUser:
        return m_scope + QStringLiteral("/external/kafka/username");
    case Credential::KafkaPassword:
        return m_scope + QStringLiteral("/external/kafka/password");
    }
    return {};
}

QString CredentialStore::locationText()
{
    return tr("Passwords are kept only in the OS keychain (Secret Service, KWallet, macOS Keychain or the "
              "Windows Credential Manager) under the service “%1”, never in the project file.")
        .arg(service());
}

QString CredentialStore::unavailableText(const QString &detail)
{
    return tr("No OS keychain is available, so passwords cannot be stored (%1). On Linux start a Secret "
              "Service provider such as gnome-keyring or KWallet in your session and restart Gatehouse.")
        .arg(detail);
}

bool CredentialStore::isAvailable(QString *error) const
{
    QKeychain::ReadPasswordJob job(service());
    job.setKey(kProbeKey);
    if (!runJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailableText(tr("the keychain did not answer"));
        return false;
    }
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return true;
    if (error)
        *error = unavailableText(job.errorString());
    return false;
}

QString CredentialStore::read(Credential credential, bool *found, QString *error) const
{
    if (found)
        *found = false;
    QKeychain::ReadPasswordJob job(service());
    job.setKey(key(credential));
    if (!runJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailableText(tr("the keychain did not answer"));
        return {};
    }
    if (job.error() == QKeychain::NoError) {
        if (found)
            *found = true;
        return job.textData();
    }
    if (job.error() != QKeychain::EntryNotFound && error)
        *error = unavailableText(job.errorString());
    return {};
}

bool CredentialStore::write(Credential credential, const QString &value, QString *error) const
{
    QKeychain::WritePasswordJob job(service());
    job.setKey(key(credential));
    job.setTextData(value);
    if (!runJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailableText(tr("the keychain did not answer"));
        return false;
    }
    if (job.error() == QKeychain::NoError)
        return true;
    if (error)
        *error = unavailableText(job.errorString());
    return false;
}

bool CredentialStore::remove(Credential credential, QString *error) const
{
    QKeychain::DeletePasswordJob job(service());
    job.setKey(key(credential));
    if (!runJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailableText(tr("the keychain did not answer"));
        return false;
    }
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return true;
    if (error)
        *error = unavailableText(job.errorString());
    return false;
}

} // namespace Gatehouse
