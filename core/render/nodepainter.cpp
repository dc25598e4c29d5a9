#include "nodepainter.h"

#include "diagramstyle.h"
#include "textcache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace Gatehouse {

namespace {

void drawWebIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    p.setPen(QPen(c, 1.4));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(r, 2, 2);
    p.drawLine(QPointF(r.left(), r.top() + r.height() * 0.3), QPointF(r.right(), r.top() + r.height() * 0.3));
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    for (int i = 0; i < 3; ++i)
        p.drawEllipse(QPointF(r.left() + 3 + i * 3.5, r.top() + r.height() * 0.15), 1.0, 1.0);
}

void drawMobileIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    const QRectF phone(r.center().x() - r.width() * 0.32, r.top(), r.width() * 0.64, r.height());
    p.setPen(QPen(c, 1.4));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(phone, 3, 3);
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(phone.center().x(), phone.bottom() - 2.5), 1.1, 1.1);
}

void drawPartnerIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    // A key: the partner authenticates with an API key.
    p.setPen(QPen(c, 1.6));
    p.setBrush(Qt::NoBrush);
    const qreal rad = r.height() * 0.26;
    const QPointF ring(r.left() + rad + 1, r.center().y());
    p.drawEllipse(ring, rad, rad);
    p.drawLine(QPointF(ring.x() + rad, ring.y()), QPointF(r.right(), ring.y()));
    p.drawLine(QPointF(r.right() - 1, ring.y()), QPointF(r.right() - 1, ring.y() + rad));
    p.drawLine(QPointF(r.right() - 4.5, ring.y()), QPointF(r.right() - 4.5, ring.y() + rad * 0.8));
}

void drawShieldIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    QPainterPath shield;
    shield.moveTo(r.center().x(), r.top());
    shield.lineTo(r.right(), r.top() + r.height() * 0.2);
    shield.quadTo(r.right(), r.bottom() - r.height() * 0.2, r.center().x(), r.bottom());
    shield.quadTo(r.left(), r.bottom() - r.height() * 0.2, r.left(), r.top() + r.height() * 0.2);
    shield.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPath(shield);
}

void drawRedisIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    // Three stacked diamonds.
    p.setPen(QPen(Qt::white, 0.8));
    p.setBrush(c);
    for (int i = 2; i >= 0; --i) {
        const qreal y = r.top() + i * r.height() * 0.22;
        QPolygonF d;
        d << QPointF(r.center().x(), y) << QPointF(r.right(), y + r.height() * 0.18)
          << QPointF(r.center().x(), y + r.height() * 0.36) << QPointF(r.left(), y + r.height() * 0.18);
        p.drawPolygon(d);
    }
}

void drawKafkaIcon(QPainter &p, const QRectF &r, const QColor &c)
{
    // Kafka's logo idea: a node with three linked nodes.
    p.setPen(QPen(c, 1.3));
    p.setBrush(Qt::NoBrush);
    const QPointF mid(r.left() + r.width() * 0.4, r.center().y());
    const QPointF a(r.left() + r.width() * 0.4, r.top() + 2), b(r.left() + r.width() * 0.4, r.bottom() - 2),
        d(r.right() - 2, r.center().y());
    p.drawLine(mid, a);
    p.drawLine(mid, b);
    p.drawLine(mid, d);
    for (const QPointF &pt : { mid, a, b, d })
        p.drawEllipse(pt, 2.2, 2.2);
}

void drawChip(
    QPainter &p, const QPointF &topLeft, const QString &text, const QColor &bg, const QColor &fg, qreal *width)
{
    const QFont f = DiagramStyle::chipFont();
    const QFontMetricsF fm(f);
    const qreal w = fm.horizontalAdvance(text) + 10;
    const QRectF chip(topLeft, QSizeF(w, fm.height() + 4));
    p.setPen(Qt::NoPen);
    p.setBrush(bg);
    p.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    p.setPen(fg);
    TextCache::draw(p, f, text, chip, Qt::AlignCenter);
    if (width)
        *width = w;
}

} // namespace

QString NodePainter::subtitle(const Node &node)
{
    QStringList parts;
    switch (node.kind) {
    case NodeKind::Service:
        parts << (node.role == ServiceRole::Generic ? QStringLiteral("service")
                                                    : nameOf(node.role) + QStringLiteral(" service"));
        break;
    case NodeKind::Gateway:
        parts << QStringLiteral("gateway");
        break;
    case NodeKind::DbPostgres:
        parts << QStringLiteral("PostgreSQL");
        break;
    case NodeKind::CacheRedis:
        parts << QStringLiteral("Redis");
        break;
    case NodeKind::BusKafka:
        parts << QStringLiteral("Kafka");
        break;
    default:
        parts << (node.kind == NodeKind::ClientWeb    ? QStringLiteral("web")
                : node.kind == NodeKind::ClientMobile ? QStringLiteral("mobile")
                                                      : QStringLiteral("partner"));
        if (node.ratePerSecond() > 0)
            parts << QStringLiteral("%1 req/s").arg(node.ratePerSecond());
        break;
    }
    if (node.port > 0)
        parts << QStringLiteral(":%1").arg(node.port);
    return parts.join(QStringLiteral(" · "));
}

QStringList NodePainter::crossCuttingMarks(const Node &node, const Topology &topology, ViewFilters filters)
{
    QStringList marks;
    if (!(filters & ViewFilter::CrossCutting) || node.kind != NodeKind::Gateway)
        return marks;
    bool jwt = false, apiKey = false, admin = false, rateLimit = false;
    for (const Edge *e : topology.outgoing(node.id, EdgeKind::Sync)) {
        for (const Route &r : e->routes) {
            jwt |= r.auth == AuthMode::Jwt;
            apiKey |= r.auth == AuthMode::ApiKey;
            admin |= r.auth == AuthMode::Admin;
            rateLimit |= r.rateLimit.isSet();
        }
    }
    if (jwt)
        marks << QStringLiteral("JWT auth");
    if (apiKey)
        marks << QStringLiteral("API keys");
    if (admin && (filters & ViewFilter::InternalRoutes))
        marks << QStringLiteral("admin role");
    if (rateLimit) {
        const bool failOpen = node.rateLimitFailOpen();
        marks << (failOpen ? QStringLiteral("rate limit · fail-open") : QStringLiteral("rate limit · fail-closed"));
    }
    if (node.requestLogging())
        marks << QStringLiteral("request log");
    if (node.internalPort() > 0 && (filters & ViewFilter::InternalRoutes))
        marks << QStringLiteral("internal :%1").arg(node.internalPort());
    return marks;
}

void NodePainter::paint(QPainter &p, const Node &node, const Context &ctx)
{
    const DiagramStyle::NodeColors colors = DiagramStyle::nodeColors(node);
    const QRectF r = rect(node);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);

    QRectF textArea = r.adjusted(10, 6, -8, -6);
    QRectF iconRect;
    const qreal icon = std::min<qreal>(22, r.height() * 0.4);

    switch (node.kind) {
    case NodeKind::DbPostgres: {
        const qreal cap = std::min<qreal>(r.height() * 0.22, 16);
        QPainterPath body;
        body.moveTo(r.left(), r.top() + cap / 2);
        body.lineTo(r.left(), r.bottom() - cap / 2);
        body.arcTo(QRectF(r.left(), r.bottom() - cap, r.width(), cap), 180, 180);
        body.lineTo(r.right(), r.top() + cap / 2);
        body.arcTo(QRectF(r.left(), r.top(), r.width(), cap), 0, 180);
        p.setPen(QPen(colors.stroke, 1.5));
        p.setBrush(colors.fill);
        p.drawPath(body);
        p.setBrush(colors.fill.darker(106));
        p.drawEllipse(QRectF(r.left(), r.top(), r.width(), cap));
        textArea = QRectF(r.left() + 6, r.top() + cap + 2, r.width() - 12, r.height() - cap * 1.5 - 4);
        break;
    }
    case NodeKind::BusKafka: {
        p.setPen(QPen(colors.stroke, 1.5));
        p.setBrush(colors.fill);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        // Log segments: the bus is an append-only log.
        p.setPen(QPen(QColor(0x55, 0x55, 0x60), 1.0));
        const qreal segTop = r.top() + r.height() * 0.25, segBottom = r.bottom() - r.height() * 0.25;
        for (qreal x = r.left() + r.height(); x < r.right() - r.height() * 0.6; x += 14)
            p.drawLine(QPointF(x, segTop), QPointF(x, segBottom));
        iconRect = QRectF(r.left() + r.height() * 0.45, r.center().y() - icon / 2, icon, icon);
        drawKafkaIcon(p, iconRect, QColor(0xc4, 0xb5, 0xfd));
        // Text on a dark plate so the segment lines do not cross it.
        textArea = QRectF(iconRect.right() + 8, r.top() + 4, 300, r.height() - 8);
        p.setPen(Qt::NoPen);
        p.setBrush(colors.fill);
        p.drawRect(textArea.adjusted(-4, 2, 4, -2));
        break;
    }
    case NodeKind::Gateway: {
        p.setPen(QPen(colors.stroke, 2));
        p.setBrush(colors.fill);
        p.drawRoundedRect(r, 8, 8);
        p.setPen(QPen(colors.accent, 3));
        p.drawLine(QPointF(r.left() + 8, r.top() + 1.5), QPointF(r.right() - 8, r.top() + 1.5));
        iconRect = QRectF(r.left() + 14, r.center().y() - icon / 2 - 1, icon * 0.85, icon);
        drawShieldIcon(p, iconRect, colors.accent);
        textArea = QRectF(iconRect.right() + 12, r.top() + 8, r.width() - icon - 40, r.height() - 16);
        break;
    }
    case NodeKind::Service: {
        p.setPen(QPen(colors.stroke, 1.2));
        p.setBrush(colors.fill);
        p.drawRoundedRect(r, 6, 6);
        // The role stripe: the left edge of the rounded box, built directly (path boolean
        // operations per paint are too slow for thousands of nodes).
        QPainterPath stripe;
        stripe.moveTo(r.left() + 6, r.top());
        stripe.lineTo(r.left() + 6, r.bottom());
        stripe.arcTo(QRectF(r.left(), r.bottom() - 12, 12, 12), 270, -90);
        stripe.lineTo(r.left(), r.top() + 6);
        stripe.arcTo(QRectF(r.left(), r.top(), 12, 12), 180, -90);
        stripe.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(colors.accent);
        p.drawPath(stripe);
        textArea = r.adjusted(16, 6, -8, -6);
        break;
    }
    case NodeKind::CacheRedis: {
        p.setPen(QPen(colors.stroke, 1.5));
        p.setBrush(colors.fill);
        p.drawRoundedRect(r, 10, 10);
        iconRect = QRectF(r.left() + 10, r.center().y() - icon / 2, icon, icon);
        drawRedisIcon(p, iconRect, colors.accent);
        textArea = QRectF(iconRect.right() + 8, r.top() + 6, r.right() - iconRect.right() - 14, r.height() - 12);
        break;
    }
    case NodeKind::ClientWeb:
    case NodeKind::ClientMobile:
    case NodeKind::ClientPartner: {
        p.setPen(QPen(colors.stroke, 1.4));
        p.setBrush(colors.fill);
        p.drawRoundedRect(r, 14, 14);
        iconRect = QRectF(r.left() + 12, r.center().y() - icon / 2, icon, icon * 0.85);
        if (node.kind == NodeKind::ClientWeb)
            drawWebIcon(p, iconRect, colors.accent);
        else if (node.kind == NodeKind::ClientMobile)
            drawMobileIcon(p, iconRect, colors.accent);
        else
            drawPartnerIcon(p, iconRect, colors.accent);
        textArea = QRectF(iconRect.right() + 8, r.top() + 6, r.right() - iconRect.right() - 14, r.height() - 12);
        break;
    }
    }

    // Title and subtitle, vertically centred as a block.
    const QFont titleFont = DiagramStyle::nodeTitleFont();
    const QFont subFont = DiagramStyle::nodeSubtitleFont();
    const QFontMetricsF tfm(titleFont), sfm(subFont);
    const QString sub = ctx.drawLabels ? subtitle(node) : QString();
    const qreal blockH = tfm.height() + (sub.isEmpty() ? 0 : sfm.height() + 1);
    const bool centred = node.kind == NodeKind::DbPostgres;
    const Qt::Alignment align = (centred ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignTop;
    qreal y = textArea.center().y() - blockH / 2;
    p.setPen(colors.text);
    TextCache::draw(p, titleFont, node.name.isEmpty() ? node.id : node.name,
        QRectF(textArea.left(), y, textArea.width(), tfm.height()), align);
    y += tfm.height() + 1;
    if (!sub.isEmpty()) {
        p.setPen(colors.subtext);
        TextCache::draw(p, subFont, sub, QRectF(textArea.left(), y, textArea.width(), sfm.height()), align);
    }

    // Cross-cutting badges, right-aligned on the node (the gateway has room for them).
    if (ctx.drawLabels && !ctx.marks.isEmpty()) {
        qreal x = r.right() - 12;
        const QFontMetricsF cfm(DiagramStyle::chipFont());
        const qreal chipY = r.center().y() - (cfm.height() + 4) / 2;
        for (auto it = ctx.marks.crbegin(); it != ctx.marks.crend(); ++it) {
            const qreal w = cfm.horizontalAdvance(*it) + 10;
            x -= w;
            if (x < textArea.left() + 220)
                break;
            drawChip(p, QPointF(x, chipY), *it, QColor(0xf5, 0xb7, 0x2d), QColor(0x1e, 0x2a, 0x4a), nullptr);
            x -= 6;
        }
    }

    if (ctx.selected) {
        p.setPen(QPen(DiagramStyle::selectionColor(), 2.0, Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 8, 8);
    }
    p.restore();
}

} // namespace Gatehouse
