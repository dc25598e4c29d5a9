#pragma once

#include "model/kinds.h"
#include "services/servicebehaviour.h"

#include <QStringList>
#include <memory>

namespace Gatehouse::Runtime {

class ServiceContext;

// The behaviour of a service role. A role without its own implementation in this build runs
// the generic behaviour (it still does what its edges say) and says so in `warnings`.
std::unique_ptr<ServiceBehaviour> makeServiceBehaviour(ServiceRole role, ServiceContext &context, QStringList *warnings);

} // namespace Gatehouse::Runtime
