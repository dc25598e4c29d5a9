#include "stackcontrol.h"

#include "controlserver.h"

#include "runtimeclient/protocol.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"

#include <QJsonArray>

namespace Gatehouse::Runtime {

namespace {

QJsonObject fail(const char *code, const QString &error)
{
    return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("error"), error}};
}

} // namespace

StackControl::StackControl(ProcessManager *processes, TelemetryHub *hub)
    : m_processes(processes)
    , m_hub(hub)
{
}

QJsonObject StackControl::snapshot()
{
    QJsonArray nodes;
    for (const NodeStatus &s : m_processes->status())
        nodes.append(s.toJson());
    QJsonObject stack = m_stackInfo;
    stack.insert(QStringLiteral("telemetryPort"), m_hub->port());
    if (m_server) {
        stack.insert(QStringLiteral("controlSocket"), m_server->fullServerName());
        if (m_server->webSocketPort() > 0)
            stack.insert(QStringLiteral("webSocketPort"), m_server->webSocketPort());
    }
    return QJsonObject{{QStringLiteral("stack"), stack}, {QStringLiteral("nodes"), nodes}};
}

QJsonObject StackControl::execute(const QJsonObject &command)
{
    const QString name = command.value(QStringLiteral("command")).toString();
    if (ProcessManager::nodeCommands().contains(name)) {
        const QString nodeId = command.value(QStringLiteral("nodeId")).toString();
        if (nodeId.isEmpty())
            return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("%1 needs a \"nodeId\"").arg(name));
        QString error, code;
        if (!m_processes->command(name, nodeId, &error, &code))
            return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), code}, {QStringLiteral("error"), error}};
        return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("nodeId"), nodeId}};
    }
    if (name == QLatin1String("shutdown")) {
        if (m_processes->isStopping())
            return fail(Protocol::ErrorCode::NotPossible, QStringLiteral("the stack is already stopping"));
        return QJsonObject{{QStringLiteral("ok"), true}};
    }
    if (name == QLatin1String("snapshot")) {
        QJsonObject result = snapshot();
        result.insert(QStringLiteral("ok"), true);
        return result;
    }
    if (name == QLatin1String("stats")) {
        QJsonObject result{{QStringLiteral("ok"), true}, {QStringLiteral("intake"), m_hub->metrics().value(QStringLiteral("intake"))}};
        if (m_server)
            result.insert(QStringLiteral("control"), m_server->counters());
        return result;
    }
    if (name == QLatin1String("trace")) {
        const QString traceId = command.value(QStringLiteral("traceId")).toString();
        if (traceId.isEmpty())
            return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("trace needs a \"traceId\""));
        QJsonArray spans;
        for (const Span &s : m_hub->trace(traceId))
            spans.append(s.toJson());
        return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("traceId"), traceId}, {QStringLiteral("spans"), spans}};
    }
    if (name == QLatin1String("inject"))
        return fail(Protocol::ErrorCode::Unsupported, QStringLiteral("latency and error injection needs node support that is not in this build"));
    if (name == QLatin1String("set-rate"))
        return fail(Protocol::ErrorCode::Unsupported, QStringLiteral("client traffic drivers are not in this build"));
    return fail(Protocol::ErrorCode::UnknownCommand, QStringLiteral("unknown command \"%1\"").arg(name));
}

} // namespace Gatehouse::Runtime
