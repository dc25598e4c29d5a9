#include "noderunners.h"

#include "clients/clientnode.h"
#include "gateway/gatewaynode.h"
#include "services/servicenode.h"

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
    runners.add(NodeKind::Gateway, &runGatewayNode);
    runners.add(NodeKind::Service, &runServiceNode);
    runners.add(NodeKind::ClientWeb, &runClientNode);
    runners.add(NodeKind::ClientMobile, &runClientNode);
    runners.add(NodeKind::ClientPartner, &runClientNode);
    return runners;
}

} // namespace Gatehouse::Runtime
