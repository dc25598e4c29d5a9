#pragma once

#include "nodestatus.h"

#include "model/telemetry.h"

#include <QJsonObject>
#include <QList>
#include <QLocalSocket>
#include <QObject>

namespace Gatehouse {

// A client of the runtime's control socket (docs/runtime-protocol.md). Connects, negotiates the
// protocol version, then turns each server message into a typed signal. Used by the app and by
// the tests alike. All signals fire on the thread that owns the client.
class RuntimeClient : public QObject
{
    Q_OBJECT
public:
    explicit RuntimeClient(QObject *parent = nullptr);
    ~RuntimeClient() override;

    // Connects to the local socket `name` (a path or a name in the runtime dir) and sends hello;
    // does nothing while a connection exists or is being made.
    // `welcomed` fires once the server accepted a version, `failed` if it did not or could not.
    void connectToServer(const QString &name);
    void disconnectFromServer();
    bool isReady() const { return m_negotiated; }
    int protocolVersion() const { return m_version; }
    QString runtimeVersion() const { return m_runtimeVersion; }

    // Sends a command; returns its id (the `result` for it carries the same id).
    // `command`: stop, start, restart, kill, pause, resume, inject, set-rate, stats, topics, shutdown.
    int sendCommand(const QString &command, const QJsonObject &arguments = {});

    // Sends a raw line as is (tests use it for malformed input).
    void sendRaw(const QByteArray &bytes);

    // The latest known status of every node, updated from snapshots and status events.
    QList<NodeStatus> nodes() const { return m_nodes; }
    std::optional<NodeStatus> node(const QString &nodeId) const;

Q_SIGNALS:
    void welcomed(int protocolVersion);
    void failed(const QString &message);
    void disconnected();
    void snapshotReceived(const QList<Gatehouse::NodeStatus> &nodes, const QJsonObject &snapshot);
    void statusChanged(const Gatehouse::NodeStatus &status);
    // The injected edge faults {edgeId:{"sourceNodeId","latencyMs","errorRate"}}: from every
    // snapshot, then whenever an `inject` on an edge changes them.
    void edgeFaultsChanged(const QJsonObject &edgeFaults);
    void logReceived(const QJsonObject &line); // {nodeId, stream, level, message, timeMs, fields}
    void spansReceived(const QList<Gatehouse::Span> &spans);
    void metricsReceived(const QJsonObject &metrics);
    // The Kafka topic picture (docs/runtime-protocol.md "topics"): the whole message, pushed every
    // second to clients subscribed to "topics" and also the answer of the "topics" command.
    void topicsReceived(const QJsonObject &message);
    void commandFinished(int id, bool ok, const QJsonObject &result);
    void droppedReported(const QJsonObject &counters);
    void errorReceived(const QString &code, const QString &message);

private:
    void onReadyRead();
    void handle(const QJsonObject &message);
    void upsert(const NodeStatus &status);

    QLocalSocket *m_socket = nullptr;
    QByteArray m_buffer;
    bool m_negotiated = false;
    int m_version = 0;
    QString m_runtimeVersion;
    int m_nextId = 1;
    QList<NodeStatus> m_nodes;
};

} // namespace Gatehouse
