#include "upcommand.h"

#include "signalwatcher.h"
#include "stacksupervisor.h"
#include "statusprinter.h"

#include "model/projectfile.h"
#include "runtimeclient/stackfolder.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <iterator>
#include <utility>

#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

void printUsage(QTextStream &err)
{
    err << "Usage: gatehouse-runtime up FILE [--data-dir DIR] [--control SOCKET] [--websocket PORT]\n"
           "                                [--status | --json] [--logs] [--secrets-file FILE]\n"
           "                                [--clients-paused] [--postgres-port PORT] [--redis-port PORT]\n"
           "                                [--kafka-port PORT] [--gateway-port PORT] [--trace-sampling PERCENT]\n";
}

} // namespace

QString UpCommand::defaultDataDir(const QString &projectFile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/stacks/")
        + stackFolderName(projectFile);
}

int UpCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err, const NodeRunners &runners)
{
    UpOptions options;
    StatusPrinter::Mode mode = StatusPrinter::Mode::Lines;
    bool logs = false;
    // Options that take a port: 0 lets the runtime pick a free one.
    const std::pair<QLatin1String, int *> portOptions[] = {
        { QLatin1String("--websocket"), &options.webSocketPort },
        { QLatin1String("--postgres-port"), &options.postgresPort },
        { QLatin1String("--redis-port"), &options.redisPort },
        { QLatin1String("--kafka-port"), &options.kafkaPort },
        { QLatin1String("--gateway-port"), &options.gatewayPort },
    };
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](QString &target) {
            if (i + 1 >= arguments.size()) {
                err << "up: " << a << " needs a value\n";
                return false;
            }
            target = arguments.at(++i);
            return true;
        };
        auto number = [&](int &target, int max, const char *what) {
            QString text;
            if (!value(text))
                return false;
            bool ok = false;
            target = text.toInt(&ok);
            if (!ok || target < 0 || target > max) {
                err << "up: " << a << " needs " << what << ", not \"" << text << "\"\n";
                return false;
            }
            return true;
        };
        const auto port = std::find_if(std::begin(portOptions), std::end(portOptions),
            [&a](const auto &option) { return a == option.first; });
        if (port != std::end(portOptions)) {
            if (!number(*port->second, 65535, "a port number (0 picks a free one)"))
                return 2;
            continue;
        }
        if (a == QLatin1String("--data-dir")) {
            if (!value(options.dataDir))
                return 2;
        } else if (a == QLatin1String("--control")) {
            if (!value(options.controlSocket))
                return 2;
        } else if (a == QLatin1String("--secrets-file")) {
            if (!value(options.secretsFile))
                return 2;
        } else if (a == QLatin1String("--status")) {
            mode = StatusPrinter::Mode::Table;
        } else if (a == QLatin1String("--json")) {
            mode = StatusPrinter::Mode::Json;
        } else if (a == QLatin1String("--logs")) {
            logs = true;
        } else if (a == QLatin1String("--clients-paused")) {
            options.clientsPaused = true;
        } else if (a == QLatin1String("--trace-sampling")) {
            if (!number(options.samplingPercent, 100, "a whole percentage from 0 to 100"))
                return 2;
        } else if (a.startsWith(QLatin1Char('-'))) {
            err << "up: unknown option " << a << '\n';
            printUsage(err);
            return 2;
        } else if (options.projectFile.isEmpty()) {
            options.projectFile = a;
        } else {
            err << "up: only one FILE may be given\n";
            return 2;
        }
    }
    if (options.projectFile.isEmpty()) {
        printUsage(err);
        return 2;
    }
    const LoadResult loaded = ProjectFile::load(options.projectFile);
    if (!loaded.ok()) {
        err << options.projectFile << ": cannot be read as a Gatehouse project:\n";
        for (const LoadProblem &p : loaded.problems)
            err << "  " << p.toString() << '\n';
        return 2;
    }
    if (options.dataDir.isEmpty())
        options.dataDir = defaultDataDir(options.projectFile);
    options.program = QCoreApplication::applicationFilePath();
    options.runtimeVersion = QCoreApplication::applicationVersion();

    StatusPrinter printer(out, mode, logs, ::isatty(STDOUT_FILENO) == 1);
    StackSupervisor supervisor(loaded.topology, options, runners, &printer);
    SignalWatcher signalWatcher;
    QString error;
    int exitCode = 0;
    if (!supervisor.start(&error, &exitCode)) {
        err << "up: " << error << '\n';
        return exitCode;
    }
    QEventLoop loop;
    int finalCode = 0;
    // A second Ctrl-C while stopping changes nothing: the ordered stop goes on, bounded by each
    // node's grace time.
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &supervisor,
                     [&supervisor](int signalNumber) { supervisor.shutdown(QStringLiteral("signal %1").arg(signalNumber)); });
    QObject::connect(&supervisor, &StackSupervisor::finished, &loop, [&loop, &finalCode](int code) {
        finalCode = code;
        loop.quit();
    });
    loop.exec();
    return finalCode;
}

} // namespace Gatehouse::Runtime
