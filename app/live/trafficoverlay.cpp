#include "trafficoverlay.h"

#include "canvas/diagramscene.h"
#include "cardplacer.h"
#include "canvas/items/edgeitem.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "overlayitems.h"
#include "render/diagramstyle.h"
#include "render/lanepainter.h"
#include "render/legendpainter.h"

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

// "0 %", "1.7 %", "13 %"
QString percent(double share)
{
    return share <= 0 ? QLocale().toString(0) : number(share * 100);
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
    if (!wasVisible) {
        // The caption goes beside the edge in free space, never over the node it concerns or a
        // label; failing that, clear of nodes at least; failing that, above the middle.
        const qreal scale = labelScale();
        const QSizeF size = FlashItem::captionSize(text) * scale;
        CardPlacer placer;
        addDiagramObstacles(placer);
        for (const QRectF &card : visibleCardRects())
            placer.addCard(card);
        std::optional<QRectF> spot = placer.besideEdge(geometry->path, size, edgeId, 4);
        if (!spot) {
            CardPlacer diagramOnly;
            addDiagramObstacles(diagramOnly);
            spot = diagramOnly.besideEdge(geometry->path, size, edgeId, 4);
        }
        if (!spot) {
            CardPlacer nodesOnly;
            for (const Node &node : m_scene->document()->topology().nodes)
                nodesOnly.addObstacle(nodeObstacle(node.id));
            spot = nodesOnly.besideEdge(geometry->path, size, edgeId, 8);
        }
        f.item->setRoute(geometry->path, text,
            text.contains(QStringLiteral("→")) ? failureAmber() : DiagramStyle::failureColor(), scale,
            spot ? std::optional<QPointF>(spot->topLeft()) : std::nullopt);
    }
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

QRectF TrafficOverlay::nodeObstacle(const QString &nodeId) const
{
    const Node *node = m_scene->document()->node(nodeId);
    if (!node)
        return {};
    const QRectF box = QRectF(node->position, node->size).adjusted(-2, -2, 2, 2);
    // The live badge sticks out above the right half of the box (the item's bounds hold it at
    // its largest scale; their 5 px selection margin is left out, so narrow gaps stay usable).
    const NodeItem *item = m_scene->nodeItem(nodeId);
    if (!item || !item->liveBadge())
        return box;
    const QRectF bounds = item->sceneBoundingRect();
    return box.united(QRectF(QPointF(box.center().x(), bounds.top()), QPointF(std::max(box.right(), bounds.right() - 5), box.top())));
}

void TrafficOverlay::addDiagramObstacles(CardPlacer &placer) const
{
    // The lane captions, everything left of them, and the legend under the content.
    const QRectF content = m_scene->layout().contentBounds();
    for (const LaneBand &band : m_scene->layout().lanes())
        placer.addObstacle(QRectF(band.rect.topLeft(), QSizeF(LanePainter::HeaderWidth, band.rect.height())));
    placer.addObstacle(QRectF(content.left() - 10000, content.top() - 10000, 10000, content.height() + 20000));
    RenderOptions options;
    options.filters = m_scene->filters();
    placer.addObstacle(QRectF(QPointF(content.left(), content.bottom() + 14), LegendPainter::size(options)).adjusted(-4, -4, 4, 4));

    const Topology &topology = m_scene->document()->topology();
    for (const Node &node : topology.nodes) {
        const NodeItem *item = m_scene->nodeItem(node.id);
        if (item && item->isVisible())
            placer.addObstacle(nodeObstacle(node.id));
    }
    for (const Edge &edge : topology.edges) {
        const EdgeGeometry *geometry = m_scene->layout().edge(edge.id);
        const EdgeItem *item = m_scene->edgeItem(edge.id);
        if (!geometry || !geometry->visible || !item || !item->isVisible())
            continue;
        if (!geometry->labelRect.isEmpty())
            placer.addObstacle(geometry->labelRect.adjusted(-1, -1, 1, 1));
        placer.addSegments(edge.id, geometry->path);
    }
}

void TrafficOverlay::layoutCards()
{
    const qreal scale = labelScale();
    CardPlacer placer;
    addDiagramObstacles(placer);
    const auto place = [&](MetricLabelItem *label, const std::optional<QRectF> &spot) {
        if (!spot) {
            label->setVisible(false);
            return;
        }
        label->setPos(spot->topLeft());
        label->setVisible(true);
        placer.addCard(spot->adjusted(-2, -2, 2, 2));
    };

    // Node cards first (the Kafka card, the biggest, before the others): they have fewer spots.
    QStringList nodeIds = m_nodeLabels.keys();
    std::sort(nodeIds.begin(), nodeIds.end(), [this](const QString &a, const QString &b) {
        const Node *na = m_scene->document()->node(a);
        const Node *nb = m_scene->document()->node(b);
        const bool ka = na && na->kind == NodeKind::BusKafka;
        const bool kb = nb && nb->kind == NodeKind::BusKafka;
        return ka != kb ? ka : a < b;
    });
    for (const QString &id : std::as_const(nodeIds)) {
        MetricLabelItem *label = m_nodeLabels.value(id);
        const NodeItem *item = m_scene->nodeItem(id);
        if (!m_showLabels || label->lines().isEmpty() || !item || !item->isVisible()) {
            label->setVisible(false);
            continue;
        }
        label->setScale(scale);
        place(label, placer.besideNode(nodeObstacle(id), label->boundingRect().size() * scale));
    }

    QStringList edgeIds = m_edgeLabels.keys();
    std::sort(edgeIds.begin(), edgeIds.end(), [this](const QString &a, const QString &b) {
        const double ra = m_edgeRate.value(a);
        const double rb = m_edgeRate.value(b);
        return ra != rb ? ra > rb : a < b;
    });
    for (const QString &id : std::as_const(edgeIds)) {
        MetricLabelItem *label = m_edgeLabels.value(id);
        const EdgeGeometry *geometry = m_scene->layout().edge(id);
        const EdgeItem *item = m_scene->edgeItem(id);
        if (!m_showLabels || !m_edgeText.contains(id) || !geometry || geometry->path.size() < 2 || !item
            || !item->isVisible()) {
            label->setVisible(false);
            continue;
        }
        label->setScale(scale);
        place(label, placer.besideEdge(geometry->path, label->boundingRect().size() * scale, id));
    }
    updateTooltips();
}

void TrafficOverlay::updateTooltips()
{
    // Every node with figures tells them on hover, with the figures of the calls it makes
    // (the only place an edge's figures show when its card found no room).
    const Document *document = m_scene->document();
    QHash<QString, QStringList> calls;
    for (auto it = m_edgeText.cbegin(); it != m_edgeText.cend(); ++it) {
        const Edge *edge = document->edge(it.key());
        if (!edge)
            continue;
        const Node *target = document->node(edge->target);
        calls[edge->source].append(tr("→ %1: %2").arg(target ? target->name : edge->target, it.value()));
    }
    QSet<QString> nodes(calls.keyBegin(), calls.keyEnd());
    for (auto it = m_nodeLabels.cbegin(); it != m_nodeLabels.cend(); ++it) {
        if (!it.value()->lines().isEmpty())
            nodes.insert(it.key());
    }
    for (const QString &id : std::as_const(m_tooltipNodes)) {
        if (!nodes.contains(id))
            if (NodeItem *item = m_scene->nodeItem(id))
                item->setToolTip(QString());
    }
    for (const QString &id : std::as_const(nodes)) {
        QStringList lines;
        if (const MetricLabelItem *label = m_nodeLabels.value(id))
            lines << label->lines();
        QStringList out = calls.value(id);
        out.sort();
        lines << out;
        const QString text = lines.join(QLatin1Char('\n'));
        if (MetricLabelItem *label = m_nodeLabels.value(id))
            label->setToolTip(text);
        if (NodeItem *item = m_scene->nodeItem(id))
            item->setToolTip(text);
    }
    m_tooltipNodes = nodes;
}

void TrafficOverlay::onMetrics(const QJsonObject &metrics)
{
    const Document *document = m_scene->document();
    const QJsonObject edges = metrics.value(QStringLiteral("edges")).toObject();
    m_edgeText.clear();
    m_edgeRate.clear();
    for (auto it = edges.begin(); it != edges.end(); ++it) {
        const Edge *edge = document->edge(it.key());
        if (!edge)
            continue;
        const QJsonObject m = it.value().toObject();
        const double rate = m.value(QStringLiteral("rate")).toDouble();
        const double p95 = m.value(QStringLiteral("p95Ms")).toDouble();
        const double errorRate = m.value(QStringLiteral("errorRate")).toDouble();
        const qint64 lag = m.value(QStringLiteral("lag")).toInteger();
        // Only edges with traffic in the window (or events waiting) get a card.
        if (rate <= 0 && lag <= 0)
            continue;
        const bool events = edge->kind == EdgeKind::Publish || edge->kind == EdgeKind::Subscribe;
        // One compact line: "3.3/s · p95 2.0 ms · 0 %"; errors in red only when there are any.
        QString line = (events ? tr("%1 ev/s · p95 %2 ms") : tr("%1/s · p95 %2 ms")).arg(number(rate), number(p95));
        if (lag > 0 || m.contains(QStringLiteral("lag")))
            line += tr(" · lag %1").arg(lag);
        const QString errors = tr(" · %1 %").arg(percent(errorRate));
        QString alert;
        if (errorRate > 0)
            alert = errors;
        else if (!events)
            line += errors;
        m_edgeText.insert(it.key(), line + alert);
        m_edgeRate.insert(it.key(), rate);
        labelFor(m_edgeLabels, it.key())->setLines({line}, DiagramStyle::edgeColor(edge->kind), alert);
    }

    const QJsonObject nodes = metrics.value(QStringLiteral("nodes")).toObject();
    for (auto it = m_nodeLabels.begin(); it != m_nodeLabels.end(); ++it) {
        const Node *node = document->node(it.key());
        if (!nodes.contains(it.key()) && !(node && node->kind == NodeKind::BusKafka))
            it.value()->setLines({}, QColor());
    }
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const Node *node = document->node(it.key());
        if (!node || node->kind == NodeKind::BusKafka)
            continue; // the Kafka node's card comes from the topics message
        const QJsonObject m = it.value().toObject();
        const double rate = m.value(QStringLiteral("rate")).toDouble();
        const int errors = m.value(QStringLiteral("errors")).toInt();
        if (rate <= 0 && errors <= 0) {
            if (MetricLabelItem *label = m_nodeLabels.value(it.key()))
                label->setLines({}, QColor());
            continue;
        }
        // Little's law: requests in flight ≈ arrival rate × time in the system.
        const double inFlight = rate * m.value(QStringLiteral("p50Ms")).toDouble() / 1000.0;
        const QString line = tr("%1/s · ≈ %2 in flight").arg(number(rate), number(inFlight));
        const QString alert = errors > 0 ? tr(" · %n errors", nullptr, errors) : QString();
        labelFor(m_nodeLabels, it.key())->setLines({line}, QColor(0x5a, 0x6b, 0x80), alert);
    }
    layoutCards();
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
        if (node.kind == NodeKind::BusKafka)
            labelFor(m_nodeLabels, node.id)->setLines(lines, DiagramStyle::edgeColor(EdgeKind::Publish));
    }
    layoutCards();
}

QList<QRectF> TrafficOverlay::visibleCardRects() const
{
    QList<QRectF> rects;
    for (const auto *labels : {&m_edgeLabels, &m_nodeLabels}) {
        for (const MetricLabelItem *label : *labels) {
            if (label->isVisible())
                rects << label->sceneBoundingRect();
        }
    }
    return rects;
}

QRectF TrafficOverlay::flashCaptionRect(const QString &edgeId) const
{
    const Flash f = m_flashes.value(edgeId);
    return f.item && f.item->isVisible() ? f.item->captionSceneRect() : QRectF();
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
    layoutCards();
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

void TrafficOverlay::setEdgeFaults(const QJsonObject &edgeFaults)
{
    QSet<QString> on;
    for (auto it = edgeFaults.begin(); it != edgeFaults.end(); ++it) {
        const QJsonObject f = it.value().toObject();
        if (f.value(QStringLiteral("latencyMs")).toDouble() > 0 || f.value(QStringLiteral("errorRate")).toDouble() > 0)
            on.insert(it.key());
    }
    const QStringList marked = m_faultMarks.keys();
    for (const QString &id : marked) {
        if (!on.contains(id))
            setEdgeFault(id, false);
    }
    for (const QString &id : std::as_const(on))
        setEdgeFault(id, true);
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
    m_edgeRate.clear();
    for (const QString &id : std::as_const(m_tooltipNodes)) {
        if (NodeItem *item = m_scene->nodeItem(id))
            item->setToolTip(QString());
    }
    m_tooltipNodes.clear();
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
