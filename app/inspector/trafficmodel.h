#pragma once

#include "model/kinds.h"
#include "model/telemetry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <deque>

namespace Gatehouse {

// One request as the Traffic dock shows it: the entry point of one trace. When a client node
// drives the traffic, its root http.client span is the entry (client, start, latency, status)
// and the gateway's public http.server span of the same trace adds the route and the
// authenticated identity; requests from outside (curl, the test) have only the gateway span.
// The gateway's own health endpoints (/healthz, /readyz: the supervisor's readiness checks) and
// its internal listener are not rows.
struct TrafficRow
{
    QString traceId;
    qint64 startUs = 0;
    qint64 durationUs = 0;
    int httpStatus = 0;
    SpanOutcome outcome = SpanOutcome::Ok;
    QString clientNodeId; // the client node that sent it, empty for outside traffic
    QString identity; // the gateway's view: "sub:alice", "partner:acme", "ip:127.0.0.1"
    QString route; // the gateway's route key ("GET /orders/{id}") or the client's span name
    QString method; // when known (access log or span name)
    QString path; // the concrete path when known (access log), else empty
    QString auth; // the gateway's auth decision: "none", "ok", "missing", …
    bool fromClient = false;
    bool fromGateway = false;
};

// The Traffic dock's rows: a bounded ring of TrafficRow built from the span stream. Spans may
// arrive at 10,000/s: ingest() only sorts them into a pending list; a coalescing timer (or
// flush()) moves the pending rows into the model with one beginInsertRows per batch and drops
// the oldest rows beyond capacity with one beginRemoveRows. While paused the view is frozen:
// new requests are counted as skipped and not kept. Newest row last.
class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ClientColumn, RouteColumn, StatusColumn, LatencyColumn, TraceColumn, ColumnCount };
    enum Role { TraceIdRole = Qt::UserRole + 1, StatusRole, OutcomeRole, StartUsRole, SearchTextRole };

    explicit TrafficModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Which nodes are gateways and clients (from the snapshot); without it a gateway span is
    // recognised by its `listener` attribute and a client span by being a root http.client.
    void setNodeKinds(const QHash<QString, NodeKind> &kinds) { m_kinds = kinds; }

    void ingest(const QList<Gatehouse::Span> &spans);
    // A log line; the gateway's access log lines (fields traceId, method, path) give rows their
    // concrete path for "copy as curl".
    void ingestLog(const QJsonObject &line);
    void flush(); // moves pending rows into the model now (the timer does it every flushIntervalMs)
    void clear();

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qint64 skippedWhilePaused() const { return m_skipped; } // since the last pause began
    qint64 totalRequests() const { return m_total; } // entry points seen since clear()
    qint64 evicted() const { return m_evicted; } // rows dropped off the front of the ring

    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    void setFlushInterval(int ms) { m_timer.setInterval(ms); }
    int pendingCount() const { return int(m_pending.size()); }

    const TrafficRow &row(int index) const { return m_rows.at(std::size_t(index)); }
    int rowOfTrace(const QString &traceId) const; // -1 when not shown

    // "200", "timeout", "fallback", "—" (no answer)
    static QString statusText(const TrafficRow &row);

Q_SIGNALS:
    void countsChanged(); // totals, skipped or evicted changed (after a flush or pause toggle)

private:
    bool isGateway(const Span &span) const;
    bool isClientRoot(const Span &span) const;
    static bool isProbe(const Span &span);
    static void merge(TrafficRow &row, const Span &span, bool fromClient);
    TrafficRow *findRow(const QString &traceId, int *modelRow);

    QHash<QString, NodeKind> m_kinds;
    std::deque<TrafficRow> m_rows;
    qint64 m_firstSeq = 0; // sequence number of m_rows.front()
    QHash<QString, qint64> m_seqOfTrace; // traceId → sequence number, for rows in m_rows
    std::deque<TrafficRow> m_pending;
    qint64 m_pendingFirstSeq = 0; // sequence number of m_pending.front()
    QHash<QString, qint64> m_pendingIndex; // traceId → sequence number in m_pending
    QHash<QString, QPair<QString, QString>> m_accessPaths; // traceId → (method, path) not yet matched
    QTimer m_timer;
    int m_capacity = 5000;
    bool m_paused = false;
    qint64 m_skipped = 0;
    qint64 m_total = 0;
    qint64 m_evicted = 0;
};

} // namespace Gatehouse
