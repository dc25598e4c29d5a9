#pragma once

#include "runtimeclient.h"

#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace Gatehouse {

// Runs `gatehouse-runtime up FILE --control SOCKET [extra…]` as a child process and connects a
// RuntimeClient to it once its control socket is up. The app's "Run" uses this; so do tests.
// Owns the process and the client. Stopping asks the supervisor to shut down (ordered stop of
// the whole stack), then falls back to SIGTERM and finally SIGKILL.
class RuntimeProcess : public QObject
{
    Q_OBJECT
public:
    explicit RuntimeProcess(QObject *parent = nullptr);
    ~RuntimeProcess() override;

    // `program`: path of gatehouse-runtime. `extraArguments` go after FILE (e.g. --data-dir DIR).
    void start(const QString &program, const QString &projectFile, const QStringList &extraArguments = {});
    // Asks for an ordered shutdown; `finished` fires when the supervisor has exited.
    // After `graceMs` without exit it is terminated, then killed.
    void stop(int graceMs = 20000);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QString controlSocket() const { return m_socketName; }
    RuntimeClient *client() { return &m_client; }
    // The supervisor's stderr so far (error messages when it exits early).
    QByteArray standardError() const { return m_stderr; }

Q_SIGNALS:
    void connected();                         // the client has been welcomed
    void finished(int exitCode, bool crashed); // the supervisor process ended
    void errorOccurred(const QString &message);
    // One line the supervisor printed (stdout or stderr, terminal colours removed), e.g.
    // "postgres: creating databases and roles" while it starts; the app shows the latest one
    // until the control socket is up.
    void progressLine(const QString &line);

private:
    void tryConnect();
    void takeLines(QByteArray &pending, const QByteArray &data);

    QProcess m_process;
    RuntimeClient m_client;
    QTimer m_connectTimer;
    QTimer m_stopTimer;
    QString m_socketName;
    QByteArray m_stderr;
    QByteArray m_stdoutPending; // an unfinished line of each stream
    QByteArray m_stderrPending;
    bool m_stopping = false;
    bool m_terminated = false;
};

} // namespace Gatehouse
