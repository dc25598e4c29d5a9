#include "outbox.h"

#include "services/sqlsession.h"

#include <QJsonDocument>

namespace Gatehouse::Runtime::Outbox {

QString append(SqlSession &connection, const OutboundEvent &event, QString *error)
{
    QList<QStringList> rows;
    const QString payload = QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact));
    // pg_notify is delivered at commit, so the relay wakes exactly when the row becomes visible.
    if (!connection.query(QStringLiteral("WITH inserted AS ("
                                         " INSERT INTO outbox (event_id, topic, event_key, payload, traceparent)"
                                         " VALUES (COALESCE(NULLIF($5, '')::uuid, gen_random_uuid()), $1, $2, $3::jsonb,"
                                         "         NULLIF($4, ''))"
                                         " ON CONFLICT (event_id) DO NOTHING RETURNING event_id)"
                                         " SELECT event_id::text, pg_notify('gatehouse_outbox', '') FROM inserted"),
                          {event.topic, event.key, payload, event.traceparent, event.eventId}, &rows, error))
        return {};
    if (rows.isEmpty() && !event.eventId.isEmpty())
        return event.eventId; // written before: the outbox holds it once
    if (rows.size() != 1 || rows.first().isEmpty()) {
        if (error)
            *error = QStringLiteral("outbox insert returned no event id");
        return {};
    }
    return rows.first().first();
}

QString schemaSql()
{
    return QStringLiteral(
        "CREATE TABLE outbox (\n"
        "  id bigserial PRIMARY KEY,\n"
        "  event_id uuid NOT NULL UNIQUE,\n"
        "  topic text NOT NULL,\n"
        "  event_key text NOT NULL,\n"
        "  payload jsonb NOT NULL,\n"
        "  traceparent text,\n"
        "  created_at timestamptz NOT NULL DEFAULT now(),\n"
        "  sent_at timestamptz\n"
        ");\n"
        "CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;\n"
        "CREATE TABLE processed_events (\n"
        "  event_id uuid PRIMARY KEY,\n"
        "  topic text NOT NULL,\n"
        "  processed_at timestamptz NOT NULL DEFAULT now()\n"
        ");\n");
}

} // namespace Gatehouse::Runtime::Outbox
