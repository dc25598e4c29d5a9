#include "trafficoverlay.h"

#include "canvas/diagramscene.h"
#include "canvas/items/edgeitem.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "overlayitems.h"
#include "render/diagramstyle.h"

#include <QGraphicsView>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace Gatehouse {

namespace {
constexpr qreal FlashMs = 1600;
constexpr qreal HopGapMs = 260;      // between the hops of one trace (client → gateway → service …)
constexpr qreal MinTravelMs = 450;   // a fast call still stays visible for a moment
constexpr qreal MaxTravelMs = 2600;
constexpr qreal MaxDelayMs = 2000;

QString number(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 1 : 0);
}

bool hasFallback(const Edge &edge)
{
    if (edge.fallback.isSet())
        return true;
    return std::any_of(edge.routes.cbegin(), edge.routes.cend(), [](const Route &r) { return r.fallback.isSet(); });
}

QColor failureAmber()
{
    return QColor(0xf0, 0x8c, 0x00);
}
} // namespace

TrafficOverlay::TrafficOverlay(DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TrafficOverlay::advance);
    m_wall.start();
}

TrafficOverlay::~TrafficOverlay()
{
    // The scene may be gone already (it deletes its items); if not, take ours out.
    if (!m_scene)
        return;
    clear();
}

QColor TrafficOverlay::outcomeColor(SpanOutcome outcome, DotKind kind)
{
    switch (outcome) {
    case SpanOutcome::Ok:
        return kind == DotKind::Event ? QColor(0x7b, 0x4f, 0xd6) : QColor(0x2e, 0x9e, 0x5b);
    case SpanOutcome::ClientError:
        return QColor(0xe0, 0xa0, 0x20);
    case SpanOutcome::ServerError:
    case SpanOutcome::Timeout:
        return QColor(0xd6, 0x45, 0x41);
    case SpanOutcome::Fallback:
        return failureAmber();
    }
    return Qt::gray;
}

qreal TrafficOverlay::now()
{
    const qint64 wall = m_wall.elapsed();
    const qint64 dt = wall - m_lastWallMs;
    m_lastWallMs = wall;
    if (!m_paused)
        m_clockMs += qreal(dt) / m_slowdown;
    return m_clockMs;
}

void TrafficOverlay::ensureTimer()
{
    if (!m_timer.isActive() && !m_paused) {
        now(); // no jump for the time the timer was idle
        m_timer.start();
    }
}

bool TrafficOverlay::startDot(const Span &span, DotKind kind, qreal delayMs)
{
    const EdgeGeometry *geometry = m_scene->layout().edge(span.edgeId);
    const EdgeItem *edgeItem = m_scene->edgeItem(span.edgeId);
    if (!geometry || geometry->path.size() < 2 || !edgeItem || !edgeItem->isVisible())
        return false;
    int &onEdge = m_perEdge[span.edgeId];
    if (onEdge >= m_caps.perEdge || m_active >= m_caps.total) {
        ++m_sampledOut;
        return false;
    }
    Dot *slot = nullptr;
    for (Dot &d : m_dots) {
        if (!d.active) {
            slot = &d;
            break;
        }
    }
    if (!slot) {
        m_dots.push_back(Dot {});
        slot = &m_dots.back();
        slot->item = new TrafficDotItem;
        m_scene->addItem(slot->item);
    }
    const qreal latencyMs = qreal(span.durationUs) / 1000.0;
    slot->edgeId = span.edgeId;
    slot->kind = kind;
    slot->outcome = span.outcome;
    slot->startMs = m_clockMs + std::min(delayMs, MaxDelayMs);
    // Latency reads as speed: a 5 ms call crosses in under half a second, a 800 ms timeout
    // takes about two and a half.
    slot->durationMs = std::clamp(MinTravelMs + 2.5 * latencyMs, MinTravelMs, MaxTravelMs);
    slot->active = true;
    slot->item->setLook(kind == DotKind::Event, outcomeColor(span.outcome, kind));
    slot->item->setPos(geometry->path.first());
    slot->item->setVisible(false); // until its start time
    ++onEdge;
    ++m_active;
    return true;
}

void TrafficOverlay::onSpans(const QList<Span> &spans)
{
    if (spans.isEmpty())
        return;
    const Document *document = m_scene->document();
    // Hop order within each trace of this batch: earlier calls start first.
    QHash<QString, QList<const Span *>> byTrace;
    for (const Span &span : spans) {
        const bool request = span.kind == SpanKind::HttpClient;
        const bool event = span.kind == SpanKind::KafkaProduce || span.kind == SpanKind::KafkaConsume;
        if ((request || event) && !span.edgeId.isEmpty())
            byTrace[span.traceId].append(&span);

        // Failure paths: a timeout or error on a call that has a fallback, or an answer the
        // gateway gave from a fallback.
        if (request && !span.edgeId.isEmpty()
            && (span.outcome == SpanOutcome::Timeout || span.outcome == SpanOutcome::ServerError
                || span.outcome == SpanOutcome::Fallback)) {
            const Edge *edge = document->edge(span.edgeId);
            if (edge && (span.outcome != SpanOutcome::ServerError || hasFallback(*edge))) {
                const bool fallback = hasFallback(*edge);
                QString text;
                if (span.outcome == SpanOutcome::Timeout)
                    text = fallback ? tr("timeout → fallback") : tr("timeout");
                else
                    text = fallback ? tr("error → fallback") : tr("fallback");
                flash(span.edgeId, text);
            }
        } else if (span.kind == SpanKind::HttpServer && span.outcome == SpanOutcome::Fallback) {
            const QString edgeId
                = gatewayEdgeTo(span.nodeId, span.attributes.value(QStringLiteral("upstream")).toString());
            if (!edgeId.isEmpty())
                flash(edgeId, tr("fallback answer"));
        }
    }
    if (m_paused)
        return;
    now();
    for (auto it = byTrace.begin(); it != byTrace.end(); ++it) {
        QList<const Span *> &hops = it.value();
        std::sort(hops.begin(), hops.end(), [](const Span *a, const Span *b) { return a->startUs < b->startUs; });
        for (int i = 0; i < hops.size(); ++i) {
            const Span &span = *hops[i];
            const DotKind kind = span.kind == SpanKind::HttpClient ? DotKind::Request : DotKind::Event;
            if ((kind == DotKind::Request && !m_showRequests) || (kind == DotKind::Event && !m_showEvents))
                continue;
            startDot(span, kind, i * HopGapMs);
        }
    }
    if (m_active > 0)
        ensureTimer();
}

void TrafficOverlay::advance()
{
    const qreal t = now();
    for (Dot &d : m_dots) {
        if (!d.active)
            continue;
        const qreal progress = (t - d.startMs) / d.durationMs;
        const EdgeGeometry *geometry = m_scene->layout().edge(d.edgeId);
        if (progress >= 1 || !geometry) {
            d.active = false;
            d.item->setVisible(false);
            --m_perEdge[d.edgeId];
            --m_active;
            continue;
        }
        if (progress < 0)
            continue;
        const bool shown = d.kind == DotKind::Request ? m_showRequests : m_showEvents;
        d.item->setPos(pointAlong(geometry->path, progress));
        d.item->setVisible(shown);
    }
    for (auto it = m_flashes.begin(); it != m_flashes.end(); ++it) {
        Flash &f = it.value();
        if (!f.item->isVisible())
            continue;
        const qreal left = f.untilMs - t;
        if (left <= 0)
            f.item->setVisible(false);
        else
            f.item->setOpacity(std::min(1.0, left / (FlashMs * 0.5)));
    }
    const bool flashing = std::any_of(m_flashes.cbegin(), m_flashes.cend(), [](const Flash &f) { return f.item->isVisible(); });
    if (m_active == 0 && !flashing)
        m_timer.stop();
}

void TrafficOverlay::flash(const QString &edgeId, const QString &text)
{
    const EdgeGeometry *geometry = m_scene->layout().edge(edgeId);
    if (!geometry || geometry->path.size() < 2)
        return;
    Flash &f = m_flashes[edgeId];
    if (!f.item) {
        f.item = new FlashItem;
        m_scene->addItem(f.item);
    }
    const bool wasVisible = f.item->isVisible() && f.item->caption() == text;
    f.item->setRoute(geometry->path, text, text.contains(QStringLiteral("→")) ? failureAmber() : DiagramStyle::failureColor(),
        labelScale());
    f.item->setOpacity(1);
    f.item->setVisible(true);
    // A paused overlay still shows failures (its clock stands, so they stay until resumed).
    f.untilMs = now() + FlashMs;
    ensureTimer();
    if (!wasVisible)
        Q_EMIT failureFlashed(edgeId, text);
}

QString TrafficOverlay::gatewayEdgeTo(const QString &gatewayId, const QString &upstream) const
{
    if (upstream.isEmpty())
        return {};
    for (const Edge &edge : m_scene->document()->topology().edges) {
        if (edge.kind == EdgeKind::Sync && edge.source == gatewayId && edge.target == upstream)
            return edge.id;
    }
    return {};
}

// --- labels -----------------------------------------------------------------------------------

MetricLabelItem *TrafficOverlay::labelFor(QHash<QString, MetricLabelItem *> &labels, const QString &id)
{
    MetricLabelItem *&label = labels[id];
    if (!label) {
        label = new MetricLabelItem;
        m_scene->addItem(label);
    }
    return label;
}

qreal TrafficOverlay::labelScale() const
{
    // Cards grow when zoomed out (up to 1.8×) so their figures stay readable at "fit".
    const QList<QGraphicsView *> views = m_scene->views();
    const qreal zoom = views.isEmpty() ? 1.0 : views.first()->transform().m11();
    return std::clamp(0.8 / std::max(zoom, 0.01), 1.0, 1.8);
}

void TrafficOverlay::placeEdgeLabel(MetricLabelItem *label, const QString &edgeId)
{
    label->setScale(labelScale());
    const EdgeGeometry *geometry = m_scene->layout().edge(edgeId);
    if (!geometry || geometry->path.size() < 2)
        return;
    // A third of the way along: the route's own label sits near the middle of its longest run.
    const QPointF p = pointAlong(geometry->path, 0.3);
    label->setPos(p + QPointF(6, -label->boundingRect().height() * label->scale() / 2));
}

void TrafficOverlay::placeNodeLabel(MetricLabelItem *label, const QString &nodeId)
{
    const Node *node = m_scene->document()->node(nodeId);
    if (!node)
        return;
    label->setScale(labelScale());
    label->setPos(node->position + QPointF(4, node->size.height() + 3));
}

void TrafficOverlay::hideUnlisted(QHash<QString, MetricLabelItem *> &labels, const QSet<QString> &listed)
{
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!listed.contains(it.key()))
            it.value()->setVisible(false);
    }
}

void TrafficOverlay::onMetrics(const QJsonObject &metrics)
{
    const Document *document = m_scene->document();
    const QJsonObject edges = metrics.value(QStringLiteral("edges")).toObject();
    QSet<QString> listedEdges;
    for (auto it = edges.begin(); it != edges.end(); ++it) {
        const Edge *edge = document->edge(it.key());
        if (!edge)
            continue;
        const QJsonObject m = it.value().toObject();
        const double rate = m.value(QStringLiteral("rate")).toDouble();
        const double p95 = m.value(QStringLiteral("p95Ms")).toDouble();
        const double errorRate = m.value(QStringLiteral("errorRate")).toDouble();
        const bool events = edge->kind == EdgeKind::Publish || edge->kind == EdgeKind::Subscribe;
        QStringList lines;
        lines << (events ? tr("%1 events/s · p95 %2 ms") : tr("%1 req/s · p95 %2 ms")).arg(number(rate), number(p95));
        if (!events || errorRate > 0)
            lines << tr("%1 % errors").arg(number(errorRate * 100));
        if (m.contains(QStringLiteral("lag"))) {
            m_edgeLag.insert(it.key(), m.value(QStringLiteral("lag")).toDouble());
            lines << tr("consumer lag %1").arg(m.value(QStringLiteral("lag")).toInteger());
        }
        m_edgeText.insert(it.key(), lines.join(QLatin1Char('\n')));
        MetricLabelItem *label = labelFor(m_edgeLabels, it.key());
        label->setLines(lines, errorRate > 0 ? DiagramStyle::failureColor() : DiagramStyle::edgeColor(edge->kind));
        placeEdgeLabel(label, it.key());
        const EdgeItem *edgeItem = m_scene->edgeItem(it.key());
        label->setVisible(m_showLabels && edgeItem && edgeItem->isVisible());
        listedEdges.insert(it.key());
    }
    hideUnlisted(m_edgeLabels, listedEdges);
    for (auto it = m_edgeText.begin(); it != m_edgeText.end();) {
        if (listedEdges.contains(it.key()))
            ++it;
        else
            it = m_edgeText.erase(it);
    }

    const QJsonObject nodes = metrics.value(QStringLiteral("nodes")).toObject();
    QSet<QString> listedNodes;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const Node *node = document->node(it.key());
        if (!node || node->kind == NodeKind::BusKafka)
            continue; // the Kafka node's card comes from the topics message
        const QJsonObject m = it.value().toObject();
        const double rate = m.value(QStringLiteral("rate")).toDouble();
        const int errors = m.value(QStringLiteral("errors")).toInt();
        // Little's law: requests in flight ≈ arrival rate × time in the system.
        const double inFlight = rate * m.value(QStringLiteral("p50Ms")).toDouble() / 1000.0;
        const QStringList lines{tr("%1 req/s · %2 errors").arg(number(rate)).arg(errors),
            tr("≈ %1 in flight").arg(number(inFlight))};
        MetricLabelItem *label = labelFor(m_nodeLabels, it.key());
        label->setLines(lines, errors > 0 ? DiagramStyle::failureColor() : QColor(0x5a, 0x6b, 0x80));
        placeNodeLabel(label, it.key());
        label->setVisible(m_showLabels);
        listedNodes.insert(it.key());
    }
    for (auto it = m_nodeLabels.begin(); it != m_nodeLabels.end(); ++it) {
        const Node *node = document->node(it.key());
        if (!listedNodes.contains(it.key()) && !(node && node->kind == NodeKind::BusKafka))
            it.value()->setVisible(false);
    }
}

void TrafficOverlay::onTopics(const QJsonObject &message)
{
    const QJsonArray topics = message.value(QStringLiteral("topics")).toArray();
    QStringList lines;
    for (const QJsonValue &value : topics) {
        const QJsonObject topic = value.toObject();
        qint64 lag = 0;
        const QJsonArray groups = topic.value(QStringLiteral("groups")).toArray();
        for (const QJsonValue &group : groups)
            lag += group.toObject().value(QStringLiteral("lag")).toInteger();
        lines << tr("%1: %2 msg/s · lag %3")
                     .arg(topic.value(QStringLiteral("name")).toString(),
                         number(topic.value(QStringLiteral("rate")).toDouble()))
                     .arg(lag);
    }
    for (const Node &node : m_scene->document()->topology().nodes) {
        if (node.kind != NodeKind::BusKafka)
            continue;
        MetricLabelItem *label = labelFor(m_nodeLabels, node.id);
        label->setLines(lines, DiagramStyle::edgeColor(EdgeKind::Publish));
        placeNodeLabel(label, node.id);
        label->setVisible(m_showLabels && !lines.isEmpty());
    }
}

QString TrafficOverlay::edgeLabelText(const QString &edgeId) const
{
    const MetricLabelItem *label = m_edgeLabels.value(edgeId);
    return label && label->isVisible() ? label->lines().join(QLatin1Char('\n')) : QString();
}

QString TrafficOverlay::nodeLabelText(const QString &nodeId) const
{
    const MetricLabelItem *label = m_nodeLabels.value(nodeId);
    return label && label->isVisible() ? label->lines().join(QLatin1Char('\n')) : QString();
}

bool TrafficOverlay::isFlashing(const QString &edgeId) const
{
    const Flash f = m_flashes.value(edgeId);
    return f.item && f.item->isVisible();
}

QString TrafficOverlay::flashText(const QString &edgeId) const
{
    const Flash f = m_flashes.value(edgeId);
    return f.item && f.item->isVisible() ? f.item->caption() : QString();
}

QList<TrafficOverlay::DotInfo> TrafficOverlay::dots() const
{
    QList<DotInfo> result;
    for (const Dot &d : m_dots) {
        if (d.active)
            result.append(DotInfo {d.edgeId, d.kind, d.outcome, d.item->color(), d.item->pos(), d.item->isVisible()});
    }
    return result;
}

// --- controls ---------------------------------------------------------------------------------

void TrafficOverlay::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    now(); // account the running time before the switch
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (m_active > 0 || !m_flashes.isEmpty())
        ensureTimer();
}

void TrafficOverlay::setSlowdown(qreal factor)
{
    now();
    m_slowdown = std::max<qreal>(factor, 0.1);
}

void TrafficOverlay::setShowRequests(bool on)
{
    m_showRequests = on;
    advance();
}

void TrafficOverlay::setShowEvents(bool on)
{
    m_showEvents = on;
    advance();
}

void TrafficOverlay::setShowLabels(bool on)
{
    m_showLabels = on;
    for (MetricLabelItem *label : std::as_const(m_edgeLabels)) {
        const QString id = m_edgeLabels.key(label);
        label->setVisible(on && m_edgeText.contains(id));
    }
    for (MetricLabelItem *label : std::as_const(m_nodeLabels))
        label->setVisible(on && !label->lines().isEmpty());
}

void TrafficOverlay::setEdgeFault(const QString &edgeId, bool on)
{
    const EdgeGeometry *geometry = m_scene->layout().edge(edgeId);
    if (!on || !geometry || geometry->path.size() < 2) {
        delete m_faultMarks.take(edgeId);
        return;
    }
    FaultMarkItem *&mark = m_faultMarks[edgeId];
    if (!mark) {
        mark = new FaultMarkItem;
        m_scene->addItem(mark);
    }
    mark->setPos(pointAlong(geometry->path, 0.6));
}

void TrafficOverlay::clear()
{
    m_timer.stop();
    qDeleteAll(m_faultMarks);
    m_faultMarks.clear();
    for (Dot &d : m_dots)
        delete d.item;
    m_dots.clear();
    m_perEdge.clear();
    m_active = 0;
    qDeleteAll(m_edgeLabels);
    m_edgeLabels.clear();
    qDeleteAll(m_nodeLabels);
    m_nodeLabels.clear();
    m_edgeText.clear();
    m_edgeLag.clear();
    for (const Flash &f : std::as_const(m_flashes))
        delete f.item;
    m_flashes.clear();
    clearTraceHighlight();
}

// --- trace highlight ----------------------------------------------------------------------------

void TrafficOverlay::clearTraceHighlight()
{
    qDeleteAll(m_highlights);
    m_highlights.clear();
    m_highlightedEdges.clear();
    m_highlightedNodes.clear();
}

void TrafficOverlay::highlightTrace(const QList<Span> &spans)
{
    clearTraceHighlight();
    const Document *document = m_scene->document();
    for (const Span &span : spans) {
        if (!span.edgeId.isEmpty() && !m_highlightedEdges.contains(span.edgeId) && document->edge(span.edgeId))
            m_highlightedEdges.append(span.edgeId);
        if (!span.nodeId.isEmpty() && !m_highlightedNodes.contains(span.nodeId) && document->node(span.nodeId))
            m_highlightedNodes.append(span.nodeId);
        // A consumed event names the consumer in nodeId and the subscribe edge; its producer
        // is the source of the publish edge, already named by the produce span.
    }
    for (const QString &edgeId : std::as_const(m_highlightedEdges)) {
        const EdgeGeometry *geometry = m_scene->layout().edge(edgeId);
        if (!geometry || geometry->path.size() < 2)
            continue;
        QPainterPath path;
        path.addPolygon(geometry->path);
        auto *item = new HighlightItem(path, false);
        m_scene->addItem(item);
        m_highlights.append(item);
    }
    for (const QString &nodeId : std::as_const(m_highlightedNodes)) {
        const Node *node = document->node(nodeId);
        QPainterPath path;
        path.addRoundedRect(QRectF(node->position, node->size).adjusted(-6, -6, 6, 6), 8, 8);
        auto *item = new HighlightItem(path, true);
        m_scene->addItem(item);
        m_highlights.append(item);
    }
}

QStringList TrafficOverlay::highlightedEdges() const
{
    return m_highlightedEdges;
}

QStringList TrafficOverlay::highlightedNodes() const
{
    return m_highlightedNodes;
}

} // namespace Gatehouse
