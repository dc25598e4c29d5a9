#include "infrastack.h"

#include "kafkamockcluster.h"
#include "pgconnection.h"
#include "postgrescluster.h"
#include "postgresprovisioner.h"
#include "processtools.h"
#include "redisserver.h"
#include "secrets/secretkeys.h"
#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <libpq-fe.h>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime {

namespace {

constexpr int KafkaReadyTimeoutMs = 15000;

// A user-entered credential: NotFound means "none" (e.g. a trust-authenticated server).
bool readOptional(SecretStore &store, const QString &key, QString *value, QString *error)
{
    const SecretLookup lookup = store.read(key);
    if (lookup.status == SecretLookup::Status::Error) {
        *error = QStringLiteral("Cannot read the credential \"%1\": %2").arg(key, lookup.error);
        return false;
    }
    *value = lookup.value;
    return true;
}

} // namespace

QString InfraStackOptions::defaultPostgresTemplateDir(const QString &binDir)
{
    // The hash changes with the server binaries and with our initdb/configuration (bump the
    // version when postgrescluster.cpp changes what a fresh cluster holds).
    const QByteArray key = binDir.toUtf8() + QByteArrayLiteral("|gatehouse-cluster-v1");
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/gatehouse/postgres-template-") + hash;
}

QString InfraStack::credentialScope() const
{
    return m_options.credentialScope.isEmpty() ? m_options.stackId : m_options.credentialScope;
}

QString InfraStack::postgresRoot() const
{
    const QString inDataDir
        = QDir(QFileInfo(m_options.dataDir).absoluteFilePath()).filePath(QStringLiteral("postgres"));
    if (!ProcessTools::runningAsRoot())
        return inDataDir;
    // As root the server runs as `postgres`, which usually cannot enter root's home (the default
    // data dir is under it). Then the cluster lives in a root-made folder it can reach, one per
    // stack data dir, instead of failing.
    const auto user = ProcessTools::lookupUser(QStringLiteral("postgres"));
    QString blocking;
    if (!user || ProcessTools::traversableBy(QFileInfo(inDataDir).absolutePath(), *user, &blocking))
        return inDataDir;
    const QByteArray key = QFileInfo(m_options.dataDir).absoluteFilePath().toUtf8();
    return QStringLiteral("%1/%2").arg(m_options.rootPostgresDir,
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16)));
}

InfraStack::InfraStack(const Topology &topology, SecretStore &store, InfraStackOptions options)
    : m_topology(topology)
    , m_options(std::move(options))
    , m_secrets(store, m_options.stackId)
{
    if (auto plan = InfraPlan::fromTopology(m_topology, &m_planError))
        m_plan = *plan;
}

InfraStack::~InfraStack()
{
    stop();
}

void InfraStack::report(const QString &part, const QString &message) const
{
    if (m_options.progress)
        m_options.progress(part, message);
}

bool InfraStack::start(QString *error)
{
    if (!m_planError.isEmpty()) {
        *error = m_planError;
        return false;
    }
    if (m_options.stackId.isEmpty() || m_options.dataDir.isEmpty()) {
        *error = QStringLiteral("The stack needs an id and a data dir to start its infrastructure.");
        return false;
    }
    m_timings = {};
    m_endpoints = {};
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();

    report(QStringLiteral("secrets"), QStringLiteral("loading"));
    if (!m_secrets.ensure(m_plan.secretSpec(m_topology), error))
        return false;
    m_timings.secretsMs = step.restart();

    // The embedded Kafka mock needs nothing else and librdkafka 2.0.2 sometimes spends 1 s
    // creating its topics: create it on a helper thread while PostgreSQL and Redis start.
    // Nothing else touches m_kafka until the thread is joined.
    std::thread kafkaCreate;
    QString kafkaCreateError;
    bool kafkaCreated = false;
    if (m_plan.kafka && m_topology.runSettings.kafkaBootstrap.isEmpty()) {
        report(QStringLiteral("kafka"), QStringLiteral("starting the in-process mock cluster"));
        m_kafka = std::make_unique<KafkaMockCluster>();
        kafkaCreate = std::thread([this, &kafkaCreateError, &kafkaCreated] {
            kafkaCreated = m_kafka->start(m_plan.topics, &kafkaCreateError);
        });
    }
    auto joinKafka = [&] {
        if (kafkaCreate.joinable())
            kafkaCreate.join();
    };
    auto fail = [&] {
        joinKafka();
        stop();
        return false;
    };
    if (m_plan.postgres && !startPostgres(error))
        return fail();
    if (m_plan.redis && !startRedis(error))
        return fail();
    if (m_plan.kafka) {
        QElapsedTimer kafkaWait;
        kafkaWait.start();
        const bool embedded = kafkaCreate.joinable();
        joinKafka();
        if (embedded && !kafkaCreated) {
            *error = kafkaCreateError;
            return fail();
        }
        if (!startKafka(error))
            return fail();
        m_timings.kafkaMs = kafkaWait.elapsed();
    }
    m_timings.totalMs = total.elapsed();
    report(QStringLiteral("infra"), QStringLiteral("ready"));
    return true;
}

bool InfraStack::startPostgres(QString *error)
{
    QElapsedTimer step;
    step.start();
    const QString dsn = m_topology.runSettings.postgresDsn;
    if (!dsn.isEmpty()) {
        report(QStringLiteral("postgres"), QStringLiteral("connecting to the external server"));
        QString password;
        if (!readOptional(m_secrets.store(), SecretKeys::externalPostgresPassword(credentialScope()), &password, error))
            return false;
        // Later conninfo keywords override earlier ones; the password is appended, never stored.
        QString admin = dsn;
        if (!password.isEmpty())
            admin += QStringLiteral(" password=") + PgConnection::quoteConninfoValue(password);
        PgConnection probe;
        QString connectError;
        if (!probe.open(admin, &connectError)) {
            *error = QStringLiteral("Cannot connect to the external PostgreSQL server (%1): %2").arg(dsn, connectError);
            return false;
        }
        const QString host = QString::fromUtf8(PQhost(probe.handle()));
        const int port = QString::fromUtf8(PQport(probe.handle())).toInt();
        probe.close();
        m_timings.postgresStartMs = step.elapsed();
        return provisionDatabases(admin, host, port > 0 ? port : 5432, false, error);
    }

    report(QStringLiteral("postgres"), QStringLiteral("starting"));
    PostgresClusterOptions options;
    options.binDir = m_options.postgresBinDir;
    const QString root = postgresRoot();
    options.dataDir = root + QStringLiteral("/data");
    options.socketDir = root + QStringLiteral("/run");
    options.logFile = root + QStringLiteral("/server.log");
    options.port = m_plan.postgresPort;
    options.templateDir = m_options.postgresTemplateDir;
    if (!root.startsWith(QFileInfo(m_options.dataDir).absoluteFilePath()))
        report(QStringLiteral("postgres"),
            QStringLiteral("cluster in %1 (the postgres user cannot enter the data dir)").arg(root));
    m_postgres = std::make_unique<PostgresCluster>(options);
    if (!m_postgres->start(error))
        return false;
    m_timings.coldStart = m_postgres->initializedOnLastStart();
    m_timings.fromTemplate = m_postgres->initializedFromTemplate();
    m_timings.postgresInitdbMs = m_postgres->initdbMs();
    m_timings.postgresStartMs = m_postgres->serverStartMs();
    return provisionDatabases(m_postgres->adminConninfo(), m_postgres->host(), m_postgres->port(), true, error);
}

bool InfraStack::provisionDatabases(
    const QString &adminConninfo, const QString &host, int port, bool embedded, QString *error)
{
    QElapsedTimer step;
    step.start();
    const QList<InfraPlan::Database> &databases = m_plan.databases;
    const int count = int(databases.size());

    // Each service's own login is its database's readiness check. On a warm start every login
    // already works, and then the administrative pass (roles, grants) is skipped.
    std::vector<PgConnection> connections(static_cast<size_t>(count));
    QStringList loginErrors(count);
    auto loginAll = [&] {
        std::vector<std::thread> workers;
        for (int i = 0; i < count; ++i) {
            if (connections[size_t(i)].isOpen())
                continue;
            workers.emplace_back([&, i] {
                const InfraPlan::Database &db = databases.at(i);
                QString sqlError;
                if (connections[size_t(i)].open(PgConnection::conninfo(host, port, db.database, db.role,
                                                    m_secrets.postgresRolePassword(db.role)),
                        &sqlError)
                    && connections[size_t(i)].exec(QStringLiteral("SELECT 1"), &sqlError))
                    loginErrors[i].clear();
                else {
                    connections[size_t(i)].close();
                    loginErrors[i] = sqlError;
                }
            });
        }
        for (std::thread &worker : workers)
            worker.join();
        return std::all_of(connections.begin(), connections.end(), [](const PgConnection &c) { return c.isOpen(); });
    };

    if (!loginAll()) {
        report(QStringLiteral("postgres"), QStringLiteral("creating databases and roles"));
        // One admin connection per database, in parallel: CREATE DATABASE dominates a cold start
        // and mostly waits on I/O (measured ~2x faster for the example's five databases).
        QStringList provisionErrors(count);
        {
            std::vector<std::thread> workers;
            for (int i = 0; i < count; ++i) {
                workers.emplace_back([&, i] {
                    const InfraPlan::Database &db = databases.at(i);
                    PgConnection admin;
                    QString sqlError;
                    if (!admin.open(adminConninfo, &sqlError))
                        provisionErrors[i]
                            = QStringLiteral("Cannot open the PostgreSQL admin connection: %1").arg(sqlError);
                    else if (!PostgresProvisioner::ensureDatabase(
                                 admin, db.database, db.role, m_secrets.postgresRolePassword(db.role), &sqlError))
                        provisionErrors[i] = sqlError;
                });
            }
            for (std::thread &worker : workers)
                worker.join();
        }
        for (const QString &provisionError : std::as_const(provisionErrors)) {
            if (!provisionError.isEmpty()) {
                *error = provisionError;
                return false;
            }
        }
        PgConnection admin;
        QString sqlError;
        if (!admin.open(adminConninfo, &sqlError)) {
            *error = QStringLiteral("Cannot open the PostgreSQL admin connection: %1").arg(sqlError);
            return false;
        }
        // Our own cluster: the default databases are closed to the service roles too. An
        // external server's defaults belong to its administrator.
        if (embedded
            && !PostgresProvisioner::revokePublicConnect(
                admin, { QStringLiteral("postgres"), QStringLiteral("template1") }, error))
            return false;
        admin.close();
        if (!loginAll()) {
            for (int i = 0; i < count; ++i) {
                if (!connections[size_t(i)].isOpen()) {
                    *error = QStringLiteral("The role %1 cannot use its database %2: %3")
                                 .arg(databases.at(i).role, databases.at(i).database, loginErrors.at(i));
                    return false;
                }
            }
        }
    }
    m_timings.postgresProvisionMs = step.restart();

    report(QStringLiteral("postgres"), QStringLiteral("applying migrations"));
    QStringList migrationErrors(count);
    {
        std::vector<std::thread> workers;
        for (int i = 0; i < count; ++i) {
            const QList<Migration> migrations = m_options.migrations.value(databases.at(i).serviceId);
            if (migrations.isEmpty())
                continue;
            workers.emplace_back([&, i, migrations] {
                QString sqlError;
                if (MigrationRunner::apply(connections[size_t(i)], migrations, &sqlError) < 0)
                    migrationErrors[i] = sqlError;
            });
        }
        for (std::thread &worker : workers)
            worker.join();
    }
    for (int i = 0; i < count; ++i) {
        const InfraPlan::Database &db = databases.at(i);
        if (!migrationErrors.at(i).isEmpty()) {
            *error = QStringLiteral("Migrations of %1 failed: %2").arg(db.serviceId, migrationErrors.at(i));
            return false;
        }
        PostgresAccess access;
        access.endpoint.host = host;
        access.endpoint.port = port;
        access.database = db.database;
        access.user = db.role;
        access.password = m_secrets.postgresRolePassword(db.role);
        m_endpoints.databases.insert(db.serviceId, access);
    }
    m_timings.migrationsMs = step.elapsed();
    report(QStringLiteral("postgres"), QStringLiteral("ready"));
    return true;
}

bool InfraStack::startRedis(QString *error)
{
    QElapsedTimer step;
    step.start();
    RedisAccess access;
    const QString url = m_topology.runSettings.redisUrl;
    if (!url.isEmpty()) {
        report(QStringLiteral("redis"), QStringLiteral("connecting to the external server"));
        const QUrl parsed(url);
        if (!parsed.isValid() || parsed.scheme() != QLatin1String("redis") || parsed.host().isEmpty()) {
            *error = QStringLiteral("The Redis URL %1 is not of the form redis://host:port/db.").arg(url);
            return false;
        }
        access.endpoint.host = parsed.host();
        access.endpoint.port = parsed.port(6379);
        access.database = parsed.path().mid(1).toInt();
        if (!readOptional(
                m_secrets.store(), SecretKeys::externalRedisPassword(credentialScope()), &access.password, error))
            return false;
        QString pingError;
        if (!RedisServer::ping(access.endpoint.host, access.endpoint.port, access.password, &pingError, 3000)) {
            *error = QStringLiteral("The external Redis at %1 does not answer AUTH + PING: %2").arg(url, pingError);
            return false;
        }
    } else {
        report(QStringLiteral("redis"), QStringLiteral("starting"));
        RedisServerOptions options;
        options.executable = m_options.redisExecutable;
        options.dataDir = QDir(m_options.dataDir).filePath(QStringLiteral("redis"));
        options.password = m_secrets.redisPassword();
        options.port = m_plan.redisPort;
        m_redis = std::make_unique<RedisServer>(options);
        if (!m_redis->start(error))
            return false;
        access.endpoint.host = m_redis->host();
        access.endpoint.port = m_redis->port();
        access.password = options.password;
    }
    m_endpoints.redis = access;
    m_timings.redisMs = step.elapsed();
    report(QStringLiteral("redis"), QStringLiteral("ready"));
    return true;
}

bool InfraStack::startKafka(QString *error)
{
    QElapsedTimer step;
    step.start();
    KafkaAccess access;
    const RunSettings &settings = m_topology.runSettings;
    if (!settings.kafkaBootstrap.isEmpty()) {
        report(QStringLiteral("kafka"), QStringLiteral("connecting to the external cluster"));
        access.bootstrapServers = settings.kafkaBootstrap;
        access.saslMechanism = settings.kafkaSaslMechanism;
        if (!access.saslMechanism.isEmpty()
            && (!readOptional(
                    m_secrets.store(), SecretKeys::externalKafkaUser(credentialScope()), &access.saslUser, error)
                || !readOptional(m_secrets.store(), SecretKeys::externalKafkaPassword(credentialScope()),
                    &access.saslPassword, error)))
            return false;
    } else {
        // Created by start() on a helper thread, already joined here.
        access.bootstrapServers = m_kafka->bootstrapServers();
    }
    if (!KafkaMockCluster::waitForTopics(access, m_plan.topics, KafkaReadyTimeoutMs, error))
        return false;
    m_endpoints.kafka = access;
    m_timings.kafkaMs = step.elapsed();
    report(QStringLiteral("kafka"), QStringLiteral("ready"));
    return true;
}

void InfraStack::stop()
{
    // Reverse order of start. The mock cluster's teardown can wait up to 1 s inside librdkafka,
    // so it runs alongside the other stops; all are finished when stop() returns.
    std::thread kafkaStop;
    if (m_kafka)
        kafkaStop = std::thread([kafka = std::move(m_kafka)] { kafka->stop(); });
    if (m_redis) {
        m_redis->stop();
        m_redis.reset();
    }
    if (m_postgres) {
        m_postgres->stop();
        m_postgres.reset();
    }
    if (kafkaStop.joinable())
        kafkaStop.join();
    m_endpoints = {};
}

} // namespace Gatehouse::Runtime
