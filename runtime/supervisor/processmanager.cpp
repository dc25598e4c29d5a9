#include "processmanager.h"

#include "runtimeclient/protocol.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace Gatehouse::Runtime {

ProcessManager::ProcessManager(RestartPolicy policy, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
{
}

ProcessManager::~ProcessManager() = default;

void ProcessManager::setPidDirectory(const QString &directory)
{
    m_pidDirectory = directory;
    for (auto &p : m_processes)
        p->setPidDirectory(directory);
}

void ProcessManager::setDieWithSupervisor(bool on)
{
    m_dieWithSupervisor = on;
    for (auto &p : m_processes)
        p->setDieWithSupervisor(on);
}

void ProcessManager::addNode(const NodeSpec &spec)
{
    auto process = std::make_unique<NodeProcess>(spec, m_policy);
    process->setPidDirectory(m_pidDirectory);
    process->setDieWithSupervisor(m_dieWithSupervisor);
    connect(process.get(), &NodeProcess::statusChanged, this, [this](const NodeStatus &status) {
        Q_EMIT statusChanged(status);
        if (m_startingGroup >= 0) {
            if (status.state == NodeState::Down)
                m_triedInGroup.insert(status.nodeId);
            checkGroupSettled();
        }
    });
    connect(process.get(), &NodeProcess::outputLine, this, &ProcessManager::onOutput);
    connect(process.get(), &NodeProcess::stopped, this, [this](const QString &) { advanceStop(); });
    m_processes.push_back(std::move(process));
    std::stable_sort(m_processes.begin(), m_processes.end(),
                     [](const auto &a, const auto &b) { return a->spec().startGroup < b->spec().startGroup; });
}

void ProcessManager::reportStatus(const NodeStatus &status)
{
    auto it = std::find_if(m_reported.begin(), m_reported.end(), [&](const NodeStatus &s) { return s.nodeId == status.nodeId; });
    if (it != m_reported.end()) {
        if (*it == status)
            return;
        *it = status;
    } else {
        m_reported.append(status);
    }
    Q_EMIT statusChanged(status);
}

QList<int> ProcessManager::groupKeys() const
{
    QList<int> keys;
    for (const auto &p : m_processes) {
        if (!keys.contains(p->spec().startGroup))
            keys.append(p->spec().startGroup);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

void ProcessManager::startAll()
{
    m_stopping = false;
    startGroup(0);
}

void ProcessManager::startGroup(int index)
{
    const QList<int> keys = groupKeys();
    if (index >= keys.size()) {
        m_startingGroup = -1;
        Q_EMIT startupFinished();
        return;
    }
    m_startingGroup = index;
    m_triedInGroup.clear();
    for (auto &p : m_processes) {
        if (p->spec().startGroup == keys.at(index))
            p->start();
    }
    checkGroupSettled();
}

void ProcessManager::checkGroupSettled()
{
    if (m_startingGroup < 0 || m_stopping)
        return;
    const int group = groupKeys().value(m_startingGroup);
    for (const auto &p : m_processes) {
        if (p->spec().startGroup != group)
            continue;
        const NodeState state = p->status().state;
        const bool settled = state == NodeState::Ready || state == NodeState::Degraded
            || state == NodeState::Paused || state == NodeState::Stopped || m_triedInGroup.contains(p->spec().nodeId);
        if (!settled)
            return;
    }
    // Defer so that the status change that settled the group is delivered first everywhere.
    const int next = m_startingGroup + 1;
    m_startingGroup = -2; // settled; nothing to check until the next group starts
    QMetaObject::invokeMethod(this, [this, next] {
        if (!m_stopping && m_startingGroup == -2)
            startGroup(next);
    }, Qt::QueuedConnection);
}

void ProcessManager::stopAll()
{
    m_stopping = true;
    m_startingGroup = -1;
    stopGroup(groupKeys().size() - 1);
}

void ProcessManager::stopGroup(int index)
{
    m_stoppingGroup = index;
    if (index < 0) {
        Q_EMIT allStopped();
        return;
    }
    const int group = groupKeys().at(index);
    m_inStopGroup = true; // stop() may report "stopped" synchronously; advance once, below
    for (auto &p : m_processes) {
        if (p->spec().startGroup == group)
            p->stop();
    }
    m_inStopGroup = false;
    advanceStop();
}

void ProcessManager::advanceStop()
{
    if (!m_stopping || m_inStopGroup || m_stoppingGroup < 0)
        return;
    const int group = groupKeys().value(m_stoppingGroup);
    const bool anyRunning = std::any_of(m_processes.begin(), m_processes.end(), [group](const auto &p) {
        return p->spec().startGroup == group && p->isRunning();
    });
    if (!anyRunning)
        stopGroup(m_stoppingGroup - 1);
}

QStringList ProcessManager::nodeCommands()
{
    return {QStringLiteral("stop"), QStringLiteral("start"), QStringLiteral("restart"),
            QStringLiteral("kill"), QStringLiteral("pause"), QStringLiteral("resume")};
}

bool ProcessManager::command(const QString &name, const QString &nodeId, QString *error, QString *errorCode)
{
    NodeProcess *p = process(nodeId);
    if (!p) {
        *errorCode = QLatin1String(Protocol::ErrorCode::UnknownNode);
        const bool known = std::any_of(m_reported.begin(), m_reported.end(), [&](const NodeStatus &s) { return s.nodeId == nodeId; });
        *error = known ? QStringLiteral("%1 is not a node process (it is hosted by the supervisor)").arg(nodeId)
                       : QStringLiteral("no node %1 in this stack").arg(nodeId);
        if (known)
            *errorCode = QLatin1String(Protocol::ErrorCode::NotPossible);
        return false;
    }
    if (m_stopping) {
        *errorCode = QLatin1String(Protocol::ErrorCode::NotPossible);
        *error = QStringLiteral("the stack is stopping");
        return false;
    }
    bool ok = false;
    if (name == QLatin1String("stop"))
        ok = p->stop(error);
    else if (name == QLatin1String("start"))
        ok = p->start(error);
    else if (name == QLatin1String("restart"))
        ok = p->restart(error);
    else if (name == QLatin1String("kill"))
        ok = p->kill(error);
    else if (name == QLatin1String("pause"))
        ok = p->pause(error);
    else if (name == QLatin1String("resume"))
        ok = p->resume(error);
    else {
        *errorCode = QLatin1String(Protocol::ErrorCode::UnknownCommand);
        *error = QStringLiteral("unknown node command %1").arg(name);
        return false;
    }
    if (!ok)
        *errorCode = QLatin1String(Protocol::ErrorCode::NotPossible);
    return ok;
}

bool ProcessManager::sendControl(const QString &nodeId, const QJsonObject &message, QString *error, QString *errorCode)
{
    NodeProcess *p = process(nodeId);
    if (!p) {
        const bool known = std::any_of(m_reported.begin(), m_reported.end(), [&](const NodeStatus &s) { return s.nodeId == nodeId; });
        *errorCode = QLatin1String(known ? Protocol::ErrorCode::NotPossible : Protocol::ErrorCode::UnknownNode);
        *error = known ? QStringLiteral("%1 is not a node process (it is hosted by the supervisor)").arg(nodeId)
                       : QStringLiteral("no node %1 in this stack").arg(nodeId);
        return false;
    }
    p->sendControl(message);
    return true;
}

QList<NodeStatus> ProcessManager::status() const
{
    QList<NodeStatus> all = m_reported;
    for (const auto &p : m_processes)
        all.append(p->status());
    return all;
}

NodeProcess *ProcessManager::process(const QString &nodeId) const
{
    for (const auto &p : m_processes) {
        if (p->spec().nodeId == nodeId)
            return p.get();
    }
    return nullptr;
}

QList<NodeProcess *> ProcessManager::processes() const
{
    QList<NodeProcess *> list;
    for (const auto &p : m_processes)
        list.append(p.get());
    return list;
}

void ProcessManager::onOutput(const QString &nodeId, const QString &stream, const QByteArray &line)
{
    QJsonObject out{{QStringLiteral("type"), QLatin1String(Protocol::Type::Log)},
                    {QStringLiteral("nodeId"), nodeId},
                    {QStringLiteral("stream"), stream},
                    {QStringLiteral("timeMs"), QDateTime::currentMSecsSinceEpoch()}};
    // A node that logs JSON lines ({"level","message",…}) keeps its structure; plain text is wrapped.
    QJsonParseError parseError;
    const QJsonDocument document = line.startsWith('{') ? QJsonDocument::fromJson(line, &parseError) : QJsonDocument();
    if (document.isObject()) {
        const QJsonObject o = document.object();
        out.insert(QStringLiteral("level"), o.value(QStringLiteral("level")).toString(QStringLiteral("info")));
        out.insert(QStringLiteral("message"), o.value(QStringLiteral("message")).toString(o.value(QStringLiteral("msg")).toString()));
        QJsonObject fields = o;
        for (const char *k : {"level", "message", "msg", "time", "type", "nodeId"})
            fields.remove(QLatin1String(k));
        if (!fields.isEmpty())
            out.insert(QStringLiteral("fields"), fields);
    } else {
        out.insert(QStringLiteral("level"), stream == QLatin1String("stderr") ? QStringLiteral("warning") : QStringLiteral("info"));
        out.insert(QStringLiteral("message"), QString::fromUtf8(line).trimmed());
    }
    Q_EMIT logLine(out);
}

} // namespace Gatehouse::Runtime
