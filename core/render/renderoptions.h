#pragma once

#include "model/edge.h"

#include <QColor>
#include <QFlags>
#include <QSet>
#include <QString>

namespace Gatehouse {

// What a view shows. Every flag set = everything visible. The canvas's filter actions and
// the image exporters pass the same flags, so an export looks like the filtered canvas.
enum class ViewFilter : quint32 {
    SyncCalls = 1u << 0, // sync edges (HTTP)
    Events = 1u << 1, // publish / subscribe edges
    DataOwnership = 1u << 2, // owns and uses-cache edges
    CrossCutting = 1u << 3, // auth, rate-limit and logging marks on the gateway and on routes
    FailurePaths = 1u << 4, // timeout / fallback marks and the highlighted failure path
    InternalRoutes = 1u << 5, // internal and admin routes (edges carrying only those hide)
};
Q_DECLARE_FLAGS(ViewFilters, ViewFilter)
Q_DECLARE_OPERATORS_FOR_FLAGS(ViewFilters)

inline constexpr ViewFilters allViewFilters()
{
    return ViewFilters(ViewFilter::SyncCalls) | ViewFilter::Events | ViewFilter::DataOwnership
        | ViewFilter::CrossCutting | ViewFilter::FailurePaths | ViewFilter::InternalRoutes;
}

struct RenderOptions
{
    ViewFilters filters = allViewFilters();
    QColor background = QColor(0xfa, 0xfb, 0xfc);
    bool drawBackground = true; // fill the target rect with `background` first
    bool drawLanes = true;
    bool drawLegend = true;
    bool drawLabels = true; // edge labels and node subtitles (off: level of detail when zoomed out)
    QSet<QString> selectedIds; // nodes and edges drawn as selected (export: usually empty)
};

// Whether `edge` is drawn under `filters` (kind filters, and "internal routes" hiding a sync
// edge whose routes are all internal).
bool isEdgeVisible(const Edge &edge, ViewFilters filters);
// Whether a route line is shown on its edge's label.
bool isRouteVisible(const Route &route, ViewFilters filters);

} // namespace Gatehouse
