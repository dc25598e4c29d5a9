#include "gateway.h"

#include "gateway/jsonline.h"
#include "gateway/observedbody.h"
#include "http/client.h"
#include "http/eventloop.h"
#include "model/projectfile.h"
#include "telemetry/faultinjector.h"
#include "telemetry/spanoutcome.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QVarLengthArray>
#include <chrono>

namespace Gatehouse::Runtime {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::string_view_literals;

constexpr char AdminPrefix[] = "/admin/gateway";

// The admin API: AdminPrefix itself and every path below it.
bool isAdminApiPath(std::string_view path)
{
    constexpr std::string_view prefix(AdminPrefix);
    return path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '/');
}
constexpr std::size_t MaxAdminBodyBytes = 16 * 1024 * 1024;

qint64 epochMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QByteArray bytes(std::string_view view)
{
    return QByteArray(view.data(), static_cast<qsizetype>(view.size()));
}
// Appends `text` as UTF-8 to a std::string or a QByteArray: ASCII (ids, roles, route keys:
// nearly always) written straight into room made for it at once, without a temporary; the rest
// through toUtf8() from the first non-ASCII unit on (a unit boundary, so no surrogate pair is
// split).
template<typename Bytes>
void appendUtf8(Bytes &out, QStringView text)
{
    const auto start = out.size();
    out.resize(start + static_cast<decltype(start)>(text.size()));
    char *ascii = out.data() + start;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            out.resize(start + static_cast<decltype(start)>(i));
            const QByteArray rest = text.mid(i).toUtf8();
            out.append(rest.constData(), rest.size());
            return;
        }
        ascii[i] = static_cast<char>(c);
    }
}

std::string str(QStringView text)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(text.size()));
    appendUtf8(out, text);
    return out;
}

// "<route key>|<client>", the rate-limit identity, in one buffer (made for every rate-limited
// request).
QByteArray rateLimitIdentity(const QString &routeKey, const QString &client)
{
    QByteArray identity;
    identity.reserve((routeKey.size() + client.size()) * 3 + 1); // UTF-8: ≤ 3 bytes per UTF-16 unit
    appendUtf8(identity, routeKey);
    identity += '|';
    appendUtf8(identity, client);
    return identity;
}

Http::Response jsonResponse(int status, const QJsonObject &body, const char *contentType = "application/json")
{
    Http::Response response;
    response.status = status;
    response.headers.add("Content-Type", contentType);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    return response;
}

// RFC 9457 problem details. Deliberately no request-specific data in 404s, so that a missing
// route and an internal route seen from the public listener are byte-identical.
Http::Response problem(int status, const QString &detail)
{
    const QJsonObject body { { QStringLiteral("type"), QStringLiteral("about:blank") },
        { QStringLiteral("title"), QString::fromLatin1(bytes(Http::reasonPhrase(status))) },
        { QStringLiteral("status"), status }, { QStringLiteral("detail"), detail } };
    return jsonResponse(status, body, "application/problem+json");
}

// What an injected edge failure looks like to the caller: a 503 from the upstream.
Http::ClientResponse injectedFailure()
{
    Http::ClientResponse response;
    response.status = 503;
    response.headers.add("Content-Type", "application/problem+json");
    response.body = QJsonDocument(QJsonObject { { QStringLiteral("type"), QStringLiteral("about:blank") },
                                      { QStringLiteral("title"), QStringLiteral("Service Unavailable") },
                                      { QStringLiteral("status"), 503 },
                                      { QStringLiteral("detail"), QStringLiteral("fault injected on the edge") } })
                        .toJson(QJsonDocument::Compact)
                        .toStdString();
    return response;
}

Http::Response notFound()
{
    return problem(404, QStringLiteral("no route matches this request"));
}

bool isIdempotent(const std::string &method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" || method == "DELETE"
        || method == "TRACE";
}

bool isHopByHop(std::string_view name)
{
    // By length first: this runs for every field of every request and response.
    const auto is = [name](std::string_view candidate) { return Http::Headers::equalsIgnoreCase(name, candidate); };
    switch (name.size()) {
    case 2: return is("te");
    case 7: return is("trailer") || is("upgrade");
    case 10: return is("connection") || is("keep-alive");
    case 14: return is("content-length");
    case 16: return is("proxy-connection");
    case 17: return is("transfer-encoding");
    case 18: return is("proxy-authenticate");
    case 19: return is("proxy-authorization");
    default: return false;
    }
}

// Fields named in Connection are hop-by-hop too (RFC 9110 §7.6.1). The tokens are collected
// once per message, not once per field, from a copy of the Connection values (short: no
// allocation for the usual "keep-alive"), so the message's fields may be moved or erased while
// the tokens are in use.
class ConnectionTokens
{
public:
    explicit ConnectionTokens(const Http::Headers &headers)
    {
        for (const auto &[name, value] : headers.fields()) {
            if (!Http::Headers::equalsIgnoreCase(name, "connection"))
                continue;
            if (!m_text.empty())
                m_text += ',';
            m_text += value;
        }
        std::string_view rest = m_text;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            std::string_view token = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            while (!token.empty() && (token.front() == ' ' || token.front() == '\t'))
                token.remove_prefix(1);
            while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
                token.remove_suffix(1);
            if (!token.empty())
                m_tokens.push_back(token);
        }
    }
    ConnectionTokens(const ConnectionTokens &) = delete; // the views point into m_text
    ConnectionTokens &operator=(const ConnectionTokens &) = delete;

    bool names(std::string_view field) const
    {
        for (std::string_view token : m_tokens) {
            if (Http::Headers::equalsIgnoreCase(token, field))
                return true;
        }
        return false;
    }

private:
    std::string m_text; // the Connection values, joined with ','
    QVarLengthArray<std::string_view, 4> m_tokens; // views into m_text
};

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && Http::Headers::equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool isGatewayFailureStatus(int status)
{
    return status == 502 || status == 503 || status == 504;
}

QJsonObject routeJson(const GatewayRoute &r)
{
    QJsonObject o { { QStringLiteral("key"), r.key }, { QStringLiteral("method"), r.route.method },
        { QStringLiteral("path"), r.route.path }, { QStringLiteral("visibility"), nameOf(r.route.visibility) },
        { QStringLiteral("auth"), nameOf(r.route.auth) }, { QStringLiteral("internalOnly"), r.internalOnly },
        { QStringLiteral("requiresAdmin"), r.requiresAdmin }, { QStringLiteral("upstream"), r.upstreamNodeId },
        { QStringLiteral("edge"), r.edgeId }, { QStringLiteral("timeoutMs"), r.route.timeoutMs },
        { QStringLiteral("retries"), r.route.retries } };
    if (r.route.rateLimit.isSet()) {
        o.insert(QStringLiteral("rateLimit"),
            QJsonObject { { QStringLiteral("requests"), r.route.rateLimit.requests },
                { QStringLiteral("windowSeconds"), r.route.rateLimit.windowSeconds } });
    }
    if (r.route.fallback.isSet()) {
        o.insert(QStringLiteral("fallback"),
            QJsonObject { { QStringLiteral("mode"), nameOf(r.route.fallback.mode) },
                { QStringLiteral("status"), r.route.fallback.status } });
    }
    return o;
}

} // namespace

QHash<QString, Gateway::Target> Gateway::targetsOf(const QHash<QString, Endpoint> &upstreams)
{
    QHash<QString, Target> targets;
    for (auto it = upstreams.constBegin(); it != upstreams.constEnd(); ++it) {
        if (!it->isSet())
            continue;
        // The breaker is made now, once: the proxy path then reaches it without a lock or a
        // map lookup (breakers are never removed, so the pointer stays valid).
        targets.insert(it.key(),
            Target { str(it->host), static_cast<std::uint16_t>(it->port),
                it->host.toUtf8() + ':' + QByteArray::number(it->port), &breaker(it.key()) });
    }
    return targets;
}

// The state of one request as it moves through the pipeline (possibly across threads: the
// Redis thread hands it back to the loop thread it came from).
struct Gateway::Exchange
{
    // Built around the request (moved in, not assigned over a default one: it has six strings).
    Exchange(Http::Request &&request, Http::Responder &&responder)
        : request(std::move(request))
        , responder(std::move(responder))
    {
    }

    Http::Request request;
    Http::Responder responder;
    Listener listener = Listener::Public;
    int loopIndex = -1;
    Clock::time_point started = Clock::now();
    qint64 startUs = epochMicros();
    TraceContext trace;

    std::shared_ptr<const RouteTable> table; // keeps `route` alive across a reload
    const GatewayRoute *route = nullptr;

    QString client; // rate-limit identity: sub:<id> or partner:<id> once authenticated, see clientId()
    QString authDecision = QStringLiteral("none");
    QString authDetail;
    std::optional<JwtClaims> claims;
    QString partner;

    QString rateDecision = QStringLiteral("none");
    std::optional<RateDecision> rate;

    int attempts = 0;
    QByteArray upstreamAddress;
    qint64 upstreamUs = 0;
    QString upstreamError;
    bool fallback = false;
    bool timedOut = false;
    bool injected = false; // an injected fault (node or edge) touched this request
    // /healthz, /readyz or /metrics: the supervisor's probes and scrapers, not traffic. They
    // get no span, so the live view's rates and the Traffic dock show only real requests.
    bool probe = false;

    // The rate-limit identity: set by auth, else "ip:<peer address>", made only when something
    // asks for it (the plain proxy path without log or spans never does).
    const QString &clientId()
    {
        if (client.isEmpty())
            client = QStringLiteral("ip:") + QString::fromStdString(request.remoteAddress);
        return client;
    }
};

Gateway::Gateway(Options options, Collaborators collaborators, JwtVerifier jwt, ApiKeyVerifier apiKeys,
    QHash<QString, Endpoint> upstreams, std::shared_ptr<const RouteTable> routes)
    : m_options(std::move(options))
    , m_c(collaborators)
    , m_jwt(std::move(jwt))
    , m_apiKeys(std::move(apiKeys))
    , m_upstreams(std::move(upstreams))
    , m_routes(routes ? std::move(routes) : std::make_shared<const RouteTable>())
    , m_breakerOptions(m_options.upstreamBreakers)
    , m_targets(targetsOf(m_upstreams))
    , m_retryTokensMilli(static_cast<qint64>(m_options.retryBudgetReserve) * 1000)
{
    if (m_c.loop)
        m_routeSlots = std::vector<RouteSlot>(static_cast<std::size_t>(m_c.loop->threadCount()));
}

Gateway::~Gateway() = default;

std::shared_ptr<const RouteTable> Gateway::routes() const
{
    std::lock_guard lock(m_routesMutex);
    return m_routes;
}

std::shared_ptr<const RouteTable> Gateway::routesOfThread(int loopIndex)
{
    if (loopIndex < 0 || loopIndex >= static_cast<int>(m_routeSlots.size()))
        return routes();
    RouteSlot &slot = m_routeSlots[static_cast<std::size_t>(loopIndex)];
    // The version is read before the table: a reload in between only renews the slot once more.
    const quint64 version = m_routesVersion.load(std::memory_order_acquire);
    if (slot.version != version || !slot.table) {
        auto owner = std::make_shared<const std::shared_ptr<const RouteTable>>(routes());
        slot.table = std::shared_ptr<const RouteTable>(owner, owner->get());
        slot.version = version;
    }
    return slot.table;
}

void Gateway::setRoutes(std::shared_ptr<const RouteTable> routes)
{
    {
        std::lock_guard lock(m_routesMutex);
        m_routes = std::move(routes);
    }
    ++m_routesVersion;
}

std::optional<QString> Gateway::reload(const QByteArray &projectJson, QStringList *warnings)
{
    const LoadResult loaded = ProjectFile::fromJson(projectJson);
    if (!loaded.ok())
        return loaded.problems.first().toString();
    const Node *self = loaded.topology.node(m_options.nodeId);
    if (!self || self->kind != NodeKind::Gateway)
        return QStringLiteral("the diagram has no gateway \"%1\"").arg(m_options.nodeId);
    setRoutes(RouteTable::fromTopology(loaded.topology, m_options.nodeId, warnings));
    // Breakers keep their state and take the new settings (an open one reopens on the new clock).
    std::lock_guard lock(m_breakersMutex);
    m_breakerOptions = CircuitBreaker::optionsPerUpstream(loaded.topology, m_options.nodeId, warnings);
    for (const auto &[id, breaker] : m_breakers)
        breaker->setOptions(m_breakerOptions.value(id, m_options.breaker));
    return std::nullopt;
}

CircuitBreaker &Gateway::breaker(const QString &upstreamNodeId)
{
    std::lock_guard lock(m_breakersMutex);
    auto &slot = m_breakers[upstreamNodeId];
    if (!slot)
        slot = std::make_unique<CircuitBreaker>(m_breakerOptions.value(upstreamNodeId, m_options.breaker));
    return *slot;
}

QStringList Gateway::degradedReasons() const
{
    QStringList reasons;
    bool needsRedis = false;
    for (const GatewayRoute &r : routes()->routes())
        needsRedis = needsRedis || r.route.rateLimit.isSet();
    if (needsRedis && (!m_c.rateLimiter || !m_c.rateLimiter->isAvailable())) {
        reasons.append(m_options.rateLimitFailOpen
                ? QStringLiteral("rate limiting unavailable (Redis down): failing open, limits not enforced")
                : QStringLiteral(
                    "rate limiting unavailable (Redis down): failing closed, rate-limited routes answer 503"));
    }
    return reasons;
}

void Gateway::logEvent(const QString &level, const QString &message)
{
    if (m_c.log) {
        m_c.log->event(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("log") }, { QStringLiteral("level"), level },
                { QStringLiteral("nodeId"), m_options.nodeId }, { QStringLiteral("message"), message } });
    }
    if (m_c.telemetry)
        m_c.telemetry->log(level, message);
}

void Gateway::noteRateLimitBackend(bool available, const QString &error)
{
    // One line per transition, not one per request.
    if (available) {
        if (m_rateLimitBackendDown.load(std::memory_order_relaxed) && m_rateLimitBackendDown.exchange(false))
            logEvent(QStringLiteral("info"), QStringLiteral("rate limiting restored: Redis answers again"));
        return;
    }
    if (!m_rateLimitBackendDown.load(std::memory_order_relaxed) && !m_rateLimitBackendDown.exchange(true)) {
        logEvent(QStringLiteral("warning"),
            QStringLiteral("rate limiting unavailable (%1): failing %2")
                .arg(error.isEmpty() ? QStringLiteral("no Redis") : error,
                    m_options.rateLimitFailOpen ? QStringLiteral("open") : QStringLiteral("closed")));
    }
}

bool Gateway::takeRetryToken()
{
    qint64 current = m_retryTokensMilli.load();
    while (current >= 1000) {
        if (m_retryTokensMilli.compare_exchange_weak(current, current - 1000))
            return true;
    }
    return false;
}

void Gateway::handle(Http::Request &&request, Http::Responder &&responder)
{
    auto ex = std::make_shared<Exchange>(std::move(request), std::move(responder));
    ex->listener = ex->request.listenerId == InternalListenerId ? Listener::Internal : Listener::Public;
    ex->loopIndex = m_c.loop ? m_c.loop->currentThreadIndex() : -1;
    ex->trace = TraceContext::forIncoming(
        bytes(ex->request.headers.value("traceparent")), bytes(ex->request.headers.value("tracestate")));

    // The retry budget earns a share of a token per request, up to a small cap. Read first: at
    // the cap (no retries lately, the usual state) the shared counter is not written, so the
    // I/O threads do not pass its cache line back and forth on every request.
    const qint64 earned = static_cast<qint64>(m_options.retryBudgetRatio * 1000);
    const qint64 cap = static_cast<qint64>(std::max(m_options.retryBudgetReserve, 1)) * 1000;
    if (m_retryTokensMilli.load(std::memory_order_relaxed) < cap && m_retryTokensMilli.fetch_add(earned) + earned > cap)
        m_retryTokensMilli.store(cap);

    const std::string_view path = ex->request.path;
    const bool admin = isAdminApiPath(path);
    if (path == "/healthz"sv || path == "/readyz"sv || (ex->listener == Listener::Internal && (path == "/metrics"sv || admin))) {
        ex->probe = !admin;
        if (ex->request.bodySource) {
            // Built-ins and the admin API take whole documents (a reload body may be large).
            Http::readWholeBody(std::move(ex->request.bodySource), MaxAdminBodyBytes,
                [this, ex](bool ok, std::string body, std::string) {
                    if (!ok) {
                        finish(ex, problem(413, QStringLiteral("the request body is too large or incomplete")));
                        return;
                    }
                    ex->request.body = std::move(body);
                    serveBuiltin(ex);
                });
            return;
        }
        serveBuiltin(ex);
        return;
    }
    const FaultInjector::Decision fault = m_c.faults ? m_c.faults->decideForNode() : FaultInjector::Decision {};
    if (fault.injected()) {
        ex->injected = true;
        m_c.faults->after(fault.delay, [this, ex, fail = fault.fail] {
            if (!fail) {
                route(ex);
                return;
            }
            Http::Response r = problem(503, QStringLiteral("fault injected on %1").arg(m_options.nodeId));
            r.headers.add("Retry-After", "1");
            finish(ex, std::move(r));
        });
        return;
    }
    route(ex);
}

void Gateway::serveBuiltin(const ExchangePtr &ex)
{
    if (isAdminApiPath(ex->request.path)) {
        if (!authenticate(ex, AuthMode::Admin, true))
            return;
        serveAdmin(ex);
        return;
    }
    if (ex->request.method != "GET" && ex->request.method != "HEAD") {
        Http::Response r = problem(405, QStringLiteral("only GET is allowed here"));
        r.headers.add("Allow", "GET, HEAD");
        finish(ex, std::move(r));
        return;
    }
    const std::string_view path = ex->request.path;
    if (path == "/healthz"sv) {
        finish(ex, jsonResponse(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") } }));
    } else if (path == "/readyz"sv) {
        const QStringList reasons = degradedReasons();
        QJsonObject body { { QStringLiteral("status"),
                               reasons.isEmpty() ? QStringLiteral("ready") : QStringLiteral("degraded") },
            { QStringLiteral("routes"), routes()->routes().size() },
            { QStringLiteral("rateLimitFailMode"),
                m_options.rateLimitFailOpen ? QStringLiteral("open") : QStringLiteral("closed") } };
        if (!reasons.isEmpty())
            body.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(reasons));
        finish(ex, jsonResponse(200, body));
    } else {
        Http::Response r;
        r.headers.add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        r.body = renderMetrics().toStdString();
        finish(ex, std::move(r));
    }
}

QByteArray Gateway::renderMetrics()
{
    QByteArray extra;
    extra += "# HELP gatehouse_gateway_circuit_state Circuit state per upstream (0 closed, 1 half-open, 2 open).\n"
             "# TYPE gatehouse_gateway_circuit_state gauge\n";
    {
        std::lock_guard lock(m_breakersMutex);
        for (const auto &[id, breaker] : m_breakers) {
            const auto state = breaker->state();
            const int value = state == CircuitBreaker::State::Closed ? 0
                : state == CircuitBreaker::State::HalfOpen           ? 1
                                                                     : 2;
            extra += "gatehouse_gateway_circuit_state{upstream=\"" + prometheusLabel(id) + "\"} "
                + QByteArray::number(value) + '\n';
        }
    }
    extra += "# HELP gatehouse_gateway_ratelimit_backend_up Whether Redis answers (1) or not (0).\n"
             "# TYPE gatehouse_gateway_ratelimit_backend_up gauge\n"
             "gatehouse_gateway_ratelimit_backend_up "
        + QByteArray(m_c.rateLimiter && m_c.rateLimiter->isAvailable() ? "1" : "0") + '\n';
    extra += "# HELP gatehouse_gateway_routes Routes in the current table.\n# TYPE gatehouse_gateway_routes gauge\n"
             "gatehouse_gateway_routes "
        + QByteArray::number(routes()->routes().size()) + '\n';
    if (m_c.telemetry) {
        extra += "# HELP gatehouse_telemetry_dropped_spans_total Spans dropped because the buffer was full or the "
                 "intake down.\n"
                 "# TYPE gatehouse_telemetry_dropped_spans_total counter\n"
                 "gatehouse_telemetry_dropped_spans_total "
            + QByteArray::number(m_c.telemetry->droppedSpans()) + '\n';
    }
    if (m_c.log) {
        extra += "# HELP gatehouse_gateway_log_dropped_total Log lines dropped because the writer fell behind.\n"
                 "# TYPE gatehouse_gateway_log_dropped_total counter\n"
                 "gatehouse_gateway_log_dropped_total "
            + QByteArray::number(m_c.log->dropped()) + '\n';
    }
    return m_metrics.render(extra);
}

void Gateway::serveAdmin(const ExchangePtr &ex)
{
    const QString sub = QString::fromUtf8(ex->request.path).mid(int(sizeof(AdminPrefix)) - 1);
    const std::string &method = ex->request.method;
    const bool get = method == "GET" || method == "HEAD";
    if (sub == QLatin1String("/routes") && get) {
        const auto table = routes();
        QJsonArray list;
        for (const GatewayRoute &r : table->routes())
            list.append(routeJson(r));
        finish(ex,
            jsonResponse(200,
                QJsonObject {
                    { QStringLiteral("version"), double(routesVersion()) }, { QStringLiteral("routes"), list } }));
    } else if ((sub == QLatin1String("/upstreams") || sub == QLatin1String("/circuits")) && get) {
        QSet<QString> ids;
        for (auto it = m_upstreams.constBegin(); it != m_upstreams.constEnd(); ++it)
            ids.insert(it.key());
        for (const GatewayRoute &r : routes()->routes())
            ids.insert(r.upstreamNodeId);
        QStringList sorted(ids.begin(), ids.end());
        sorted.sort();
        QJsonArray list;
        QJsonObject circuits;
        for (const QString &id : sorted) {
            CircuitBreaker &b = breaker(id);
            const auto state = b.state();
            circuits.insert(id, CircuitBreaker::nameOf(state));
            const Endpoint endpoint = m_upstreams.value(id, Endpoint { QString(), 0 });
            const CircuitBreaker::Options options = b.options();
            const QJsonObject settings { { QStringLiteral("enabled"), options.enabled },
                { QStringLiteral("failureThreshold"), options.failureThreshold },
                { QStringLiteral("openMs"), double(options.openDuration.count()) },
                { QStringLiteral("halfOpenProbes"), options.halfOpenProbes } };
            list.append(QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("breaker"), settings },
                { QStringLiteral("address"),
                    endpoint.isSet() ? QStringLiteral("%1:%2").arg(endpoint.host).arg(endpoint.port) : QString() },
                { QStringLiteral("healthy"), endpoint.isSet() && state == CircuitBreaker::State::Closed },
                { QStringLiteral("circuit"), CircuitBreaker::nameOf(state) },
                { QStringLiteral("consecutiveFailures"), b.consecutiveFailures() },
                { QStringLiteral("timesOpened"), double(b.timesOpened()) } });
        }
        if (sub == QLatin1String("/circuits"))
            finish(ex, jsonResponse(200, QJsonObject { { QStringLiteral("circuits"), circuits } }));
        else
            finish(ex, jsonResponse(200, QJsonObject { { QStringLiteral("upstreams"), list } }));
    } else if (sub == QLatin1String("/ratelimits") && get) {
        if (!m_c.rateLimiter) {
            finish(ex, problem(503, QStringLiteral("no Redis configured for rate limiting")));
            return;
        }
        const QByteArray prefix = m_c.rateLimiter->keyPrefix();
        m_c.rateLimiter->counters(500, [this, ex, prefix](QList<RateCounter> counters, QString error) {
            if (!error.isEmpty() && counters.isEmpty()) {
                finish(ex, problem(503, QStringLiteral("rate-limit counters unavailable: %1").arg(error)));
                return;
            }
            QJsonArray list;
            for (const RateCounter &c : counters) {
                list.append(QJsonObject { { QStringLiteral("key"), QString::fromUtf8(c.key.mid(prefix.size())) },
                    { QStringLiteral("count"), double(c.count) }, { QStringLiteral("resetMs"), double(c.resetMs) } });
            }
            finish(ex, jsonResponse(200, QJsonObject { { QStringLiteral("counters"), list } }));
        });
    } else if (sub == QLatin1String("/requests") && get) {
        const QUrlQuery query(QString::fromStdString(ex->request.query));
        bool ok = false;
        int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            limit = 50;
        const QJsonArray recent = m_c.log ? m_c.log->recent(std::min(limit, 1000)) : QJsonArray();
        finish(ex, jsonResponse(200, QJsonObject { { QStringLiteral("requests"), recent } }));
    } else if (sub == QLatin1String("/reload") && method == "POST") {
        QStringList warnings;
        const auto error = reload(QByteArray::fromStdString(ex->request.body), &warnings);
        if (error) {
            finish(ex, problem(400, QStringLiteral("reload refused: %1").arg(*error)));
            return;
        }
        if (m_c.log) {
            m_c.log->event(QJsonObject { { QStringLiteral("type"), QStringLiteral("log") },
                { QStringLiteral("level"), QStringLiteral("info") }, { QStringLiteral("nodeId"), m_options.nodeId },
                { QStringLiteral("message"), QStringLiteral("routes reloaded") },
                { QStringLiteral("routes"), routes()->routes().size() } });
        }
        finish(ex,
            jsonResponse(200,
                QJsonObject { { QStringLiteral("version"), double(routesVersion()) },
                    { QStringLiteral("routes"), routes()->routes().size() },
                    { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) } }));
    } else {
        finish(ex, notFound());
    }
}

void Gateway::route(const ExchangePtr &ex)
{
    // The thread running now (a delayed request may continue on another loop thread).
    ex->table = routesOfThread(m_c.loop ? m_c.loop->currentThreadIndex() : -1);
    const RouteMatch match = ex->table->match(ex->request.method, ex->request.path, ex->listener);
    if (match.methodNotAllowed()) {
        Http::Response r = problem(405, QStringLiteral("method not allowed on this path"));
        r.headers.add("Allow", str(match.allowedMethods.join(QStringLiteral(", "))));
        finish(ex, std::move(r));
        return;
    }
    if (!match.found()) {
        finish(ex, notFound());
        return;
    }
    ex->route = match.route;
    if (!authenticate(ex, ex->route->route.auth, ex->route->requiresAdmin))
        return;
    rateLimit(ex);
}

bool Gateway::authenticate(const ExchangePtr &ex, AuthMode mode, bool requireAdmin)
{
    if (requireAdmin)
        mode = AuthMode::Admin;
    if (mode == AuthMode::None)
        return true;

    auto refuse = [&](int status, const QString &decision, const QString &detail, const char *challenge) {
        ex->authDecision = decision;
        ex->authDetail = detail;
        m_metrics.countAuth(decision);
        Http::Response r = problem(status, detail);
        if (challenge)
            r.headers.add("WWW-Authenticate", challenge);
        finish(ex, std::move(r));
        return false;
    };

    if (mode == AuthMode::ApiKey) {
        const std::string_view key = ex->request.headers.value("X-API-Key");
        if (key.empty())
            return refuse(401, QStringLiteral("missing"), QStringLiteral("an API key is required (X-API-Key)"),
                "ApiKey realm=\"gatehouse\"");
        const auto partner = m_apiKeys.partnerFor(bytes(key));
        if (!partner)
            return refuse(401, QStringLiteral("invalid"), QStringLiteral("the API key is not valid"),
                "ApiKey realm=\"gatehouse\"");
        ex->partner = *partner;
        ex->client = QStringLiteral("partner:") + *partner;
        ex->authDecision = QStringLiteral("ok");
        m_metrics.countAuth(ex->authDecision);
        return true;
    }

    const std::string_view header = ex->request.headers.value("Authorization");
    if (header.empty() || !startsWithIgnoreCase(header, "Bearer "))
        return refuse(
            401, QStringLiteral("missing"), QStringLiteral("a bearer token is required"), "Bearer realm=\"gatehouse\"");
    const QByteArray token = bytes(header.substr(7)).trimmed();
    const auto result = m_jwt.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!result.ok())
        return refuse(
            401, QStringLiteral("invalid"), result.error, "Bearer realm=\"gatehouse\", error=\"invalid_token\"");
    ex->claims = result.claims;
    ex->client = QStringLiteral("sub:") + result.claims->subject;
    if (mode == AuthMode::Admin && result.claims->role != QLatin1String("admin"))
        return refuse(403, QStringLiteral("forbidden"), QStringLiteral("the admin role is required"), nullptr);
    ex->authDecision = QStringLiteral("ok");
    m_metrics.countAuth(ex->authDecision);
    return true;
}

void Gateway::rateLimit(const ExchangePtr &ex)
{
    const RateLimit policy = ex->route->route.rateLimit;
    if (!policy.isSet()) {
        attempt(ex);
        return;
    }
    auto decide = [this, ex](RateDecision decision) {
        ex->rate = decision;
        noteRateLimitBackend(decision.state != RateDecision::State::Unavailable, decision.error);
        switch (decision.state) {
        case RateDecision::State::Allowed:
            ex->rateDecision = QStringLiteral("allowed");
            m_metrics.countRateLimit(ex->rateDecision);
            attempt(ex);
            return;
        case RateDecision::State::Limited: {
            ex->rateDecision = QStringLiteral("limited");
            m_metrics.countRateLimit(ex->rateDecision);
            Http::Response r = problem(429, QStringLiteral("rate limit exceeded for this route"));
            const qint64 seconds = std::max<qint64>(1, (decision.resetMs + 999) / 1000);
            r.headers.add("Retry-After", std::to_string(seconds));
            finish(ex, std::move(r));
            return;
        }
        case RateDecision::State::Unavailable:
            ex->rate.reset(); // nothing counted: no RateLimit-* headers
            if (m_options.rateLimitFailOpen) {
                ex->rateDecision = QStringLiteral("fail-open");
                m_metrics.countRateLimit(ex->rateDecision);
                attempt(ex);
            } else {
                ex->rateDecision = QStringLiteral("fail-closed");
                m_metrics.countRateLimit(ex->rateDecision);
                Http::Response r = problem(503, QStringLiteral("rate limiting is unavailable; try again shortly"));
                r.headers.add("Retry-After", "1");
                finish(ex, std::move(r));
            }
            return;
        }
    };
    if (!m_c.rateLimiter) {
        decide(RateDecision {});
        return;
    }
    const QByteArray identity = rateLimitIdentity(ex->route->key, ex->clientId());
    Http::EventLoop *loop = m_c.loop;
    const int index = ex->loopIndex;
    m_c.rateLimiter->check(identity, policy.requests, policy.windowSeconds,
        [loop, index, decide = std::move(decide)](RateDecision decision) mutable {
            // The limiter answers on the loop thread that asked (the request's own, no hop);
            // only a request handled off the loop threads is moved back to its thread.
            if (loop && index >= 0 && loop->currentThreadIndex() != index)
                loop->post(index, [decide, decision] { decide(decision); });
            else
                decide(decision);
        });
}

void Gateway::attempt(const ExchangePtr &ex)
{
    const GatewayRoute &r = *ex->route;
    const auto endpointIt = m_targets.constFind(r.upstreamNodeId);
    if (endpointIt == m_targets.constEnd()) {
        upstreamFailed(ex, QStringLiteral("upstream %1 has no address").arg(r.upstreamNodeId), false);
        return;
    }
    CircuitBreaker &cb = *endpointIt->breaker;
    if (!cb.tryAcquire()) {
        m_metrics.countUpstream(r.upstreamNodeId, QStringLiteral("breaker-open"));
        upstreamFailed(ex, QStringLiteral("circuit open for upstream %1").arg(r.upstreamNodeId), false);
        return;
    }
    ++ex->attempts;
    ex->upstreamAddress = endpointIt->address;

    // When no retry can follow (the usual case: routes have no retries by default), the
    // request's target and header fields are moved into the forwarded request, not copied.
    const bool lastAttempt
        = ex->request.bodySource || !isIdempotent(ex->request.method) || ex->attempts > r.route.retries;
    Http::ClientRequest out;
    out.host = endpointIt->host;
    out.port = endpointIt->port;
    out.method = ex->request.method;
    out.target = lastAttempt ? std::move(ex->request.target) : ex->request.target; // as is: nothing stripped
    out.body = ex->request.body;
    // A large or chunked body streams through (bounded buffers, paced by the upstream), and so
    // does a large or unbounded answer (paced by the client).
    out.bodySource = ex->request.bodySource;
    out.streamResponse = true;
    const int timeoutMs = r.route.timeoutMs > 0 ? r.route.timeoutMs : m_options.defaultTimeoutMs;
    out.timeout = std::chrono::milliseconds(timeoutMs);

    const ConnectionTokens connectionTokens(ex->request.headers);
    // The client's fields go on as they came (the Headers moved or copied whole, so the engine
    // knows they passed its parser and does not check them again), less those filtered here.
    out.headers = lastAttempt ? std::move(ex->request.headers) : ex->request.headers;
    std::string forwardedFor;
    std::optional<std::string> forwardedHost;
    out.headers.removeIf([&](std::string_view name, std::string_view value) {
        if (Http::Headers::equalsIgnoreCase(name, "host")) {
            if (!forwardedHost)
                forwardedHost = std::string(value);
            return true;
        }
        if (isHopByHop(name) || connectionTokens.names(name) || Http::Headers::equalsIgnoreCase(name, "traceparent")
            || Http::Headers::equalsIgnoreCase(name, "tracestate") || Http::Headers::equalsIgnoreCase(name, "x-api-key")
            || startsWithIgnoreCase(name, "x-gatehouse-")) {
            return true;
        }
        if (Http::Headers::equalsIgnoreCase(name, "x-forwarded-for")) {
            if (!forwardedFor.empty())
                forwardedFor += ", ";
            forwardedFor += value;
            return true;
        }
        return false;
    });
    forwardedFor += (forwardedFor.empty() ? "" : ", ") + ex->request.remoteAddress;
    out.headers.add("X-Forwarded-For", std::move(forwardedFor));
    out.headers.add("X-Forwarded-Proto", "http");
    if (forwardedHost)
        out.headers.add("X-Forwarded-Host", std::move(*forwardedHost));
    const TraceContext hop = ex->trace.child();
    out.headers.add("traceparent", hop.traceParentText().view());
    if (!ex->trace.traceState.isEmpty())
        out.headers.add("tracestate", ex->trace.traceState.toStdString());
    if (ex->claims) {
        out.headers.add("X-Gatehouse-Subject", str(ex->claims->subject));
        out.headers.add("X-Gatehouse-Role", str(ex->claims->role));
    }
    if (!ex->partner.isEmpty())
        out.headers.add("X-Gatehouse-Partner", str(ex->partner));

    const auto sent = Clock::now();
    // The wall-clock time of `sent`, from the request's start (one system clock read per request).
    const qint64 sentUs
        = ex->startUs + std::chrono::duration_cast<std::chrono::microseconds>(sent - ex->started).count();
    CircuitBreaker *cbp = &cb;
    // An edge fault on this route's edge acts like a sick upstream: the delay counts against the
    // timeout (a delay reaching it is a timeout), then an injected failure answers 503.
    const FaultInjector::Decision fault = m_c.faults ? m_c.faults->decideForEdge(r.edgeId) : FaultInjector::Decision {};
    if (fault.injected())
        ex->injected = true;
    const bool injected = fault.injected();
    auto onResponse = [this, ex, hop, sent, sentUs, cbp, timeoutMs, injected](Http::ClientResponse response) {
        const qint64 tookUs = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent).count();
        ex->upstreamUs += tookUs;
        const GatewayRoute &r = *ex->route;
        if (response.error == Http::ClientError::RequestBody) {
            // The client broke off its upload: says nothing about the upstream (neither a
            // breaker failure nor a success, no retry); the client's connection is already closed.
            cbp->onAbandoned();
            m_metrics.countUpstream(r.upstreamNodeId, QStringLiteral("client-aborted"));
            ex->upstreamError = QStringLiteral("the client broke off the request body");
            finish(ex, problem(400, QStringLiteral("the request body broke off")));
            return;
        }
        const bool failed = !response.ok() || response.status >= 500;
        if (failed)
            cbp->onFailure();
        else
            cbp->onSuccess();
        const bool timedOut = response.error == Http::ClientError::Timeout;
        QString outcome = QStringLiteral("ok");
        if (timedOut)
            outcome = QStringLiteral("timeout");
        else if (!response.ok())
            outcome = QStringLiteral("error");
        else if (response.status >= 500)
            outcome = QStringLiteral("5xx");
        m_metrics.countUpstream(r.upstreamNodeId, outcome);

        if (m_c.telemetry) {
            Span span;
            span.traceId = hop.traceId.toString();
            span.spanId = hop.spanId.toString();
            span.parentSpanId = hop.parentSpanId.toString();
            span.nodeId = m_options.nodeId;
            span.edgeId = r.edgeId;
            span.name = r.key;
            span.kind = SpanKind::HttpClient;
            span.outcome = timedOut ? SpanOutcome::Timeout
                : !response.ok()    ? SpanOutcome::ServerError
                                    : spanOutcomeOfStatus(response.status);
            span.startUs = sentUs;
            span.durationUs = tookUs;
            span.httpStatus = response.ok() ? response.status : 0;
            span.attributes.insert(QStringLiteral("upstream"), r.upstreamNodeId);
            span.attributes.insert(QStringLiteral("attempt"), ex->attempts);
            if (!response.ok())
                span.attributes.insert(QStringLiteral("error"), QString::fromStdString(response.errorMessage));
            if (injected)
                span.attributes.insert(QStringLiteral("injected"), true);
            m_c.telemetry->record(std::move(span));
        }

        const bool transportFailure = !response.ok() && response.error != Http::ClientError::Cancelled;
        const bool retryable = transportFailure || (response.ok() && isGatewayFailureStatus(response.status));
        // A streamed request body cannot be sent twice: its bytes are gone once read.
        if (retryable && !ex->request.bodySource && isIdempotent(ex->request.method) && ex->attempts <= r.route.retries
            && takeRetryToken()) {
            m_metrics.countRetry(r.upstreamNodeId);
            attempt(ex);
            return;
        }
        if (!response.ok()) {
            const QString reason = timedOut
                ? QStringLiteral("upstream %1 did not answer within %2 ms").arg(r.upstreamNodeId).arg(timeoutMs)
                : QStringLiteral("upstream %1 failed: %2")
                      .arg(r.upstreamNodeId, QString::fromLatin1(bytes(Http::nameOf(response.error))));
            upstreamFailed(ex, reason, timedOut);
            return;
        }
        if (isGatewayFailureStatus(response.status) && r.route.fallback.mode == FallbackMode::StaticResponse) {
            upstreamFailed(
                ex, QStringLiteral("upstream %1 answered %2").arg(r.upstreamNodeId).arg(response.status), false);
            return;
        }
        Http::Response back;
        back.status = response.status;
        {
            // The upstream's fields go back in place, without the hop-by-hop ones.
            const ConnectionTokens responseTokens(response.headers);
            response.headers.removeIf([&responseTokens](std::string_view name, std::string_view) {
                return isHopByHop(name) || responseTokens.names(name);
            });
            back.headers = std::move(response.headers);
        }
        back.body = std::move(response.body);
        back.bodySource = std::move(response.bodySource);
        finish(ex, std::move(back));
    };
    if (!fault.injected()) {
        m_c.client->request(std::move(out), std::move(onResponse));
        return;
    }
    const auto timeout = std::chrono::milliseconds(timeoutMs);
    const auto delay = std::min(fault.delay, timeout);
    m_c.faults->after(delay, [this, out = std::move(out), onResponse = std::move(onResponse), delay, timeout,
                                 fail = fault.fail]() mutable {
        if (delay >= timeout) {
            Http::ClientResponse response;
            response.error = Http::ClientError::Timeout;
            response.errorMessage = "injected latency reached the timeout";
            onResponse(std::move(response));
            return;
        }
        if (fail) {
            onResponse(injectedFailure());
            return;
        }
        out.timeout = timeout - delay;
        m_c.client->request(std::move(out), std::move(onResponse));
    });
}

void Gateway::upstreamFailed(const ExchangePtr &ex, const QString &reason, bool timedOut)
{
    ex->upstreamError = reason;
    ex->timedOut = timedOut;
    const Fallback &fallback = ex->route->route.fallback;
    if (fallback.mode == FallbackMode::StaticResponse && fallback.status >= 200 && fallback.status <= 599) {
        ex->fallback = true;
        Http::Response r;
        r.status = fallback.status;
        const QString trimmed = fallback.body.trimmed();
        const bool json = trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['));
        r.headers.add("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
        if (fallback.status == 503 || fallback.status == 429)
            r.headers.add("Retry-After", "1");
        r.body = fallback.body.toStdString();
        finish(ex, std::move(r));
        return;
    }
    // No fallback (or "defer", which only services can honour): a clear 503.
    Http::Response r = problem(503, reason);
    r.headers.add("Retry-After", "1");
    finish(ex, std::move(r));
}

void Gateway::finish(const ExchangePtr &ex, Http::Response response)
{
    if (ex->rate) {
        const RateDecision &d = *ex->rate;
        response.headers.set("RateLimit-Limit", std::to_string(d.limit));
        response.headers.set("RateLimit-Remaining", std::to_string(d.remaining));
        response.headers.set("RateLimit-Reset", std::to_string((d.resetMs + 999) / 1000));
        if (ex->route) {
            response.headers.set("RateLimit-Policy",
                std::to_string(ex->route->route.rateLimit.requests)
                    + ";w=" + std::to_string(ex->route->route.rateLimit.windowSeconds));
        }
    }
    const int status = response.status;
    // The exchange lets go of its responder: a streamed body below holds the exchange, and the
    // responder holds the body, which would otherwise keep each other alive.
    const Http::Responder responder = std::move(ex->responder);
    if (response.bodySource) {
        // A streamed answer is still moving: its access line, span and latency are recorded
        // when it ends, with the bytes that really went out and how it ended.
        response.bodySource = std::make_shared<ObservedBody>(std::move(response.bodySource),
            [this, ex, status](ObservedBody::End end, std::uint64_t bytes, const std::string &error) {
                record(ex, status, bytes, end == ObservedBody::End::Complete ? QString() : QString::fromStdString(error));
            });
        responder.send(std::move(response));
        return;
    }
    const std::size_t bytesOut = response.body.size();
    responder.send(std::move(response));
    record(ex, status, bytesOut, QString());
}

void Gateway::record(const ExchangePtr &ex, int status, std::uint64_t bytesOut, const QString &bodyError)
{
    const qint64 latencyUs = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - ex->started).count();
    const QString routeKey = ex->route ? ex->route->key : QString();
    m_metrics.observeRequest(routeKey, status, double(latencyUs) / 1e6);

    if (m_c.telemetry && !ex->probe) {
        Span span;
        span.traceId = ex->trace.traceId.toString();
        span.spanId = ex->trace.spanId.toString();
        span.parentSpanId = ex->trace.parentSpanId.toString();
        span.nodeId = m_options.nodeId;
        span.name = ex->route ? routeKey : QString::fromStdString(ex->request.method) + QLatin1Char(' ')
                + QString::fromUtf8(ex->request.path);
        span.kind = SpanKind::HttpServer;
        span.outcome = ex->fallback ? SpanOutcome::Fallback : ex->timedOut ? SpanOutcome::Timeout : spanOutcomeOfStatus(status);
        span.startUs = ex->startUs;
        span.durationUs = latencyUs;
        span.httpStatus = status;
        span.attributes.insert(QStringLiteral("client"), ex->clientId());
        span.attributes.insert(QStringLiteral("listener"),
            ex->listener == Listener::Internal ? QStringLiteral("internal") : QStringLiteral("public"));
        if (ex->route)
            span.attributes.insert(QStringLiteral("upstream"), ex->route->upstreamNodeId);
        span.attributes.insert(QStringLiteral("auth"), ex->authDecision);
        span.attributes.insert(QStringLiteral("rateLimit"), ex->rateDecision);
        if (ex->injected)
            span.attributes.insert(QStringLiteral("injected"), true);
        if (!bodyError.isEmpty())
            span.attributes.insert(QStringLiteral("bodyError"), bodyError);
        m_c.telemetry->record(std::move(span));
    }

    if (m_c.log && m_options.requestLogging) {
        JsonLine line;
        line.add("type", "access")
            .addTime("time", ex->startUs)
            .add("nodeId", m_options.nodeId)
            .add("traceId", ex->trace.traceId.view())
            .add("spanId", ex->trace.spanId.view())
            .add("client", ex->clientId())
            .add("remote", std::string_view(ex->request.remoteAddress))
            .add("listener", ex->listener == Listener::Internal ? "internal" : "public")
            .add("method", std::string_view(ex->request.method))
            .add("path", std::string_view(ex->request.path))
            .add("route", routeKey)
            .add("upstream", ex->route ? ex->route->upstreamNodeId : QString())
            .add("status", status)
            .add("bytesIn",
                static_cast<qint64>(ex->request.bodySource ? ex->request.bodySource->transferred()
                                                           : ex->request.body.size()))
            .add("bytesOut", static_cast<qint64>(bytesOut))
            .add("latencyMs", double(latencyUs) / 1000.0)
            .add("auth", ex->authDecision)
            .add("rateLimit", ex->rateDecision);
        if (!ex->authDetail.isEmpty())
            line.add("authDetail", ex->authDetail);
        if (ex->rate)
            line.add("rateLimitRemaining", ex->rate->remaining);
        if (ex->attempts > 0) {
            line.add("attempts", ex->attempts)
                .add("upstreamAddress", ex->upstreamAddress)
                .add("upstreamLatencyMs", double(ex->upstreamUs) / 1000.0);
        }
        if (!ex->upstreamError.isEmpty())
            line.add("error", ex->upstreamError);
        if (!bodyError.isEmpty())
            line.add("bodyError", bodyError); // the answer broke off: bytesOut is what went out
        if (ex->fallback)
            line.add("fallback", true);
        if (ex->injected)
            line.add("injected", true);
        m_c.log->request(std::move(line).take());
    }
}

} // namespace Gatehouse::Runtime
