// Secret stores against the real backends: gnome-keyring over D-Bus (run under with-keyring),
// the file store with its permission rules, and StackSecrets' generate-once behaviour.
#include "secrets/filesecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretgenerator.h"
#include "secrets/secretkeys.h"
#include "secrets/stacksecrets.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <sys/stat.h>

using namespace Gatehouse::Runtime;

namespace {

// A unique stack id per run, so a persistent keyring never sees stale entries.
QString freshStackId()
{
    return QStringLiteral("tst-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

// The child-process side of keychainUnavailable(): probes the keychain and prints the error.
int probeKeychain()
{
    KeychainSecretStore store(5000);
    QString error;
    if (store.isAvailable(&error)) {
        QTextStream(stdout) << "available\n";
        return 0;
    }
    QTextStream(stdout) << error << "\n";
    return 1;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generator();
    void keys();
    void keychainRoundTrip();
    void keychainAsyncRead();
    void keychainUnavailable();
    void fileStoreRoundTrip();
    void fileStoreRefusesWidePermissions();
    void fileStoreRefusesGarbage();
    void stackSecretsGenerateOnce();
    void stackSecretsReportStoreErrors();
};

void TestSecrets::generator()
{
    const QString a = generateSecret();
    const QString b = generateSecret();
    QCOMPARE(a.size(), 43); // 32 bytes, base64url without padding
    QVERIFY(a != b);
    static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QVERIFY(urlSafe.match(a).hasMatch());
    QCOMPARE(generateSecret(16).size(), 22);
}

void TestSecrets::keys()
{
    QCOMPARE(SecretKeys::postgresRole("s1", "svc_order"), QString("s1/postgres/svc_order"));
    QCOMPARE(SecretKeys::jwtSigningKey("s1"), QString("s1/jwt/signing-key"));
    QCOMPARE(SecretKeys::redisPassword("s1"), QString("s1/redis/password"));
    QCOMPARE(SecretKeys::partnerApiKey("s1", "partner"), QString("s1/partner/partner/api-key"));
    QCOMPARE(SecretKeys::externalKafkaPassword("s1"), QString("s1/external/kafka/password"));
}

void TestSecrets::keychainRoundTrip()
{
    KeychainSecretStore store;
    QString error;
    QVERIFY2(store.isAvailable(&error),
        qPrintable("no keychain (run under scripts/with-keyring or ../shared/tools/with-keyring): " + error));
    const QString key = SecretKeys::redisPassword(freshStackId());
    QCOMPARE(store.read(key).status, SecretLookup::Status::NotFound);
    QVERIFY2(store.write(key, "s3cret value ü", &error), qPrintable(error));
    const SecretLookup found = store.read(key);
    QCOMPARE(found.status, SecretLookup::Status::Found);
    QCOMPARE(found.value, QString("s3cret value ü"));
    QVERIFY2(store.write(key, "second", &error), qPrintable(error));
    QCOMPARE(store.read(key).value, QString("second"));
    QVERIFY2(store.remove(key, &error), qPrintable(error));
    QCOMPARE(store.read(key).status, SecretLookup::Status::NotFound);
    QVERIFY2(store.remove(key, &error), qPrintable(error)); // removing twice is fine
}

void TestSecrets::keychainAsyncRead()
{
    KeychainSecretStore store;
    QString error;
    QVERIFY2(store.isAvailable(&error), qPrintable(error));
    const QString key = SecretKeys::jwtSigningKey(freshStackId());
    QVERIFY2(store.write(key, "async-value", &error), qPrintable(error));
    std::optional<SecretLookup> result;
    store.readAsync(key, this, [&](const SecretLookup &lookup) { result = lookup; });
    QVERIFY(!result); // never re-enters the caller
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->value, QString("async-value"));
    QVERIFY(store.remove(key, &error));
}

void TestSecrets::keychainUnavailable()
{
    // A session bus that does not exist: no Secret Service, no KWallet.
    QTemporaryDir dir;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.filePath("no-bus"));
    env.remove("DISPLAY"); // no X11 autolaunch of a bus either
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), { "--probe-keychain" });
    QVERIFY(child.waitForFinished(60000));
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    QCOMPARE(child.exitCode(), 1);
    QVERIFY2(output.contains("Cannot read a secret from the OS keychain") || output.contains("did not answer"),
        qPrintable(output));
    // The message says how to get a keychain or opt in to the file store.
    QVERIFY2(output.contains("gnome-keyring-daemon"), qPrintable(output));
    QVERIFY2(output.contains("file store"), qPrintable(output));
}

void TestSecrets::fileStoreRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("stack/secrets.json");
    FileSecretStore store(path);
    QString error;
    QCOMPARE(store.read("a/b").status, SecretLookup::Status::NotFound);
    QVERIFY2(store.write("a/b", "value-1", &error), qPrintable(error));
    QVERIFY2(store.write("a/c", "value-2", &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(FileSecretStore(path).read("a/b").value, QString("value-1"));
    QVERIFY2(store.write("a/b", "value-3", &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(store.read("a/b").value, QString("value-3"));
    QVERIFY2(store.remove("a/b", &error), qPrintable(error));
    QCOMPARE(store.read("a/b").status, SecretLookup::Status::NotFound);
    QCOMPARE(store.read("a/c").value, QString("value-2"));
    QVERIFY(store.backendName().contains(path));
}

void TestSecrets::fileStoreRefusesWidePermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("secrets.json");
    FileSecretStore store(path);
    QString error;
    QVERIFY2(store.write("k", "v", &error), qPrintable(error));
    for (mode_t mode : { 0640, 0604, 0660, 0644 }) {
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
        const SecretLookup lookup = store.read("k");
        QCOMPARE(lookup.status, SecretLookup::Status::Error);
        QVERIFY2(lookup.error.contains("accessible by other users"), qPrintable(lookup.error));
        QVERIFY2(lookup.error.contains("chmod 600"), qPrintable(lookup.error));
        QVERIFY(!store.write("k", "new", &error));
        QVERIFY(!error.contains("new"));
    }
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    QCOMPARE(store.read("k").value, QString("v"));

    // A symlink is refused (it could point the secrets anywhere).
    const QString link = dir.filePath("link.json");
    QVERIFY(QFile::link(path, link));
    QCOMPARE(FileSecretStore(link).read("k").status, SecretLookup::Status::Error);
}

void TestSecrets::fileStoreRefusesGarbage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("secrets.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[not an object");
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const SecretLookup lookup = FileSecretStore(path).read("k");
    QCOMPARE(lookup.status, SecretLookup::Status::Error);
    QVERIFY2(lookup.error.contains("not a JSON object"), qPrintable(lookup.error));
}

void TestSecrets::stackSecretsGenerateOnce()
{
    QTemporaryDir dir;
    FileSecretStore store(dir.filePath("secrets.json"));
    StackSecretSpec spec;
    spec.redisPassword = true;
    spec.postgresRoles = { "svc_a", "svc_b" };
    spec.partnerIds = { "partner" };
    QString error;
    StackSecrets first(store, "stack-1");
    QVERIFY2(first.ensure(spec, &error), qPrintable(error));
    QCOMPARE(first.generatedCount(), 5);
    QVERIFY(!first.postgresRolePassword("svc_a").isEmpty());
    QVERIFY(first.postgresRolePassword("svc_a") != first.postgresRolePassword("svc_b"));
    QCOMPARE(store.read("stack-1/postgres/svc_a").value, first.postgresRolePassword("svc_a"));

    StackSecrets warm(store, "stack-1");
    QVERIFY2(warm.ensure(spec, &error), qPrintable(error));
    QCOMPARE(warm.generatedCount(), 0);
    QCOMPARE(warm.postgresRolePassword("svc_b"), first.postgresRolePassword("svc_b"));
    QCOMPARE(warm.jwtSigningKey(), first.jwtSigningKey());
    QCOMPARE(warm.partnerApiKey("partner"), first.partnerApiKey("partner"));
    QCOMPARE(warm.redisPassword(), first.redisPassword());

    // Another stack gets its own secrets.
    StackSecrets other(store, "stack-2");
    QVERIFY(other.ensure(spec, &error));
    QCOMPARE(other.generatedCount(), 5);
    QVERIFY(other.jwtSigningKey() != first.jwtSigningKey());
}

void TestSecrets::stackSecretsReportStoreErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("secrets.json");
    FileSecretStore store(path);
    QString error;
    QVERIFY(store.write("x", "y", &error));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    StackSecrets secrets(store, "s");
    QVERIFY(!secrets.ensure(StackSecretSpec {}, &error));
    QVERIFY2(error.contains("s/jwt/signing-key"), qPrintable(error));
    QVERIFY2(error.contains("accessible by other users"), qPrintable(error));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--probe-keychain") == 0)
        return probeKeychain();
    TestSecrets test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secrets.moc"
