#include "renderoptions.h"

namespace Gatehouse {

bool isRouteVisible(const Route &route, ViewFilters filters)
{
    if (filters & ViewFilter::InternalRoutes)
        return true;
    return route.visibility == RouteVisibility::Public && route.auth != AuthMode::Admin;
}

bool isEdgeVisible(const Edge &edge, ViewFilters filters)
{
    switch (edge.kind) {
    case EdgeKind::Sync:
        if (!(filters & ViewFilter::SyncCalls))
            return false;
        if (!edge.routes.isEmpty() && !(filters & ViewFilter::InternalRoutes)) {
            for (const Route &r : edge.routes) {
                if (isRouteVisible(r, filters))
                    return true;
            }
            return false;
        }
        return true;
    case EdgeKind::Publish:
    case EdgeKind::Subscribe:
        return bool(filters & ViewFilter::Events);
    case EdgeKind::Owns:
    case EdgeKind::UsesCache:
        return bool(filters & ViewFilter::DataOwnership);
    }
    return true;
}

} // namespace Gatehouse
