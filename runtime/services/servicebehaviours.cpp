#include "servicebehaviours.h"

#include "services/authbehaviour.h"
#include "services/genericbehaviour.h"
#include "services/inventorybehaviour.h"
#include "services/notificationbehaviour.h"
#include "services/orderbehaviour.h"
#include "services/paymentbehaviour.h"

namespace Gatehouse::Runtime {

std::unique_ptr<ServiceBehaviour> makeServiceBehaviour(ServiceRole role, ServiceContext &context, QStringList *warnings)
{
    Q_UNUSED(warnings); // every role has its behaviour in this build
    switch (role) {
    case ServiceRole::Generic:
        break;
    case ServiceRole::Auth:
        return std::make_unique<AuthBehaviour>(context);
    case ServiceRole::Inventory:
        return std::make_unique<InventoryBehaviour>(context);
    case ServiceRole::Order:
        return std::make_unique<OrderBehaviour>(context);
    case ServiceRole::Notification:
        return std::make_unique<NotificationBehaviour>(context);
    case ServiceRole::Payment:
        return std::make_unique<PaymentBehaviour>(context);
    }
    return std::make_unique<GenericBehaviour>(context);
}

} // namespace Gatehouse::Runtime
