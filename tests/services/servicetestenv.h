// Shared fixture for service tests: a real PostgreSQL cluster in a temp dir, one database and
// role per service, the librdkafka mock cluster, a telemetry intake that collects spans, and a
// blocking HTTP helper. Header-only; each test binary includes it once.
#pragma once

#include "http/client.h"
#include "http/eventloop.h"
#include "infra/kafkamockcluster.h"
#include "infra/pgconnection.h"
#include "infra/postgrescluster.h"
#include "infra/postgresprovisioner.h"
#include "infra/redisserver.h"
#include "model/launchconfig.h"
#include "model/projectfile.h"
#include "model/telemetry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <memory>
#include <unistd.h>

namespace Gatehouse::Runtime::TestSupport {

struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    Http::Headers headers;
    Http::ClientError error = Http::ClientError::None;

    QByteArray header(std::string_view name) const
    {
        const std::string_view v = headers.value(name);
        return QByteArray(v.data(), static_cast<qsizetype>(v.size()));
    }
};

class HttpHelper
{
public:
    HttpHelper()
        : m_loop(1)
        , m_client(m_loop)
    {
        m_loop.start();
    }
    ~HttpHelper()
    {
        m_client.stop();
        m_loop.stop();
    }

    HttpResult send(int port, const std::string &method, const std::string &target, const QByteArray &body = {},
                    Http::Headers headers = {}, int timeoutMs = 10000)
    {
        Http::ClientRequest request;
        request.host = "127.0.0.1";
        request.port = static_cast<std::uint16_t>(port);
        request.method = method;
        request.target = target;
        request.body = body.toStdString();
        request.headers = std::move(headers);
        if (!body.isEmpty() && !request.headers.contains("Content-Type"))
            request.headers.add("Content-Type", "application/json");
        request.timeout = std::chrono::milliseconds(timeoutMs);
        std::promise<Http::ClientResponse> promise;
        auto future = promise.get_future();
        m_client.request(std::move(request), [&promise](Http::ClientResponse response) { promise.set_value(std::move(response)); });
        Http::ClientResponse response = future.get();
        HttpResult result;
        result.status = response.status;
        result.error = response.error;
        result.body = QByteArray::fromStdString(response.body);
        result.headers = response.headers;
        result.json = QJsonDocument::fromJson(result.body).object();
        return result;
    }

    // Sends every request at once (concurrently) and returns the results in order.
    struct Call
    {
        std::string method;
        std::string target;
        QByteArray body;
    };
    QList<HttpResult> sendAll(int port, const QList<Call> &calls, int timeoutMs = 30000)
    {
        std::vector<std::promise<Http::ClientResponse>> promises(static_cast<size_t>(calls.size()));
        std::vector<std::future<Http::ClientResponse>> futures;
        for (auto &p : promises)
            futures.push_back(p.get_future());
        for (qsizetype i = 0; i < calls.size(); ++i) {
            Http::ClientRequest request;
            request.host = "127.0.0.1";
            request.port = static_cast<std::uint16_t>(port);
            request.method = calls[i].method;
            request.target = calls[i].target;
            request.body = calls[i].body.toStdString();
            if (!request.body.empty())
                request.headers.add("Content-Type", "application/json");
            request.timeout = std::chrono::milliseconds(timeoutMs);
            auto *promise = &promises[static_cast<size_t>(i)];
            m_client.request(std::move(request), [promise](Http::ClientResponse r) { promise->set_value(std::move(r)); });
        }
        QList<HttpResult> results;
        for (auto &future : futures) {
            Http::ClientResponse response = future.get();
            HttpResult result;
            result.status = response.status;
            result.error = response.error;
            result.body = QByteArray::fromStdString(response.body);
            result.headers = response.headers;
            result.json = QJsonDocument::fromJson(result.body).object();
            results.append(result);
        }
        return results;
    }

private:
    Http::EventLoop m_loop;
    Http::Client m_client;
};

// Collects what nodes send to the telemetry intake ({"type":"spans",…} lines).
class SpanCollector : public QObject
{
public:
    SpanCollector()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    while (socket->canReadLine()) {
                        const QJsonObject line = QJsonDocument::fromJson(socket->readLine()).object();
                        if (line.value("type").toString() != "spans")
                            continue;
                        for (const QJsonValue &value : line.value("spans").toArray()) {
                            if (auto span = Span::fromJson(value.toObject()))
                                m_spans.append(*span);
                        }
                    }
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    Endpoint endpoint() const { return Endpoint{"127.0.0.1", m_server.serverPort()}; }
    QList<Span> spans() const { return m_spans; }
    QList<Span> ofTrace(const QString &traceId) const
    {
        QList<Span> out;
        for (const Span &span : m_spans) {
            if (span.traceId == traceId)
                out.append(span);
        }
        return out;
    }
    bool has(const QString &traceId, const QString &nodeId, SpanKind kind) const
    {
        for (const Span &span : m_spans) {
            if (span.traceId == traceId && span.nodeId == nodeId && span.kind == kind)
                return true;
        }
        return false;
    }

private:
    QTcpServer m_server;
    QList<Span> m_spans;
};

class ServiceEnv
{
public:
    QTemporaryDir dir{QDir::tempPath() + "/gh-services-XXXXXX"};
    std::unique_ptr<PostgresCluster> postgres;
    KafkaMockCluster kafka;

    bool start(const QList<Topic> &topics, QString *error)
    {
        if (!dir.isValid()) {
            *error = "no temp dir";
            return false;
        }
        if (geteuid() == 0)
            QFile::setPermissions(dir.path(), QFile::Permissions(0x7777)); // the postgres user must enter
        PostgresClusterOptions options;
        options.dataDir = dir.filePath("pg");
        postgres = std::make_unique<PostgresCluster>(options);
        if (!postgres->start(error))
            return false;
        return kafka.start(topics, error);
    }

    void stop()
    {
        kafka.stop();
        if (postgres)
            postgres->stop();
    }

    // Creates the database and login role of one service; returns its access.
    std::optional<PostgresAccess> createDatabase(const QString &name, QString *error)
    {
        PgConnection admin;
        if (!admin.open(postgres->adminConninfo(), error))
            return std::nullopt;
        const QString role = name + "_svc";
        const QString password = "pw-" + name;
        if (!PostgresProvisioner::ensureDatabase(admin, name, role, password, error))
            return std::nullopt;
        return PostgresAccess{Endpoint{postgres->host(), postgres->port()}, name, role, password};
    }

    KafkaAccess kafkaAccess() const { return KafkaAccess{kafka.bootstrapServers(), {}, {}, {}}; }

    static QString conninfo(const PostgresAccess &access)
    {
        return PgConnection::conninfo(access.endpoint.host, access.endpoint.port, access.database, access.user, access.password);
    }

    // The rows of `sql` in the service's database (empty on error).
    static QList<QStringList> rows(const PostgresAccess &access, const QString &sql, const QStringList &params = {})
    {
        PgConnection c;
        QString error;
        QList<QStringList> out;
        if (!c.open(conninfo(access), &error) || !c.query(sql, params, &out, &error))
            return {};
        return out;
    }
    static int count(const PostgresAccess &access, const QString &sql, const QStringList &params = {})
    {
        const auto r = rows(access, sql, params);
        return r.isEmpty() || r.first().isEmpty() ? -1 : r.first().first().toInt();
    }
};

// The built-in example's infrastructure (examples/api-gateway.gatehouse), as the example flow
// tests need it: its topology, PostgreSQL + the Kafka mock with every published topic,
// redis-server (password "redis-pw") and the database of each service named in start().
class ExampleInfra
{
public:
    ServiceEnv env;
    std::unique_ptr<RedisServer> redis;
    Topology topology;
    QHash<QString, PostgresAccess> dbs; // node id → its database

    bool start(const QStringList &services, QString *error)
    {
        const LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR) + "/examples/api-gateway.gatehouse");
        if (!loaded.ok()) {
            *error = "the example does not load";
            return false;
        }
        topology = loaded.topology;
        QList<Topic> topics;
        for (const Edge &e : topology.edges)
            if (e.kind == EdgeKind::Publish)
                topics.append(e.topics);
        if (!env.start(topics, error))
            return false;
        RedisServerOptions options;
        options.dataDir = env.dir.filePath("redis");
        QDir().mkpath(options.dataDir);
        options.password = "redis-pw";
        redis = std::make_unique<RedisServer>(options);
        if (!redis->start(error))
            return false;
        for (const QString &id : services) {
            const Edge *owns = topology.outgoing(id, EdgeKind::Owns).value(0);
            if (!owns) {
                *error = id + " owns no database";
                return false;
            }
            auto db = env.createDatabase(topology.node(owns->target)->databaseName(), error);
            if (!db)
                return false;
            dbs.insert(id, *db);
        }
        return true;
    }

    void stop()
    {
        if (redis)
            redis->stop();
        env.stop();
    }

    // A service's launch config: its database, Kafka, Redis, an ephemeral port, `upstreams`.
    NodeLaunchConfig config(const QString &nodeId, const QHash<QString, Endpoint> &upstreams = {}) const
    {
        NodeLaunchConfig c;
        c.nodeId = nodeId;
        c.topology = topology;
        c.publicListener = Endpoint{"127.0.0.1", 0};
        c.postgres = dbs.value(nodeId);
        c.kafka = env.kafkaAccess();
        c.redis = RedisAccess{Endpoint{"127.0.0.1", redis->port()}, "redis-pw", 0};
        c.upstreams = upstreams;
        return c;
    }
};

inline Node serviceNode(const QString &id, ServiceRole role)
{
    Node node;
    node.id = id;
    node.kind = NodeKind::Service;
    node.role = role;
    node.name = id;
    return node;
}

inline Node plainNode(const QString &id, NodeKind kind)
{
    Node node;
    node.id = id;
    node.kind = kind;
    node.name = id;
    return node;
}

inline Edge edge(const QString &id, EdgeKind kind, const QString &source, const QString &target)
{
    Edge e;
    e.id = id;
    e.kind = kind;
    e.source = source;
    e.target = target;
    return e;
}

inline Route route(const QString &method, const QString &path)
{
    Route r;
    r.method = method;
    r.path = path;
    return r;
}

} // namespace Gatehouse::Runtime::TestSupport
