#include "runtimecli.h"

#include "validatecommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Gatehouse::Runtime {

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: gatehouse-runtime <command> [options]\n\n"
           "Commands:\n"
           "  validate FILE [--json]   check a project file and lint its architecture\n"
           "                           exit 0 clean, 1 findings, 2 unreadable\n"
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
