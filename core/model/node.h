#pragma once

#include "kinds.h"

#include <QJsonObject>
#include <QPointF>
#include <QSizeF>
#include <QString>

namespace Gatehouse {

// One box on the diagram and, when run, one process or one piece of infrastructure.
// Kind-specific settings live in `properties` under documented keys (docs/file-format.md);
// the typed accessors below read them with their defaults.
struct Node
{
    QString id; // stable, unique in the topology, [A-Za-z0-9_.-]+
    NodeKind kind = NodeKind::Service;
    ServiceRole role = ServiceRole::Generic; // meaningful for services only
    QString name;
    QString description;
    Lane lane = Lane::Services;
    QPointF position; // top-left corner in scene coordinates
    QSizeF size = QSizeF(160, 64);
    int port = 0; // 0: the runtime picks one
    int z = 0;    // stacking order where nodes overlap: a higher z paints on top
    QJsonObject properties;

    double ratePerSecond() const;    // clients: requests per second driven by the runtime
    QString scenario() const;        // clients: name of the traffic scenario
    QString readinessPath() const;   // services and gateway: readiness endpoint
    int internalPort() const;        // gateway: internal listener port, 0 = auto
    bool requestLogging() const;     // gateway: one structured log line per request
    bool rateLimitFailOpen() const;  // gateway: serve when Redis is down
    int latencyMs() const;           // services: injected/simulated latency
    double failureRate() const;      // services: simulated failure ratio 0..1
    QString databaseName() const;    // db.postgres: database name (defaults to the node id)

    bool operator==(const Node &) const = default;
};

// Property keys, shared by the file format, the property editor and the runtime.
namespace NodeProperty {
inline constexpr char RatePerSecond[] = "ratePerSecond";
inline constexpr char Scenario[] = "scenario";
inline constexpr char ReadinessPath[] = "readinessPath";
inline constexpr char InternalPort[] = "internalPort";
inline constexpr char RequestLogging[] = "requestLogging";
inline constexpr char RateLimitFailMode[] = "rateLimitFailMode"; // "open" | "closed"
inline constexpr char LatencyMs[] = "latencyMs";
inline constexpr char FailureRate[] = "failureRate";
inline constexpr char Database[] = "database";
} // namespace NodeProperty

} // namespace Gatehouse
