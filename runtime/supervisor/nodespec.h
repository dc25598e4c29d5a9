#pragma once

#include "model/kinds.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gatehouse::Runtime {

// How to run one node as a child process. The process manager runs whatever command it is
// given: `gatehouse-runtime node --node ID` in a real stack, a test helper in tests.
struct NodeSpec
{
    QString nodeId;
    NodeKind kind = NodeKind::Service;
    QString program;
    QStringList arguments;
    // The first line of the child's stdin (a newline is added; secrets go here). Stdin then
    // stays open as the node's control channel until the child ends.
    QByteArray stdinPayload;
    int startGroup = 0;          // groups start in ascending order, each after the previous is ready
    QList<int> listenPorts;      // ports the node will bind; checked free before each start
    int readinessPort = 0;       // 0: ready as soon as the process runs
    QString readinessPath = QStringLiteral("/readyz");
    QString unavailableReason;   // non-empty: never started, reported down with this message
    QString workingDirectory;
};

// When and how fast crashed nodes come back, and how readiness is judged. Times in ms.
struct RestartPolicy
{
    int initialBackoffMs = 250;  // first restart delay after a crash
    int maxBackoffMs = 10000;    // the delay doubles per consecutive crash up to this
    int stableAfterMs = 10000;   // ready this long resets the backoff
    int readyTimeoutMs = 30000;  // not ready this long after start: killed and counted as a crash
    int probeIntervalMs = 100;   // readiness polling while starting
    int healthIntervalMs = 1000; // readiness polling while ready
    int probeTimeoutMs = 1000;
    int unhealthyAfter = 2;      // consecutive failed health probes before "degraded"
    int stopGraceMs = 5000;      // SIGTERM, then SIGKILL after this
};

} // namespace Gatehouse::Runtime
