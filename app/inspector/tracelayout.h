#pragma once

#include "model/telemetry.h"

#include <QList>
#include <QString>

namespace Gatehouse {

// The waterfall of one trace, computed from its spans (no widgets): one row per span in
// depth-first order — children under their parent, siblings by start time — with the depth
// for indentation and the span's place on the trace's common time axis. A span whose parent is
// not in the set (not recorded, or dropped from the ring) becomes a root of its own. Duplicate
// span ids (the same span delivered twice) are kept once. The Kafka produce and consume spans
// are also listed as the events the request caused: one entry per produced event (matched to
// its consumers by event id, else by topic).
class TraceLayout
{
public:
    struct Row
    {
        Span span;
        int depth = 0;
        qint64 offsetUs = 0; // start − the trace's start
    };
    struct Event
    {
        QString topic;
        QString eventId;
        QString key;
        Span produce; // empty spanId when only the consume side was seen
        QList<Span> consumers; // in start order
    };

    explicit TraceLayout(const QList<Span> &spans = {});

    const QList<Row> &rows() const { return m_rows; }
    const QList<Event> &events() const { return m_events; }
    qint64 startUs() const { return m_startUs; }
    qint64 durationUs() const { return m_endUs - m_startUs; } // first start to last end, ≥ 1
    bool isEmpty() const { return m_rows.isEmpty(); }
    // The nodes the trace touched, in first-seen order (for the canvas and the node column).
    QStringList nodeIds() const;

private:
    QList<Row> m_rows;
    QList<Event> m_events;
    qint64 m_startUs = 0;
    qint64 m_endUs = 1;
};

} // namespace Gatehouse
