#include "stackcontrol.h"

#include "controlserver.h"
#include "livechanges.h"

#include "model/projectfile.h"
#include "runtimeclient/protocol.h"
#include "supervisor/processmanager.h"
#include "supervisor/telemetryhub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <optional>

namespace Gatehouse::Runtime {

namespace {

constexpr int MaxInjectedLatencyMs = 60000;
constexpr double MaxRatePerSecond = 1000.0;

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
        stack.insert(QStringLiteral("samplingPercent"), m_server->samplingPercent());
    }
    return QJsonObject{{QStringLiteral("stack"), stack}, {QStringLiteral("nodes"), nodes}, {QStringLiteral("edgeFaults"), edgeFaults()}};
}

QJsonObject StackControl::edgeFaults() const
{
    QJsonObject all;
    for (auto node = m_faults.constBegin(); node != m_faults.constEnd(); ++node) {
        for (auto edge = node->edges.constBegin(); edge != node->edges.constEnd(); ++edge) {
            all.insert(edge.key(), QJsonObject{{QStringLiteral("sourceNodeId"), node.key()},
                                               {QStringLiteral("latencyMs"), edge->first},
                                               {QStringLiteral("errorRate"), edge->second}});
        }
    }
    return all;
}

std::optional<NodeKind> StackControl::kindOf(const QString &nodeId) const
{
    if (const Node *node = m_topology.node(nodeId))
        return node->kind;
    if (const NodeProcess *process = m_processes->process(nodeId))
        return process->spec().kind;
    for (const NodeStatus &status : m_processes->status()) {
        if (status.nodeId == nodeId)
            return status.kind;
    }
    return std::nullopt;
}

bool StackControl::sendFaults(const QString &nodeId, const Faults &faults, QJsonObject *result)
{
    QJsonObject edges;
    for (auto it = faults.edges.constBegin(); it != faults.edges.constEnd(); ++it)
        edges.insert(it.key(), QJsonObject{{QStringLiteral("latencyMs"), it->first}, {QStringLiteral("errorRate"), it->second}});
    const QJsonObject message{{QStringLiteral("type"), QStringLiteral("faults")},
                              {QStringLiteral("latencyMs"), faults.latencyMs},
                              {QStringLiteral("errorRate"), faults.errorRate},
                              {QStringLiteral("edges"), edges}};
    QString error, code;
    if (!m_processes->sendControl(nodeId, message, &error, &code)) {
        *result = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), code}, {QStringLiteral("error"), error}};
        return false;
    }
    m_faults.insert(nodeId, faults);
    return true;
}

QJsonObject StackControl::inject(const QJsonObject &command)
{
    const QString nodeId = command.value(QStringLiteral("nodeId")).toString();
    const QString edgeId = command.value(QStringLiteral("edgeId")).toString();
    if (nodeId.isEmpty() == edgeId.isEmpty())
        return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("inject needs either a \"nodeId\" or an \"edgeId\""));
    // Missing values mean 0: {"command":"inject","nodeId":"x"} clears the node's fault.
    const QJsonValue latencyValue = command.value(QStringLiteral("latencyMs"));
    const QJsonValue rateValue = command.value(QStringLiteral("errorRate"));
    const double latency = latencyValue.isUndefined() ? 0.0 : latencyValue.toDouble(-1);
    const double errorRate = rateValue.isUndefined() ? 0.0 : rateValue.toDouble(-1);
    if ((!latencyValue.isUndefined() && !latencyValue.isDouble()) || latency < 0 || latency > MaxInjectedLatencyMs
        || latency != static_cast<int>(latency))
        return fail(Protocol::ErrorCode::InvalidArgument,
                    QStringLiteral("latencyMs must be a whole number from 0 to %1").arg(MaxInjectedLatencyMs));
    if ((!rateValue.isUndefined() && !rateValue.isDouble()) || !(errorRate >= 0.0 && errorRate <= 1.0))
        return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("errorRate must be a number from 0 to 1"));
    const int latencyMs = static_cast<int>(latency);

    if (!nodeId.isEmpty()) {
        const std::optional<NodeKind> kind = kindOf(nodeId);
        if (!kind)
            return fail(Protocol::ErrorCode::UnknownNode, QStringLiteral("no node %1 in this stack").arg(nodeId));
        if (*kind != NodeKind::Gateway && *kind != NodeKind::Service) {
            const QString why = isClient(*kind)
                ? QStringLiteral("%1 is a client: it serves no requests (use set-rate, or inject on the gateway or its edge)")
                : QStringLiteral("%1 is infrastructure (%2) run by the supervisor: inject on the edges or services that use it");
            return fail(Protocol::ErrorCode::NotPossible, why.arg(nodeId, nameOf(*kind)));
        }
        Faults faults = m_faults.value(nodeId);
        faults.latencyMs = latencyMs;
        faults.errorRate = errorRate;
        QJsonObject result;
        if (!sendFaults(nodeId, faults, &result))
            return result;
        return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("nodeId"), nodeId},
                           {QStringLiteral("latencyMs"), latencyMs}, {QStringLiteral("errorRate"), errorRate}};
    }

    const Edge *edge = m_topology.edge(edgeId);
    if (!edge)
        return fail(Protocol::ErrorCode::UnknownEdge, QStringLiteral("no edge %1 in this stack").arg(edgeId));
    if (edge->kind != EdgeKind::Sync)
        return fail(Protocol::ErrorCode::NotPossible,
                    QStringLiteral("%1 is a %2 edge: faults apply to sync calls only (inject on the node that serves or consumes instead)")
                        .arg(edgeId, nameOf(edge->kind)));
    const std::optional<NodeKind> sourceKind = kindOf(edge->source);
    if (!sourceKind || (*sourceKind != NodeKind::Gateway && *sourceKind != NodeKind::Service))
        return fail(Protocol::ErrorCode::NotPossible,
                    QStringLiteral("%1 starts at %2, which makes no calls a fault could delay (inject on %3 instead)")
                        .arg(edgeId, edge->source, edge->target));
    Faults faults = m_faults.value(edge->source);
    if (latencyMs > 0 || errorRate > 0)
        faults.edges.insert(edgeId, {latencyMs, errorRate});
    else
        faults.edges.remove(edgeId);
    const QJsonObject before = edgeFaults();
    QJsonObject result;
    if (!sendFaults(edge->source, faults, &result))
        return result;
    const QJsonObject after = edgeFaults();
    if (m_server && after != before)
        m_server->broadcastEdgeFaults(after);
    return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("edgeId"), edgeId},
                       {QStringLiteral("sourceNodeId"), edge->source}, {QStringLiteral("latencyMs"), latencyMs},
                       {QStringLiteral("errorRate"), errorRate}};
}

QJsonObject StackControl::setRate(const QJsonObject &command)
{
    const QString nodeId = command.value(QStringLiteral("nodeId")).toString();
    if (nodeId.isEmpty())
        return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("set-rate needs a \"nodeId\""));
    const QJsonValue value = command.value(QStringLiteral("ratePerSecond"));
    const double rate = value.toDouble(-1);
    if (!value.isDouble() || !(rate >= 0.0 && rate <= MaxRatePerSecond))
        return fail(Protocol::ErrorCode::InvalidArgument,
                    QStringLiteral("ratePerSecond must be a number from 0 to %1").arg(MaxRatePerSecond));
    const std::optional<NodeKind> kind = kindOf(nodeId);
    if (!kind)
        return fail(Protocol::ErrorCode::UnknownNode, QStringLiteral("no node %1 in this stack").arg(nodeId));
    if (!isClient(*kind))
        return fail(Protocol::ErrorCode::NotPossible,
                    QStringLiteral("%1 is a %2, not a client: only clients have a request rate").arg(nodeId, nameOf(*kind)));
    if (!m_processes->process(nodeId))
        return fail(Protocol::ErrorCode::NotPossible, QStringLiteral("client %1 is not run as a process in this stack").arg(nodeId));
    QString error, code;
    if (!m_processes->sendControl(nodeId, QJsonObject{{QStringLiteral("type"), QStringLiteral("rate")}, {QStringLiteral("ratePerSecond"), rate}},
                                  &error, &code))
        return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("code"), code}, {QStringLiteral("error"), error}};
    return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("nodeId"), nodeId}, {QStringLiteral("ratePerSecond"), rate}};
}

QJsonObject StackControl::apply(const QJsonObject &command)
{
    const QJsonValue document = command.value(QStringLiteral("document"));
    if (!document.isObject())
        return fail(Protocol::ErrorCode::InvalidArgument,
                    QStringLiteral("apply needs a \"document\": the edited project file as a JSON object"));
    const QByteArray bytes = QJsonDocument(document.toObject()).toJson(QJsonDocument::Compact);
    const LoadResult loaded = ProjectFile::fromJson(bytes);
    if (!loaded.ok())
        return fail(Protocol::ErrorCode::InvalidArgument,
                    QStringLiteral("the document is not a valid project: %1").arg(loaded.problems.first().toString()));
    const Topology &edited = loaded.topology;
    const LiveChanges changes = LiveChanges::between(m_running, edited);

    QJsonArray applied;
    QStringList restartReasons = changes.restartReasons;
    for (const QString &gatewayId : changes.gatewaysWithNewRoutes) {
        QString error, code;
        // The gateway reloads from the whole document, as its admin API's reload does.
        const QJsonObject message{{QStringLiteral("type"), QStringLiteral("routes")}, {QStringLiteral("document"), document}};
        if (!m_processes->process(gatewayId) || !m_processes->sendControl(gatewayId, message, &error, &code)) {
            restartReasons.append(QStringLiteral("the routes of %1 could not be sent to it%2")
                                      .arg(gatewayId, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
            continue;
        }
        for (Edge &edge : m_running.edges) {
            if (edge.source == gatewayId && edge.kind == EdgeKind::Sync && edited.edge(edge.id)) {
                edge.routes = edited.edge(edge.id)->routes;
                edge.circuitBreaker = edited.edge(edge.id)->circuitBreaker;
            }
        }
        applied.append(QJsonObject{{QStringLiteral("nodeId"), gatewayId}, {QStringLiteral("change"), QStringLiteral("routes")}});
    }
    for (auto it = changes.clientRates.cbegin(); it != changes.clientRates.cend(); ++it) {
        const double rate = std::clamp(it.value(), 0.0, MaxRatePerSecond);
        QString error, code;
        const QJsonObject message{{QStringLiteral("type"), QStringLiteral("rate")}, {QStringLiteral("ratePerSecond"), rate}};
        if (!m_processes->process(it.key()) || !m_processes->sendControl(it.key(), message, &error, &code)) {
            restartReasons.append(QStringLiteral("the rate of %1 could not be sent to it").arg(it.key()));
            continue;
        }
        if (Node *node = m_running.node(it.key()))
            node->properties.insert(QLatin1String(NodeProperty::RatePerSecond), rate);
        applied.append(QJsonObject{{QStringLiteral("nodeId"), it.key()}, {QStringLiteral("change"), QStringLiteral("rate")},
                                   {QStringLiteral("ratePerSecond"), rate}});
    }
    return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("applied"), applied},
                       {QStringLiteral("needsRestart"), !restartReasons.isEmpty()},
                       {QStringLiteral("restartReasons"), QJsonArray::fromStringList(restartReasons)}};
}

QJsonObject StackControl::setSampling(const QJsonObject &command)
{
    const QJsonValue value = command.value(QStringLiteral("percent"));
    const double percent = value.toDouble(-1);
    if (!value.isDouble() || percent < 0 || percent > 100 || percent != static_cast<int>(percent))
        return fail(Protocol::ErrorCode::InvalidArgument, QStringLiteral("set-sampling needs \"percent\": a whole number from 0 to 100"));
    if (!m_server)
        return fail(Protocol::ErrorCode::NotPossible, QStringLiteral("this stack has no span stream"));
    m_server->setSamplingPercent(static_cast<int>(percent));
    return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("percent"), m_server->samplingPercent()}};
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
        return inject(command);
    if (name == QLatin1String("set-rate"))
        return setRate(command);
    if (name == QLatin1String("apply"))
        return apply(command);
    if (name == QLatin1String("set-sampling"))
        return setSampling(command);
    return fail(Protocol::ErrorCode::UnknownCommand, QStringLiteral("unknown command \"%1\"").arg(name));
}

} // namespace Gatehouse::Runtime
