#include "clientnode.h"

#include "clientlog.h"

#include "http/client.h"
#include "http/eventloop.h"
#include "telemetry/nodecontrolchannel.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/terminationsignals.h"

#include <QJsonArray>

#include <algorithm>

namespace Gatehouse::Runtime {

class ClientNode::Private
{
public:
    NodeLaunchConfig config;
    ClientDriverOptions options;
    ClientPlan plan;
    std::unique_ptr<TelemetrySender> telemetry;
    std::unique_ptr<ClientLog> log;
    std::unique_ptr<Http::EventLoop> loop;
    std::unique_ptr<Http::Client> client;
    std::unique_ptr<ClientDriver> driver;
    double pendingRate = -1.0; // setRate() before start()
    bool running = false;
};

ClientNode::ClientNode(NodeLaunchConfig config, ClientDriverOptions options)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->options = options;
    d->plan = ClientPlan::build(d->config);
}

ClientNode::~ClientNode()
{
    stop();
}

void ClientNode::start()
{
    if (d->running)
        return;
    const NodeLaunchConfig &c = d->config;
    if (c.telemetry.isSet())
        d->telemetry = std::make_unique<TelemetrySender>(c.nodeId, c.telemetry);
    d->log = std::make_unique<ClientLog>(c.nodeId, d->telemetry.get());
    // One I/O thread: a client's sessions live on it without locks, and the gateway is the
    // part under test, not the driver.
    d->loop = std::make_unique<Http::EventLoop>(1);
    Http::ClientOptions clientOptions;
    clientOptions.maxConnectionsPerUpstream = static_cast<std::size_t>(std::max(1, d->options.maxInFlight));
    clientOptions.maxIdlePerUpstream = clientOptions.maxConnectionsPerUpstream;
    clientOptions.defaultTimeout = d->options.requestTimeout;
    d->client = std::make_unique<Http::Client>(*d->loop, clientOptions);
    d->loop->start();
    d->driver = std::make_unique<ClientDriver>(d->plan, *d->loop, *d->client, d->telemetry.get(), *d->log, d->options);
    d->running = true;

    const Node *self = c.topology.node(c.nodeId);
    const double rate = d->pendingRate >= 0 ? d->pendingRate : self ? self->ratePerSecond() : 0.0;
    d->driver->setRate(rate);

    QJsonObject started{{QStringLiteral("event"), QStringLiteral("started")},
                        {QStringLiteral("scenario"), d->plan.scenario.name},
                        {QStringLiteral("ratePerSecond"), d->driver->rate()},
                        {QStringLiteral("edgeId"), d->plan.edgeId},
                        {QStringLiteral("message"), d->plan.summary()}};
    if (!d->plan.skipped.isEmpty())
        started.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(d->plan.skipped));
    if (d->plan.isIdle())
        started.insert(QStringLiteral("idle"), d->plan.idleReason);
    d->log->event(started);
    if (!d->plan.scenarioKnown && self)
        d->log->event(QJsonObject{{QStringLiteral("type"), QStringLiteral("log")}, {QStringLiteral("level"), QStringLiteral("warning")},
                                  {QStringLiteral("message"), QStringLiteral("unknown scenario \"%1\"; running \"%2\" (known: %3)")
                                                                  .arg(self->scenario(), d->plan.scenario.name,
                                                                       Scenario::names().join(QStringLiteral(", ")))}});
    if (d->plan.isIdle())
        d->log->event(QJsonObject{{QStringLiteral("type"), QStringLiteral("log")}, {QStringLiteral("level"), QStringLiteral("warning")},
                                  {QStringLiteral("message"), QStringLiteral("sending no traffic: %1").arg(d->plan.idleReason)}});
}

void ClientNode::stop()
{
    // No new ticks, then end what is in flight (the loop must still run for that), then the loop.
    if (d->driver)
        d->driver->stop();
    if (d->client && d->running)
        d->client->stop();
    if (d->loop)
        d->loop->stop();
    d->running = false;
    d->driver.reset();
    d->client.reset();
    d->loop.reset();
    d->log.reset();
    d->telemetry.reset(); // flushes what is queued
}

void ClientNode::setRate(double perSecond)
{
    if (d->driver) {
        const double before = d->driver->rate();
        d->driver->setRate(perSecond);
        if (d->log && d->driver->rate() != before)
            d->log->event(QJsonObject{{QStringLiteral("event"), QStringLiteral("rate")},
                                      {QStringLiteral("ratePerSecond"), d->driver->rate()},
                                      {QStringLiteral("message"), d->plan.isIdle()
                                           ? QStringLiteral("rate %1/s (idle: %2)").arg(d->driver->rate()).arg(d->plan.idleReason)
                                           : QStringLiteral("rate %1/s").arg(d->driver->rate())}});
    } else {
        d->pendingRate = std::max(0.0, perSecond);
    }
}

double ClientNode::rate() const
{
    return d->driver ? d->driver->rate() : std::max(0.0, d->pendingRate);
}

const ClientPlan &ClientNode::plan() const
{
    return d->plan;
}

ClientDriverStats ClientNode::stats() const
{
    return d->driver ? d->driver->stats() : ClientDriverStats{};
}

int runClientNode(const NodeLaunchConfig &config, NodeControlChannel &control)
{
    const TerminationSignals signals; // before any thread starts

    ClientNode node(config);
    node.start();
    ClientLog out(config.nodeId, nullptr);
    control.setHandler([&node, &out](const QJsonObject &message) {
        if (message.value(QLatin1String("type")).toString() != QLatin1String("rate"))
            return; // not for a client (e.g. "faults")
        const QJsonValue rate = message.value(QLatin1String("ratePerSecond"));
        if (!rate.isDouble()) {
            out.event(QJsonObject{{QStringLiteral("type"), QStringLiteral("log")}, {QStringLiteral("level"), QStringLiteral("warning")},
                                  {QStringLiteral("message"), QStringLiteral("ignored a rate message without a numeric \"ratePerSecond\"")}});
            return;
        }
        node.setRate(rate.toDouble()); // logs the change
    });
    signals.wait();
    control.setHandler({}); // no handler call runs after this: `node` may go
    node.stop();
    out.event(QJsonObject{{QStringLiteral("event"), QStringLiteral("stopped")}, {QStringLiteral("message"), QStringLiteral("stopped")}});
    return 0;
}

} // namespace Gatehouse::Runtime
