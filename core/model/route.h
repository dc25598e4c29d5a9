#pragma once

#include "kinds.h"

#include <QString>

namespace Gatehouse {

// A token-bucket style limit: at most `requests` per `windowSeconds` per client identity.
// A default-constructed limit (0 requests) means "no limit".
struct RateLimit
{
    int requests = 0;
    int windowSeconds = 0;

    bool isSet() const { return requests > 0 && windowSeconds > 0; }
    bool operator==(const RateLimit &) const = default;
};

// What happens when the call behind a route or edge fails or times out.
struct Fallback
{
    FallbackMode mode = FallbackMode::None;
    int status = 0;      // StaticResponse: the HTTP status to answer with
    QString body;        // StaticResponse: the body (JSON text)
    QString description; // human text shown on the canvas, e.g. "accept as PENDING_PAYMENT"

    bool isSet() const { return mode != FallbackMode::None; }
    bool operator==(const Fallback &) const = default;
};

// One HTTP route the gateway exposes and forwards along a gateway → service edge.
struct Route
{
    QString method = QStringLiteral("GET"); // upper case; "*" matches any method
    QString path;                           // pattern, e.g. "/orders/{id}"; must start with '/'
    RouteVisibility visibility = RouteVisibility::Public;
    AuthMode auth = AuthMode::Jwt;
    RateLimit rateLimit;
    int timeoutMs = 0; // 0: the gateway's default
    int retries = 0;   // extra attempts for idempotent methods
    Fallback fallback;

    bool operator==(const Route &) const = default;
};

} // namespace Gatehouse
