#include "tracelayout.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <functional>

namespace Gatehouse {

TraceLayout::TraceLayout(const QList<Span> &input)
{
    QList<Span> spans;
    QSet<QString> seen;
    for (const Span &span : input) {
        if (!span.spanId.isEmpty()) {
            if (seen.contains(span.spanId))
                continue;
            seen.insert(span.spanId);
        }
        spans.append(span);
    }
    if (spans.isEmpty())
        return;
    std::stable_sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.startUs < b.startUs; });

    m_startUs = spans.first().startUs;
    qint64 end = m_startUs + 1;
    for (const Span &span : std::as_const(spans))
        end = std::max(end, span.startUs + std::max<qint64>(span.durationUs, 0));
    m_endUs = end;

    QHash<QString, QList<int>> children; // parent span id → indexes into spans, by start
    QList<int> roots;
    for (int i = 0; i < spans.size(); ++i) {
        const Span &span = spans.at(i);
        if (!span.parentSpanId.isEmpty() && span.parentSpanId != span.spanId && seen.contains(span.parentSpanId))
            children[span.parentSpanId].append(i);
        else
            roots.append(i);
    }
    // Depth-first; `placed` guards against cycles in bad input.
    QSet<int> placed;
    std::function<void(int, int)> visit = [&](int i, int depth) {
        if (placed.contains(i))
            return;
        placed.insert(i);
        const Span &span = spans.at(i);
        m_rows.append({ span, depth, span.startUs - m_startUs });
        const auto kids = children.value(span.spanId);
        for (int child : kids)
            visit(child, depth + 1);
    };
    for (int root : std::as_const(roots))
        visit(root, 0);
    // Spans only reachable through a cycle (a → b → a) are shown as roots too.
    for (int i = 0; i < spans.size(); ++i)
        visit(i, 0);

    // Events: produce spans, then the consumes matched to them.
    QHash<QString, int> byEventId;
    for (const Span &span : std::as_const(spans)) {
        if (span.kind != SpanKind::KafkaProduce)
            continue;
        Event event;
        event.topic = span.attributes.value(QLatin1String("topic")).toString();
        event.eventId = span.attributes.value(QLatin1String("eventId")).toString();
        event.key = span.attributes.value(QLatin1String("key")).toString();
        event.produce = span;
        if (!event.eventId.isEmpty())
            byEventId.insert(event.eventId, int(m_events.size()));
        m_events.append(event);
    }
    for (const Span &span : std::as_const(spans)) {
        if (span.kind != SpanKind::KafkaConsume)
            continue;
        const QString topic = span.attributes.value(QLatin1String("topic")).toString();
        const QString eventId = span.attributes.value(QLatin1String("eventId")).toString();
        int target = byEventId.value(eventId, -1);
        if (target < 0 || eventId.isEmpty()) {
            target = -1;
            for (int e = 0; e < m_events.size(); ++e) {
                if (m_events.at(e).topic == topic && (eventId.isEmpty() || m_events.at(e).eventId.isEmpty())) {
                    target = e;
                    break;
                }
            }
        }
        if (target < 0) {
            Event event;
            event.topic = topic;
            event.eventId = eventId;
            if (!eventId.isEmpty())
                byEventId.insert(eventId, int(m_events.size()));
            m_events.append(event);
            target = int(m_events.size()) - 1;
        }
        m_events[target].consumers.append(span);
    }
}

QStringList TraceLayout::nodeIds() const
{
    QStringList ids;
    for (const Row &row : m_rows) {
        if (!ids.contains(row.span.nodeId))
            ids.append(row.span.nodeId);
    }
    return ids;
}

} // namespace Gatehouse
