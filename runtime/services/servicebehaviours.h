#pragma once

#include "model/kinds.h"
#include "services/servicebehaviour.h"

#include <QStringList>
#include <memory>

namespace Gatehouse::Runtime {

class ServiceContext;

// The behaviour of a service role (generic, auth, order, inventory, payment, notification).
// `warnings` receives problems of the role's setup that still allow it to run.
std::unique_ptr<ServiceBehaviour> makeServiceBehaviour(ServiceRole role, ServiceContext &context, QStringList *warnings);

} // namespace Gatehouse::Runtime
