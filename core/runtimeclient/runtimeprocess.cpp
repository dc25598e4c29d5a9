#include "runtimeprocess.h"

#include <QRegularExpression>

#include <QCoreApplication>
#include <QDir>
#include <QUuid>

namespace Gatehouse {

RuntimeProcess::RuntimeProcess(QObject *parent)
    : QObject(parent)
{
    m_connectTimer.setInterval(100);
    connect(&m_connectTimer, &QTimer::timeout, this, &RuntimeProcess::tryConnect);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (!m_terminated) {
            m_terminated = true;
            m_process.terminate();
            m_stopTimer.start(5000);
        } else {
            m_process.kill();
        }
    });
    connect(&m_client, &RuntimeClient::welcomed, this, [this] {
        m_connectTimer.stop();
        Q_EMIT connected();
    });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray data = m_process.readAllStandardError();
        m_stderr.append(data);
        if (m_stderr.size() > 65536)
            m_stderr.remove(0, m_stderr.size() - 65536);
        takeLines(m_stderrPending, data);
    });
    // The supervisor's status lines: the client has the same data once connected, but before
    // that (initdb, starting PostgreSQL…) they are the only sign of progress.
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { takeLines(m_stdoutPending, m_process.readAllStandardOutput()); });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_connectTimer.stop();
        m_stopTimer.stop();
        Q_EMIT finished(exitCode, status == QProcess::CrashExit);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT errorOccurred(m_process.errorString());
    });
}

void RuntimeProcess::takeLines(QByteArray &pending, const QByteArray &data)
{
    pending.append(data);
    qsizetype newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
        QString line = QString::fromUtf8(pending.left(newline));
        pending.remove(0, newline + 1);
        // Terminal colours (ESC [ … letter) and carriage returns are for terminals.
        static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
        line.remove(ansi);
        line.remove(QLatin1Char('\r'));
        line = line.trimmed();
        if (!line.isEmpty())
            Q_EMIT progressLine(line);
    }
    if (pending.size() > 65536) // a runaway line without newline: drop it
        pending.clear();
}

RuntimeProcess::~RuntimeProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void RuntimeProcess::start(const QString &program, const QString &projectFile, const QStringList &extraArguments)
{
    m_stopping = false;
    m_terminated = false;
    m_stderr.clear();
    m_stdoutPending.clear();
    m_stderrPending.clear();
    // A path in the temp dir keeps the name short (sun_path is 108 bytes) and private to us.
    m_socketName = QDir(QDir::tempPath())
                       .filePath(QStringLiteral("gatehouse-%1.sock").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)));
    QStringList arguments{QStringLiteral("up"), projectFile, QStringLiteral("--control"), m_socketName};
    arguments += extraArguments;
    m_process.start(program, arguments);
    m_connectTimer.start();
}

void RuntimeProcess::stop(int graceMs)
{
    if (m_process.state() == QProcess::NotRunning || m_stopping)
        return;
    m_stopping = true;
    if (m_client.isReady())
        m_client.sendCommand(QStringLiteral("shutdown"));
    else
        m_process.terminate();
    m_stopTimer.start(graceMs);
}

void RuntimeProcess::tryConnect()
{
    if (m_process.state() == QProcess::NotRunning) {
        m_connectTimer.stop();
        return;
    }
    if (!m_client.isReady())
        m_client.connectToServer(m_socketName);
}

} // namespace Gatehouse
