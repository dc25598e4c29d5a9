#include "drawiowriter.h"

#include "drawiocodec.h"
#include "drawiostyles.h"
#include "model/topologyjson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineF>
#include <QRectF>
#include <QXmlStreamWriter>
#include <algorithm>
#include <array>
#include <cmath>

namespace Gatehouse {

namespace {

constexpr std::array<Lane, 4> AllLanes { Lane::Clients, Lane::Gateway, Lane::Services, Lane::Data };
constexpr double LaneHeader = 40; // startSize of the band: its title column
constexpr double LanePadding = 30; // space between a band's border and its nodes

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString esc(const QString &text)
{
    return DrawioWriter::clean(text).toHtmlEscaped();
}

QString formatMs(int ms)
{
    if (ms >= 1000 && ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 ms").arg(ms);
}

QString subtitle(const Node &node)
{
    switch (node.kind) {
    case NodeKind::Service:
        return node.role == ServiceRole::Generic ? QStringLiteral("service")
                                                 : QStringLiteral("service · %1").arg(nameOf(node.role));
    case NodeKind::Gateway: {
        QStringList parts { QStringLiteral("API gateway") };
        if (node.port > 0)
            parts.append(QStringLiteral("public :%1").arg(node.port));
        if (node.internalPort() > 0)
            parts.append(QStringLiteral("internal :%1").arg(node.internalPort()));
        return parts.join(QStringLiteral(" · "));
    }
    case NodeKind::DbPostgres:
        return QStringLiteral("PostgreSQL · %1").arg(node.databaseName());
    case NodeKind::CacheRedis:
        return QStringLiteral("Redis");
    case NodeKind::BusKafka:
        return QStringLiteral("Kafka");
    case NodeKind::ClientWeb:
    case NodeKind::ClientMobile:
    case NodeKind::ClientPartner: {
        QString text = displayName(node.kind).toLower();
        if (node.ratePerSecond() > 0)
            text += QStringLiteral(" · %1 req/s").arg(node.ratePerSecond());
        return text;
    }
    }
    return {};
}

QString nodeLabel(const Node &node)
{
    const QString name = node.name.isEmpty() ? node.id : node.name;
    return QStringLiteral("<b>%1</b><br><font style=\"font-size:10px\">%2</font>").arg(esc(name), esc(subtitle(node)));
}

QString routeLine(const Route &route)
{
    QString line = QStringLiteral("%1 %2").arg(esc(route.method), esc(route.path));
    if (route.visibility == RouteVisibility::Internal)
        return QStringLiteral("<i><font color=\"#9673a6\">%1 · internal</font></i>").arg(line);
    return line;
}

// Breaks plain text into lines of at most `width` characters (words are never split).
QStringList wrapWords(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QString edgeLabel(const Edge &edge, int wrapWidth)
{
    QStringList lines;
    if (!edge.label.isEmpty()) {
        QStringList wrapped = wrapWords(edge.label, wrapWidth);
        for (QString &part : wrapped)
            part = esc(part);
        lines.append(wrapped.join(QStringLiteral("<br>")));
    }
    for (const Route &route : edge.routes)
        lines.append(routeLine(route));
    for (const Topic &topic : edge.topics)
        lines.append(esc(topic.name));
    if (!edge.keyPrefix.isEmpty())
        lines.append(esc(edge.keyPrefix) + QStringLiteral("*"));
    if (edge.timeoutMs > 0 || edge.fallback.isSet()) {
        QString line;
        if (edge.timeoutMs > 0)
            line = QStringLiteral("timeout %1").arg(formatMs(edge.timeoutMs));
        if (edge.fallback.isSet()) {
            const QString what
                = edge.fallback.description.isEmpty() ? nameOf(edge.fallback.mode) : edge.fallback.description;
            line += (line.isEmpty() ? QString() : QStringLiteral(" → ")) + QStringLiteral("fallback: ") + what;
        }
        QStringList wrapped = wrapWords(line, wrapWidth);
        for (QString &part : wrapped)
            part = esc(part);
        lines.append(QStringLiteral("<font color=\"#b85450\">%1</font>").arg(wrapped.join(QStringLiteral("<br>"))));
    }
    return lines.join(QStringLiteral("<br>"));
}

bool isFallbackPath(const Edge &edge)
{
    return edge.kind == EdgeKind::Sync && edge.fallback.isSet();
}

const char *edgeLayer(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sync:
        return DrawioWriter::SyncLayerId;
    case EdgeKind::Publish:
    case EdgeKind::Subscribe:
        return DrawioWriter::AsyncLayerId;
    case EdgeKind::Owns:
    case EdgeKind::UsesCache:
        return DrawioWriter::DataLayerId;
    }
    return DrawioWriter::SyncLayerId;
}

// Export-only layout hints: where an edge leaves and enters its nodes, where its label sits
// and how wide the label may be. Derived from the geometry; never read back.
struct EdgeLayout
{
    QString style; // exitX/exitY/entryX/entryY when a straight line fits
    double labelX = 0; // draw.io's relative label position, -1 (source) .. 1 (target)
    int wrapWidth = 40; // characters per label line
};

QPointF closestPoint(const QRectF &rect, const QPointF &p)
{
    return QPointF(std::clamp(p.x(), rect.left(), rect.right()), std::clamp(p.y(), rect.top(), rect.bottom()));
}

// draw.io's exitX/exitY (entryX/entryY) for a page point on a node's border: fractions of the
// node's bounds, in the shape's unrotated frame (FORMAT.md §2). The Kafka bus is drawn with
// direction=south, i.e. turned 90° clockwise: undo that turn first.
QString constraint(const Node &node, const QPointF &point, const char *prefix)
{
    const QRectF r(node.position, node.size);
    double fx = (point.x() - r.left()) / r.width();
    double fy = (point.y() - r.top()) / r.height();
    if (node.kind == NodeKind::BusKafka) {
        fx = (point.y() - r.top()) / r.height();
        fy = (r.right() - point.x()) / r.width();
    }
    auto f = [](double v) { return DrawioWriter::number(std::round(std::clamp(v, 0.0, 1.0) * 1000) / 1000); };
    return QStringLiteral("%1X=%2;%1Y=%3;%1Perimeter=0;").arg(QString::fromLatin1(prefix), f(fx), f(fy));
}

EdgeLayout layoutEdge(const Edge &edge, const QHash<QString, const Node *> &nodes)
{
    EdgeLayout layout;
    const Node *from = nodes.value(edge.source);
    const Node *to = nodes.value(edge.target);
    if (!from || !to || from == to)
        return layout;
    const QRectF a(from->position, from->size), b(to->position, to->size);
    if (edge.waypoints.isEmpty()) {
        const double left = std::max(a.left(), b.left()), right = std::min(a.right(), b.right());
        const double top = std::max(a.top(), b.top()), bottom = std::min(a.bottom(), b.bottom());
        const bool verticalGap = a.bottom() <= b.top() || b.bottom() <= a.top();
        const bool horizontalGap = a.right() <= b.left() || b.right() <= a.left();
        // A straight line when the nodes face each other, as the canvas draws it.
        if (verticalGap && right - left >= 10) {
            const double x = (left + right) / 2;
            const bool down = a.bottom() <= b.top();
            layout.style = constraint(*from, QPointF(x, down ? a.bottom() : a.top()), "exit")
                + constraint(*to, QPointF(x, down ? b.top() : b.bottom()), "entry");
        } else if (horizontalGap && bottom - top >= 10) {
            const double y = (top + bottom) / 2;
            const bool rightwards = a.right() <= b.left();
            layout.style = constraint(*from, QPointF(rightwards ? a.right() : a.left(), y), "exit")
                + constraint(*to, QPointF(rightwards ? b.left() : b.right(), y), "entry");
            const double gap = rightwards ? b.left() - a.right() : a.left() - b.right();
            layout.wrapWidth = std::clamp(int(gap / 6.5), 14, 40);
        }
        return layout;
    }
    // Waypoints: straight segments through them (draw.io's orthogonal style would treat them
    // as loose hints), leaving and entering the nodes where the first and last point face them.
    const QPointF exit = closestPoint(a, edge.waypoints.first());
    const QPointF entry = closestPoint(b, edge.waypoints.last());
    layout.style
        = QStringLiteral("edgeStyle=none;") + constraint(*from, exit, "exit") + constraint(*to, entry, "entry");
    // Events and cache access: the label goes next to the source end, clear of the shapes the
    // line passes further on.
    if (edge.kind == EdgeKind::Publish || edge.kind == EdgeKind::Subscribe || edge.kind == EdgeKind::UsesCache) {
        QList<QPointF> path { exit };
        path += edge.waypoints;
        path.append(entry);
        double length = 0;
        for (qsizetype i = 1; i < path.size(); ++i)
            length += QLineF(path[i - 1], path[i]).length();
        const int lines = int(edge.topics.size() + (edge.label.isEmpty() ? 0 : 1) + (edge.keyPrefix.isEmpty() ? 0 : 1));
        const double distance = 14 + lines * 12.0 / 2;
        if (length > 2 * distance + 10)
            layout.labelX = std::round((-1 + 2 * distance / length) * 1000) / 1000;
    }
    return layout;
}

class PageWriter
{
public:
    PageWriter(QXmlStreamWriter &xml, const Topology &topology, bool legend)
        : m_xml(xml)
        , m_topology(topology)
        , m_legend(legend)
    {
        for (const Node &node : m_topology.nodes)
            m_nodes.insert(node.id, &node);
    }

    void write();

private:
    void attr(const char *name, const QString &value) { m_xml.writeAttribute(str(name), DrawioWriter::clean(value)); }
    void layer(const QString &id, const QString &name);
    void geometry(const QRectF &rect);
    void laneBands();
    void node(const Node &node);
    void edge(const Edge &edge);
    void legend();
    void legendLine(int row, const QString &style, const QString &text);
    void legendText(const QString &id, const QRectF &rect, const QString &html, const QString &style);
    QRectF bounds() const;

    QXmlStreamWriter &m_xml;
    const Topology &m_topology;
    QHash<QString, const Node *> m_nodes;
    bool m_legend;
    QRectF m_legendRect;
};

void PageWriter::layer(const QString &id, const QString &name)
{
    m_xml.writeStartElement(str("mxCell"));
    attr("id", id);
    attr("value", name);
    attr("parent", QStringLiteral("0"));
    m_xml.writeEndElement();
}

void PageWriter::geometry(const QRectF &rect)
{
    m_xml.writeStartElement(str("mxGeometry"));
    if (rect.x() != 0)
        attr("x", DrawioWriter::number(rect.x()));
    if (rect.y() != 0)
        attr("y", DrawioWriter::number(rect.y()));
    attr("width", DrawioWriter::number(rect.width()));
    attr("height", DrawioWriter::number(rect.height()));
    attr("as", QStringLiteral("geometry"));
    m_xml.writeEndElement();
}

QRectF PageWriter::bounds() const
{
    QRectF rect;
    for (const Node &node : m_topology.nodes)
        rect = rect.united(QRectF(node.position, node.size));
    for (const Edge &edge : m_topology.edges) {
        for (const QPointF &p : edge.waypoints)
            rect = rect.united(QRectF(p, QSizeF(1, 1)));
    }
    return rect;
}

// Bands are drawn behind the nodes of their lane, in the lane's layer. Nodes are not children
// of the band: their geometry stays in page coordinates, so positions survive exactly.
void PageWriter::laneBands()
{
    const QRectF all = bounds();
    struct Band
    {
        Lane lane;
        double top;
        double bottom;
    };
    std::vector<Band> bands;
    for (Lane lane : AllLanes) {
        double top = 0, bottom = 0;
        bool any = false;
        for (const Node &node : m_topology.nodes) {
            if (node.lane != lane)
                continue;
            top = any ? std::min(top, node.position.y()) : node.position.y();
            bottom = any ? std::max(bottom, node.position.y() + node.size.height())
                         : node.position.y() + node.size.height();
            any = true;
        }
        if (any)
            bands.push_back({ lane, std::floor(top - LanePadding), std::ceil(bottom + LanePadding) });
    }
    // Neighbouring bands must not overlap: meet in the middle of the gap (or the overlap).
    for (size_t i = 1; i < bands.size(); ++i) {
        if (bands[i - 1].bottom > bands[i].top - 8) {
            const double middle = std::floor((bands[i - 1].bottom + bands[i].top) / 2);
            bands[i - 1].bottom = middle - 4;
            bands[i].top = middle + 4;
        }
    }
    const double left = std::floor(all.left() - LanePadding - LaneHeader);
    const double right = std::ceil(all.right() + LanePadding);
    for (const Band &band : bands) {
        m_xml.writeStartElement(str("object"));
        attr("id", DrawioWriter::laneBandId(band.lane));
        attr("label", DrawioStyles::layerName(band.lane));
        attr("ghType", QStringLiteral("lane"));
        attr("lane", nameOf(band.lane));
        m_xml.writeStartElement(str("mxCell"));
        attr("style", DrawioStyles::laneStyle(band.lane));
        attr("vertex", QStringLiteral("1"));
        attr("parent", DrawioWriter::layerId(band.lane));
        geometry(QRectF(QPointF(left, band.top), QPointF(right, std::max(band.bottom, band.top + 1))));
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }
}

void PageWriter::node(const Node &node)
{
    m_xml.writeStartElement(str("object"));
    attr("id", DrawioWriter::cellId(node.id));
    attr("label", nodeLabel(node));
    attr("tooltip", node.description.isEmpty() ? node.name : node.description);
    attr("ghType", QStringLiteral("node"));
    attr("kind", nameOf(node.kind));
    if (node.kind == NodeKind::Service)
        attr("role", nameOf(node.role));
    attr("name", node.name);
    if (!node.description.isEmpty())
        attr("description", node.description);
    attr("lane", nameOf(node.lane));
    if (node.port != 0)
        attr("port", QString::number(node.port));
    if (node.z != 0)
        attr("z", QString::number(node.z));
    if (!node.properties.isEmpty())
        attr("properties", compactJson(node.properties));
    m_xml.writeStartElement(str("mxCell"));
    QString style = DrawioStyles::nodeStyle(node.kind);
    if (node.kind == NodeKind::Gateway)
        style += QStringLiteral("fontSize=13;");
    attr("style", style);
    attr("vertex", QStringLiteral("1"));
    attr("parent", DrawioWriter::layerId(node.lane));
    geometry(QRectF(node.position, node.size));
    m_xml.writeEndElement();
    m_xml.writeEndElement();
}

void PageWriter::edge(const Edge &edge)
{
    m_xml.writeStartElement(str("object"));
    attr("id", DrawioWriter::cellId(edge.id));
    const EdgeLayout layout = layoutEdge(edge, m_nodes);
    attr("label", edgeLabel(edge, layout.wrapWidth));
    attr("ghType", QStringLiteral("edge"));
    attr("kind", nameOf(edge.kind));
    if (!edge.label.isEmpty())
        attr("caption", edge.label);
    if (!edge.routes.isEmpty()) {
        QJsonArray routes;
        for (const Route &route : edge.routes)
            routes.append(TopologyJson::toJson(route));
        attr("routes", compactJson(routes));
    }
    if (!edge.topics.isEmpty()) {
        QJsonArray topics;
        for (const Topic &topic : edge.topics)
            topics.append(TopologyJson::toJson(topic));
        attr("topics", compactJson(topics));
    }
    if (!edge.consumerGroup.isEmpty())
        attr("consumerGroup", edge.consumerGroup);
    if (!edge.keyPrefix.isEmpty())
        attr("keyPrefix", edge.keyPrefix);
    if (edge.timeoutMs != 0)
        attr("timeoutMs", QString::number(edge.timeoutMs));
    if (edge.retries != 0)
        attr("retries", QString::number(edge.retries));
    if (edge.fallback.isSet()) {
        // TopologyJson writes fallbacks only inside routes/edges; reuse the edge's object.
        attr("fallback", compactJson(TopologyJson::toJson(edge).value(QStringLiteral("fallback")).toObject()));
    }
    if (!edge.circuitBreaker.isDefault())
        attr("circuitBreaker", compactJson(TopologyJson::toJson(edge.circuitBreaker)));
    if (!edge.properties.isEmpty())
        attr("properties", compactJson(edge.properties));

    m_xml.writeStartElement(str("mxCell"));
    attr("style",
        (isFallbackPath(edge) ? DrawioStyles::fallbackEdgeStyle() : DrawioStyles::edgeStyle(edge.kind)) + layout.style);
    attr("edge", QStringLiteral("1"));
    attr("parent", str(edgeLayer(edge.kind)));
    attr("source", DrawioWriter::cellId(edge.source));
    attr("target", DrawioWriter::cellId(edge.target));
    m_xml.writeStartElement(str("mxGeometry"));
    if (layout.labelX != 0)
        attr("x", DrawioWriter::number(layout.labelX));
    attr("relative", QStringLiteral("1"));
    attr("as", QStringLiteral("geometry"));
    if (!edge.waypoints.isEmpty()) {
        m_xml.writeStartElement(str("Array"));
        attr("as", QStringLiteral("points"));
        for (const QPointF &p : edge.waypoints) {
            m_xml.writeEmptyElement(str("mxPoint"));
            attr("x", DrawioWriter::number(p.x()));
            attr("y", DrawioWriter::number(p.y()));
        }
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement(); // mxGeometry
    m_xml.writeEndElement(); // mxCell
    m_xml.writeEndElement(); // object
}

void PageWriter::legendText(const QString &id, const QRectF &rect, const QString &html, const QString &style)
{
    m_xml.writeStartElement(str("object"));
    attr("id", id);
    attr("label", html);
    attr("ghType", QStringLiteral("legend"));
    m_xml.writeStartElement(str("mxCell"));
    attr("style", style);
    attr("vertex", QStringLiteral("1"));
    attr("parent", str(DrawioWriter::LegendLayerId));
    geometry(rect);
    m_xml.writeEndElement();
    m_xml.writeEndElement();
}

void PageWriter::legendLine(int row, const QString &style, const QString &text)
{
    const double y = m_legendRect.top() + 44 + row * 30;
    const double x = m_legendRect.left() + 14;
    const QString id = QStringLiteral("legend:%1").arg(row);
    m_xml.writeStartElement(str("object"));
    attr("id", id + QStringLiteral(":line"));
    attr("label", QString());
    attr("ghType", QStringLiteral("legend"));
    m_xml.writeStartElement(str("mxCell"));
    attr("style", style);
    attr("edge", QStringLiteral("1"));
    attr("parent", str(DrawioWriter::LegendLayerId));
    m_xml.writeStartElement(str("mxGeometry"));
    attr("relative", QStringLiteral("1"));
    attr("as", QStringLiteral("geometry"));
    for (const auto &[as, px] : { std::pair { "sourcePoint", x }, std::pair { "targetPoint", x + 60 } }) {
        m_xml.writeEmptyElement(str("mxPoint"));
        attr("x", DrawioWriter::number(px));
        attr("y", DrawioWriter::number(y));
        attr("as", str(as));
    }
    m_xml.writeEndElement();
    m_xml.writeEndElement();
    m_xml.writeEndElement();
    legendText(id + QStringLiteral(":text"), QRectF(x + 70, y - 10, m_legendRect.width() - 98, 20), text,
        QStringLiteral("text;html=1;align=left;verticalAlign=middle;fontSize=11;"));
}

void PageWriter::legend()
{
    const QRectF all = bounds();
    m_legendRect = QRectF(std::ceil(all.right() + LanePadding + 40), std::floor(all.top() - LanePadding), 280, 270);
    m_xml.writeStartElement(str("object"));
    attr("id", QStringLiteral("legend:box"));
    attr("label", QStringLiteral("Legend"));
    attr("ghType", QStringLiteral("legend"));
    m_xml.writeStartElement(str("mxCell"));
    attr("style",
        QStringLiteral("swimlane;startSize=30;html=1;fontStyle=1;fillColor=#f5f5f5;strokeColor=#666666;"
                       "swimlaneFillColor=#ffffff;collapsible=0;container=0;rounded=1;arcSize=4;"));
    attr("vertex", QStringLiteral("1"));
    attr("parent", str(DrawioWriter::LegendLayerId));
    geometry(m_legendRect);
    m_xml.writeEndElement();
    m_xml.writeEndElement();

    legendLine(0, DrawioStyles::edgeStyle(EdgeKind::Sync), QStringLiteral("sync call (HTTP) · routes"));
    legendLine(1, DrawioStyles::edgeStyle(EdgeKind::Publish), QStringLiteral("async event (Kafka) · topics"));
    legendLine(2, DrawioStyles::fallbackEdgeStyle(), QStringLiteral("call with timeout → fallback"));
    legendLine(3, DrawioStyles::edgeStyle(EdgeKind::Owns), QStringLiteral("owns its database"));
    legendLine(4, DrawioStyles::edgeStyle(EdgeKind::UsesCache), QStringLiteral("uses cache · key prefix"));
    const double y = m_legendRect.top() + 44 + 5 * 30;
    legendText(QStringLiteral("legend:routes"), QRectF(m_legendRect.left() + 14, y - 10, m_legendRect.width() - 28, 44),
        QStringLiteral("GET /public — public route<br>")
            + routeLine(Route { QStringLiteral("GET"), QStringLiteral("/admin"), RouteVisibility::Internal,
                AuthMode::Admin, {}, 0, 0, {} })
            + QStringLiteral(" route"),
        QStringLiteral("text;html=1;align=left;verticalAlign=middle;fontSize=11;"));
    legendText(QStringLiteral("legend:layers"), QRectF(m_legendRect.left() + 14, y + 36, m_legendRect.width() - 28, 36),
        QStringLiteral(
            "<font color=\"#666666\">Layers panel (Ctrl+Shift+L) toggles lanes, sync calls, events and data.</font>"),
        QStringLiteral("text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=10;"));
}

void PageWriter::write()
{
    m_xml.writeStartElement(str("mxGraphModel"));
    attr("dx", QStringLiteral("0"));
    attr("dy", QStringLiteral("0"));
    attr("grid", QStringLiteral("1"));
    attr("gridSize", QStringLiteral("10"));
    attr("guides", QStringLiteral("1"));
    attr("tooltips", QStringLiteral("1"));
    attr("connect", QStringLiteral("1"));
    attr("arrows", QStringLiteral("1"));
    attr("fold", QStringLiteral("1"));
    attr("page", QStringLiteral("0"));
    attr("pageScale", QStringLiteral("1"));
    attr("math", QStringLiteral("0"));
    attr("shadow", QStringLiteral("0"));
    m_xml.writeStartElement(str("root"));

    // The root cell carries the topology's own fields (draw.io: Edit > Edit Data with nothing selected).
    m_xml.writeStartElement(str("object"));
    attr("id", QStringLiteral("0"));
    attr("ghType", QStringLiteral("topology"));
    attr("ghFormat", QStringLiteral("1"));
    if (!m_topology.name.isEmpty())
        attr("name", m_topology.name);
    if (!m_topology.description.isEmpty())
        attr("description", m_topology.description);
    const QJsonObject run = TopologyJson::toJson(m_topology.runSettings);
    if (!run.isEmpty())
        attr("runSettings", compactJson(run));
    m_xml.writeEmptyElement(str("mxCell"));
    m_xml.writeEndElement();

    // Layers, bottom to top: lanes, data ownership, sync calls, async events, legend.
    for (Lane lane : AllLanes)
        layer(DrawioWriter::layerId(lane), DrawioStyles::layerName(lane));
    layer(str(DrawioWriter::DataLayerId), QStringLiteral("Data ownership & cache"));
    layer(str(DrawioWriter::SyncLayerId), QStringLiteral("Sync calls (HTTP)"));
    layer(str(DrawioWriter::AsyncLayerId), QStringLiteral("Async events (Kafka)"));
    if (m_legend)
        layer(str(DrawioWriter::LegendLayerId), QStringLiteral("Legend"));

    laneBands();
    Topology sorted = m_topology;
    sorted.sortById();
    // draw.io stacks cells in document order: lower z first, so higher z ends up on top.
    std::stable_sort(sorted.nodes.begin(), sorted.nodes.end(), [](const Node &a, const Node &b) { return a.z < b.z; });
    for (Lane lane : AllLanes) {
        for (const Node &n : sorted.nodes) {
            if (n.lane == lane)
                node(n);
        }
    }
    for (const Edge &e : sorted.edges)
        edge(e);
    if (m_legend)
        legend();

    m_xml.writeEndElement(); // root
    m_xml.writeEndElement(); // mxGraphModel
}

} // namespace

QString DrawioWriter::layerId(Lane lane)
{
    return QStringLiteral("layer:") + nameOf(lane);
}
QString DrawioWriter::laneBandId(Lane lane)
{
    return QStringLiteral("lane:") + nameOf(lane);
}

QString DrawioWriter::cellId(const QString &modelId)
{
    return modelId == QLatin1String("0") ? QStringLiteral("gh:0") : modelId;
}

QString DrawioWriter::clean(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        if (u == 0xFFFE || u == 0xFFFF)
            continue;
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out.append(c);
                out.append(text.at(++i));
            }
            continue;
        }
        if (c.isLowSurrogate())
            continue;
        out.append(c);
    }
    return out;
}

QString DrawioWriter::number(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("0");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray DrawioWriter::write(const Topology &topology, const Options &options)
{
    QByteArray page;
    if (options.compressed) {
        QXmlStreamWriter compact(&page);
        PageWriter(compact, topology, options.legend).write();
    }

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartElement(str("mxfile"));
    xml.writeAttribute(str("host"), QStringLiteral("Gatehouse"));
    xml.writeAttribute(str("compressed"), options.compressed ? QStringLiteral("true") : QStringLiteral("false"));
    xml.writeStartElement(str("diagram"));
    xml.writeAttribute(str("id"), QStringLiteral("gatehouse-topology"));
    xml.writeAttribute(str("name"), clean(topology.name.isEmpty() ? QStringLiteral("Topology") : topology.name));
    if (options.compressed)
        xml.writeCharacters(QString::fromLatin1(DrawioCodec::compressPage(QString::fromUtf8(page))));
    else
        PageWriter(xml, topology, options.legend).write();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    // Auto-formatting starts the document with a line break; a file starts with its element.
    while (out.startsWith('\n'))
        out.remove(0, 1);
    return out;
}

} // namespace Gatehouse
