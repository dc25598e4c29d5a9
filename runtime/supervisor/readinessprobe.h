#pragma once

#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

namespace Gatehouse::Runtime {

// One HTTP/1.1 GET of `path` on host:port with a deadline. Ready means a 2xx status line.
// Deletes itself after calling `done` exactly once (ok, and a short reason when not ok).
class ReadinessProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(bool ok, const QString &reason)>;

    static void run(QObject *context, const QString &host, int port, const QString &path, int timeoutMs, Callback done);

private:
    ReadinessProbe(QObject *context, const QString &host, int port, const QString &path, int timeoutMs, Callback done);
    void finish(bool ok, const QString &reason);
    void onReadyRead();

    QTcpSocket m_socket;
    QTimer m_deadline;
    QByteArray m_request;
    QByteArray m_response;
    Callback m_done;
    bool m_finished = false;
};

} // namespace Gatehouse::Runtime
