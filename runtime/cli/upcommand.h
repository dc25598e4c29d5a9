#pragma once

#include "noderunners.h"

#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime up FILE [--data-dir DIR] [--control SOCKET] [--websocket PORT]
//                              [--status | --json] [--logs] [--secrets-file FILE] [--clients-paused]
//                              [--postgres-port P] [--redis-port P] [--kafka-port P]
//                              [--gateway-port P] [--trace-sampling PERCENT]`
// Runs the stack until SIGINT/SIGTERM/SIGHUP or a shutdown command, then stops it in reverse
// order. Exit codes: 0 stopped cleanly, 1 the stack could not start, 2 bad usage, unreadable
// project, data dir unusable or already in use.
class UpCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err, const NodeRunners &runners);
    // The per-project default: <user data dir>/stacks/<project name>-<hash of its path>.
    static QString defaultDataDir(const QString &projectFile);
};

} // namespace Gatehouse::Runtime
