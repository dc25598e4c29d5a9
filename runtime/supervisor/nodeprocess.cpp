#include "nodeprocess.h"

#include "portcheck.h"
#include "readinessprobe.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace Gatehouse::Runtime {

namespace {

constexpr qsizetype MaxLineBytes = 64 * 1024;

void signalProcess(qint64 pid, int signal)
{
    if (pid > 0)
        ::kill(static_cast<pid_t>(pid), signal);
}

// The child leads its own process group (setpgid in the child): this reaches what it started too.
void signalGroup(qint64 pid, int signal)
{
    if (pid > 0)
        ::kill(static_cast<pid_t>(-pid), signal);
}

} // namespace

NodeProcess::NodeProcess(NodeSpec spec, RestartPolicy policy, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_policy(policy)
{
    m_status.nodeId = m_spec.nodeId;
    m_status.kind = m_spec.kind;
    m_status.port = m_spec.listenPorts.value(0, m_spec.readinessPort);
    m_status.state = NodeState::Stopped;
    m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();

    connect(&m_probeTimer, &QTimer::timeout, this, &NodeProcess::probe);
    m_readyDeadline.setSingleShot(true);
    connect(&m_readyDeadline, &QTimer::timeout, this, [this] {
        if (!isRunning() || m_status.state != NodeState::Starting)
            return;
        m_pendingExitReason = QStringLiteral("not ready after %1 ms (%2)").arg(m_policy.readyTimeoutMs).arg(m_status.message);
        signalProcess(m_status.pid, SIGKILL);
    });
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        ++m_status.restarts;
        launch();
    });
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (isRunning())
            signalGroup(m_status.pid, SIGKILL);
    });
}

NodeProcess::~NodeProcess()
{
    if (isRunning()) {
        const qint64 pid = m_status.pid;
        m_process->disconnect(this);
        signalProcess(pid, SIGCONT);
        signalGroup(pid, SIGKILL);
        m_process->waitForFinished(2000);
        removePidFile();
    }
}

void NodeProcess::setState(NodeState state, const QString &message)
{
    if (m_status.state == state && m_status.message == message)
        return;
    if (m_status.state != state)
        m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_status.state = state;
    m_status.message = message;
    Q_EMIT statusChanged(m_status);
}

bool NodeProcess::start(QString *error)
{
    if (isRunning()) {
        if (error)
            *error = QStringLiteral("%1 is already running").arg(m_spec.nodeId);
        return false;
    }
    m_restartTimer.stop();
    m_backoffMs = 0;
    launch();
    return true;
}

void NodeProcess::launch()
{
    m_readySince.invalidate();
    m_failedHealthProbes = 0;
    m_pendingExitReason.clear();
    if (!m_spec.unavailableReason.isEmpty()) {
        setState(NodeState::Down, m_spec.unavailableReason);
        return;
    }
    for (int port : std::as_const(m_spec.listenPorts)) {
        if (port > 0 && !isPortFree(port)) {
            scheduleRestart(QStringLiteral("port 127.0.0.1:%1 is already in use").arg(port));
            return;
        }
    }

    m_process = new QProcess(this);
    m_process->setProgram(m_spec.program);
    m_process->setArguments(m_spec.arguments);
    if (!m_spec.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_spec.workingDirectory);
    const bool dieWithSupervisor = m_dieWithSupervisor;
    const pid_t supervisorPid = ::getpid();
    m_process->setChildProcessModifier([dieWithSupervisor, supervisorPid] {
        // Own process group: a terminal's Ctrl-C reaches only the supervisor, which stops nodes in order.
        ::setpgid(0, 0);
        if (dieWithSupervisor) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != supervisorPid)
                ::_exit(127); // the supervisor died before prctl took effect
        }
    });
    connect(m_process, &QProcess::started, this, &NodeProcess::onStarted);
    connect(m_process, &QProcess::finished, this, &NodeProcess::onFinished);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { readOutput(QProcess::StandardOutput); });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { readOutput(QProcess::StandardError); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString reason = QStringLiteral("cannot start %1: %2").arg(m_spec.program, m_process->errorString());
        m_process->deleteLater();
        m_process = nullptr;
        scheduleRestart(reason);
    });
    m_status.pid = 0;
    setState(NodeState::Starting, QStringLiteral("starting"));
    m_process->start();
}

void NodeProcess::onStarted()
{
    m_status.pid = m_process->processId();
    if (m_stopRequested) {
        // stop() came while the process was being forked: it had no pid to signal yet.
        m_process->closeWriteChannel();
        signalProcess(m_status.pid, SIGTERM);
        m_killTimer.start(m_policy.stopGraceMs);
        return;
    }
    QByteArray firstLine = m_spec.stdinPayload;
    if (!firstLine.endsWith('\n'))
        firstLine.append('\n');
    m_process->write(firstLine);
    for (const QJsonObject &message : std::as_const(m_control))
        writeControl(message);
    writePidFile();
    if (m_spec.readinessPort <= 0) {
        m_readySince.start();
        setState(NodeState::Ready, {});
        return;
    }
    setState(NodeState::Starting, QStringLiteral("waiting for readiness on :%1%2").arg(m_spec.readinessPort).arg(m_spec.readinessPath));
    m_probeTimer.start(m_policy.probeIntervalMs);
    m_readyDeadline.start(m_policy.readyTimeoutMs);
}

void NodeProcess::probe()
{
    if (m_probing || !isRunning())
        return;
    m_probing = true;
    QProcess *process = m_process;
    ReadinessProbe::run(this, QStringLiteral("127.0.0.1"), m_spec.readinessPort, m_spec.readinessPath,
                        m_policy.probeTimeoutMs, [this, process](bool ok, const QString &reason) {
                            m_probing = false;
                            if (process == m_process) // not an answer about an earlier incarnation
                                onProbe(ok, reason);
                        });
}

void NodeProcess::onProbe(bool ok, const QString &reason)
{
    switch (m_status.state) {
    case NodeState::Starting:
        if (ok) {
            m_readyDeadline.stop();
            m_readySince.start();
            m_failedHealthProbes = 0;
            m_probeTimer.start(m_policy.healthIntervalMs);
            setState(NodeState::Ready, {});
        } else {
            setState(NodeState::Starting,
                     QStringLiteral("waiting for readiness on :%1%2: %3").arg(m_spec.readinessPort).arg(m_spec.readinessPath, reason));
        }
        break;
    case NodeState::Ready:
    case NodeState::Degraded:
        if (ok) {
            m_failedHealthProbes = 0;
            setState(NodeState::Ready, {});
        } else if (++m_failedHealthProbes >= m_policy.unhealthyAfter) {
            setState(NodeState::Degraded, QStringLiteral("readiness check failed: %1").arg(reason));
        }
        break;
    default:
        break;
    }
}

void NodeProcess::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_probeTimer.stop();
    m_readyDeadline.stop();
    m_killTimer.stop();
    readOutput(QProcess::StandardOutput);
    readOutput(QProcess::StandardError);
    for (QByteArray &partial : m_partial) {
        if (!partial.isEmpty())
            Q_EMIT outputLine(m_spec.nodeId, &partial == &m_partial[0] ? QStringLiteral("stdout") : QStringLiteral("stderr"), partial);
        partial.clear();
    }
    // Whatever the node left in its process group goes with it.
    signalGroup(m_status.pid, SIGKILL);
    removePidFile();
    m_process->deleteLater();
    m_process = nullptr;
    m_status.pid = 0;

    if (m_stopRequested) {
        m_stopRequested = false;
        setState(NodeState::Stopped, {});
        Q_EMIT stopped(m_spec.nodeId);
        if (m_restartAfterStop) {
            m_restartAfterStop = false;
            m_backoffMs = 0;
            launch();
        }
        return;
    }
    QString reason = m_pendingExitReason;
    if (reason.isEmpty()) {
        reason = exitStatus == QProcess::CrashExit ? QStringLiteral("killed by signal %1").arg(exitCode)
                                                   : QStringLiteral("exited with code %1").arg(exitCode);
    }
    scheduleRestart(reason);
}

void NodeProcess::scheduleRestart(const QString &why)
{
    if (m_readySince.isValid() && m_readySince.elapsed() >= m_policy.stableAfterMs)
        m_backoffMs = 0;
    m_readySince.invalidate();
    m_backoffMs = m_backoffMs == 0 ? m_policy.initialBackoffMs : std::min(m_backoffMs * 2, m_policy.maxBackoffMs);
    setState(NodeState::Down, QStringLiteral("%1; restarting in %2 ms").arg(why).arg(m_backoffMs));
    m_restartTimer.start(m_backoffMs);
}

bool NodeProcess::stop(QString *)
{
    m_restartTimer.stop();
    m_restartAfterStop = false;
    if (!isRunning()) {
        if (m_status.state != NodeState::Stopped) {
            setState(NodeState::Stopped, {});
        }
        Q_EMIT stopped(m_spec.nodeId);
        return true;
    }
    if (m_stopRequested)
        return true;
    m_stopRequested = true;
    m_probeTimer.stop();
    m_readyDeadline.stop();
    if (m_status.state == NodeState::Paused)
        signalProcess(m_status.pid, SIGCONT);
    signalProcess(m_status.pid, SIGTERM);
    m_killTimer.start(m_policy.stopGraceMs);
    return true;
}

bool NodeProcess::restart(QString *error)
{
    if (isRunning()) {
        stop(error);
        m_restartAfterStop = true;
        return true;
    }
    return start(error);
}

bool NodeProcess::kill(QString *error)
{
    if (!isRunning() || m_status.pid == 0) {
        if (error)
            *error = QStringLiteral("%1 is not running").arg(m_spec.nodeId);
        return false;
    }
    m_pendingExitReason = QStringLiteral("killed by command");
    signalProcess(m_status.pid, SIGKILL);
    return true;
}

bool NodeProcess::pause(QString *error)
{
    if (!isRunning() || m_status.pid == 0 || m_stopRequested || m_status.state == NodeState::Paused) {
        if (error)
            *error = QStringLiteral("%1 is not running or already paused").arg(m_spec.nodeId);
        return false;
    }
    signalProcess(m_status.pid, SIGSTOP);
    m_probeTimer.stop();
    m_readyDeadline.stop();
    setState(NodeState::Paused, QStringLiteral("paused (SIGSTOP)"));
    return true;
}

bool NodeProcess::resume(QString *error)
{
    if (m_status.state != NodeState::Paused || !isRunning()) {
        if (error)
            *error = QStringLiteral("%1 is not paused").arg(m_spec.nodeId);
        return false;
    }
    signalProcess(m_status.pid, SIGCONT);
    if (m_spec.readinessPort <= 0) {
        setState(NodeState::Ready, {});
        return true;
    }
    setState(NodeState::Starting, QStringLiteral("resumed; waiting for readiness"));
    m_probeTimer.start(m_policy.probeIntervalMs);
    m_readyDeadline.start(m_policy.readyTimeoutMs);
    return true;
}

void NodeProcess::readOutput(QProcess::ProcessChannel channel)
{
    if (!m_process)
        return;
    const int index = channel == QProcess::StandardOutput ? 0 : 1;
    m_process->setReadChannel(channel);
    QByteArray &buffer = m_partial[index];
    buffer.append(m_process->readAll());
    const QString stream = index == 0 ? QStringLiteral("stdout") : QStringLiteral("stderr");
    qsizetype newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
        Q_EMIT outputLine(m_spec.nodeId, stream, buffer.left(newline));
        buffer.remove(0, newline + 1);
    }
    if (buffer.size() > MaxLineBytes) {
        Q_EMIT outputLine(m_spec.nodeId, stream, buffer.left(MaxLineBytes));
        buffer.clear();
    }
}

void NodeProcess::sendControl(const QJsonObject &message)
{
    const QString type = message.value(QLatin1String("type")).toString();
    auto it = std::find_if(m_control.begin(), m_control.end(),
                           [&type](const QJsonObject &kept) { return kept.value(QLatin1String("type")).toString() == type; });
    if (it != m_control.end())
        *it = message;
    else
        m_control.append(message);
    // Before `started` the launch config is not written yet: onStarted() sends it afterwards.
    if (isRunning() && m_status.pid > 0 && !m_stopRequested)
        writeControl(message);
    // What the app shows on the node: its injected fault, a client's rate.
    NodeStatus changed = m_status;
    if (type == QLatin1String("faults")) {
        changed.injectedLatencyMs = message.value(QLatin1String("latencyMs")).toInt();
        changed.injectedErrorRate = message.value(QLatin1String("errorRate")).toDouble();
    } else if (type == QLatin1String("rate")) {
        changed.ratePerSecond = message.value(QLatin1String("ratePerSecond")).toDouble();
    }
    if (!(changed == m_status)) {
        m_status = changed;
        Q_EMIT statusChanged(m_status);
    }
}

QJsonObject NodeProcess::controlMessage(const QString &type) const
{
    for (const QJsonObject &kept : m_control) {
        if (kept.value(QLatin1String("type")).toString() == type)
            return kept;
    }
    return {};
}

void NodeProcess::writeControl(const QJsonObject &message)
{
    // A paused child does not read: the pipe buffers (64 KiB), which is plenty for state messages.
    m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void NodeProcess::writePidFile()
{
    if (m_pidDirectory.isEmpty() || m_status.pid <= 0)
        return;
    // "<pid> <start time in clock ticks>": the start time tells a recycled pid from our child.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_status.pid));
    QByteArray startTime;
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray content = stat.readAll();
        const QList<QByteArray> fields = content.mid(content.lastIndexOf(')') + 2).split(' ');
        startTime = fields.value(19); // field 22 of stat; the 3rd after ")" is field 3
    }
    QSaveFile file(QDir(m_pidDirectory).filePath(m_spec.nodeId + QStringLiteral(".pid")));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::number(m_status.pid) + ' ' + startTime + '\n');
        file.commit();
    }
}

void NodeProcess::removePidFile()
{
    if (!m_pidDirectory.isEmpty())
        QFile::remove(QDir(m_pidDirectory).filePath(m_spec.nodeId + QStringLiteral(".pid")));
}

} // namespace Gatehouse::Runtime
