#include "noderunners.h"

namespace Gatehouse::Runtime {

const NodeRunners::Runner *NodeRunners::find(NodeKind kind) const
{
    const auto it = m_runners.constFind(static_cast<int>(kind));
    return it == m_runners.constEnd() ? nullptr : &it.value();
}

QString NodeRunners::noRunnerMessage(NodeKind kind)
{
    return QStringLiteral("no runner for kind %1 in this build").arg(nameOf(kind));
}

NodeRunners NodeRunners::builtIn()
{
    NodeRunners runners;
    // Gateway and service runners are added here by the branches that bring them
    // (runtime/gateway: runGatewayNode). Until then those kinds are reported down.
    return runners;
}

} // namespace Gatehouse::Runtime
