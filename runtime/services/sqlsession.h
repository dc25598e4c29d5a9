#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gatehouse::Runtime {

class PgConnection;
class TelemetrySender;

// Where the SQL spans of one service go: the node's telemetry sender, the node id and the id of
// the node's owns edge to its database (the edge the canvas lights for a statement).
struct SqlTracing
{
    TelemetrySender *telemetry = nullptr;
    QString nodeId;
    QString edgeId;
};

// One service connection as behaviours use it: the same exec()/query() as PgConnection, and each
// statement is recorded as a span of kind `sql` (name = a short label such as "INSERT orders",
// never parameter values; outcome ok or server-error) under the current parent hop — the
// request's server span or the event's consume span. Without a parent (probes, start-up work)
// nothing is recorded. Not thread-safe: one session per connection, used by one thread at a time.
class SqlSession
{
public:
    SqlSession(PgConnection &connection, SqlTracing tracing);

    PgConnection &connection() { return m_connection; }

    bool exec(const QString &sql, QString *error);
    bool query(const QString &sql, const QStringList &params, QList<QStringList> *rows, QString *error);

    // Statements from now on are children of this hop ("00-<trace>-<span>-<flags>"); an empty
    // or malformed value stops recording.
    void setParent(const QByteArray &traceparent);
    bool isTraced() const { return !m_parentSpanId.isEmpty(); }

    // "INSERT orders", "UPDATE outbox", "SELECT items", "BEGIN", … (the statement's verb and its
    // first table; for WITH … the data-changing statement inside it).
    static QString statementLabel(const QString &sql);

private:
    void record(const QString &sql, qint64 startUs, bool ok);

    PgConnection &m_connection;
    SqlTracing m_tracing;
    QString m_traceId;
    QString m_parentSpanId;
    QHash<QString, QString> m_labels; // statement text → label; services run a fixed set of statements
};

} // namespace Gatehouse::Runtime
