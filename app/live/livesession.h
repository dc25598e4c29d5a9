#pragma once

#include "runtimeclient/runtimeclient.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace Gatehouse {

class RuntimeProcess;
class Topology;

// How Run starts `gatehouse-runtime up` beyond the file and data dir (Settings → ports and
// telemetry sampling; docs/runtime.md "Ports" and "Trace sampling"). 0 ports: the runtime picks.
struct LiveRunOptions
{
    int postgresPort = 0;
    int redisPort = 0;
    int kafkaPort = 0;
    int gatewayPort = 0; // for a gateway the diagram gives no port; the diagram's port wins
    int samplingPercent = 100; // share of traces on the span stream (the canvas, the docks)

    bool operator==(const LiveRunOptions &) const = default;
};

// The running stack of the open diagram (BRIEF contract C). Owns the RuntimeProcess that runs
// `gatehouse-runtime up FILE`: start() launches it, `started()` fires once the control client
// is welcomed (attach to client() then), `stopped()` once the supervisor has exited (detach
// then; client() stays valid but disconnected). stateChanged() fires on every state change.
// The runtime binary: settings key "live/runtimePath", env GATEHOUSE_RUNTIME, next to the app
// binary (build tree: ../runtime/), then the installed layout (/usr/bin) and PATH.
class LiveSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit LiveSession(QObject *parent = nullptr);
    ~LiveSession() override; // stops a running stack (blocking, bounded)

    // Runs `projectFile`. `extraArguments` go after the file (e.g. --data-dir DIR); when they
    // name no --data-dir, the runtime's default data dir of `dataDirFor` is used (the real
    // project file, so a snapshot of an unsaved change reuses the same stack data). False with
    // lastError() when the runtime binary cannot be found or a stack is already running.
    bool start(const QString &projectFile, const QStringList &extraArguments = {}, const QString &dataDirFor = {});
    // Ordered shutdown; after `graceMs` the supervisor is terminated, then killed.
    void stop(int graceMs = 20000);

    bool isRunning() const { return m_state != State::Idle; }
    State state() const { return m_state; }
    RuntimeClient *client() const;
    QString projectFile() const { return m_projectFile; }
    QString lastError() const { return m_lastError; }
    qint64 pid() const;

    // Where gatehouse-runtime is, by the rules above; empty when not found.
    static QString findRuntime();
    // The data dir `gatehouse-runtime up FILE` uses when given none (docs/runtime.md), so the app
    // and a terminal share one stack for one file. An empty file name gives the untitled stack.
    static QString defaultDataDir(const QString &projectFile);
    // The data folder chosen in Settings ("" = the runtime's default above). With one, a
    // project's stack lives in FOLDER/stacks/<name>-<hash>, the same name as by default.
    void setDataFolder(const QString &folder) { m_dataFolder = folder; }
    QString dataFolder() const { return m_dataFolder; }
    // Where this session runs the stack of `projectFile` (a --data-dir in the extra arguments
    // of start() wins over it).
    QString dataDirFor(const QString &projectFile) const;
    // Ports and sampling for the next start(). Ports take effect on the next Run; a changed
    // sampling percentage is also sent to a running stack at once (`set-sampling`).
    void setRunOptions(const LiveRunOptions &options);
    LiveRunOptions runOptions() const { return m_runOptions; }
    // The `up` options for `options`: the non-zero ports and the sampling percentage.
    static QStringList upArguments(const LiveRunOptions &options);

Q_SIGNALS:
    void started();
    void stopped();
    void stateChanged(Gatehouse::LiveSession::State state);
    // The runtime could not be started or exited early; `message` says why (stderr included).
    void failed(const QString &message);
    // A status line the supervisor printed ("postgres: creating databases and roles"): while
    // the stack starts, the only sign of what it is doing.
    void progressLine(const QString &line);

private:
    void setState(State state);

    std::unique_ptr<RuntimeProcess> m_process;
    State m_state = State::Idle;
    QString m_projectFile;
    QString m_dataFolder; // Settings → data folder; empty: the runtime's default
    LiveRunOptions m_runOptions;
    QString m_lastError;
};

} // namespace Gatehouse
