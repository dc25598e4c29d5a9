#pragma once

#include "noderunners.h"
#include "statusprinter.h"

#include "control/controlhandler.h"
#include "control/controloverlay.h"
#include "control/controlserver.h"
#include "control/stackcontrol.h"
#include "control/topicsfeed.h"
#include "supervisor/portforwarder.h"
#include "supervisor/processmanager.h"
#include "supervisor/stacklock.h"
#include "supervisor/telemetryhub.h"

#include "model/topology.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace Gatehouse::Runtime {

class InfraStack;
class KafkaTopicMonitor;
class SecretStore;

struct UpOptions
{
    QString projectFile;
    QString dataDir;
    QString controlSocket;  // empty: DATA/control.sock
    int webSocketPort = -1; // the control protocol on ws://127.0.0.1:port too; 0 picks one, -1 none
    QString secretsFile;    // non-empty: FileSecretStore there instead of the OS keychain
    QString program;        // gatehouse-runtime itself, for the node children
    QString runtimeVersion;
    bool clientsPaused = false; // --clients-paused: client nodes start at rate 0
    // Default ports of the embedded infrastructure and of the gateway (docs/runtime.md, "Ports").
    // 0: a free port. A port the diagram gives the node itself wins over these.
    int postgresPort = 0;
    int redisPort = 0;
    int kafkaPort = 0;  // the mock cluster's bootstrap address (a forwarder, see PortForwarder)
    int gatewayPort = 0; // the first gateway (diagram order) whose own port is 0
    int samplingPercent = 100; // share of traces on the control protocol's span stream, 0..100
    RestartPolicy policy;
};

// `up`'s supervisor: takes the data dir's lock, recovers what a killed predecessor left, starts
// the infrastructure, then the node processes in order, serves the control socket and the
// telemetry intake, and on shutdown() stops everything in reverse order. `finished` carries the
// exit code once nothing is left running.
class StackSupervisor : public QObject
{
    Q_OBJECT
public:
    StackSupervisor(Topology topology, UpOptions options, NodeRunners runners, StatusPrinter *printer,
                    QObject *parent = nullptr);
    ~StackSupervisor() override;

    // Synchronous part of the start (lock, recovery, sockets, infrastructure). False with
    // `error` and `exitCode` when the stack cannot run; everything started is stopped again.
    bool start(QString *error, int *exitCode);
    void shutdown(const QString &reason);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onStatus(const NodeStatus &status);
    void reportInfra(NodeState state, const QString &message);
    void finishShutdown();
    void startTopicMonitor();
    QString stackId() const;
    // m_topology with the --postgres/--redis/--kafka-port defaults on the infra nodes that give
    // no port of their own (what InfraStack and the stack plan get; the control side keeps the
    // diagram as drawn, so `apply` sees no port change).
    Topology withDefaultPorts() const;
    // Every fixed infrastructure port the stack will bind is free; else `error` names the port
    // and the part that wanted it. Runs before anything is started.
    bool checkInfraPorts(const Topology &topology, QString *error) const;

    Topology m_topology;
    UpOptions m_options;
    NodeRunners m_runners;
    StatusPrinter *m_printer;
    StackLock m_lock;
    TelemetryHub m_hub;
    ProcessManager m_processes;
    StackControl m_commands;
    ControlOverlay m_overlay; // m_commands plus "topics"
    ControlServer m_control;
    TopicsFeed m_topicsFeed;
    QTimer m_metricsTimer;
    std::unique_ptr<SecretStore> m_secretStore;
    std::unique_ptr<InfraStack> m_infra;
    std::unique_ptr<KafkaTopicMonitor> m_topicMonitor; // after m_infra: gone before the cluster
    PortForwarder m_kafkaForwarder; // the fixed Kafka bootstrap port, when one is asked for
    void setStackState(const QString &state);
    bool m_stopping = false;
    bool m_locked = false;
};

} // namespace Gatehouse::Runtime
