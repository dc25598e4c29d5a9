#include "nodecommand.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Gatehouse::Runtime {

namespace {
constexpr qint64 MaxConfigBytes = 16 * 1024 * 1024;
}

int NodeCommand::run(const QStringList &arguments, QIODevice &input, QTextStream &err, const NodeRunners &runners)
{
    QString nodeId;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--node") && i + 1 < arguments.size()) {
            nodeId = arguments.at(++i);
        } else {
            err << "node: unexpected argument " << arguments.at(i) << '\n';
            err << "Usage: gatehouse-runtime node --node ID   (launch config as JSON on stdin)\n";
            return 2;
        }
    }
    if (nodeId.isEmpty()) {
        err << "Usage: gatehouse-runtime node --node ID   (launch config as JSON on stdin)\n";
        return 2;
    }
    QByteArray bytes;
    // A blocking read on the stdin pipe returns nothing only at EOF (the supervisor closed it).
    while (bytes.size() <= MaxConfigBytes) {
        const QByteArray chunk = input.read(65536);
        if (chunk.isEmpty())
            break;
        bytes.append(chunk);
    }
    if (bytes.size() > MaxConfigBytes) {
        err << "node " << nodeId << ": launch config larger than " << MaxConfigBytes << " bytes\n";
        return 2;
    }
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
    return (*runner)(*config);
}

} // namespace Gatehouse::Runtime
