// The Settings dialog and what it stands on, with real parts: a QSettings ini file, a real
// Document, the real OS keychain (gnome-keyring under with-keyring; a child process with D-Bus
// pointing nowhere for the "no keychain" path), and a real PostgreSQL 15 and redis-server
// started here on 127.0.0.1 with ephemeral ports.
#include "dialogs/settingsdialog.h"
#include "document/document.h"
#include "live/livesession.h"
#include "mainwindow.h"
#include "model/projectfile.h"
#include "settings/appearance.h"
#include "settings/appsettings.h"
#include "settings/connectionprobe.h"
#include "settings/credentialstore.h"
#include "settings/translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Gatehouse;

namespace {

const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin");

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// A unique scope per run, so runs never see each other's keychain entries.
QString testScope()
{
    return QStringLiteral("test-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch());
}

// A server started by the test gets SIGTERM when the test dies (a crash or a ctest timeout), so
// none is left behind; runuser forwards it to its child.
void stopWithTest(QProcess &process)
{
    process.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

// Runs a program, as the `postgres` user when we are root (PostgreSQL refuses to run as root).
QProcess *startAsPostgres(const QString &program, const QStringList &args)
{
    auto *p = new QProcess;
    p->setProcessChannelMode(QProcess::MergedChannels);
    stopWithTest(*p);
    if (geteuid() == 0)
        p->start(QStringLiteral("runuser"), QStringList { "-u", "postgres", "--", program } + args);
    else
        p->start(program, args);
    return p;
}

struct ProbeResult
{
    bool ok = false;
    QString message;
};

ProbeResult waitFor(ConnectionProbe &probe)
{
    QSignalSpy spy(&probe, &ConnectionProbe::finished);
    if (spy.isEmpty() && !spy.wait(15000))
        return { false, QStringLiteral("(no result)") };
    return { spy.at(0).at(0).toBool(), spy.at(0).at(1).toString() };
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void appSettingsRoundTrip();
    void runOptionsBecomeUpArguments();
    void runPassesTheRunOptionsToUp();
    void samplingChangeReachesARunningStack();
    void runSettingsAreOneUndoStepWithoutSecrets();
    void passwordsInRunSettingsAreRefused_data();
    void passwordsInRunSettingsAreRefused();
    void keychainStoreAndDelete();
    void keychainUnavailableShowsClearMessage();
    void postgresProbe_data();
    void postgresProbe();
    void redisProbe_data();
    void redisProbe();
    void kafkaProbe();
    void testButtonShowsResultInline();
    void languageAndAppearance();
    void mainWindowOpensSettings();

private:
    QTemporaryDir m_dir;
    QProcess *m_postgres = nullptr;
    QProcess *m_redis = nullptr;
    quint16 m_pgPort = 0;
    quint16 m_redisPort = 0;
    QString m_scope = testScope();
};

void TestSettings::initTestCase()
{
    if (qEnvironmentVariableIsSet("GATEHOUSE_TST_NO_KEYCHAIN_CHILD"))
        return; // the child only runs keychainUnavailableShowsClearMessage
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(
        CredentialStore(m_scope).isAvailable(&error), qPrintable(QStringLiteral("run under with-keyring: ") + error));

    // PostgreSQL 15 with password authentication (scram) for the role "gatehouse".
    const QString pgDir = m_dir.filePath(QStringLiteral("pg"));
    QVERIFY(QDir().mkpath(pgDir));
    QFile pw(m_dir.filePath(QStringLiteral("pg/pwfile")));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("good-pg-secret\n");
    pw.close();
    if (geteuid() == 0) {
        const passwd *pg = getpwnam("postgres");
        QVERIFY2(pg, "no postgres user");
        QVERIFY(chown(pgDir.toLocal8Bit().constData(), pg->pw_uid, pg->pw_gid) == 0);
        QVERIFY(chown(pw.fileName().toLocal8Bit().constData(), pg->pw_uid, pg->pw_gid) == 0);
        QVERIFY(chmod(m_dir.path().toLocal8Bit().constData(), 0755) == 0);
    }
    std::unique_ptr<QProcess> initdb(startAsPostgres(kPgBin + QStringLiteral("/initdb"),
        { "-D", pgDir + "/data", "-U", "gatehouse", "--pwfile", pw.fileName(), "--auth", "scram-sha-256", "-E", "UTF8",
            "--no-sync" }));
    QVERIFY(initdb->waitForFinished(60000));
    QVERIFY2(initdb->exitCode() == 0, initdb->readAll().constData());
    m_pgPort = freePort();
    m_postgres = startAsPostgres(kPgBin + QStringLiteral("/postgres"),
        { "-D", pgDir + "/data", "-p", QString::number(m_pgPort), "-k", pgDir, "-c", "listen_addresses=127.0.0.1" });

    m_redisPort = freePort();
    m_redis = new QProcess;
    m_redis->setProcessChannelMode(QProcess::MergedChannels);
    stopWithTest(*m_redis);
    m_redis->start(QStringLiteral("redis-server"),
        { "--port", QString::number(m_redisPort), "--bind", "127.0.0.1", "--requirepass", "good-redis-secret", "--save",
            "", "--appendonly", "no", "--dir", m_dir.path() });
    QVERIFY(m_redis->waitForStarted());

    // Ready when each accepts TCP connections.
    for (quint16 port : { m_pgPort, m_redisPort }) {
        QTRY_VERIFY_WITH_TIMEOUT(
            [port] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, port);
                return s.waitForConnected(200);
            }(),
            30000);
    }

    // PostgreSQL accepts TCP before it accepts logins ("the database system is starting up"):
    // ready when a real login works.
    ProbeResult login;
    const QString dsn = QStringLiteral("host=127.0.0.1 port=%1 user=gatehouse dbname=postgres").arg(m_pgPort);
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            ConnectionProbe probe;
            probe.probePostgres(dsn, QStringLiteral("good-pg-secret"));
            login = waitFor(probe);
            return login.ok;
        }(),
        qPrintable(login.message), 30000);
}

void TestSettings::cleanupTestCase()
{
    for (QProcess *p : { m_postgres, m_redis }) {
        if (!p)
            continue;
        p->terminate(); // postgres: "smart" shutdown on SIGTERM (runuser forwards it)
        if (!p->waitForFinished(15000))
            p->kill();
        delete p;
    }
    CredentialStore store(m_scope);
    for (CredentialStore::Credential c : CredentialStore::all())
        store.remove(c);
}

void TestSettings::appSettingsRoundTrip()
{
    const QString ini = m_dir.filePath(QStringLiteral("roundtrip.ini"));
    {
        QSettings settings(ini, QSettings::IniFormat);
        SettingsDialog dialog(nullptr, settings, CredentialStore(m_scope));
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        const int de = language->findData(QStringLiteral("de"));
        QVERIFY(de > 0);
        language->setCurrentIndex(de);
        dialog.findChild<QComboBox *>(QStringLiteral("appearance"))->setCurrentIndex(2);
        dialog.findChild<QLineEdit *>(QStringLiteral("dataFolder"))->setText(QStringLiteral("/srv/gatehouse"));
        dialog.findChild<QSpinBox *>(QStringLiteral("postgresPort"))->setValue(15432);
        dialog.findChild<QSpinBox *>(QStringLiteral("redisPort"))->setValue(16379);
        dialog.findChild<QSpinBox *>(QStringLiteral("kafkaPort"))->setValue(19092);
        dialog.findChild<QSpinBox *>(QStringLiteral("gatewayPort"))->setValue(8443);
        dialog.findChild<QSpinBox *>(QStringLiteral("telemetrySampling"))->setValue(25);
        QVERIFY(dialog.apply());
    }
    AppSettings expected;
    expected.language = QStringLiteral("de");
    expected.appearance = AppSettings::Appearance::Dark;
    expected.dataFolder = QStringLiteral("/srv/gatehouse");
    expected.postgresPort = 15432;
    expected.redisPort = 16379;
    expected.kafkaPort = 19092;
    expected.gatewayPort = 8443;
    expected.telemetrySamplingPercent = 25;
    QSettings reread(ini, QSettings::IniFormat);
    QVERIFY(AppSettings::load(reread) == expected);
    // A new dialog shows what was stored, and saving it unchanged changes nothing.
    SettingsDialog again(nullptr, reread, CredentialStore(m_scope));
    QVERIFY(again.appSettings() == expected);
}

void TestSettings::runOptionsBecomeUpArguments()
{
    AppSettings a;
    a.postgresPort = 15432;
    a.kafkaPort = 19092;
    a.gatewayPort = 8443;
    a.telemetrySamplingPercent = 25;
    QCOMPARE(LiveSession::upArguments(a.runOptions()),
        QStringList({ "--postgres-port", "15432", "--kafka-port", "19092", "--gateway-port", "8443", "--trace-sampling", "25" }));
    a.redisPort = 16379;
    a.kafkaPort = 0; // automatic: left to the runtime
    QCOMPARE(LiveSession::upArguments(a.runOptions()),
        QStringList({ "--postgres-port", "15432", "--redis-port", "16379", "--gateway-port", "8443", "--trace-sampling", "25" }));
    // The defaults: every infrastructure port automatic, the gateway on 8080, every trace.
    QCOMPARE(LiveSession::upArguments(AppSettings().runOptions()),
        QStringList({ "--gateway-port", "8080", "--trace-sampling", "100" }));
}

void TestSettings::runPassesTheRunOptionsToUp()
{
    // A stand-in for gatehouse-runtime that writes down its arguments and fails: what Run
    // really executes, without starting a stack.
    const QString script = m_dir.filePath(QStringLiteral("record-args.sh"));
    const QString record = m_dir.filePath(QStringLiteral("args.txt"));
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + record.toUtf8() + "'\nexit 3\n");
    }
    QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray previous = qgetenv("GATEHOUSE_RUNTIME");
    qputenv("GATEHOUSE_RUNTIME", script.toUtf8());
    QSettings().remove(QStringLiteral("live/runtimePath"));

    AppSettings a;
    a.redisPort = 16379;
    a.gatewayPort = 8443;
    a.telemetrySamplingPercent = 30;
    LiveSession session;
    session.setRunOptions(a.runOptions());
    QSignalSpy stopped(&session, &LiveSession::stopped);
    const QString project = m_dir.filePath(QStringLiteral("run.gatehouse"));
    QVERIFY(session.start(project, { QStringLiteral("--trace-sampling"), QStringLiteral("40") }));
    QVERIFY(stopped.wait(20000));
    qputenv("GATEHOUSE_RUNTIME", previous);

    QFile file(record);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList args = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(args.size() > 2 && args.at(0) == QLatin1String("up") && args.at(1) == project, qPrintable(args.join(' ')));
    auto valueOf = [&args](const QString &option) {
        const qsizetype i = args.lastIndexOf(option); // `up` keeps the last
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
    };
    QCOMPARE(valueOf(QStringLiteral("--redis-port")), QStringLiteral("16379"));
    QCOMPARE(valueOf(QStringLiteral("--gateway-port")), QStringLiteral("8443"));
    QVERIFY(!args.contains(QStringLiteral("--postgres-port"))); // automatic
    QCOMPARE(valueOf(QStringLiteral("--trace-sampling")), QStringLiteral("40")); // the caller's own option wins
    QCOMPARE(valueOf(QStringLiteral("--data-dir")), session.dataDirFor(project));
}

void TestSettings::samplingChangeReachesARunningStack()
{
    // A real `gatehouse-runtime up` of a one-service diagram (no infrastructure), run the way
    // Run does; the Settings dialog's OK hands the new options to the session.
    const QString project = m_dir.filePath(QStringLiteral("sampling.gatehouse"));
    {
        QFile file(project);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"formatVersion\":1,\"name\":\"sampling\",\"edges\":[],\"nodes\":[{\"id\":\"catalog\","
                   "\"kind\":\"service\",\"role\":\"generic\",\"name\":\"Catalog\",\"x\":0,\"y\":0}]}");
    }
    const QByteArray previous = qgetenv("GATEHOUSE_RUNTIME");
    qputenv("GATEHOUSE_RUNTIME", RUNTIME_PATH);
    LiveSession session;
    AppSettings a;
    a.gatewayPort = 0;
    a.telemetrySamplingPercent = 60;
    session.setRunOptions(a.runOptions());
    QSignalSpy started(&session, &LiveSession::started);
    const QString data = m_dir.filePath(QStringLiteral("sampling-data"));
    QVERIFY(session.start(project,
        { QStringLiteral("--data-dir"), data, QStringLiteral("--secrets-file"), QDir(data).filePath(QStringLiteral("s.json")) }));
    qputenv("GATEHOUSE_RUNTIME", previous);
    QVERIFY2(started.wait(60000), qPrintable(session.lastError()));
    auto samplingOfStack = [&session]() {
        QSignalSpy finished(session.client(), &RuntimeClient::commandFinished);
        const int id = session.client()->sendCommand(QStringLiteral("snapshot"));
        while (finished.wait(5000)) {
            for (const QList<QVariant> &call : std::as_const(finished)) {
                if (call.at(0).toInt() == id)
                    return call.at(2).toJsonObject().value(QStringLiteral("stack")).toObject().value(QStringLiteral("samplingPercent")).toInt();
            }
        }
        return -1;
    };
    QCOMPARE(samplingOfStack(), 60); // from the start (--trace-sampling)

    a.telemetrySamplingPercent = 15;
    a.redisPort = 16379; // a port: next Run only, nothing to send
    session.setRunOptions(a.runOptions());
    QTRY_COMPARE_WITH_TIMEOUT(samplingOfStack(), 15, 10000);

    QSignalSpy stopped(&session, &LiveSession::stopped);
    session.stop();
    QVERIFY(stopped.wait(60000));
}

void TestSettings::runSettingsAreOneUndoStepWithoutSecrets()
{
    Document document;
    const RunSettings before = document.topology().runSettings;
    const int steps = document.undoStack()->count();
    QSettings settings(m_dir.filePath(QStringLiteral("run.ini")), QSettings::IniFormat);
    CredentialStore store(m_scope);
    {
        SettingsDialog dialog(&document, settings, store);
        dialog.findChild<QLineEdit *>(QStringLiteral("postgresDsn"))
            ->setText(QStringLiteral("host=db.example port=5432 user=admin"));
        dialog.findChild<QLineEdit *>(QStringLiteral("redisUrl"))
            ->setText(QStringLiteral("redis://cache.example:6379/0"));
        dialog.findChild<QLineEdit *>(QStringLiteral("kafkaBootstrap"))->setText(QStringLiteral("b1:9092,b2:9092"));
        auto *mechanism = dialog.findChild<QComboBox *>(QStringLiteral("kafkaMechanism"));
        mechanism->setCurrentIndex(mechanism->findData(QStringLiteral("SCRAM-SHA-256")));
        dialog.findChild<QLineEdit *>(QStringLiteral("postgresPassword"))->setText(QStringLiteral("pg-pass-4711"));
        dialog.findChild<QLineEdit *>(QStringLiteral("redisPassword"))->setText(QStringLiteral("redis-pass-4711"));
        dialog.findChild<QLineEdit *>(QStringLiteral("kafkaUser"))->setText(QStringLiteral("kafka-user-4711"));
        dialog.findChild<QLineEdit *>(QStringLiteral("kafkaPassword"))->setText(QStringLiteral("kafka-pass-4711"));
        QString error;
        QVERIFY2(dialog.apply(&error), qPrintable(error));
    }
    QCOMPARE(document.undoStack()->count(), steps + 1);
    const RunSettings after = document.topology().runSettings;
    QCOMPARE(after.postgresDsn, QStringLiteral("host=db.example port=5432 user=admin"));
    QCOMPARE(after.redisUrl, QStringLiteral("redis://cache.example:6379/0"));
    QCOMPARE(after.kafkaBootstrap, QStringLiteral("b1:9092,b2:9092"));
    QCOMPARE(after.kafkaSaslMechanism, QStringLiteral("SCRAM-SHA-256"));

    const QByteArray file = ProjectFile::toJson(document.topology());
    QVERIFY(file.contains("db.example"));
    for (const char *secret : { "pg-pass-4711", "redis-pass-4711", "kafka-pass-4711", "kafka-user-4711" })
        QVERIFY2(!file.contains(secret), secret);
    QCOMPARE(store.read(CredentialStore::Credential::PostgresPassword), QStringLiteral("pg-pass-4711"));
    QCOMPARE(store.read(CredentialStore::Credential::KafkaUser), QStringLiteral("kafka-user-4711"));

    document.undoStack()->undo();
    QVERIFY(document.topology().runSettings == before);
    document.undoStack()->redo();
    QVERIFY(document.topology().runSettings == after);

    // Opening and confirming the dialog unchanged pushes nothing.
    SettingsDialog unchanged(&document, settings, store);
    QVERIFY(unchanged.apply());
    QCOMPARE(document.undoStack()->count(), steps + 1);
    for (CredentialStore::Credential c : CredentialStore::all())
        QVERIFY(store.remove(c));
}

void TestSettings::passwordsInRunSettingsAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("dsn keyword") << "postgresDsn"
                                 << "host=db user=admin password=hunter2";
    QTest::newRow("postgres uri") << "postgresDsn"
                                  << "postgresql://admin:hunter2@db:5432/postgres";
    QTest::newRow("redis url") << "redisUrl"
                               << "redis://:hunter2@cache:6379/0";
}

void TestSettings::passwordsInRunSettingsAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    Document document;
    const int steps = document.undoStack()->count();
    QSettings settings(m_dir.filePath(QStringLiteral("leak.ini")), QSettings::IniFormat);
    SettingsDialog dialog(&document, settings, CredentialStore(m_scope));
    dialog.findChild<QLineEdit *>(field)->setText(value);
    QString error;
    QVERIFY(!dialog.apply(&error));
    QVERIFY2(error.contains(QStringLiteral("contains a password")), qPrintable(error));
    QCOMPARE(document.undoStack()->count(), steps);
    QVERIFY(!ProjectFile::toJson(document.topology()).contains("hunter2"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("settingsMessage"))->isVisibleTo(&dialog));
}

void TestSettings::keychainStoreAndDelete()
{
    CredentialStore store(m_scope);
    QCOMPARE(
        store.key(CredentialStore::Credential::RedisPassword), m_scope + QStringLiteral("/external/redis/password"));
    QString error;
    QVERIFY2(
        store.write(CredentialStore::Credential::RedisPassword, QStringLiteral("s3cret"), &error), qPrintable(error));
    bool found = false;
    QCOMPARE(store.read(CredentialStore::Credential::RedisPassword, &found), QStringLiteral("s3cret"));
    QVERIFY(found);

    // The dialog shows the credential as stored, and its delete button removes it.
    Document document;
    QSettings settings(m_dir.filePath(QStringLiteral("keys.ini")), QSettings::IniFormat);
    SettingsDialog dialog(&document, settings, store);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("redisPassword"))->placeholderText(),
        SettingsDialog::tr("stored in the keychain"));
    auto *keys = dialog.findChild<QLabel *>(QStringLiteral("credentialKeys"));
    QVERIFY(keys->text().contains(store.key(CredentialStore::Credential::PostgresPassword)));
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("deleteCredentials"));
    QVERIFY(remove->isEnabled());
    remove->click();
    store.read(CredentialStore::Credential::RedisPassword, &found, &error);
    QVERIFY(!found);
    QVERIFY(!remove->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("keychainState"))->property("ok").toBool());
}

void TestSettings::keychainUnavailableShowsClearMessage()
{
    if (!qEnvironmentVariableIsSet("GATEHOUSE_TST_NO_KEYCHAIN_CHILD")) {
        // D-Bus pointing nowhere, in a child: this process's bus connection stays as it is.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_TST_NO_KEYCHAIN_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/gatehouse-bus"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("keychainUnavailableShowsClearMessage") });
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestSettings::keychainUnavailableShowsClearMessage()"), output.constData());
        return;
    }
    CredentialStore store(QStringLiteral("no-keychain"), 3000);
    QString error;
    QVERIFY(!store.isAvailable(&error));
    QVERIFY2(error.startsWith(QStringLiteral("No OS keychain is available")), qPrintable(error));
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Document document;
    SettingsDialog dialog(&document, settings, store);
    auto *state = dialog.findChild<QLabel *>(QStringLiteral("keychainState"));
    QVERIFY2(state->text().contains(QStringLiteral("No OS keychain is available")), qPrintable(state->text()));
    QVERIFY(!state->property("ok").toBool());
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("postgresPassword"))->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("deleteCredentials"))->isEnabled());
    // Everything that is not secret still saves.
    dialog.findChild<QLineEdit *>(QStringLiteral("redisUrl"))->setText(QStringLiteral("redis://127.0.0.1:1/0"));
    QVERIFY(dialog.apply());
    QCOMPARE(document.topology().runSettings.redisUrl, QStringLiteral("redis://127.0.0.1:1/0"));
}

void TestSettings::postgresProbe_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    QTest::newRow("good password") << "good-pg-secret" << true << "PostgreSQL 15";
    QTest::newRow("wrong password") << "wrong" << false << "password authentication failed";
    QTest::newRow("no password") << "" << false << "password";
}

void TestSettings::postgresProbe()
{
    QFETCH(QString, password);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    ConnectionProbe probe;
    QVERIFY(probe.probePostgres(
        QStringLiteral("host=127.0.0.1 port=%1 user=gatehouse dbname=postgres").arg(m_pgPort), password));
    QVERIFY(probe.isRunning());
    QVERIFY(!probe.probeRedis(QStringLiteral("redis://127.0.0.1:1"), {})); // one at a time
    const ProbeResult r = waitFor(probe);
    QVERIFY2(r.ok == ok, qPrintable(r.message));
    QVERIFY2(r.message.contains(message), qPrintable(r.message));
}

void TestSettings::redisProbe_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    const QString url = QStringLiteral("redis://127.0.0.1:%1/0").arg(m_redisPort);
    QTest::newRow("good password") << url << "good-redis-secret" << true << "PING";
    QTest::newRow("wrong password") << url << "wrong" << false << "WRONGPASS";
    QTest::newRow("no password") << url << "" << false << "NOAUTH";
    QTest::newRow("closed port") << QStringLiteral("redis://127.0.0.1:%1").arg(freePort()) << "x" << false << "refused";
    QTest::newRow("not a URL") << "http://127.0.0.1:1"
                               << "" << false << "not a Redis URL";
}

void TestSettings::redisProbe()
{
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    ConnectionProbe probe;
    QVERIFY(probe.probeRedis(url, password));
    const ProbeResult r = waitFor(probe);
    QVERIFY2(r.ok == ok, qPrintable(r.message));
    QVERIFY2(r.message.contains(message, Qt::CaseInsensitive), qPrintable(r.message));
}

void TestSettings::kafkaProbe()
{
    // A TCP-level check: an open port (the test's redis) passes, a closed one names the host.
    ConnectionProbe open;
    QVERIFY(open.probeKafka(QStringLiteral("127.0.0.1:%1").arg(m_redisPort)));
    ProbeResult r = waitFor(open);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.message.contains(QStringLiteral("librdkafka")));

    const QString closed = QStringLiteral("127.0.0.1:%1").arg(freePort());
    ConnectionProbe refused;
    QVERIFY(refused.probeKafka(QStringLiteral("127.0.0.1:%1, %2").arg(m_redisPort).arg(closed)));
    r = waitFor(refused);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.startsWith(closed), qPrintable(r.message));

    ConnectionProbe malformed;
    QVERIFY(malformed.probeKafka(QStringLiteral("no-port-here")));
    r = waitFor(malformed);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("not host:port")), qPrintable(r.message));
}

void TestSettings::testButtonShowsResultInline()
{
    Document document;
    QSettings settings(m_dir.filePath(QStringLiteral("button.ini")), QSettings::IniFormat);
    SettingsDialog dialog(&document, settings, CredentialStore(m_scope));
    dialog.findChild<QLineEdit *>(QStringLiteral("postgresDsn"))
        ->setText(QStringLiteral("host=127.0.0.1 port=%1 user=gatehouse dbname=postgres").arg(m_pgPort));
    dialog.findChild<QLineEdit *>(QStringLiteral("postgresPassword"))->setText(QStringLiteral("good-pg-secret"));
    dialog.findChild<QLineEdit *>(QStringLiteral("redisUrl"))
        ->setText(QStringLiteral("redis://127.0.0.1:%1/0").arg(m_redisPort));
    dialog.findChild<QLineEdit *>(QStringLiteral("redisPassword"))->setText(QStringLiteral("wrong"));
    auto *pgResult = dialog.findChild<QLabel *>(QStringLiteral("postgresResult"));
    auto *redisResult = dialog.findChild<QLabel *>(QStringLiteral("redisResult"));
    dialog.findChild<QPushButton *>(QStringLiteral("testPostgres"))->click();
    dialog.findChild<QPushButton *>(QStringLiteral("testRedis"))->click();
    // Both run at once while the event loop keeps going: the UI thread is not blocked.
    QTRY_VERIFY_WITH_TIMEOUT(pgResult->property("ok").isValid() && redisResult->property("ok").isValid(), 15000);
    QVERIFY2(pgResult->property("ok").toBool(), qPrintable(pgResult->text()));
    QVERIFY(pgResult->text().contains(QStringLiteral("PostgreSQL 15")));
    QVERIFY2(!redisResult->property("ok").toBool(), qPrintable(redisResult->text()));
    QVERIFY(redisResult->text().contains(QStringLiteral("WRONGPASS")));
}

void TestSettings::languageAndAppearance()
{
    QCOMPARE(localeForLanguage(QString()), QLocale::system());
    QCOMPARE(localeForLanguage(QStringLiteral("de")).language(), QLocale::German);
    QVERIFY(availableLanguages().contains(QStringLiteral("de")));
    QVERIFY(availableLanguages().contains(QStringLiteral("en")));

    const QPalette system = QApplication::palette();
    applyAppearance(AppSettings::Appearance::System);
    QCOMPARE(QApplication::palette(), system);
    applyAppearance(AppSettings::Appearance::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    applyAppearance(AppSettings::Appearance::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 100);
}

void TestSettings::mainWindowOpensSettings()
{
    MainWindow::Options options;
    options.recoveryDirectory = m_dir.filePath(QStringLiteral("recovery"));
    MainWindow window(options);
    auto *action = window.findChild<QAction *>(QStringLiteral("actionSettings"));
    QVERIFY(action);
    QPointer<SettingsDialog> opened;
    bool projectTab = false;
    // Closes the dialog once it is shown (its constructor already runs event loops for D-Bus).
    QTimer closer;
    closer.setInterval(10);
    connect(&closer, &QTimer::timeout, &window, [&] {
        auto *dialog = window.findChild<SettingsDialog *>();
        if (!dialog || !dialog->isVisible())
            return;
        opened = dialog;
        projectTab = dialog->findChild<QLineEdit *>(QStringLiteral("postgresDsn")) != nullptr;
        closer.stop();
        dialog->reject();
    });
    closer.start();
    action->trigger(); // modal; the timer above closes it
    QVERIFY(!closer.isActive()); // it was shown and closed
    QVERIFY(opened.isNull()); // and deleted when the menu action returned
    QVERIFY(projectTab);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
