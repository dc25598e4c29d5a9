#pragma once

#include <QObject>
#include <QTcpServer>

namespace Gatehouse::Runtime {

// A loopback TCP forwarder: listens on 127.0.0.1:listenPort and pipes every connection, both
// ways, to 127.0.0.1:targetPort. `up --kafka-port` uses it to give librdkafka's mock cluster a
// fixed bootstrap address (librdkafka 2.0.2 binds its mock brokers to ports it picks itself).
// A connection whose target cannot be reached is closed. Lives on the thread that created it.
class PortForwarder : public QObject
{
    Q_OBJECT
public:
    explicit PortForwarder(QObject *parent = nullptr);
    ~PortForwarder() override;

    // False with `error` when listenPort cannot be bound (e.g. it is in use).
    bool listen(int listenPort, int targetPort, QString *error);
    void close();
    int port() const { return m_server.isListening() ? m_server.serverPort() : 0; }

private:
    void onNewConnection();

    QTcpServer m_server;
    int m_targetPort = 0;
};

} // namespace Gatehouse::Runtime
