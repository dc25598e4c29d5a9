#include "notificationbehaviour.h"

#include "infra/pgconnection.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gatehouse::Runtime {

NotificationBehaviour::NotificationBehaviour(ServiceContext &context)
    : m_context(context)
{
}

QList<Migration> NotificationBehaviour::migrations() const
{
    return { Migration { 2, QStringLiteral("notifications"),
        QStringLiteral("CREATE TABLE notifications (\n"
                       "  id bigserial PRIMARY KEY,\n"
                       "  event_id uuid NOT NULL,\n"
                       "  user_id text NOT NULL,\n"
                       "  topic text NOT NULL,\n"
                       "  order_id text,\n"
                       "  message text NOT NULL,\n"
                       "  payload jsonb NOT NULL,\n"
                       "  created_at timestamptz NOT NULL DEFAULT now(),\n"
                       "  UNIQUE (event_id, user_id)\n"
                       ");\n"
                       "CREATE INDEX notifications_by_user ON notifications (user_id, id DESC);\n") } };
}

QString NotificationBehaviour::messageFor(const QString &topic, const QJsonObject &payload)
{
    const QString order = payload.value(QStringLiteral("orderId")).toString();
    const double cents = payload.value(QStringLiteral("totalCents")).toDouble(payload.value(QStringLiteral("amountCents")).toDouble());
    const QString amount = QString::number(cents / 100.0, 'f', 2);
    if (topic == QLatin1String("order.created"))
        return QStringLiteral("Order %1 received (%2)").arg(order, amount);
    if (topic == QLatin1String("order.confirmed"))
        return QStringLiteral("Order %1 confirmed").arg(order);
    if (topic == QLatin1String("order.cancelled"))
        return QStringLiteral("Order %1 cancelled: %2").arg(order, payload.value(QStringLiteral("reason")).toString());
    if (topic == QLatin1String("payment.completed"))
        return QStringLiteral("Payment of %1 for order %2 completed").arg(amount, order);
    if (topic == QLatin1String("payment.failed"))
        return QStringLiteral("Payment for order %1 failed: %2").arg(order, payload.value(QStringLiteral("reason")).toString());
    return QStringLiteral("Event %1").arg(topic);
}

void NotificationBehaviour::addRoutes(ServiceRouter &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/notifications/{userId}"), [this](ServiceCall call) {
        const QString user = call.params.value(QStringLiteral("userId"));
        const bool queued = m_context.sql().submit(call.traceparent, [call, user](SqlSession &connection) {
            QString error;
            QList<QStringList> rows;
            QList<QStringList> total;
            if (!connection.query(QStringLiteral("SELECT event_id::text, topic, COALESCE(order_id, ''), message, created_at"
                                                 " FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 200"),
                    { user }, &rows, &error)
                || !connection.query(QStringLiteral("SELECT count(*) FROM notifications WHERE user_id = $1"), { user }, &total, &error)) {
                call.respond(problemResponse(500, QStringLiteral("database: ") + error));
                return;
            }
            QJsonArray list;
            for (const QStringList &row : rows) {
                list.append(QJsonObject { { QStringLiteral("eventId"), row.value(0) }, { QStringLiteral("topic"), row.value(1) },
                    { QStringLiteral("orderId"), row.value(2) }, { QStringLiteral("message"), row.value(3) },
                    { QStringLiteral("createdAt"), row.value(4) } });
            }
            call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("userId"), user },
                                               { QStringLiteral("total"), total.value(0).value(0).toInt() },
                                               { QStringLiteral("notifications"), list } }));
        });
        if (!queued)
            call.respond(problemResponse(503, QStringLiteral("service overloaded")));
    });
}

EventConsumer::Handler NotificationBehaviour::handlerFor(const Edge &)
{
    return [](SqlSession &connection, const ConsumedEvent &event, QString *error) {
        const QString user = event.payload.value(QStringLiteral("userId")).toString();
        if (user.isEmpty())
            return true; // an event that names no user notifies nobody
        QList<QStringList> rows;
        return connection.query(QStringLiteral("INSERT INTO notifications (event_id, user_id, topic, order_id, message, payload)"
                                               " VALUES ($1::uuid, $2, $3, NULLIF($4, ''), $5, $6::jsonb)"
                                               " ON CONFLICT (event_id, user_id) DO NOTHING"),
            { event.eventId, user, event.topic, event.payload.value(QStringLiteral("orderId")).toString(),
                messageFor(event.topic, event.payload),
                QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)) },
            &rows, error);
    };
}

} // namespace Gatehouse::Runtime
