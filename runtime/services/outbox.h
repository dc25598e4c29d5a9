#pragma once

#include <QJsonObject>
#include <QString>

namespace Gatehouse::Runtime {

class SqlSession;

// One event a service wants to publish.
struct OutboundEvent
{
    QString topic;
    QString key;        // message key (ordering per key), e.g. the order id
    QJsonObject payload;
    QString traceparent; // W3C trace context of the request that caused it, may be empty
    // Empty: a fresh random UUID. Else the event's id (a UUID), for an event that must exist at
    // most once whoever writes it (e.g. one payment.requested per order, docs/services.md
    // "Recovery"): appending it again is a no-op that returns the same id.
    QString eventId;
};

// The transactional outbox (DESIGN §5): a producer writes its event into the `outbox` table of
// its own database in the same transaction as the state change; the OutboxRelay publishes it
// later. So a crash or a broker outage between the two never loses or invents an event.
namespace Outbox {

// Appends `event` inside the caller's open transaction. Returns the event id (a UUID), or an
// empty string and sets `error`.
QString append(SqlSession &connection, const OutboundEvent &event, QString *error);

// The SQL of the outbox and processed-event tables, applied as migration 1 of every service.
QString schemaSql();

} // namespace Outbox

} // namespace Gatehouse::Runtime
