#include "scenario.h"

namespace Gatehouse::Runtime {

QString nameOf(StepKind kind)
{
    switch (kind) {
    case StepKind::Login: return QStringLiteral("login");
    case StepKind::BrowseItems: return QStringLiteral("browse-items");
    case StepKind::ViewItem: return QStringLiteral("view-item");
    case StepKind::ListOrders: return QStringLiteral("list-orders");
    case StepKind::PlaceOrder: return QStringLiteral("place-order");
    case StepKind::GetOrder: return QStringLiteral("get-order");
    case StepKind::PartnerInventory: return QStringLiteral("partner-inventory");
    case StepKind::PartnerOrder: return QStringLiteral("partner-order");
    }
    return QStringLiteral("unknown");
}

namespace {

// The scenarios. A session walks its cycle from the top, one request per tick, and starts over.
//   web:     browse → view an item → order → look at the order               (1 order in 4)
//   mobile:  mostly reads: browse, several item views, the order list        (1 order in 9)
//   partner: bulk inventory query, bulk order, inventory again               (1 order in 3)
Scenario web()
{
    using S = StepKind;
    return Scenario{QStringLiteral("web"), ClientCredentials::DemoUsers,
                    {S::BrowseItems, S::ViewItem, S::PlaceOrder, S::GetOrder},
                    {QStringLiteral("alice"), QStringLiteral("bob")}};
}

Scenario mobile()
{
    using S = StepKind;
    return Scenario{QStringLiteral("mobile"), ClientCredentials::DemoUsers,
                    {S::BrowseItems, S::ViewItem, S::ViewItem, S::ListOrders, S::ViewItem, S::BrowseItems, S::ViewItem,
                     S::PlaceOrder, S::GetOrder},
                    {QStringLiteral("bob"), QStringLiteral("alice")}};
}

Scenario partner()
{
    using S = StepKind;
    return Scenario{QStringLiteral("partner"), ClientCredentials::ApiKey,
                    {S::PartnerInventory, S::PartnerOrder, S::PartnerInventory}, {}};
}

} // namespace

QStringList Scenario::names()
{
    return {QStringLiteral("web"), QStringLiteral("mobile"), QStringLiteral("partner")};
}

Scenario Scenario::named(const QString &name, NodeKind kind, bool *known)
{
    if (known)
        *known = true;
    if (name == QLatin1String("web"))
        return web();
    if (name == QLatin1String("mobile"))
        return mobile();
    if (name == QLatin1String("partner"))
        return partner();
    if (known)
        *known = false;
    switch (kind) {
    case NodeKind::ClientPartner: return partner();
    case NodeKind::ClientMobile: return mobile();
    default: return web();
    }
}

} // namespace Gatehouse::Runtime
