#pragma once

#include "noderunners.h"

#include <QIODevice>
#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime node --node ID`: reads one NodeLaunchConfig JSON document from stdin (the
// only way secrets reach a node), checks it is for node ID, and runs the runner of its kind.
// Exit codes: the runner's, or 2 for a bad command line / config, 3 for a kind with no runner.
class NodeCommand
{
public:
    static int run(const QStringList &arguments, QIODevice &input, QTextStream &err, const NodeRunners &runners);
};

} // namespace Gatehouse::Runtime
