#pragma once

#include "circuitbreakersettings.h"
#include "kinds.h"
#include "route.h"
#include "topic.h"

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

namespace Gatehouse {

// A connection between two nodes. Which fields matter depends on the kind:
//  sync       routes and circuitBreaker (gateway → service), timeoutMs/retries/fallback
//             (service → service)
//  publish    topics
//  subscribe  topics, consumerGroup
//  owns       — (service → its database)
//  uses-cache keyPrefix
struct Edge
{
    QString id;
    EdgeKind kind = EdgeKind::Sync;
    QString source; // node id
    QString target; // node id
    QString label;  // free text shown in addition to routes/topics
    QList<Route> routes;
    QList<Topic> topics;
    QString consumerGroup;
    QString keyPrefix;
    int timeoutMs = 0;
    int retries = 0;
    Fallback fallback;
    CircuitBreakerSettings circuitBreaker; // gateway → service: the breaker for that upstream
    QList<QPointF> waypoints; // scene coordinates, in order from source to target
    QJsonObject properties;

    bool operator==(const Edge &) const = default;
};

} // namespace Gatehouse
