#include "topicsfeed.h"

#include "controloverlay.h"
#include "controlserver.h"

#include "infra/kafkatopicmonitor.h"
#include "runtimeclient/protocol.h"

namespace Gatehouse::Runtime {

TopicsFeed::TopicsFeed(ControlServer *server, ControlOverlay *overlay, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
    overlay->addCommand(QStringLiteral("topics"), [this](const QJsonObject &) { return command(); });
}

void TopicsFeed::setMonitor(KafkaTopicMonitor *monitor)
{
    disconnect(m_connection);
    m_monitor = monitor;
    if (monitor)
        m_connection = connect(monitor, &KafkaTopicMonitor::updated, m_server, &ControlServer::broadcastTopics);
}

QJsonObject TopicsFeed::withLag(const QJsonObject &metrics) const
{
    return m_monitor ? KafkaTopicMonitor::withEdgeLag(metrics, m_monitor->edgeLag()) : metrics;
}

QJsonObject TopicsFeed::command() const
{
    auto notPossible = [](const QString &why) {
        return QJsonObject{{QStringLiteral("ok"), false},
                           {QStringLiteral("code"), QLatin1String(Protocol::ErrorCode::NotPossible)},
                           {QStringLiteral("error"), why}};
    };
    if (!m_monitor)
        return notPossible(QStringLiteral("this stack runs no Kafka topics"));
    QJsonObject result = m_monitor->latest();
    if (result.isEmpty())
        return notPossible(QStringLiteral("the topic monitor has not sampled the cluster yet; try again in a second"));
    result.insert(QStringLiteral("ok"), true);
    return result;
}

} // namespace Gatehouse::Runtime
