#include "lanepainter.h"

#include "diagramstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <limits>

namespace Gatehouse {

QString LanePainter::caption(Lane lane)
{
    switch (lane) {
    case Lane::Clients:
        return QStringLiteral("CLIENTS");
    case Lane::Gateway:
        return QStringLiteral("GATEWAY");
    case Lane::Services:
        return QStringLiteral("SERVICES");
    case Lane::Data:
        return QStringLiteral("DATA");
    }
    return {};
}

QList<LaneBand> LanePainter::computeBands(const QList<Node> &nodes, qreal minRight)
{
    constexpr qreal Pad = 18;
    constexpr int LaneCount = 4;
    qreal top[LaneCount], bottom[LaneCount];
    std::fill(std::begin(top), std::end(top), std::numeric_limits<qreal>::max());
    std::fill(std::begin(bottom), std::end(bottom), std::numeric_limits<qreal>::lowest());
    qreal left = std::numeric_limits<qreal>::max(), right = minRight;
    for (const Node &n : nodes) {
        const int i = int(n.lane);
        top[i] = std::min(top[i], n.position.y());
        bottom[i] = std::max(bottom[i], n.position.y() + n.size.height());
        left = std::min(left, n.position.x());
        right = std::max(right, n.position.x() + n.size.width());
    }
    QList<LaneBand> bands;
    for (int i = 0; i < LaneCount; ++i) {
        if (top[i] > bottom[i])
            continue;
        bands.append({ Lane(i), QRectF(left - HeaderWidth - Pad, top[i] - Pad, 0, bottom[i] - top[i] + 2 * Pad) });
    }
    for (LaneBand &b : bands)
        b.rect.setRight(right + Pad);
    for (int i = 0; i + 1 < bands.size(); ++i) {
        QRectF &a = bands[i].rect;
        QRectF &b = bands[i + 1].rect;
        // Bands touch: the gap between two lanes (where their edges' labels sit) belongs to
        // both halves, so the diagram reads as one continuous set of bands.
        const qreal mid = (a.bottom() + b.top()) / 2;
        a.setBottom(mid);
        b.setTop(mid);
    }
    return bands;
}

std::optional<Lane> LanePainter::laneAt(const QList<LaneBand> &bands, qreal y)
{
    for (const LaneBand &band : bands) {
        if (y >= band.rect.top() && y < band.rect.bottom())
            return band.lane;
    }
    return std::nullopt;
}

void LanePainter::paint(QPainter &p, const QList<LaneBand> &bands)
{
    p.save();
    // Axis-aligned bands: without antialiasing the raster engine fills them as plain spans,
    // which matters because they cover the whole viewport on every frame.
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFont font = DiagramStyle::laneFont();
    const QFontMetricsF fm(font);
    for (const LaneBand &band : bands) {
        const QRectF &r = band.rect;
        p.setPen(Qt::NoPen);
        p.setBrush(DiagramStyle::laneFill(band.lane));
        p.drawRect(r);
        // Caption column.
        const QRectF header(r.left(), r.top(), HeaderWidth, r.height());
        p.setBrush(
            band.lane == Lane::Gateway ? QColor(0x1e, 0x2a, 0x4a) : DiagramStyle::laneFill(band.lane).darker(108));
        p.drawRect(header);
        p.setPen(QPen(QColor(0xd7, 0xdc, 0xe4), 1));
        p.drawLine(r.bottomLeft(), r.bottomRight());
        p.save();
        p.translate(header.center());
        p.rotate(-90);
        p.setFont(font);
        p.setPen(band.lane == Lane::Gateway ? QColor(0xf5, 0xb7, 0x2d) : DiagramStyle::laneText());
        const QString text = fm.elidedText(caption(band.lane), Qt::ElideRight, r.height() - 8);
        p.drawText(QRectF(-r.height() / 2, -HeaderWidth / 2, r.height(), HeaderWidth), Qt::AlignCenter, text);
        p.restore();
    }
    p.restore();
}

} // namespace Gatehouse
