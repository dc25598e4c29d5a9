#include "livesession.h"

#include "runtimeclient/runtimeprocess.h"
#include "runtimeclient/stackfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace Gatehouse {

LiveSession::LiveSession(QObject *parent)
    : QObject(parent)
{
}

LiveSession::~LiveSession()
{
    if (!m_process || m_state == State::Idle)
        return;
    // Closing the app must not leave a stack behind: ask for the ordered stop and wait for it
    // (bounded by RuntimeProcess's own terminate/kill fallbacks).
    m_process->disconnect(this);
    QEventLoop loop;
    connect(m_process.get(), &RuntimeProcess::finished, &loop, &QEventLoop::quit);
    m_process->stop(15000);
    QTimer::singleShot(25000, &loop, &QEventLoop::quit);
    if (m_process->isRunning())
        loop.exec();
}

RuntimeClient *LiveSession::client() const
{
    return m_process ? m_process->client() : nullptr;
}

qint64 LiveSession::pid() const
{
    return m_process && m_process->isRunning() ? m_process->pid() : 0;
}

QString LiveSession::findRuntime()
{
    const QString configured = QSettings().value(QStringLiteral("live/runtimePath")).toString();
    if (!configured.isEmpty() && QFileInfo(configured).isExecutable())
        return configured;
    const QString fromEnv = qEnvironmentVariable("GATEHOUSE_RUNTIME");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    const QString name = QStringLiteral("gatehouse-runtime");
    // Installed next to the app (/usr/bin), or the build tree (build/app/gatehouse and
    // build/runtime/gatehouse-runtime; tests live one level deeper).
    for (const QString &candidate : {appDir + QLatin1Char('/') + name, appDir + QStringLiteral("/../runtime/") + name,
             appDir + QStringLiteral("/../../runtime/") + name, QStringLiteral("/usr/bin/") + name}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

QString LiveSession::defaultDataDir(const QString &projectFile)
{
    // `gatehouse-runtime up`'s AppLocalDataLocation is <data>/Gatehouse/gatehouse-runtime.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Gatehouse/gatehouse-runtime/stacks/") + stackFolderName(projectFile);
}

QString LiveSession::dataDirFor(const QString &projectFile) const
{
    if (m_dataFolder.isEmpty())
        return defaultDataDir(projectFile);
    return QDir(m_dataFolder).filePath(QStringLiteral("stacks/") + stackFolderName(projectFile));
}

void LiveSession::setRunOptions(const LiveRunOptions &options)
{
    const bool samplingChanged = options.samplingPercent != m_runOptions.samplingPercent;
    m_runOptions = options;
    if (samplingChanged && m_state == State::Running && client())
        client()->sendCommand(QStringLiteral("set-sampling"), QJsonObject{{QStringLiteral("percent"), options.samplingPercent}});
}

QStringList LiveSession::upArguments(const LiveRunOptions &options)
{
    QStringList arguments;
    auto port = [&arguments](const char *option, int value) {
        if (value > 0)
            arguments << QLatin1String(option) << QString::number(value);
    };
    port("--postgres-port", options.postgresPort);
    port("--redis-port", options.redisPort);
    port("--kafka-port", options.kafkaPort);
    port("--gateway-port", options.gatewayPort);
    arguments << QStringLiteral("--trace-sampling") << QString::number(std::clamp(options.samplingPercent, 0, 100));
    return arguments;
}

bool LiveSession::start(const QString &projectFile, const QStringList &extraArguments, const QString &dataDirFor)
{
    if (m_state != State::Idle) {
        m_lastError = tr("The stack is already running.");
        return false;
    }
    const QString program = findRuntime();
    if (program.isEmpty()) {
        m_lastError = tr("gatehouse-runtime was not found next to the app, in /usr/bin or on the PATH. "
                         "Set its path in the environment variable GATEHOUSE_RUNTIME.");
        return false;
    }
    QStringList arguments = extraArguments;
    if (!arguments.contains(QStringLiteral("--data-dir")))
        arguments << QStringLiteral("--data-dir") << this->dataDirFor(dataDirFor.isEmpty() ? projectFile : dataDirFor);
    // Settings first: an option the caller gives itself comes later and wins (`up` keeps the last).
    arguments = upArguments(m_runOptions) + arguments;

    m_lastError.clear();
    m_projectFile = projectFile;
    // The previous process may be the sender of the `stopped` that led here (Restart Stack).
    if (m_process)
        m_process.release()->deleteLater();
    m_process = std::make_unique<RuntimeProcess>();
    RuntimeProcess *process = m_process.get();
    connect(process, &RuntimeProcess::progressLine, this, &LiveSession::progressLine);
    connect(process, &RuntimeProcess::connected, this, [this] {
        setState(State::Running);
        Q_EMIT started();
    });
    connect(process, &RuntimeProcess::errorOccurred, this, [this, process](const QString &message) {
        m_lastError = message;
        Q_EMIT failed(message);
        if (!process->isRunning()) { // failed to start: no `finished` will follow
            setState(State::Idle);
            Q_EMIT stopped();
        }
    });
    connect(process, &RuntimeProcess::finished, this, [this, process](int exitCode, bool crashed) {
        const bool wasStopping = m_state == State::Stopping;
        const QString stderrText = QString::fromUtf8(process->standardError()).trimmed();
        if (!wasStopping && (crashed || exitCode != 0)) {
            m_lastError = stderrText.isEmpty() ? tr("gatehouse-runtime exited with code %1.").arg(exitCode)
                                               : stderrText.section(QLatin1Char('\n'), -3);
            Q_EMIT failed(m_lastError);
        }
        setState(State::Idle);
        Q_EMIT stopped();
    });
    setState(State::Starting);
    process->start(program, projectFile, arguments);
    return true;
}

void LiveSession::stop(int graceMs)
{
    if (!m_process || m_state == State::Idle || m_state == State::Stopping)
        return;
    setState(State::Stopping);
    m_process->stop(graceMs);
}

void LiveSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Gatehouse
