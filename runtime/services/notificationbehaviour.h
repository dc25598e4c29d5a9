#pragma once

#include "services/servicebehaviour.h"

namespace Gatehouse::Runtime {

// The `notification` role (docs/services.md "notification"): every subscribed event that names
// a user (payload field userId) becomes one notification for that user (unique per event and
// user, written in the consumer's dedup transaction); GET /notifications/{userId} lists them.
class NotificationBehaviour : public ServiceBehaviour
{
public:
    explicit NotificationBehaviour(ServiceContext &context);

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;

    // The human text of a notification for an event of `topic`.
    static QString messageFor(const QString &topic, const QJsonObject &payload);

private:
    ServiceContext &m_context;
};

} // namespace Gatehouse::Runtime
