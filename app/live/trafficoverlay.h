#pragma once

#include "canvas/diagramscene.h"
#include "model/telemetry.h"

#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <vector>

class QGraphicsItem;

namespace Gatehouse {

class DiagramScene;
class MetricLabelItem;
class TrafficDotItem;
class FlashItem;
class HighlightItem;
class FaultMarkItem;
class CardPlacer;

// Live traffic drawn over the diagram while a stack runs (docs/live-view.md).
// - Sync requests (http.client spans) travel as dots along the edge they name, hop by hop in
//   the order their trace made the calls, coloured by outcome; the time a dot takes grows with
//   the span's latency. Events (kafka.produce on publish edges, kafka.consume on subscribe
//   edges) travel as a diamond glyph, so event flow reads apart from request flow.
// - Labels: per edge (rate, p95, error %; consumer lag on subscribe edges), per node (rate,
//   errors, in-flight estimated as rate × p50, Little's law) and per Kafka node (per-topic rate
//   and lag, from the runtime's `topics` message). Labels carry the exact counts; dots are
//   sampled: at most caps().perEdge dots on one edge and caps().total on the canvas at once.
// - Timeouts and fallbacks flash the failing edge (the failure path the diagram draws).
// All graphics items are pooled; one timer drives every animation and stops when idle.
// Feed it from RuntimeClient::spansReceived / metricsReceived / topicsReceived.
class TrafficOverlay : public QObject
{
    Q_OBJECT

public:
    enum class DotKind { Request, Event };
    struct Caps
    {
        int perEdge = 6;
        int total = 240;
    };
    // What is on the canvas now, for tests and the benchmark.
    struct DotInfo
    {
        QString edgeId;
        DotKind kind = DotKind::Request;
        SpanOutcome outcome = SpanOutcome::Ok;
        QColor color;
        QPointF position; // scene coordinates
        bool visible = false;
    };

    explicit TrafficOverlay(DiagramScene *scene, QObject *parent = nullptr);
    ~TrafficOverlay() override;

    void onSpans(const QList<Gatehouse::Span> &spans);
    void onMetrics(const QJsonObject &metrics);
    // The runtime's `topics` message (BRIEF contract B): per-topic rate and consumer lag on the
    // Kafka node's label.
    void onTopics(const QJsonObject &message);
    // A fault mark on a sync edge while faults injected from the canvas are active on its calls.
    void setEdgeFault(const QString &edgeId, bool on);
    bool hasEdgeFault(const QString &edgeId) const { return m_faultMarks.contains(edgeId); }
    // The runtime's injected edge faults, whole (RuntimeClient::edgeFaultsChanged:
    // {edgeId:{"latencyMs","errorRate",…}}): a mark on each edge with a non-zero fault, none
    // on the others.
    void setEdgeFaults(const QJsonObject &edgeFaults);
    // Removes every dot, label, flash, fault mark and highlight (the stack stopped).
    void clear();

    // Lights the whole path of one trace: every edge a span names (sync hops, publish and
    // subscribe hops) and every node that recorded a span, until clearTraceHighlight() or the
    // next call. The inspector's Traffic dock calls it with the spans of the selected trace.
    void highlightTrace(const QList<Gatehouse::Span> &spans);
    void clearTraceHighlight();
    QStringList highlightedEdges() const;
    QStringList highlightedNodes() const;

    // View controls. Paused: dots freeze and no new ones start (labels still update).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // 1 = normal, 4 = slow motion (every animation runs that many times slower).
    void setSlowdown(qreal factor);
    qreal slowdown() const { return m_slowdown; }
    void setShowRequests(bool on);
    void setShowEvents(bool on);
    void setShowLabels(bool on);
    bool showsRequests() const { return m_showRequests; }
    bool showsEvents() const { return m_showEvents; }
    bool showsLabels() const { return m_showLabels; }

    Caps caps() const { return m_caps; }
    void setCaps(const Caps &caps) { m_caps = caps; }

    // One animation step at the overlay's clock (the timer calls it every ~16 ms).
    void advance();

    QList<DotInfo> dots() const;
    int activeDotCount() const { return m_active; }
    // Spans that got no dot because a cap was reached (counts in labels stay exact).
    qint64 sampledOut() const { return m_sampledOut; }
    // The text of the card on the canvas ("" when hidden: no traffic, labels off, or no free
    // space beside the edge — then edgeFigures() still has it, in the source node's tooltip).
    QString edgeLabelText(const QString &edgeId) const;
    QString nodeLabelText(const QString &nodeId) const;
    // The edge's figures from the last metrics message, whether or not its card found room.
    QString edgeFigures(const QString &edgeId) const { return m_edgeText.value(edgeId); }
    // Scene rectangles of the visible cards (edge and node), for tests.
    QList<QRectF> visibleCardRects() const;
    // The scene rectangle of an edge's flash caption (empty when not flashing).
    QRectF flashCaptionRect(const QString &edgeId) const;
    bool isFlashing(const QString &edgeId) const;
    QString flashText(const QString &edgeId) const;
    static QColor outcomeColor(SpanOutcome outcome, DotKind kind = DotKind::Request);

Q_SIGNALS:
    // A timeout or fallback was seen on `edgeId` (the status bar may say so).
    void failureFlashed(const QString &edgeId, const QString &text);

private:
    struct Dot
    {
        TrafficDotItem *item = nullptr;
        QString edgeId;
        DotKind kind = DotKind::Request;
        SpanOutcome outcome = SpanOutcome::Ok;
        qreal startMs = 0;    // overlay clock
        qreal durationMs = 0;
        bool active = false;
    };
    struct Flash
    {
        FlashItem *item = nullptr;
        qreal untilMs = 0;
    };

    qreal now();
    void ensureTimer();
    bool startDot(const Span &span, DotKind kind, qreal delayMs);
    void flash(const QString &edgeId, const QString &text);
    MetricLabelItem *labelFor(QHash<QString, MetricLabelItem *> &labels, const QString &id);
    qreal labelScale() const;
    // Places every card in free space (CardPlacer): Kafka and node cards beside their node,
    // then edge cards along their edge, busiest first; a card with no free spot is hidden and
    // its figures stay in the node's tooltip. Runs when the figures change (once a second).
    void layoutCards();
    void addDiagramObstacles(CardPlacer &placer) const;
    QRectF nodeObstacle(const QString &nodeId) const;
    void updateTooltips();
    QString gatewayEdgeTo(const QString &gatewayId, const QString &upstream) const;

    QPointer<DiagramScene> m_scene; // items die with the scene if it goes first
    QTimer m_timer;
    QElapsedTimer m_wall;
    qint64 m_lastWallMs = 0;
    qreal m_clockMs = 0;
    bool m_paused = false;
    qreal m_slowdown = 1;
    bool m_showRequests = true;
    bool m_showEvents = true;
    bool m_showLabels = true;
    Caps m_caps;
    std::vector<Dot> m_dots; // the pool; items are created on demand up to caps().total
    QHash<QString, int> m_perEdge;
    int m_active = 0;
    qint64 m_sampledOut = 0;
    QHash<QString, MetricLabelItem *> m_edgeLabels;
    QHash<QString, MetricLabelItem *> m_nodeLabels;
    QHash<QString, QString> m_edgeText; // edge figures from the last metrics message
    QHash<QString, double> m_edgeRate;  // for the placement order: busiest first
    QSet<QString> m_tooltipNodes;       // nodes whose NodeItem carries our tooltip
    QHash<QString, Flash> m_flashes;
    QList<HighlightItem *> m_highlights;
    QHash<QString, FaultMarkItem *> m_faultMarks;
    QStringList m_highlightedEdges;
    QStringList m_highlightedNodes;
};

} // namespace Gatehouse
