#include "trafficmodel.h"

#include <QColor>
#include <QDateTime>
#include <QJsonObject>

namespace Gatehouse {

namespace {
constexpr int kMaxAccessPaths = 4096; // access-log paths waiting for their row
} // namespace

TrafficModel::TrafficModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(150);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TrafficModel::flush);
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TrafficModel::statusText(const TrafficRow &row)
{
    if (row.outcome == SpanOutcome::Timeout)
        return row.httpStatus > 0 ? tr("%1 timeout").arg(row.httpStatus) : tr("timeout");
    if (row.outcome == SpanOutcome::Fallback)
        return tr("%1 fallback").arg(row.httpStatus);
    if (row.httpStatus <= 0)
        return QStringLiteral("—");
    return QString::number(row.httpStatus);
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const TrafficRow &r = m_rows.at(std::size_t(index.row()));
    const auto client = [&r] {
        if (r.clientNodeId.isEmpty())
            return r.identity;
        if (r.identity.isEmpty())
            return r.clientNodeId;
        return QStringLiteral("%1 (%2)").arg(r.clientNodeId, r.identity);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.startUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
        case ClientColumn:
            return client();
        case RouteColumn:
            return r.path.isEmpty() || r.route.isEmpty() ? r.route : r.method + QLatin1Char(' ') + r.path;
        case StatusColumn:
            return statusText(r);
        case LatencyColumn:
            return tr("%1 ms").arg(double(r.durationUs) / 1000.0, 0, 'f', 1);
        case TraceColumn:
            return r.traceId;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == RouteColumn && !r.path.isEmpty())
            return tr("Route: %1").arg(r.route);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == LatencyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            switch (r.outcome) {
            case SpanOutcome::Ok:
                return QColor(0x1e, 0x7d, 0x32);
            case SpanOutcome::ClientError:
                return QColor(0xb2, 0x6a, 0x00);
            case SpanOutcome::ServerError:
            case SpanOutcome::Timeout:
                return QColor(0xc6, 0x28, 0x28);
            case SpanOutcome::Fallback:
                return QColor(0x6a, 0x1b, 0x9a);
            }
        }
        break;
    case TraceIdRole:
        return r.traceId;
    case StatusRole:
        return r.httpStatus;
    case OutcomeRole:
        return int(r.outcome);
    case StartUsRole:
        return r.startUs;
    case SearchTextRole:
        return QStringList { client(), r.route, r.path, statusText(r), r.traceId }.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ClientColumn:
        return tr("Client");
    case RouteColumn:
        return tr("Route");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case TraceColumn:
        return tr("Trace ID");
    }
    return {};
}

bool TrafficModel::isGateway(const Span &span) const
{
    const auto kind = m_kinds.constFind(span.nodeId);
    if (kind != m_kinds.cend())
        return *kind == NodeKind::Gateway;
    return span.attributes.contains(QLatin1String("listener"));
}

bool TrafficModel::isProbe(const Span &span)
{
    // The supervisor's readiness checks hit the gateway's own endpoints every second; they are
    // not the stack's traffic. Such spans name no upstream (the gateway answered itself).
    return !span.attributes.contains(QLatin1String("upstream"))
        && (span.name == QLatin1String("GET /readyz") || span.name == QLatin1String("GET /healthz"));
}

bool TrafficModel::isClientRoot(const Span &span) const
{
    if (span.kind != SpanKind::HttpClient || !span.parentSpanId.isEmpty())
        return false;
    const auto kind = m_kinds.constFind(span.nodeId);
    return kind == m_kinds.cend() || isClient(*kind);
}

void TrafficModel::merge(TrafficRow &row, const Span &span, bool fromClient)
{
    row.traceId = span.traceId;
    if (fromClient) {
        // The client saw the whole request: its timing and answer win.
        row.fromClient = true;
        row.clientNodeId = span.nodeId;
        row.startUs = span.startUs;
        row.durationUs = span.durationUs;
        row.httpStatus = span.httpStatus;
        row.outcome = span.outcome;
        // A client node names its span "METHOD /concrete/path" and says the route key in `route`.
        const QString routeKey = span.attributes.value(QLatin1String("route")).toString();
        if (!row.fromGateway)
            row.route = routeKey.isEmpty() ? span.name : routeKey;
        const qsizetype space = span.name.indexOf(QLatin1Char(' '));
        if (row.path.isEmpty() && space > 0 && span.name.mid(space + 1).startsWith(QLatin1Char('/'))) {
            row.method = span.name.left(space);
            row.path = span.name.mid(space + 1);
        }
        return;
    }
    row.fromGateway = true;
    row.route = span.name;
    if (row.method.isEmpty())
        row.method = span.name.section(QLatin1Char(' '), 0, 0);
    row.identity = span.attributes.value(QLatin1String("client")).toString();
    row.auth = span.attributes.value(QLatin1String("auth")).toString();
    if (!row.fromClient) {
        row.startUs = span.startUs;
        row.durationUs = span.durationUs;
        row.httpStatus = span.httpStatus;
        row.outcome = span.outcome;
    }
}

TrafficRow *TrafficModel::findRow(const QString &traceId, int *modelRow)
{
    *modelRow = -1;
    if (const auto it = m_pendingIndex.constFind(traceId); it != m_pendingIndex.cend())
        return &m_pending[std::size_t(*it - m_pendingFirstSeq)];
    if (const auto it = m_seqOfTrace.constFind(traceId); it != m_seqOfTrace.cend()) {
        *modelRow = int(*it - m_firstSeq);
        return &m_rows[std::size_t(*modelRow)];
    }
    return nullptr;
}

int TrafficModel::rowOfTrace(const QString &traceId) const
{
    const auto it = m_seqOfTrace.constFind(traceId);
    return it == m_seqOfTrace.cend() ? -1 : int(*it - m_firstSeq);
}

void TrafficModel::ingest(const QList<Span> &spans)
{
    int firstChanged = -1;
    int lastChanged = -1;
    const qint64 skippedBefore = m_skipped;
    for (const Span &span : spans) {
        const bool client = isClientRoot(span);
        const bool gatewayEntry = !client && span.kind == SpanKind::HttpServer && isGateway(span)
            && span.attributes.value(QLatin1String("listener")).toString() != QLatin1String("internal")
            && !isProbe(span);
        if ((!client && !gatewayEntry) || span.traceId.isEmpty())
            continue;
        int modelRow = -1;
        TrafficRow *existing = findRow(span.traceId, &modelRow);
        if (existing) {
            // The other half of a request already counted (client root + gateway entry), or a
            // second root in the same trace: one row per trace entry point.
            if (m_paused && modelRow >= 0)
                continue; // a frozen view does not change
            if ((client && existing->fromClient) || (gatewayEntry && existing->fromGateway))
                continue;
            merge(*existing, span, client);
            if (modelRow >= 0) {
                firstChanged = firstChanged < 0 ? modelRow : std::min(firstChanged, modelRow);
                lastChanged = std::max(lastChanged, modelRow);
            }
            continue;
        }
        ++m_total;
        if (m_paused) {
            ++m_skipped;
            continue;
        }
        TrafficRow row;
        merge(row, span, client);
        if (const auto path = m_accessPaths.constFind(span.traceId); path != m_accessPaths.cend()) {
            row.method = path->first;
            row.path = path->second;
            m_accessPaths.erase(path);
        }
        m_pendingIndex.insert(row.traceId, m_pendingFirstSeq + qint64(m_pending.size()));
        m_pending.push_back(std::move(row));
        if (int(m_pending.size()) > m_capacity) {
            // Faster than the view can take them: the oldest would be evicted right away anyway.
            m_pendingIndex.remove(m_pending.front().traceId);
            m_pending.pop_front();
            ++m_pendingFirstSeq;
            ++m_evicted;
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!m_pending.empty() && !m_timer.isActive())
        m_timer.start();
    if (m_skipped != skippedBefore)
        Q_EMIT countsChanged();
}

void TrafficModel::ingestLog(const QJsonObject &line)
{
    const QJsonObject fields = line.value(QLatin1String("fields")).toObject();
    const QString traceId = fields.value(QLatin1String("traceId")).toString();
    const QString path = fields.value(QLatin1String("path")).toString();
    const QString method = fields.value(QLatin1String("method")).toString();
    if (traceId.isEmpty() || path.isEmpty() || method.isEmpty())
        return;
    int modelRow = -1;
    if (TrafficRow *row = findRow(traceId, &modelRow)) {
        if (!row->path.isEmpty())
            return;
        row->method = method;
        row->path = path;
        if (modelRow >= 0)
            Q_EMIT dataChanged(index(modelRow, RouteColumn), index(modelRow, RouteColumn));
        return;
    }
    if (m_accessPaths.size() >= kMaxAccessPaths)
        m_accessPaths.clear(); // rows that never came (filtered, skipped): forget them
    m_accessPaths.insert(traceId, { method, path });
}

void TrafficModel::flush()
{
    m_timer.stop();
    const bool inserting = !m_pending.empty();
    if (inserting) {
        const int first = int(m_rows.size());
        const int count = int(m_pending.size());
        beginInsertRows({}, first, first + count - 1);
        qint64 seq = m_firstSeq + qint64(m_rows.size());
        for (TrafficRow &row : m_pending) {
            m_seqOfTrace.insert(row.traceId, seq++);
            m_rows.push_back(std::move(row));
        }
        m_pending.clear();
        m_pendingIndex.clear();
        m_pendingFirstSeq = 0;
        endInsertRows();
    }

    const int excess = int(m_rows.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        for (int i = 0; i < excess; ++i) {
            m_seqOfTrace.remove(m_rows.front().traceId);
            m_rows.pop_front();
        }
        m_firstSeq += excess;
        m_evicted += excess;
        endRemoveRows();
    }
    if (inserting || excess > 0)
        Q_EMIT countsChanged();
}

void TrafficModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_pendingIndex.clear();
    m_pendingFirstSeq = 0;
    m_seqOfTrace.clear();
    m_accessPaths.clear();
    m_firstSeq = 0;
    m_total = 0;
    m_skipped = 0;
    m_evicted = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

void TrafficModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    if (paused) {
        flush(); // what arrived before the pause is shown
        m_skipped = 0;
    }
    m_paused = paused;
    Q_EMIT countsChanged();
}

void TrafficModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    flush();
}

} // namespace Gatehouse
