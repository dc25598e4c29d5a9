#include "stacksupervisor.h"

#include "gateway/apikeyverifier.h"
#include "model/credentialscope.h"
#include "services/authkeys.h"

#include "stackplan.h"

#include "infra/infraplan.h"
#include "infra/infrastack.h"
#include "infra/kafkamockcluster.h"
#include "infra/kafkatopicmonitor.h"
#include "infra/postgrescluster.h"
#include "infra/redisserver.h"
#include "runtimeclient/protocol.h"
#include "secrets/filesecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "supervisor/portcheck.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace Gatehouse::Runtime {

StackSupervisor::StackSupervisor(Topology topology, UpOptions options, NodeRunners runners, StatusPrinter *printer,
                                 QObject *parent)
    : QObject(parent)
    , m_topology(std::move(topology))
    , m_options(std::move(options))
    , m_runners(std::move(runners))
    , m_printer(printer)
    , m_lock(m_options.dataDir)
    , m_processes(m_options.policy)
    , m_commands(&m_processes, &m_hub)
    , m_overlay(&m_commands)
    , m_control(&m_overlay, m_options.runtimeVersion)
    , m_topicsFeed(&m_control, &m_overlay)
{
    m_commands.setServer(&m_control);
    m_control.setSamplingPercent(m_options.samplingPercent);
    m_commands.setTopology(m_topology);
    m_commands.setStackInfo(QJsonObject{{QStringLiteral("name"), m_topology.name},
                                        {QStringLiteral("file"), QFileInfo(m_options.projectFile).absoluteFilePath()},
                                        {QStringLiteral("dataDir"), m_lock.dataDir()},
                                        {QStringLiteral("state"), QStringLiteral("starting")},
                                        {QStringLiteral("pid"), QCoreApplication::applicationPid()}});
    connect(&m_processes, &ProcessManager::statusChanged, this, &StackSupervisor::onStatus);
    connect(&m_processes, &ProcessManager::logLine, this, [this](const QJsonObject &line) {
        m_control.broadcastLog(line);
        m_printer->log(line);
    });
    connect(&m_hub, &TelemetryHub::logReceived, this, [this](const QJsonObject &line) {
        m_control.broadcastLog(line);
        m_printer->log(line);
    });
    connect(&m_hub, &TelemetryHub::spansReceived, &m_control, &ControlServer::broadcastSpans);
    connect(&m_processes, &ProcessManager::startupFinished, this, [this] {
        if (m_stopping)
            return;
        setStackState(QStringLiteral("running"));
        m_printer->message(QStringLiteral("stack started; Ctrl-C stops it"));
    });
    connect(&m_processes, &ProcessManager::allStopped, this, &StackSupervisor::finishShutdown);
    connect(&m_control, &ControlServer::shutdownRequested, this, [this] { shutdown(QStringLiteral("shutdown command")); });
    m_metricsTimer.setInterval(1000);
    connect(&m_metricsTimer, &QTimer::timeout, this, [this] {
        const QJsonObject metrics = m_topicsFeed.withLag(m_hub.metrics());
        m_control.broadcastMetrics(metrics);
        m_printer->metrics(metrics);
    });
}

StackSupervisor::~StackSupervisor() = default;

QString StackSupervisor::stackId() const
{
    // Secrets are per data dir: one stack, one set of generated passwords matching its cluster.
    return QStringLiteral("stack-")
        + QString::fromLatin1(QCryptographicHash::hash(QFile::encodeName(m_lock.dataDir()), QCryptographicHash::Sha256).toHex().left(16));
}

void StackSupervisor::onStatus(const NodeStatus &status)
{
    m_control.broadcastStatus(status);
    m_printer->status(status, m_processes.status());
}

void StackSupervisor::reportInfra(NodeState state, const QString &message)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Node &node : std::as_const(m_topology.nodes)) {
        if (!StackPlan::isInfra(node.kind))
            continue;
        NodeStatus s;
        s.nodeId = node.id;
        s.kind = node.kind;
        s.state = state;
        s.message = message;
        s.sinceMs = now;
        if (m_infra && state == NodeState::Ready) {
            if (node.kind == NodeKind::DbPostgres && m_infra->postgres()) {
                s.port = m_infra->postgres()->port();
                s.pid = m_infra->postgres()->postmasterPid();
            } else if (node.kind == NodeKind::CacheRedis && m_infra->redis()) {
                s.port = m_infra->redis()->port();
                s.pid = m_infra->redis()->pid();
            } else if (node.kind == NodeKind::BusKafka && m_infra->kafka()) {
                s.port = m_infra->kafka()->bootstrapServers().section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), -1).toInt();
                s.pid = QCoreApplication::applicationPid(); // the mock cluster lives in the supervisor
                s.message = QStringLiteral("mock cluster at %1").arg(m_infra->kafka()->bootstrapServers());
                if (m_kafkaForwarder.port() > 0) {
                    s.message = QStringLiteral("mock cluster, bootstrap 127.0.0.1:%1 (broker %2)")
                                    .arg(m_kafkaForwarder.port())
                                    .arg(m_infra->kafka()->bootstrapServers());
                    s.port = m_kafkaForwarder.port();
                }
            } else if (!m_topology.runSettings.isEmbedded()) {
                s.message = QStringLiteral("external");
            }
        }
        m_processes.reportStatus(s);
    }
}

Topology StackSupervisor::withDefaultPorts() const
{
    Topology topology = m_topology;
    auto applyDefault = [&topology](NodeKind kind, int port) {
        if (port <= 0)
            return;
        for (const Node &node : std::as_const(topology.nodes)) {
            if (node.kind == kind && node.port > 0)
                return; // the diagram's own port wins
        }
        for (Node &node : topology.nodes) {
            if (node.kind == kind)
                node.port = port;
        }
    };
    applyDefault(NodeKind::DbPostgres, m_options.postgresPort);
    applyDefault(NodeKind::CacheRedis, m_options.redisPort);
    applyDefault(NodeKind::BusKafka, m_options.kafkaPort);
    return topology;
}

bool StackSupervisor::checkInfraPorts(const Topology &topology, QString *error) const
{
    QString planError;
    const std::optional<InfraPlan> plan = InfraPlan::fromTopology(topology, &planError);
    if (!plan)
        return true; // InfraStack reports the plan's problem in its own words
    const RunSettings &run = topology.runSettings;
    auto origin = [&](NodeKind kind, int port, const char *option) {
        for (const Node &node : topology.nodes) {
            if (node.kind == kind && node.port == port) {
                const Node *drawn = m_topology.node(node.id);
                if (drawn && drawn->port == port)
                    return QStringLiteral("the port of node %1 in the diagram").arg(node.id);
            }
        }
        return QStringLiteral("--%1").arg(QLatin1String(option));
    };
    struct Wanted
    {
        int port;
        QString part;
        QString origin;
    };
    QList<Wanted> wanted;
    if (plan->postgres && run.postgresDsn.isEmpty() && plan->postgresPort > 0)
        wanted.append({plan->postgresPort, QStringLiteral("PostgreSQL"), origin(NodeKind::DbPostgres, plan->postgresPort, "postgres-port")});
    if (plan->redis && run.redisUrl.isEmpty() && plan->redisPort > 0)
        wanted.append({plan->redisPort, QStringLiteral("Redis"), origin(NodeKind::CacheRedis, plan->redisPort, "redis-port")});
    if (plan->kafka && run.kafkaBootstrap.isEmpty()) {
        for (const Node &node : topology.nodes) {
            if (node.kind == NodeKind::BusKafka && node.port > 0) {
                wanted.append({node.port, QStringLiteral("Kafka"), origin(NodeKind::BusKafka, node.port, "kafka-port")});
                break;
            }
        }
    }
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const Wanted &w = wanted.at(i);
        for (qsizetype j = 0; j < i; ++j) {
            if (wanted.at(j).port == w.port) {
                *error = QStringLiteral("%1 (%2) and %3 (%4) both want port %5")
                             .arg(wanted.at(j).part, wanted.at(j).origin, w.part, w.origin)
                             .arg(w.port);
                return false;
            }
        }
        if (!isPortFree(w.port)) {
            *error = QStringLiteral("port %1 is already in use: %2 cannot listen on 127.0.0.1:%1 (%3)").arg(w.port).arg(w.part, w.origin);
            return false;
        }
    }
    return true;
}

bool StackSupervisor::start(QString *error, int *exitCode)
{
    *exitCode = 2;
    if (!m_lock.acquire(error))
        return false;
    m_locked = true;
    const QStringList orphans = m_lock.recoverOrphans();
    if (!orphans.isEmpty())
        m_printer->message(QStringLiteral("recovered from an unclean stop: killed %1").arg(orphans.join(QStringLiteral(", "))));

    // Fixed infrastructure ports are checked before anything starts, so a taken one leaves
    // nothing running behind.
    const Topology topology = withDefaultPorts();
    if (!checkInfraPorts(topology, error)) {
        *exitCode = 1;
        m_lock.release();
        m_locked = false;
        return false;
    }

    const QString socket = m_options.controlSocket.isEmpty() ? QDir(m_lock.dataDir()).filePath(QStringLiteral("control.sock"))
                                                             : m_options.controlSocket;
    if (!m_control.listen(socket, error) || !m_hub.listen(0, error)
        || (m_options.webSocketPort >= 0 && !m_control.listenWebSocket(m_options.webSocketPort, error))) {
        m_lock.release();
        return false;
    }
    m_processes.setPidDirectory(m_lock.runDirectory());
    m_metricsTimer.start();
    if (m_control.webSocketPort() > 0)
        m_printer->message(QStringLiteral("control protocol also on ws://127.0.0.1:%1").arg(m_control.webSocketPort()));

    // Infrastructure first; its nodes show their state in the snapshot from now on.
    reportInfra(NodeState::Starting, QStringLiteral("starting"));

    if (m_options.secretsFile.isEmpty()) {
        auto keychain = std::make_unique<KeychainSecretStore>();
        QString why;
        if (!keychain->isAvailable(&why)) {
            *error = why;
            *exitCode = 1;
            reportInfra(NodeState::Down, why);
            shutdown(why);
            return false;
        }
        m_secretStore = std::move(keychain);
    } else {
        m_secretStore = std::make_unique<FileSecretStore>(m_options.secretsFile);
    }
    InfraStackOptions infraOptions;
    infraOptions.stackId = stackId();
    infraOptions.credentialScope = projectCredentialScope(m_options.projectFile);
    infraOptions.dataDir = m_lock.dataDir();
    infraOptions.progress = [this](const QString &part, const QString &message) {
        m_printer->message(QStringLiteral("%1: %2").arg(part, message));
    };
    m_infra = std::make_unique<InfraStack>(topology, *m_secretStore, infraOptions);
    if (!m_infra->start(error)) {
        *exitCode = 1;
        reportInfra(NodeState::Down, *error);
        shutdown(*error);
        return false;
    }
    for (const Node &node : topology.nodes) {
        if (node.kind != NodeKind::BusKafka || node.port <= 0 || !m_infra->kafka())
            continue;
        const int brokerPort = m_infra->kafka()->bootstrapServers().section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), -1).toInt();
        QString why;
        if (!m_kafkaForwarder.listen(node.port, brokerPort, &why)) {
            *error = QStringLiteral("port %1 is already in use: Kafka cannot listen on 127.0.0.1:%1 (%2)").arg(node.port).arg(why);
            *exitCode = 1;
            reportInfra(NodeState::Down, *error);
            shutdown(*error);
            return false;
        }
        break;
    }
    reportInfra(NodeState::Ready, {});
    startTopicMonitor();

    StackPlanInput input;
    input.topology = topology;
    input.defaultGatewayPort = m_options.gatewayPort;
    input.dataDir = m_lock.dataDir();
    input.program = m_options.program;
    input.telemetryPort = m_hub.port();
    input.infra = m_infra->endpoints();
    input.runners = &m_runners;
    input.clientsPaused = m_options.clientsPaused;
    const StackSecrets &secrets = m_infra->secrets();
    if (!secrets.jwtSigningKey().isEmpty()) {
        input.authSecrets.insert(QStringLiteral("jwt.signingKey"), secrets.jwtSigningKey());
        // The gateway verifies tokens with the public half, derived here so it never holds the
        // private key and need not ask the auth service for it.
        QString keyError;
        const std::optional<AuthKeys> keys = AuthKeys::fromSecret(secrets.jwtSigningKey().toUtf8(), &keyError);
        if (!keys) {
            *error = QStringLiteral("cannot derive the JWT verification key: %1").arg(keyError);
            *exitCode = 1;
            shutdown(*error);
            return false;
        }
        input.gatewaySecrets.insert(QStringLiteral("jwt.publicKey"), QString::fromLatin1(keys->publicPem));
    }
    for (const Node *partner : m_topology.nodesOfKind(NodeKind::ClientPartner)) {
        const QString key = secrets.partnerApiKey(partner->id);
        if (key.isEmpty())
            continue;
        input.authSecrets.insert(QStringLiteral("partner.%1.apiKey").arg(partner->id), key);
        input.gatewaySecrets.insert(QStringLiteral("apikey.") + partner->id,
                                    QString::fromLatin1(ApiKeyVerifier::sha256Hex(key.toUtf8())));
    }
    const std::optional<StackPlan> plan = StackPlan::build(input, error);
    if (!plan) {
        *exitCode = 1;
        shutdown(*error);
        return false;
    }
    for (const NodeSpec &spec : plan->specs) {
        QDir().mkpath(spec.workingDirectory);
        m_processes.addNode(spec);
    }
    m_processes.startAll();
    return true;
}

void StackSupervisor::shutdown(const QString &reason)
{
    if (m_stopping)
        return;
    m_stopping = true;
    setStackState(QStringLiteral("stopping"));
    m_printer->message(QStringLiteral("stopping the stack (%1)").arg(reason));
    m_processes.stopAll(); // → allStopped → finishShutdown
}

void StackSupervisor::startTopicMonitor()
{
    if (!m_infra->endpoints().kafka || m_infra->plan().topics.isEmpty())
        return;
    m_topicMonitor = std::make_unique<KafkaTopicMonitor>(*m_infra->endpoints().kafka,
                                                         TopicWatchPlan::fromTopology(m_topology, m_infra->plan().topics));
    QString error;
    if (!m_topicMonitor->start(&error)) {
        m_printer->message(QStringLiteral("kafka: no topic monitor: %1").arg(error)); // the stack runs without it
        m_topicMonitor.reset();
        return;
    }
    m_topicsFeed.setMonitor(m_topicMonitor.get());
}

void StackSupervisor::finishShutdown()
{
    m_topicsFeed.setMonitor(nullptr);
    m_topicMonitor.reset(); // before the mock cluster goes
    m_kafkaForwarder.close();
    if (m_infra) {
        m_infra->stop();
        reportInfra(NodeState::Stopped, {});
        m_infra.reset();
    }
    m_metricsTimer.stop();
    m_hub.close();
    setStackState(QStringLiteral("stopped"));
    m_control.shutdown(QStringLiteral("stack stopped"));
    if (m_locked) {
        m_lock.release();
        m_locked = false;
    }
    m_printer->message(QStringLiteral("stack stopped"));
    Q_EMIT finished(0);
}

void StackSupervisor::setStackState(const QString &state)
{
    m_commands.setStackState(state);
}

} // namespace Gatehouse::Runtime
