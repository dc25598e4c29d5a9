#pragma once

// What the tests that run a stack under `gatehouse-runtime up` share (tst_orderkill,
// tst_orderrecovery, tst_servicestack): starting the runtime, the test's copy of the example,
// the readiness of every node, and each service's database reached as the service's own role.

#include "infra/pgconnection.h"
#include "runtimeclient/runtimeclient.h"
#include "runtimeclient/runtimeprocess.h"
#include "supervisor/portcheck.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <unistd.h>

namespace Gatehouse::Test {

// Starts `runtime` (gatehouse-runtime) on `project` with its data in DIR/data and its secrets in
// DIR/secrets.json, and waits for its control channel. When the tests run as root, PostgreSQL
// runs as `postgres`, which must be able to enter DIR. Returns "" once connected, otherwise what
// the runtime wrote to standard error.
inline QByteArray startRuntime(RuntimeProcess &process, const QString &runtime, const QString &dir,
                               const QString &project, const QStringList &extraArguments = {})
{
    if (::geteuid() == 0)
        QFile::setPermissions(dir, QFile::permissions(dir) | QFile::ExeOther);
    QSignalSpy connected(&process, &RuntimeProcess::connected);
    process.start(runtime, project,
                  QStringList{"--data-dir", dir + "/data", "--secrets-file", dir + "/secrets.json"} + extraArguments);
    if (connected.wait(120000))
        return {};
    const QByteArray error = process.standardError();
    return error.isEmpty() ? QByteArrayLiteral("the runtime did not connect within 120 s") : error;
}

// The secrets the runtime generated for a stack started by startRuntime in DIR (empty when the
// file cannot be read).
inline QJsonObject stackSecrets(const QString &dir)
{
    QFile file(dir + "/secrets.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Writes the example as shipped to DIR/example.gatehouse with what a test run on a shared
// machine needs: the gateway's public port left to the runtime (an ephemeral one) and a free
// internal port. `editEdge` may change any edge further (a route's rate limit, a timeout).
// Returns the file's path, or "" when the example cannot be read or the file not written.
inline QString writeExampleForTest(const QString &dir, const std::function<void(QJsonObject &edge)> &editEdge = {})
{
    QFile in(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject project = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray nodes = project[QStringLiteral("nodes")].toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes[i].toObject();
        if (node[QStringLiteral("id")] == QStringLiteral("gateway")) {
            node.remove(QStringLiteral("port"));
            QJsonObject properties = node[QStringLiteral("properties")].toObject();
            properties[QStringLiteral("internalPort")] = Runtime::pickFreePort();
            node[QStringLiteral("properties")] = properties;
        }
        nodes[i] = node;
    }
    project[QStringLiteral("nodes")] = nodes;
    if (editEdge) {
        QJsonArray edges = project[QStringLiteral("edges")].toArray();
        for (int i = 0; i < edges.size(); ++i) {
            QJsonObject edge = edges[i].toObject();
            editEdge(edge);
            edges[i] = edge;
        }
        project[QStringLiteral("edges")] = edges;
    }
    const QString path = QDir(dir).filePath(QStringLiteral("example.gatehouse"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(project).toJson());
    return path;
}

// Whether every node of the example reports ready.
inline bool exampleReady(const RuntimeClient &client)
{
    for (const char *id : {"auth", "inventory", "order", "payment", "notification", "gateway", "order-db", "inventory-db",
                           "notification-db", "payment-db", "auth-db", "redis", "kafka"}) {
        const auto status = client.node(QString::fromLatin1(id));
        if (!status || status->state != NodeState::Ready)
            return false;
    }
    return true;
}

// The conninfo of `database` on node `dbNode` as `role`, with the role's password from the
// stack's secrets file (`up --secrets-file`); "" when either is unknown.
inline QString serviceConninfo(const RuntimeClient &client, const QJsonObject &secrets, const QString &dbNode,
                               const QString &database, const QString &role)
{
    QString password;
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        if (it.key().endsWith(QStringLiteral("/postgres/") + role))
            password = it.value().toString();
    }
    const auto node = client.node(dbNode);
    if (password.isEmpty() || !node)
        return {};
    return Runtime::PgConnection::conninfo(QStringLiteral("127.0.0.1"), node->port, database, role, password);
}

// The rows of one query (a warning, and none, when it fails).
inline QList<QStringList> sqlRows(const QString &conninfo, const QString &sql, const QStringList &params = {})
{
    Runtime::PgConnection connection;
    QString error;
    QList<QStringList> out;
    if (!connection.open(conninfo, &error) || !connection.query(sql, params, &out, &error))
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
    return out;
}

// The first column of the first row as a number; -1 when the query failed.
inline int sqlCount(const QString &conninfo, const QString &sql, const QStringList &params = {})
{
    const QList<QStringList> rows = sqlRows(conninfo, sql, params);
    return rows.isEmpty() ? -1 : rows.first().value(0).toInt();
}

} // namespace Gatehouse::Test
