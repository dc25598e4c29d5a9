#include "nodecommand.h"

#include "telemetry/nodecontrolchannel.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <csignal>
#include <unistd.h>

namespace Gatehouse::Runtime {

int NodeCommand::run(const QStringList &arguments, int inputFd, QTextStream &err, const NodeRunners &runners)
{
    QString nodeId;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--node") && i + 1 < arguments.size()) {
            nodeId = arguments.at(++i);
        } else {
            err << "node: unexpected argument " << arguments.at(i) << '\n';
            err << "Usage: gatehouse-runtime node --node ID   (launch config as one JSON line on stdin)\n";
            return 2;
        }
    }
    if (nodeId.isEmpty()) {
        err << "Usage: gatehouse-runtime node --node ID   (launch config as one JSON line on stdin)\n";
        return 2;
    }
    NodeControlChannel channel(inputFd);
    QString readError;
    const std::optional<QByteArray> firstLine = channel.readFirstLine(&readError);
    if (!firstLine) {
        err << "node " << nodeId << ": " << readError << '\n';
        return 2;
    }
    const QByteArray &bytes = *firstLine;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        err << "node " << nodeId << ": the launch config on stdin is not a JSON object ("
            << (parseError.error != QJsonParseError::NoError ? parseError.errorString() : QStringLiteral("empty input")) << ")\n";
        return 2;
    }
    QString error;
    const std::optional<NodeLaunchConfig> config = NodeLaunchConfig::fromJson(document.object(), &error);
    if (!config) {
        err << "node " << nodeId << ": " << error << '\n';
        return 2;
    }
    if (config->nodeId != nodeId) {
        err << "node " << nodeId << ": the launch config is for node " << config->nodeId << '\n';
        return 2;
    }
    const NodeKind kind = config->topology.node(nodeId)->kind;
    const NodeRunners::Runner *runner = runners.find(kind);
    if (!runner) {
        err << "node " << nodeId << ": " << NodeRunners::noRunnerMessage(kind) << '\n';
        return 3;
    }
    err.flush();
    // EOF: the supervisor is gone; stop as if it had sent SIGTERM. The reader thread blocks
    // every signal, so the runner's own handling (TerminationSignals::wait(), a handler) gets
    // it; a runner that has not set any up yet simply ends by the default action.
    channel.setEndHandler([] { ::kill(::getpid(), SIGTERM); });
    channel.start();
    const int code = (*runner)(*config, channel);
    channel.stop();
    return code;
}

} // namespace Gatehouse::Runtime
