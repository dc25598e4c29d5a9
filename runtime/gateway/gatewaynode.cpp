#include "gatewaynode.h"
#include "telemetry/terminationsignals.h"

#include "gateway/gateway.h"
#include "http/client.h"
#include "http/eventloop.h"
#include "http/server.h"
#include "telemetry/faultinjector.h"
#include "telemetry/nodecontrolchannel.h"
#include "telemetry/telemetrysender.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gatehouse::Runtime {

namespace {

// Defaults of the token contract (docs/gateway.md "Tokens"); a gateway node may override them
// with the properties below.
constexpr char DefaultIssuer[] = "gatehouse-auth";
constexpr char DefaultAudience[] = "gatehouse-api";
constexpr char IssuerProperty[] = "jwtIssuer";
constexpr char AudienceProperty[] = "jwtAudience";
constexpr char JwtPublicKeySecret[] = "jwt.publicKey";

} // namespace

class GatewayNode::Private
{
public:
    NodeLaunchConfig config;
    Settings settings;
    QStringList warnings;
    std::unique_ptr<Http::EventLoop> loop;
    std::unique_ptr<Http::Client> client;
    std::unique_ptr<RedisRateLimiter> limiter;
    std::unique_ptr<TelemetrySender> telemetry;
    std::unique_ptr<AccessLog> log;
    std::unique_ptr<Gateway> gateway;
    std::unique_ptr<Http::Server> server;
    FaultInjector faults;
    int publicPort = 0;
    int internalPort = 0;
    bool running = false;
};

GatewayNode::GatewayNode(NodeLaunchConfig config)
    : GatewayNode(std::move(config), Settings {})
{
}

GatewayNode::GatewayNode(NodeLaunchConfig config, Settings settings)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->settings = settings;
}

GatewayNode::~GatewayNode()
{
    stop();
}

bool GatewayNode::start(QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        stop();
        return false;
    };
    const NodeLaunchConfig &c = d->config;
    const Node *self = c.topology.node(c.nodeId);
    if (!self || self->kind != NodeKind::Gateway)
        return fail(QStringLiteral("node \"%1\" is not a gateway of this topology").arg(c.nodeId));

    auto routes = RouteTable::fromTopology(c.topology, c.nodeId, &d->warnings);

    const QByteArray pem = c.secrets.value(QString::fromLatin1(JwtPublicKeySecret)).toUtf8();
    if (pem.isEmpty())
        d->warnings.append(QStringLiteral("no jwt.publicKey secret: routes with jwt or admin auth answer 401"));
    JwtVerifier jwt(pem,
        self->properties.value(QString::fromLatin1(IssuerProperty)).toString(QString::fromLatin1(DefaultIssuer)),
        self->properties.value(QString::fromLatin1(AudienceProperty)).toString(QString::fromLatin1(DefaultAudience)));
    ApiKeyVerifier apiKeys(c.secrets, &d->warnings);

    d->loop = std::make_unique<Http::EventLoop>(d->settings.ioThreads);
    d->client = std::make_unique<Http::Client>(*d->loop);

    if (c.redis) {
        RedisRateLimiter::Options options;
        options.access = *c.redis;
        // The gateway → redis uses-cache edge names the key prefix; "ratelimit:" otherwise.
        for (const Edge *edge : c.topology.outgoing(c.nodeId, EdgeKind::UsesCache)) {
            if (!edge->keyPrefix.isEmpty())
                options.keyPrefix = edge->keyPrefix.toUtf8();
        }
        d->limiter = std::make_unique<RedisRateLimiter>(*d->loop, options);
    }
    if (c.telemetry.isSet())
        d->telemetry = std::make_unique<TelemetrySender>(c.nodeId, c.telemetry);

    AccessLog::Options logOptions;
    if (!c.dataDir.isEmpty())
        logOptions.filePath = QDir(c.dataDir).filePath(QStringLiteral("access.log"));
    d->log = std::make_unique<AccessLog>(logOptions);

    Gateway::Options options;
    options.nodeId = c.nodeId;
    options.rateLimitFailOpen = self->rateLimitFailOpen();
    options.requestLogging = self->requestLogging();
    options.upstreamBreakers = CircuitBreaker::optionsPerUpstream(c.topology, c.nodeId, &d->warnings);
    d->faults.attach(d->loop.get());
    Gateway::Collaborators collaborators { d->loop.get(), d->client.get(), d->limiter.get(), d->telemetry.get(),
        d->log.get(), &d->faults };
    d->gateway = std::make_unique<Gateway>(
        options, collaborators, std::move(jwt), std::move(apiKeys), c.upstreams, std::move(routes));

    Gateway *gateway = d->gateway.get();
    Http::ServerOptions serverOptions;
    serverOptions.maxStreamBodyBytes = Gateway::MaxStreamedBodyBytes;
    d->server = std::make_unique<Http::Server>(
        *d->loop, serverOptions, [gateway](Http::Request request, Http::Responder responder) {
            gateway->handle(std::move(request), std::move(responder));
        });
    const auto publicResult = d->server->listen(c.publicListener.host.toStdString(),
        static_cast<std::uint16_t>(c.publicListener.port), Gateway::PublicListenerId);
    if (!publicResult.ok)
        return fail(QStringLiteral("public listener %1:%2: %3")
                        .arg(c.publicListener.host)
                        .arg(c.publicListener.port)
                        .arg(QString::fromStdString(publicResult.error)));
    const auto internalResult = d->server->listen(c.internalListener.host.toStdString(),
        static_cast<std::uint16_t>(c.internalListener.port), Gateway::InternalListenerId);
    if (!internalResult.ok)
        return fail(QStringLiteral("internal listener %1:%2: %3")
                        .arg(c.internalListener.host)
                        .arg(c.internalListener.port)
                        .arg(QString::fromStdString(internalResult.error)));
    d->publicPort = publicResult.port;
    d->internalPort = internalResult.port;
    d->loop->start();
    d->running = true;
    if (d->limiter)
        d->limiter->start();

    for (const QString &warning : std::as_const(d->warnings)) {
        d->log->event(QJsonObject { { QStringLiteral("type"), QStringLiteral("log") },
            { QStringLiteral("level"), QStringLiteral("warning") }, { QStringLiteral("nodeId"), c.nodeId },
            { QStringLiteral("message"), warning } });
        if (d->telemetry)
            d->telemetry->log(QStringLiteral("warning"), warning);
    }
    return true;
}

void GatewayNode::stop()
{
    // Order matters: no new requests, then the Redis connections closed on their loop threads
    // (pending checks answered), then the loop, and only then the objects its queued tasks
    // point to.
    if (d->server && d->running)
        d->server->stop();
    if (d->client && d->running)
        d->client->stop();
    d->limiter.reset();
    if (d->loop)
        d->loop->stop();
    d->faults.attach(nullptr);
    d->running = false;
    d->server.reset();
    d->client.reset();
    d->loop.reset();
    d->gateway.reset();
    if (d->log)
        d->log->flush();
    d->log.reset();
    d->telemetry.reset();
}

int GatewayNode::publicPort() const
{
    return d->publicPort;
}
int GatewayNode::internalPort() const
{
    return d->internalPort;
}
QStringList GatewayNode::warnings() const
{
    return d->warnings;
}
Gateway &GatewayNode::gateway()
{
    return *d->gateway;
}
FaultInjector &GatewayNode::faults()
{
    return d->faults;
}

int runGatewayNode(const NodeLaunchConfig &config, NodeControlChannel &control)
{
    const TerminationSignals signals; // before any thread starts

    GatewayNode node(config);
    QString error;
    AccessLog out(AccessLog::Options {});
    if (!node.start(&error)) {
        out.event(QJsonObject { { QStringLiteral("type"), QStringLiteral("log") },
            { QStringLiteral("level"), QStringLiteral("error") }, { QStringLiteral("nodeId"), config.nodeId },
            { QStringLiteral("message"), error } });
        return 1;
    }
    out.event(QJsonObject { { QStringLiteral("type"), QStringLiteral("event") },
        { QStringLiteral("event"), QStringLiteral("listening") }, { QStringLiteral("nodeId"), config.nodeId },
        { QStringLiteral("publicPort"), node.publicPort() }, { QStringLiteral("internalPort"), node.internalPort() },
        { QStringLiteral("routes"), node.gateway().routes()->routes().size() },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(node.warnings()) } });
    control.setHandler([&node, &out, nodeId = config.nodeId](const QJsonObject &message) {
        const QString type = message.value(QLatin1String("type")).toString();
        if (type == QLatin1String("routes")) {
            // The edited diagram while running: the same reload as POST /admin/gateway/reload.
            QStringList warnings;
            const auto error = node.gateway().reload(
                QJsonDocument(message.value(QLatin1String("document")).toObject()).toJson(QJsonDocument::Compact), &warnings);
            QJsonObject event { { QStringLiteral("type"), QStringLiteral("event") },
                { QStringLiteral("event"), QStringLiteral("routes-reloaded") }, { QStringLiteral("nodeId"), nodeId } };
            if (error)
                event.insert(QStringLiteral("error"), *error);
            else
                event.insert(QStringLiteral("routes"), node.gateway().routes()->routes().size());
            if (!warnings.isEmpty())
                event.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
            out.event(event);
            return;
        }
        if (type != QLatin1String("faults"))
            return; // not for a gateway (e.g. "rate")
        out.event(node.faults().applyAndDescribe(message, nodeId));
    });
    signals.wait();
    control.setHandler({});
    node.stop();
    out.event(QJsonObject { { QStringLiteral("type"), QStringLiteral("event") },
        { QStringLiteral("event"), QStringLiteral("stopped") }, { QStringLiteral("nodeId"), config.nodeId } });
    return 0;
}

} // namespace Gatehouse::Runtime
