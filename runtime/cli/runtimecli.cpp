#include "runtimecli.h"

#include "ctlcommand.h"
#include "nodecommand.h"
#include "noderunners.h"
#include "upcommand.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: gatehouse-runtime <command> [options]\n\n"
           "Commands:\n"
           "  validate FILE [--json]   check a project file and lint its architecture\n"
           "                           exit 0 clean, 1 findings, 2 unreadable\n"
           "  up FILE [options]        run the stack until Ctrl-C, SIGTERM or a shutdown command\n"
           "      --data-dir DIR       the stack's data (default: one folder per project under\n"
           "                           the user's data location)\n"
           "      --control SOCKET     control socket path (default DIR/control.sock)\n"
           "      --websocket PORT     the control protocol on ws://127.0.0.1:PORT too (0: any)\n"
           "      --status             one line per node (state, port, pid), redrawn in place\n"
           "      --json               status, logs and metrics as JSON lines (protocol messages)\n"
           "      --logs               print node log lines too\n"
           "      --secrets-file FILE  keep generated secrets in FILE (0600) instead of the keychain\n"
           "      --clients-paused     start every client node at rate 0 (no traffic until set)\n"
           "  ctl SOCKET COMMAND [...]  one control command to a running stack, result as JSON:\n"
           "      inject --node ID | --edge ID [--latency MS] [--error-rate 0..1]\n"
           "      set-rate --node ID --rate N     stop|start|restart|kill|pause|resume --node ID\n"
           "      snapshot | stats | shutdown | trace --trace ID\n"
           "  node --node ID           run one node; its launch config comes as one JSON line on\n"
           "                           stdin, control messages as further lines\n"
           "  --version                print the version\n";
}

} // namespace

int RuntimeCli::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString verb = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (verb == QLatin1String("validate"))
        return ValidateCommand::run(rest, out, err);
    if (verb == QLatin1String("up"))
        return UpCommand::run(rest, out, err, NodeRunners::builtIn());
    if (verb == QLatin1String("ctl"))
        return CtlCommand::run(rest, out, err);
    if (verb == QLatin1String("node"))
        return NodeCommand::run(rest, STDIN_FILENO, err, NodeRunners::builtIn());
    if (verb == QLatin1String("--version") || verb == QLatin1String("version")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h") || verb == QLatin1String("help")) {
        printUsage(out);
        return 0;
    }
    if (verb.isEmpty())
        err << "gatehouse-runtime: no command given.\n";
    else
        err << "gatehouse-runtime: unknown command \"" << verb << "\".\n";
    printUsage(err);
    return 2;
}

} // namespace Gatehouse::Runtime
