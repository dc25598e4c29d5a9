#pragma once

#include "noderunners.h"

#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime node --node ID`: reads the NodeLaunchConfig from the first line of the
// control channel on `inputFd` (stdin: the only way secrets reach a node), checks it is for
// node ID, starts the channel's reader and runs the runner of its kind with the channel. EOF
// on the channel stops the node like SIGTERM (the supervisor is gone).
// Exit codes: the runner's, or 2 for a bad command line / config, 3 for a kind with no runner.
class NodeCommand
{
public:
    static int run(const QStringList &arguments, int inputFd, QTextStream &err, const NodeRunners &runners);
};

} // namespace Gatehouse::Runtime
