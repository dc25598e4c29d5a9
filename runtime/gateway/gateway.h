#pragma once

#include "gateway/accesslog.h"
#include "gateway/apikeyverifier.h"
#include "gateway/circuitbreaker.h"
#include "gateway/gatewaymetrics.h"
#include "gateway/jwtverifier.h"
#include "gateway/ratelimiter.h"
#include "gateway/routetable.h"
#include "http/request.h"
#include "http/response.h"
#include "model/launchconfig.h"

#include <QHash>
#include <QStringList>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace Gatehouse::Runtime {

namespace Http {
class Client;
class EventLoop;
} // namespace Http

class FaultInjector;
class TelemetrySender;

// The API gateway's request pipeline (docs/gateway.md "Pipeline"): built-in endpoints →
// route match (only routes visible on the listener) → auth → Redis rate limit → proxy with
// timeout, retries, circuit breaker and fallback → access log, metrics, spans. handle() is the
// HTTP server's handler: it never blocks (Redis answers come back through EventLoop::post, the
// upstream call is asynchronous). Routes are an immutable snapshot swapped atomically by reload,
// so requests in flight finish with the table they started with and no connection is dropped.
class Gateway
{
public:
    static constexpr int PublicListenerId = 0;
    static constexpr int InternalListenerId = 1;
    // Request bodies above 64 KiB or chunked stream through to the upstream (docs/http-engine.md
    // "Streaming"); this is the largest one accepted (413 beyond).
    static constexpr std::size_t MaxStreamedBodyBytes = std::size_t(1) << 30;

    struct Options
    {
        QString nodeId = QStringLiteral("gateway");
        bool rateLimitFailOpen = true;
        bool requestLogging = true;
        int defaultTimeoutMs = 5000;
        CircuitBreaker::Options breaker; // for an upstream not in upstreamBreakers
        // Per upstream service id, from the diagram (CircuitBreaker::optionsPerUpstream).
        QHash<QString, CircuitBreaker::Options> upstreamBreakers;
        // Retries may add at most this share of the requests (plus a small reserve), so that a
        // sick upstream does not get its load multiplied.
        double retryBudgetRatio = 0.2;
        int retryBudgetReserve = 10;
    };

    // Collaborators, not owned; they must outlive the Gateway. rateLimiter, telemetry and log
    // may be null (no Redis configured, no telemetry endpoint, logging off).
    struct Collaborators
    {
        Http::EventLoop *loop = nullptr;
        Http::Client *client = nullptr;
        RedisRateLimiter *rateLimiter = nullptr;
        TelemetrySender *telemetry = nullptr;
        AccessLog *log = nullptr;
        // Injected faults (control channel): node faults delay/fail the requests served here
        // (not /healthz, /readyz), edge faults the proxied call over a route's edge. May be null.
        const FaultInjector *faults = nullptr;
    };

    Gateway(Options options, Collaborators collaborators, JwtVerifier jwt, ApiKeyVerifier apiKeys,
        QHash<QString, Endpoint> upstreams, std::shared_ptr<const RouteTable> routes);
    ~Gateway();
    Gateway(const Gateway &) = delete;
    Gateway &operator=(const Gateway &) = delete;

    // The Http::Server handler. Requests of listener InternalListenerId may reach internal
    // routes and the admin API; every other listener id is public.
    void handle(Http::Request &&request, Http::Responder &&responder);

    std::shared_ptr<const RouteTable> routes() const;
    void setRoutes(std::shared_ptr<const RouteTable> routes);
    // Rebuilds the routes and the upstreams' circuit-breaker settings from an edited diagram (a
    // project file document); breakers keep their state. On error the old routes and settings
    // stay and the error is returned; `warnings` gets skipped routes.
    std::optional<QString> reload(const QByteArray &projectJson, QStringList *warnings = nullptr);
    quint64 routesVersion() const { return m_routesVersion.load(); }

    // Why the gateway is degraded (empty: ready). E.g. Redis down with fail-open.
    QStringList degradedReasons() const;
    CircuitBreaker &breaker(const QString &upstreamNodeId);
    GatewayMetrics &metrics() { return m_metrics; }
    QByteArray renderMetrics();

    const Options &options() const { return m_options; }

private:
    struct Exchange;
    using ExchangePtr = std::shared_ptr<Exchange>;

    void route(const ExchangePtr &ex);
    bool authenticate(const ExchangePtr &ex, AuthMode mode, bool requireAdmin);
    void rateLimit(const ExchangePtr &ex);
    void attempt(const ExchangePtr &ex);
    void upstreamFailed(const ExchangePtr &ex, const QString &reason, bool timedOut);
    // Sends the answer, then record()s it (a streamed answer: once its body has ended).
    void finish(const ExchangePtr &ex, Http::Response response);
    // Metrics, span and access line of a request whose answer went out; `bodyError` non-empty
    // when a streamed answer broke off (then `bytesOut` is what went out before).
    void record(const ExchangePtr &ex, int status, std::uint64_t bytesOut, const QString &bodyError);
    void serveBuiltin(const ExchangePtr &ex);
    void serveAdmin(const ExchangePtr &ex);
    bool takeRetryToken();
    void noteRateLimitBackend(bool available, const QString &error);
    void logEvent(const QString &level, const QString &message);

    const Options m_options;
    const Collaborators m_c;
    const JwtVerifier m_jwt;
    const ApiKeyVerifier m_apiKeys;
    const QHash<QString, Endpoint> m_upstreams;

    mutable std::mutex m_routesMutex;
    std::shared_ptr<const RouteTable> m_routes;
    std::atomic<quint64> m_routesVersion { 1 };
    // The route table as each loop thread last saw it, renewed when the version moves on. Each
    // slot's pointer has a control block of its own (it owns a copy of m_routes), so the
    // exchanges of one thread count references without touching a cache line another thread
    // writes, and the request path takes no lock.
    struct alignas(64) RouteSlot
    {
        quint64 version = 0;
        std::shared_ptr<const RouteTable> table;
    };
    std::vector<RouteSlot> m_routeSlots; // one per loop thread, each touched by its thread only
    std::shared_ptr<const RouteTable> routesOfThread(int loopIndex);

    std::mutex m_breakersMutex;
    std::map<QString, std::unique_ptr<CircuitBreaker>> m_breakers;
    QHash<QString, CircuitBreaker::Options> m_breakerOptions; // guarded by m_breakersMutex

    // Per upstream with an address, what a forwarded request needs, converted once so that the
    // proxy path does no QString work. Declared after the breakers: it points at them.
    struct Target
    {
        std::string host;
        std::uint16_t port = 0;
        QByteArray address; // "host:port" for the access log
        CircuitBreaker *breaker = nullptr; // owned by m_breakers
    };
    QHash<QString, Target> targetsOf(const QHash<QString, Endpoint> &upstreams);
    const QHash<QString, Target> m_targets;

    std::atomic<qint64> m_retryTokensMilli { 0 };
    std::atomic<bool> m_rateLimitBackendDown { false }; // a warning was logged, no recovery yet
    GatewayMetrics m_metrics;
};

} // namespace Gatehouse::Runtime
