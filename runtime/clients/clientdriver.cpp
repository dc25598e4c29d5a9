#include "clientdriver.h"

#include "clientlog.h"
#include "ratescheduler.h"

#include "http/client.h"
#include "http/eventloop.h"
#include "telemetry/spanoutcome.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include "model/telemetry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <algorithm>
#include <mutex>
#include <random>
#include <vector>

namespace Gatehouse::Runtime {

namespace {

using Clock = std::chrono::steady_clock;

// The demo catalogue's first item: used for an item or order step when the diagram offers no
// list to learn SKUs from (a generic service behind the route answers whatever it is sent).
constexpr char FallbackSku[] = "SKU-001";
constexpr int MaxKnownSkus = 200;
constexpr auto LoginRetryDelay = std::chrono::seconds(5);

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

qint64 steadyUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
}

QJsonObject parseObject(const std::string &body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

struct User
{
    QString name;
    QByteArray token;
    Clock::time_point renewAt{};  // the token is used until then
    Clock::time_point retryAt{};  // after a failed login: not before then
    bool loginInFlight = false;
};

struct Session
{
    int index = 0;
    int position = 0;  // next step in the cycle
    int iteration = 0; // completed cycles: the demo user rotates with it
    bool busy = false;
    QString lastOrderId;
};

} // namespace

class ClientDriver::Private : public std::enable_shared_from_this<ClientDriver::Private>
{
public:
    Private(ClientPlan p, Http::EventLoop &l, Http::Client &c, TelemetrySender *t, ClientLog &g, ClientDriverOptions o)
        : plan(std::move(p))
        , loop(l)
        , client(c)
        , telemetry(t)
        , log(g)
        , options(o)
        , dropLog(o.logInterval)
        , failureLog(o.logInterval)
        , random(std::random_device{}())
    {
        options.maxInFlight = std::max(1, options.maxInFlight);
        for (const QString &name : std::as_const(plan.scenario.users))
            users.push_back(User{name, {}, {}, {}, false});
    }

    // Called on the scheduler's thread: hand the tick to I/O thread 0, unless too many wait.
    void onSchedulerTick();
    // I/O thread 0 from here on.
    void tick();
    void drop(const QString &reason);
    Session &freeSession();
    User *userOf(const Session &session);
    bool sendStep(Session &session, const PlannedStep &step);
    void sendLogin(Session &session, User &user);
    void send(Session &session, const QString &stepName, const QString &routeKey, const QString &method, const QString &path,
              AuthMode auth, const QByteArray &bearer, QByteArray body,
              std::function<void(Session &, const Http::ClientResponse &)> onAnswer);
    void finish(Span span, const Http::ClientResponse &response, const QString &stepName);
    void advance(Session &session);
    QString randomSku();
    QByteArray orderBody(int minLines, int maxLines, int maxQuantity);
    void learnSkus(const std::string &body);
    void setInFlight(int value);

    const ClientPlan plan;
    Http::EventLoop &loop;
    Http::Client &client;
    TelemetrySender *telemetry;
    ClientLog &log;
    ClientDriverOptions options;

    std::unique_ptr<RateScheduler> scheduler;
    std::atomic<bool> stopped{false};
    std::atomic<int> queuedTicks{0};
    double requestedRate = 0.0;
    mutable std::mutex rateMutex;

    // I/O thread 0 only.
    std::vector<Session> sessions;
    std::vector<User> users;
    QStringList skus;
    int inFlight = 0;
    QMap<QString, quint64> dropReasons; // since the last drop line
    LogThrottle dropLog;
    LogThrottle failureLog;
    std::mt19937 random;

    std::atomic<std::uint64_t> ticks{0}, sent{0}, answered{0}, succeeded{0}, failed{0}, dropped{0}, logins{0}, orders{0};
    std::atomic<int> inFlightShared{0}, peakInFlight{0};
};

void ClientDriver::Private::onSchedulerTick()
{
    ticks.fetch_add(1);
    if (stopped.load())
        return;
    if (queuedTicks.load() >= options.maxQueuedTicks) {
        // The I/O thread is not keeping up: drop here instead of queueing without bound. The
        // reason is logged by the next tick that does run.
        dropped.fetch_add(1);
        return;
    }
    queuedTicks.fetch_add(1);
    std::weak_ptr<Private> self = weak_from_this();
    loop.post(0, [self] {
        if (const auto d = self.lock()) {
            d->queuedTicks.fetch_sub(1);
            if (!d->stopped.load())
                d->tick();
        }
    });
}

void ClientDriver::Private::drop(const QString &reason)
{
    dropped.fetch_add(1);
    dropReasons[reason] += 1;
    quint64 count = 0;
    if (!dropLog.occur(Clock::now(), &count))
        return;
    QStringList parts;
    QJsonObject reasons;
    for (auto it = dropReasons.cbegin(); it != dropReasons.cend(); ++it) {
        parts.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
        reasons.insert(it.key(), static_cast<qint64>(it.value()));
    }
    dropReasons.clear();
    log.log(QStringLiteral("warning"),
            QStringLiteral("dropped %1 request(s) at %2/s: %3").arg(count).arg(scheduler ? scheduler->rate() : 0.0).arg(parts.join(QStringLiteral("; "))),
            QJsonObject{{QStringLiteral("dropped"), static_cast<qint64>(count)},
                        {QStringLiteral("droppedTotal"), static_cast<qint64>(dropped.load())},
                        {QStringLiteral("reasons"), reasons}});
}

Session &ClientDriver::Private::freeSession()
{
    for (Session &s : sessions) {
        if (!s.busy)
            return s;
    }
    Session s;
    s.index = static_cast<int>(sessions.size());
    sessions.push_back(s);
    return sessions.back();
}

User *ClientDriver::Private::userOf(const Session &session)
{
    if (users.empty())
        return nullptr;
    return &users[static_cast<std::size_t>(session.index + session.iteration) % users.size()];
}

void ClientDriver::Private::setInFlight(int value)
{
    inFlight = value;
    inFlightShared.store(value);
    if (value > peakInFlight.load())
        peakInFlight.store(value);
}

void ClientDriver::Private::tick()
{
    if (inFlight >= options.maxInFlight) {
        drop(QStringLiteral("%1 requests already in flight (the limit)").arg(options.maxInFlight));
        return;
    }
    Session &session = freeSession();
    // Walk the cycle from the session's position to the first step that can be sent now; a
    // step that cannot (no order placed yet to look at) is passed over.
    for (int tries = 0; tries < plan.cycle.size(); ++tries) {
        const PlannedStep &step = plan.cycle.at(session.position);
        if (step.auth == AuthMode::Jwt) {
            User *user = userOf(session);
            if (!user) {
                advance(session);
                continue;
            }
            const auto now = Clock::now();
            if (user->token.isEmpty() || now >= user->renewAt) {
                if (user->loginInFlight) {
                    drop(QStringLiteral("waiting for %1's login").arg(user->name));
                    return;
                }
                if (now < user->retryAt) {
                    drop(QStringLiteral("%1's last login failed; retrying shortly").arg(user->name));
                    return;
                }
                sendLogin(session, *user);
                return;
            }
        }
        if (sendStep(session, step))
            return;
        advance(session);
    }
    drop(QStringLiteral("no step of the scenario can be sent yet"));
}

void ClientDriver::Private::advance(Session &session)
{
    if (plan.cycle.isEmpty())
        return;
    if (++session.position >= plan.cycle.size()) {
        session.position = 0;
        ++session.iteration;
    }
}

QString ClientDriver::Private::randomSku()
{
    if (skus.isEmpty())
        return QString::fromLatin1(FallbackSku);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(skus.size()) - 1);
    return skus.at(pick(random));
}

QByteArray ClientDriver::Private::orderBody(int minLines, int maxLines, int maxQuantity)
{
    std::uniform_int_distribution<int> lineCount(minLines, maxLines);
    std::uniform_int_distribution<int> quantity(1, maxQuantity);
    QStringList chosen;
    const int wanted = std::min(lineCount(random), std::max(1, static_cast<int>(skus.size())));
    for (int attempt = 0; chosen.size() < wanted && attempt < wanted * 4; ++attempt) {
        const QString sku = randomSku();
        if (!chosen.contains(sku))
            chosen.append(sku);
    }
    QJsonArray items;
    for (const QString &sku : std::as_const(chosen))
        items.append(QJsonObject{{QStringLiteral("sku"), sku}, {QStringLiteral("quantity"), quantity(random)}});
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Compact);
}

void ClientDriver::Private::learnSkus(const std::string &body)
{
    const QJsonArray items = parseObject(body).value(QStringLiteral("items")).toArray();
    if (items.isEmpty())
        return;
    QStringList found;
    for (const QJsonValue &item : items) {
        const QString sku = item.toObject().value(QStringLiteral("sku")).toString();
        if (!sku.isEmpty() && found.size() < MaxKnownSkus)
            found.append(sku);
    }
    if (!found.isEmpty())
        skus = found;
}

bool ClientDriver::Private::sendStep(Session &session, const PlannedStep &step)
{
    const User *user = step.auth == AuthMode::Jwt ? userOf(session) : nullptr;
    const QByteArray bearer = user ? user->token : QByteArray();
    const QString stepName = nameOf(step.kind);
    auto next = [this](Session &s, const Http::ClientResponse &) { advance(s); };
    switch (step.kind) {
    case StepKind::BrowseItems:
    case StepKind::PartnerInventory:
        send(session, stepName, step.routeKey, step.method, step.path({}), step.auth, bearer, {},
             [this](Session &s, const Http::ClientResponse &r) {
                 if (r.ok() && r.status / 100 == 2)
                     learnSkus(r.body);
                 advance(s);
             });
        return true;
    case StepKind::ViewItem:
        send(session, stepName, step.routeKey, step.method, step.path({randomSku()}), step.auth, bearer, {}, next);
        return true;
    case StepKind::ListOrders:
        send(session, stepName, step.routeKey, step.method, step.path({}), step.auth, bearer, {}, next);
        return true;
    case StepKind::PlaceOrder:
    case StepKind::PartnerOrder: {
        const bool bulk = step.kind == StepKind::PartnerOrder;
        send(session, stepName, step.routeKey, step.method, step.path({}), step.auth, bearer,
             bulk ? orderBody(3, 5, 3) : orderBody(1, 3, 1), [this](Session &s, const Http::ClientResponse &r) {
                 if (r.ok() && r.status / 100 == 2) {
                     orders.fetch_add(1);
                     const QString id = parseObject(r.body).value(QStringLiteral("orderId")).toString();
                     if (!id.isEmpty())
                         s.lastOrderId = id;
                 }
                 advance(s);
             });
        return true;
    }
    case StepKind::GetOrder:
        if (session.lastOrderId.isEmpty())
            return false;
        send(session, stepName, step.routeKey, step.method, step.path({session.lastOrderId}), step.auth, bearer, {}, next);
        return true;
    case StepKind::Login:
        return false; // done by tick() when a token is needed
    }
    return false;
}

void ClientDriver::Private::sendLogin(Session &session, User &user)
{
    user.loginInFlight = true;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), user.name},
                                                      {QStringLiteral("password"), plan.password}})
                                .toJson(QJsonDocument::Compact);
    const QString name = user.name;
    send(session, nameOf(StepKind::Login), plan.login->routeKey, plan.login->method, plan.login->path({}), AuthMode::None, {},
         body, [this, name](Session &, const Http::ClientResponse &r) {
             auto it = std::find_if(users.begin(), users.end(), [&](const User &u) { return u.name == name; });
             if (it == users.end())
                 return;
             it->loginInFlight = false;
             const QJsonObject answer = parseObject(r.body);
             const QByteArray token = answer.value(QStringLiteral("accessToken")).toString().toUtf8();
             if (!r.ok() || r.status / 100 != 2 || token.isEmpty()) {
                 it->retryAt = Clock::now() + LoginRetryDelay;
                 return;
             }
             const int lifetime = std::max(1, answer.value(QStringLiteral("expiresIn")).toInt(3600));
             const auto margin = std::min<std::chrono::seconds>(options.tokenRenewBefore, std::chrono::seconds(lifetime / 10));
             it->token = token;
             it->renewAt = Clock::now() + std::chrono::seconds(lifetime) - margin;
             logins.fetch_add(1);
             // The session does not advance: its step is sent on its next turn, with the token.
         });
}

void ClientDriver::Private::send(Session &session, const QString &stepName, const QString &routeKey, const QString &method,
                                 const QString &path, AuthMode auth, const QByteArray &bearer, QByteArray body,
                                 std::function<void(Session &, const Http::ClientResponse &)> onAnswer)
{
    const TraceContext trace = TraceContext::forIncoming({}, {}); // a root: the client starts the trace

    Http::ClientRequest request;
    request.host = plan.gateway.host.toStdString();
    request.port = static_cast<std::uint16_t>(plan.gateway.port);
    request.method = method.toStdString();
    request.target = path.toStdString();
    request.timeout = options.requestTimeout;
    request.headers.add("Accept", "application/json");
    request.headers.add("traceparent", trace.traceParentText().view());
    if (auth == AuthMode::Jwt && !bearer.isEmpty())
        request.headers.add("Authorization", "Bearer " + bearer.toStdString());
    if (auth == AuthMode::ApiKey)
        request.headers.add("X-API-Key", plan.apiKey.toStdString());
    if (!body.isEmpty()) {
        request.headers.add("Content-Type", "application/json");
        request.body = body.toStdString();
    }

    Span span;
    span.traceId = trace.traceId.toString();
    span.spanId = trace.spanId.toString();
    span.nodeId = plan.nodeId;
    span.edgeId = plan.edgeId;
    span.name = method + QLatin1Char(' ') + path;
    span.kind = SpanKind::HttpClient;
    span.startUs = nowUs();
    span.attributes.insert(QStringLiteral("client"), plan.nodeId);
    span.attributes.insert(QStringLiteral("route"), routeKey);
    span.attributes.insert(QStringLiteral("scenario"), plan.scenario.name);
    span.attributes.insert(QStringLiteral("step"), stepName);
    if (auth == AuthMode::Jwt || stepName == nameOf(StepKind::Login)) {
        if (const User *user = userOf(session))
            span.attributes.insert(QStringLiteral("user"), user->name);
    }

    session.busy = true;
    setInFlight(inFlight + 1);
    sent.fetch_add(1);
    const int sessionIndex = session.index;
    const qint64 startedUs = steadyUs(); // durations from the monotonic clock
    std::weak_ptr<Private> self = weak_from_this();
    // Called from I/O thread 0, so the client runs it — and calls back — on thread 0.
    client.request(std::move(request), [self, sessionIndex, startedUs, span = std::move(span), stepName, bearer, onAnswer = std::move(onAnswer)](
                                           Http::ClientResponse response) mutable {
        const auto d = self.lock();
        if (!d)
            return;
        Session &s = d->sessions[static_cast<std::size_t>(sessionIndex)];
        s.busy = false;
        d->setInFlight(d->inFlight - 1);
        if (response.error == Http::ClientError::Cancelled)
            return; // shutting down: neither a failure nor a span
        if (response.ok() && response.status == 401 && !bearer.isEmpty()) {
            // The gateway no longer takes this token (expired early, key rotated): the next
            // request of its user logs in again. A newer token is kept.
            for (User &user : d->users) {
                if (user.token == bearer)
                    user.token.clear();
            }
        }
        span.durationUs = std::max<qint64>(0, steadyUs() - startedUs);
        d->finish(std::move(span), response, stepName);
        onAnswer(s, response);
    });
}

void ClientDriver::Private::finish(Span span, const Http::ClientResponse &response, const QString &stepName)
{
    span.httpStatus = response.status;
    span.outcome = spanOutcomeOf(response);
    if (!response.ok())
        span.attributes.insert(QStringLiteral("error"), QString::fromStdString(response.errorMessage));
    const bool ok = response.ok() && response.status < 400;
    if (response.ok())
        answered.fetch_add(1);
    (ok ? succeeded : failed).fetch_add(1);

    if (!ok) {
        quint64 count = 0;
        if (failureLog.occur(Clock::now(), &count)) {
            const QString what = response.ok() ? QStringLiteral("HTTP %1").arg(response.status)
                                               : QString::fromStdString(response.errorMessage);
            QJsonObject fields{{QStringLiteral("step"), stepName},
                               {QStringLiteral("route"), span.attributes.value(QStringLiteral("route"))},
                               {QStringLiteral("traceId"), span.traceId},
                               {QStringLiteral("failures"), static_cast<qint64>(count)}};
            if (response.ok()) {
                fields.insert(QStringLiteral("status"), response.status);
                const QString detail = parseObject(response.body).value(QStringLiteral("detail")).toString();
                if (!detail.isEmpty())
                    fields.insert(QStringLiteral("detail"), detail);
            } else {
                fields.insert(QStringLiteral("error"), QString::fromLatin1(Http::nameOf(response.error).data(),
                                                                           static_cast<int>(Http::nameOf(response.error).size())));
            }
            log.log(QStringLiteral("warning"),
                    count > 1 ? QStringLiteral("%1 failed: %2 (%3 failures since the last report)").arg(span.name, what).arg(count)
                              : QStringLiteral("%1 failed: %2").arg(span.name, what),
                    fields);
        }
    }
    if (telemetry)
        telemetry->record(std::move(span));
}

ClientDriver::ClientDriver(ClientPlan plan, Http::EventLoop &loop, Http::Client &client, TelemetrySender *telemetry,
                           ClientLog &log, ClientDriverOptions options)
    : d(std::make_shared<Private>(std::move(plan), loop, client, telemetry, log, options))
{
    if (!d->plan.isIdle()) {
        Private *p = d.get();
        d->scheduler = std::make_unique<RateScheduler>([p] { p->onSchedulerTick(); });
    }
}

ClientDriver::~ClientDriver()
{
    stop();
}

void ClientDriver::setRate(double perSecond)
{
    const double rate = RateScheduler::sanitize(perSecond);
    {
        const std::lock_guard lock(d->rateMutex);
        d->requestedRate = rate;
    }
    if (d->scheduler && !d->stopped.load())
        d->scheduler->setRate(rate);
}

double ClientDriver::rate() const
{
    const std::lock_guard lock(d->rateMutex);
    return d->requestedRate;
}

void ClientDriver::stop()
{
    d->stopped.store(true);
    if (d->scheduler)
        d->scheduler->stop();
}

const ClientPlan &ClientDriver::plan() const
{
    return d->plan;
}

ClientDriverStats ClientDriver::stats() const
{
    ClientDriverStats s;
    s.ticks = d->ticks.load();
    s.sent = d->sent.load();
    s.answered = d->answered.load();
    s.succeeded = d->succeeded.load();
    s.failed = d->failed.load();
    s.dropped = d->dropped.load();
    s.logins = d->logins.load();
    s.ordersPlaced = d->orders.load();
    s.inFlight = d->inFlightShared.load();
    s.peakInFlight = d->peakInFlight.load();
    return s;
}

} // namespace Gatehouse::Runtime
