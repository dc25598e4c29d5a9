#pragma once

#include "infraendpoints.h"
#include "infraplan.h"
#include "migrationrunner.h"
#include "model/topology.h"
#include "secrets/stacksecrets.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>

namespace Gatehouse::Runtime {

class KafkaMockCluster;
class PostgresCluster;
class RedisServer;
class SecretStore;

struct InfraStackOptions
{
    QString stackId; // names the stack's generated secrets: "<stackId>/…"
    // Names the user-entered external credentials, "<credentialScope>/external/…" — the
    // project's scope (model/credentialscope.h), shared with the app's Settings dialog.
    // Empty: stackId.
    QString credentialScope;
    // The stack's private data dir. Embedded servers keep their files under it:
    // postgres/data (PGDATA), postgres/run (socket), postgres/server.log, redis/ (working dir).
    QString dataDir;
    QString postgresBinDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    // A pristine cluster copied on cold starts instead of running initdb (created by the first
    // one). Default: defaultPostgresTemplateDir(postgresBinDir). Empty: always initdb.
    QString postgresTemplateDir = defaultPostgresTemplateDir(QStringLiteral("/usr/lib/postgresql/15/bin"));
    QString redisExecutable = QStringLiteral("redis-server");
    // Running as root, when the `postgres` user cannot traverse to dataDir (e.g. it is under
    // /root), the cluster goes to "<rootPostgresDir>/<hash of dataDir>" instead (data/, run/,
    // server.log), so the server can still run as `postgres`.
    QString rootPostgresDir = QStringLiteral("/var/lib/gatehouse/postgres");
    // Versioned schema per service node id, applied as that service's role in its database.
    QHash<QString, QList<Migration>> migrations;
    // Called on the caller's thread with a short status line per step ("postgres", "ready").
    std::function<void(const QString &part, const QString &message)> progress;

    // "<user cache>/gatehouse/postgres-template-<hash of binDir and config version>".
    static QString defaultPostgresTemplateDir(const QString &binDir);
};

// Wall-clock milliseconds of the last start(), per part (the benchmark prints them).
struct InfraTimings
{
    bool coldStart = false; // the cluster was created (initdb or template copy)
    bool fromTemplate = false; // created by copying the template instead of initdb
    qint64 secretsMs = 0;
    qint64 postgresInitdbMs = 0; // initdb or template copy
    qint64 postgresStartMs = 0; // server launch until the SQL ping answers
    qint64 postgresProvisionMs = 0; // databases, roles, grants
    qint64 migrationsMs = 0;
    qint64 redisMs = 0;
    qint64 kafkaMs = 0; // what the start still waited for Kafka after Redis (the mock is created
                        // alongside PostgreSQL and Redis)
    qint64 totalMs = 0;
};

// All infrastructure of one stack, started in order (secrets → PostgreSQL → databases, roles and
// migrations → Redis → Kafka) and stopped in reverse. Each part is embedded (the runtime starts
// it) unless the topology's RunSettings give its external address — then the same provisioning
// and readiness checks run against that server, with credentials from the secret store
// (SecretKeys::external*). Parts the topology does not need are not started.
//
// start() blocks until every part passed a real readiness check (SQL ping, AUTH + PING, Kafka
// metadata listing the topics) or fails with a user-facing error, after stopping what it had
// started. stop() and the destructor leave no process, listener or lock behind.
class InfraStack
{
public:
    // `store` must outlive this object.
    InfraStack(const Topology &topology, SecretStore &store, InfraStackOptions options);
    ~InfraStack();
    InfraStack(const InfraStack &) = delete;
    InfraStack &operator=(const InfraStack &) = delete;

    bool start(QString *error);
    void stop();

    // Valid after a successful start().
    const InfraEndpoints &endpoints() const { return m_endpoints; }
    const InfraPlan &plan() const { return m_plan; }
    const StackSecrets &secrets() const { return m_secrets; }
    InfraTimings timings() const { return m_timings; }

    // The embedded servers (nullptr when external or not needed), e.g. for broker-outage tests.
    PostgresCluster *postgres() const { return m_postgres.get(); }
    RedisServer *redis() const { return m_redis.get(); }
    KafkaMockCluster *kafka() const { return m_kafka.get(); }

private:
    QString postgresRoot() const;
    QString credentialScope() const;
    bool startPostgres(QString *error);
    bool provisionDatabases(const QString &adminConninfo, const QString &host, int port, bool embedded, QString *error);
    bool startRedis(QString *error);
    bool startKafka(QString *error);
    void report(const QString &part, const QString &message) const;

    Topology m_topology;
    InfraStackOptions m_options;
    InfraPlan m_plan;
    QString m_planError;
    StackSecrets m_secrets;
    InfraEndpoints m_endpoints;
    InfraTimings m_timings;
    std::unique_ptr<PostgresCluster> m_postgres;
    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<KafkaMockCluster> m_kafka;
};

} // namespace Gatehouse::Runtime
