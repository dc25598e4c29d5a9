#pragma once

#include "nodeprocess.h"

#include "runtimeclient/nodestatus.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <memory>
#include <vector>

namespace Gatehouse::Runtime {

// Runs the node processes of one stack: starts them group by group (each group once every node
// of the previous one is ready, or down after trying), stops them in reverse order, applies
// commands to single nodes, and turns child output into structured log lines.
// Nodes it does not run itself (infra hosted by the supervisor) are reported with reportStatus()
// so that status() covers the whole stack.
class ProcessManager : public QObject
{
    Q_OBJECT
public:
    explicit ProcessManager(RestartPolicy policy = {}, QObject *parent = nullptr);
    ~ProcessManager() override;

    // Where pid files of running children go ("<node>.pid"); see StackLock::recoverOrphans.
    void setPidDirectory(const QString &directory);
    void setDieWithSupervisor(bool on);

    void addNode(const NodeSpec &spec);
    // Status of a node not run as a child (infra, skipped clients); fires statusChanged.
    void reportStatus(const NodeStatus &status);

    // Starts every node in group order; `startupFinished` fires when the last group has settled.
    void startAll();
    // Stops every node, highest group first; `allStopped` fires when no child runs any more.
    void stopAll();
    bool isStopping() const { return m_stopping; }

    // One node command: "stop", "start", "restart", "kill", "pause", "resume".
    // Returns false with `error` (and `errorCode`, a Protocol::ErrorCode) when it cannot apply.
    bool command(const QString &name, const QString &nodeId, QString *error, QString *errorCode);
    static QStringList nodeCommands();

    // Sends a control message ({"type":"faults"|"rate",…}) to a node process and remembers it
    // for its restarts (NodeProcess::sendControl). False with `error`/`errorCode` for a node
    // that is not a child process (unknown, or hosted by the supervisor).
    bool sendControl(const QString &nodeId, const QJsonObject &message, QString *error, QString *errorCode);

    QList<NodeStatus> status() const; // every node, in start order
    NodeProcess *process(const QString &nodeId) const;
    QList<NodeProcess *> processes() const;

Q_SIGNALS:
    void statusChanged(const Gatehouse::NodeStatus &status);
    // {"type":"log","nodeId","stream","timeMs","level","message"[,"fields"]}
    void logLine(const QJsonObject &line);
    void startupFinished();
    void allStopped();

private:
    void startGroup(int index);
    void checkGroupSettled();
    void stopGroup(int index);
    void advanceStop();
    void onOutput(const QString &nodeId, const QString &stream, const QByteArray &line);
    QList<int> groupKeys() const;

    RestartPolicy m_policy;
    std::vector<std::unique_ptr<NodeProcess>> m_processes;
    QList<NodeStatus> m_reported;
    QString m_pidDirectory;
    bool m_dieWithSupervisor = true;
    int m_startingGroup = -1;  // index into groupKeys() while starting, -1 otherwise
    QSet<QString> m_triedInGroup; // nodes of the starting group that went down at least once
    int m_stoppingGroup = -1;
    bool m_inStopGroup = false;
    bool m_stopping = false;
};

} // namespace Gatehouse::Runtime
