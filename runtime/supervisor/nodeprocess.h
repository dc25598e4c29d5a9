#pragma once

#include "nodespec.h"

#include "runtimeclient/nodestatus.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace Gatehouse::Runtime {

// One node's child process and its life cycle:
//   start → starting → (readiness probe OK) ready ⇄ degraded (health probes)
//   crash / kill / not ready in time → down → restart after a growing backoff → starting …
//   pause (SIGSTOP) → paused → resume (SIGCONT) → starting → ready
//   stop (SIGTERM, SIGKILL after the grace time) → stopped (no restart)
// The child gets its own process group (Ctrl-C in the terminal reaches only the supervisor, which
// then stops nodes in order) and dies with the supervisor (PR_SET_PDEATHSIG). Each stdout/stderr
// line comes out as `outputLine`. The child's stdin is its control channel (sendControl). `statusChanged` fires on every change of status().
class NodeProcess : public QObject
{
    Q_OBJECT
public:
    NodeProcess(NodeSpec spec, RestartPolicy policy, QObject *parent = nullptr);
    ~NodeProcess() override;

    const NodeSpec &spec() const { return m_spec; }
    NodeStatus status() const { return m_status; }
    // Current restart delay (ms) the next crash will wait; grows per consecutive crash.
    int currentBackoffMs() const { return m_backoffMs; }

    // Where pid files go (one "<node>.pid" per running child), for crash recovery. Empty: none.
    void setPidDirectory(const QString &directory) { m_pidDirectory = directory; }
    // Tests turn this off to leave orphans behind on purpose and check recovery.
    void setDieWithSupervisor(bool on) { m_dieWithSupervisor = on; }

    // Commands. Each returns false with `error` set when it does not apply in the current state.
    bool start(QString *error = nullptr);
    bool stop(QString *error = nullptr); // `stopped` fires when the child is gone
    bool kill(QString *error = nullptr); // SIGKILL; handled like a crash (restart with backoff)
    bool pause(QString *error = nullptr);
    bool resume(QString *error = nullptr);
    bool restart(QString *error = nullptr);

    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    // Control channel (docs/runtime-protocol.md "Node control channel"): the child's stdin
    // stays open after the launch config line; each message goes as one more line. The last
    // message of each "type" is remembered and sent again after every (re)start, so injected
    // faults and client rates survive crashes and restarts. Sent at once when the child runs.
    void sendControl(const QJsonObject &message);
    // The remembered message of `type`, or an empty object.
    QJsonObject controlMessage(const QString &type) const;

Q_SIGNALS:
    void statusChanged(const Gatehouse::NodeStatus &status);
    void outputLine(const QString &nodeId, const QString &stream, const QByteArray &line);
    void stopped(const QString &nodeId);

private:
    void setState(NodeState state, const QString &message = {});
    void launch();
    void onStarted();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void probe();
    void onProbe(bool ok, const QString &reason);
    void scheduleRestart(const QString &why);
    void readOutput(QProcess::ProcessChannel channel);
    void writeControl(const QJsonObject &message);
    void writePidFile();
    void removePidFile();

    NodeSpec m_spec;
    RestartPolicy m_policy;
    NodeStatus m_status;
    QProcess *m_process = nullptr;
    QTimer m_probeTimer;
    QTimer m_readyDeadline;
    QTimer m_restartTimer;
    QTimer m_killTimer;
    QElapsedTimer m_readySince;
    QByteArray m_partial[2];
    QString m_pidDirectory;
    QList<QJsonObject> m_control; // last control message per type, in first-sent order
    QString m_pendingExitReason; // why we killed it ourselves, for the down message
    int m_backoffMs = 0;
    int m_failedHealthProbes = 0;
    bool m_probing = false;
    bool m_stopRequested = false;
    bool m_restartAfterStop = false;
    bool m_dieWithSupervisor = true;
};

} // namespace Gatehouse::Runtime
