#pragma once

#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime ctl SOCKET COMMAND [options]`: one command over the control socket of a
// running stack (docs/runtime-protocol.md), for scripts and a terminal without socat:
//   ctl SOCKET inject --node ID | --edge ID [--latency MS] [--error-rate R]
//   ctl SOCKET set-rate --node ID --rate R
//   ctl SOCKET stop|start|restart|kill|pause|resume --node ID
//   ctl SOCKET snapshot | stats | shutdown | trace --trace ID
// Prints the result as one JSON line on stdout. Exit codes: 0 ok, 1 the command failed (its
// code and error are in the printed result), 2 bad command line or no connection.
class CtlCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err, int timeoutMs = 10000);
};

} // namespace Gatehouse::Runtime
