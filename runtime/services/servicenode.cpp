#include "servicenode.h"
#include "telemetry/spanoutcome.h"
#include "telemetry/terminationsignals.h"

#include "http/client.h"
#include "http/eventloop.h"
#include "http/server.h"
#include "infra/migrationrunner.h"
#include "infra/pgconnection.h"
#include "services/eventconsumer.h"
#include "services/outbox.h"
#include "services/outboxrelay.h"
#include "services/servicebehaviours.h"
#include "services/servicecontext.h"
#include "services/servicerouter.h"
#include "services/sqlpool.h"
#include "telemetry/faultinjector.h"
#include "telemetry/nodecontrolchannel.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdio>

namespace Gatehouse::Runtime {

namespace {

QByteArray bytes(std::string_view view)
{
    return QByteArray(view.data(), static_cast<qsizetype>(view.size()));
}

void printLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace

class ServiceNode::Private
{
public:
    NodeLaunchConfig config;
    Settings settings;
    QStringList warnings;
    QString conninfo;
    std::unique_ptr<TelemetrySender> telemetry;
    std::unique_ptr<SqlPool> pool;
    std::unique_ptr<Http::EventLoop> loop;
    std::unique_ptr<Http::Client> client;
    std::unique_ptr<ServiceContext> context;
    std::unique_ptr<ServiceBehaviour> behaviour;
    ServiceRouter router;
    std::unique_ptr<OutboxRelay> relay;
    std::vector<std::unique_ptr<EventConsumer>> consumers;
    std::unique_ptr<Http::Server> server;
    FaultInjector faults;
    int port = 0;
    bool running = false;

    bool consumersAssigned() const
    {
        for (const auto &consumer : consumers) {
            if (!consumer->isAssigned())
                return false;
        }
        return true;
    }

    void handle(Http::Request request, Http::Responder responder);
    void serve(ServiceCall call);
    void readiness(const ServiceCall &call);
};

void ServiceNode::Private::handle(Http::Request request, Http::Responder responder)
{
    const TraceContext hop = TraceContext::forIncoming(bytes(request.headers.value("traceparent")),
                                                       bytes(request.headers.value("tracestate")));
    ServiceCall call;
    call.traceparent = hop.traceParent();
    call.responder = std::move(responder);

    const bool probe = request.path == "/healthz" || request.path == "/readyz";
    // Injected node faults hit traffic, never the probes (the supervisor must still see the node).
    const FaultInjector::Decision fault = probe ? FaultInjector::Decision {} : faults.decideForNode();
    if (!probe) {
        // Probes are not traffic: no span for them, or the canvas would blink every second.
        auto done = std::make_shared<std::atomic<bool>>(false);
        Span span;
        span.traceId = hop.traceId.toString();
        span.spanId = hop.spanId.toString();
        span.parentSpanId = hop.parentSpanId.toString();
        span.nodeId = config.nodeId;
        span.name = QString::fromStdString(request.method) + QLatin1Char(' ') + QString::fromStdString(request.path);
        span.kind = SpanKind::HttpServer;
        span.startUs = ServiceContext::nowUs();
        if (fault.injected())
            span.attributes.insert(QStringLiteral("injected"), true);
        ServiceContext *ctx = context.get();
        call.onAnswer = [ctx, done, span](int status) mutable {
            if (done->exchange(true))
                return;
            span.durationUs = ServiceContext::nowUs() - span.startUs;
            span.httpStatus = status;
            span.outcome = spanOutcomeOfStatus(status);
            ctx->recordSpan(std::move(span));
        };
    }
    call.request = std::move(request);
    if (fault.injected()) {
        faults.after(fault.delay, [this, call = std::move(call), fail = fault.fail]() mutable {
            if (fail)
                call.respond(problemResponse(503, QStringLiteral("fault injected on %1").arg(config.nodeId)));
            else
                serve(std::move(call));
        });
        return;
    }
    serve(std::move(call));
}

void ServiceNode::Private::serve(ServiceCall call)
{
    if (call.request.path == "/healthz") {
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") } }));
        return;
    }
    if (call.request.path == "/readyz") {
        readiness(call);
        return;
    }
    QStringList allowed;
    if (router.dispatch(call, &allowed))
        return;
    if (!allowed.isEmpty()) {
        Http::Response response = problemResponse(405, QStringLiteral("method not allowed"));
        response.headers.add("Allow", allowed.join(QStringLiteral(", ")).toStdString());
        call.respond(std::move(response));
        return;
    }
    call.respond(problemResponse(404, QStringLiteral("no such route")));
}

void ServiceNode::Private::readiness(const ServiceCall &call)
{
    if (!config.postgres) { // a generic service without a database: ready when its consumers are
        call.respond(consumersAssigned()
                ? jsonResponse(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ready") } })
                : problemResponse(503, QStringLiteral("consumers not assigned yet")));
        return;
    }
    const bool queued = pool->submit([this, call](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT 1"), {}, &rows, &error)) {
            call.respond(problemResponse(503, QStringLiteral("database: ") + error));
            return;
        }
        if (!consumersAssigned()) {
            call.respond(problemResponse(503, QStringLiteral("consumers not assigned yet")));
            return;
        }
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("status"), QStringLiteral("ready") } }));
    });
    if (!queued)
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

ServiceNode::ServiceNode(NodeLaunchConfig config)
    : ServiceNode(std::move(config), Settings {})
{
}

ServiceNode::ServiceNode(NodeLaunchConfig config, Settings settings)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->settings = settings;
}

ServiceNode::~ServiceNode()
{
    stop();
}

bool ServiceNode::start(QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        stop();
        return false;
    };
    const NodeLaunchConfig &c = d->config;
    const Node *self = c.topology.node(c.nodeId);
    if (!self || self->kind != NodeKind::Service)
        return fail(QStringLiteral("node \"%1\" is not a service of this topology").arg(c.nodeId));
    // Only a generic service runs without a database (docs/services.md); every role has tables.
    if (!c.postgres && self->role != ServiceRole::Generic)
        return fail(QStringLiteral("service \"%1\" has no database (draw an owns edge to a db.postgres node)").arg(c.nodeId));
    if (c.postgres)
        d->conninfo = PgConnection::conninfo(c.postgres->endpoint.host, c.postgres->endpoint.port, c.postgres->database,
                                             c.postgres->user, c.postgres->password);
    const QList<const Edge *> owns = c.topology.outgoing(c.nodeId, EdgeKind::Owns);
    const QString databaseEdge = owns.isEmpty() ? QString() : owns.first()->id; // sql spans travel it

    if (c.telemetry.isSet())
        d->telemetry = std::make_unique<TelemetrySender>(c.nodeId, c.telemetry);
    d->pool = std::make_unique<SqlPool>(d->conninfo, d->settings.sqlThreads, static_cast<std::size_t>(d->settings.sqlMaxQueued),
        SqlTracing { d->telemetry.get(), c.nodeId, databaseEdge });
    d->loop = std::make_unique<Http::EventLoop>(d->settings.ioThreads);
    d->client = std::make_unique<Http::Client>(*d->loop);
    d->context = std::make_unique<ServiceContext>(c, *d->pool, *d->client, d->telemetry.get());
    d->faults.attach(d->loop.get());
    d->context->setFaults(&d->faults);
    d->behaviour = makeServiceBehaviour(self->role, *d->context, &d->warnings);
    d->warnings.append(d->behaviour->warnings());

    // Schema first, as the service's own role: version 1 is shared, then the role's own.
    QString message;
    if (c.postgres) {
        PgConnection connection;
        if (!connection.open(d->conninfo, &message))
            return fail(QStringLiteral("database: ") + message);
        QList<Migration> migrations { Migration { 1, QStringLiteral("outbox"), Outbox::schemaSql() } };
        migrations.append(d->behaviour->migrations());
        if (MigrationRunner::apply(connection, migrations, &message) < 0)
            return fail(QStringLiteral("migrations: ") + message);
        if (!d->behaviour->initialize(connection, &message))
            return fail(QStringLiteral("initialising the %1 role: ").arg(nameOf(self->role)) + message);
        if (!d->pool->start(&message))
            return fail(QStringLiteral("database pool: ") + message);
    }

    const QList<const Edge *> subscriptions = c.topology.incoming(c.nodeId, EdgeKind::Subscribe);
    const bool publishes = !d->context->publishedTopics().isEmpty();
    if ((publishes || !subscriptions.isEmpty()) && !c.kafka)
        return fail(QStringLiteral("service \"%1\" publishes or subscribes but has no Kafka access").arg(c.nodeId));
    if (publishes && c.postgres) { // without a database the generic role produces directly
        d->relay = std::make_unique<OutboxRelay>(d->conninfo, *c.kafka, c.nodeId,
            OutboxRelay::Options { d->settings.relayPollMs, 500, 5000 });
        if (!d->relay->start(&message))
            return fail(QStringLiteral("outbox relay: ") + message);
    }
    for (const Edge *edge : subscriptions) {
        QStringList topics;
        for (const Topic &topic : edge->topics)
            topics.append(topic.name);
        if (topics.isEmpty()) {
            d->warnings.append(QStringLiteral("subscribe edge %1 names no topic").arg(edge->id));
            continue;
        }
        const QString group = edge->consumerGroup.isEmpty() ? c.nodeId : edge->consumerGroup;
        auto consumer = std::make_unique<EventConsumer>(d->conninfo, *c.kafka, group, topics, d->behaviour->handlerFor(*edge));
        consumer->setTracing(EventConsumer::Tracing { d->telemetry.get(), c.nodeId, edge->id, databaseEdge });
        if (!consumer->start(&message))
            return fail(QStringLiteral("consumer %1: ").arg(edge->id) + message);
        d->consumers.push_back(std::move(consumer));
    }

    d->behaviour->addRoutes(d->router);
    Private *p = d.get();
    d->server = std::make_unique<Http::Server>(*d->loop, Http::ServerOptions {},
        [p](Http::Request request, Http::Responder responder) { p->handle(std::move(request), std::move(responder)); });
    const auto listened = d->server->listen(c.publicListener.host.toStdString(), static_cast<std::uint16_t>(c.publicListener.port));
    if (!listened.ok)
        return fail(QStringLiteral("listener %1:%2: %3")
                        .arg(c.publicListener.host)
                        .arg(c.publicListener.port)
                        .arg(QString::fromStdString(listened.error)));
    d->port = listened.port;
    d->loop->start();
    d->running = true;
    d->behaviour->start();
    if (d->telemetry) {
        for (const QString &warning : std::as_const(d->warnings))
            d->telemetry->log(QStringLiteral("warning"), warning);
    }
    return true;
}

void ServiceNode::stop()
{
    if (d->behaviour)
        d->behaviour->stop();
    if (d->server && d->running)
        d->server->stop();
    if (d->client && d->running)
        d->client->stop();
    if (d->loop)
        d->loop->stop();
    d->faults.attach(nullptr);
    d->running = false;
    d->server.reset();
    d->consumers.clear();
    d->relay.reset();
    if (d->pool)
        d->pool->stop();
    d->behaviour.reset();
    d->router = ServiceRouter {};
    d->context.reset();
    d->client.reset();
    d->loop.reset();
    d->pool.reset();
    d->telemetry.reset();
}

int ServiceNode::port() const
{
    return d->port;
}

QStringList ServiceNode::warnings() const
{
    return d->warnings;
}

QStringList ServiceNode::routes() const
{
    return d->router.patterns();
}

bool ServiceNode::consumersAssigned() const
{
    return d->consumersAssigned();
}

ServiceContext &ServiceNode::context()
{
    return *d->context;
}

FaultInjector &ServiceNode::faults()
{
    return d->faults;
}

int runServiceNode(const NodeLaunchConfig &config, NodeControlChannel &control)
{
    const TerminationSignals signals; // before any thread starts

    ServiceNode node(config);
    QString error;
    if (!node.start(&error)) {
        printLine(QJsonObject { { QStringLiteral("type"), QStringLiteral("log") },
            { QStringLiteral("level"), QStringLiteral("error") }, { QStringLiteral("nodeId"), config.nodeId },
            { QStringLiteral("message"), error } });
        return 1;
    }
    const Node *self = config.topology.node(config.nodeId);
    printLine(QJsonObject { { QStringLiteral("type"), QStringLiteral("event") },
        { QStringLiteral("event"), QStringLiteral("listening") }, { QStringLiteral("nodeId"), config.nodeId },
        { QStringLiteral("role"), self ? nameOf(self->role) : QString() },
        { QStringLiteral("publicPort"), node.port() },
        { QStringLiteral("routes"), QJsonArray::fromStringList(node.routes()) },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(node.warnings()) } });
    control.setHandler([&node, nodeId = config.nodeId](const QJsonObject &message) {
        if (message.value(QLatin1String("type")).toString() != QLatin1String("faults"))
            return; // not for a service (e.g. "rate")
        printLine(node.faults().applyAndDescribe(message, nodeId));
    });
    signals.wait();
    control.setHandler({});
    node.stop();
    printLine(QJsonObject { { QStringLiteral("type"), QStringLiteral("event") },
        { QStringLiteral("event"), QStringLiteral("stopped") }, { QStringLiteral("nodeId"), config.nodeId } });
    return 0;
}

} // namespace Gatehouse::Runtime
