#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Gatehouse::Runtime {

class ControlOverlay;
class ControlServer;
class KafkaTopicMonitor;

// Serves a KafkaTopicMonitor on the control protocol (docs/runtime-protocol.md): pushes each
// sample to the sessions subscribed to "topics" (droppable, like metrics), answers the "topics"
// command with the latest sample, and puts each subscribe edge's consumer lag into "metrics".
// Server and overlay must outlive the feed; the monitor may come and go (setMonitor).
class TopicsFeed : public QObject
{
    Q_OBJECT
public:
    // Registers the "topics" command on `overlay`.
    TopicsFeed(ControlServer *server, ControlOverlay *overlay, QObject *parent = nullptr);

    // nullptr: no Kafka in this stack (or stopped); the command then answers not-possible.
    void setMonitor(KafkaTopicMonitor *monitor);

    // `metrics` with edges.<subscribe-edge-id>.lag from the latest sample.
    QJsonObject withLag(const QJsonObject &metrics) const;

private:
    QJsonObject command() const;

    ControlServer *m_server;
    QPointer<KafkaTopicMonitor> m_monitor;
    QMetaObject::Connection m_connection;
};

} // namespace Gatehouse::Runtime
