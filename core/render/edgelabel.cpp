#include "edgelabel.h"

#include "diagramstyle.h"
#include "textcache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <array>
#include <optional>

namespace Gatehouse {

namespace {

constexpr qreal PadX = 5, PadY = 3, ChipPadX = 4, SpanGap = 4;

QString authChip(AuthMode auth)
{
    switch (auth) {
    case AuthMode::None:
        return QStringLiteral("no auth");
    case AuthMode::Jwt:
        return QStringLiteral("JWT");
    case AuthMode::ApiKey:
        return QStringLiteral("API key");
    case AuthMode::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

QString rateChip(const RateLimit &limit)
{
    if (limit.windowSeconds == 60)
        return QStringLiteral("%1/min").arg(limit.requests);
    if (limit.windowSeconds == 1)
        return QStringLiteral("%1/s").arg(limit.requests);
    return QStringLiteral("%1/%2s").arg(limit.requests).arg(limit.windowSeconds);
}

QString duration(int ms)
{
    if (ms >= 1000 && ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 ms").arg(ms);
}

QString fallbackText(const Fallback &fb)
{
    switch (fb.mode) {
    case FallbackMode::None:
        return {};
    case FallbackMode::StaticResponse:
        return QStringLiteral("fallback %1").arg(fb.status);
    case FallbackMode::Defer:
        return QStringLiteral("fallback: defer");
    }
    return {};
}

enum class FontKind { Regular, Bold, Chip, Italic };
constexpr std::size_t FontKinds = 4;

FontKind fontKind(EdgeLabel::SpanStyle style)
{
    switch (style) {
    case EdgeLabel::SpanStyle::Method:
        return FontKind::Bold;
    case EdgeLabel::SpanStyle::Chip:
    case EdgeLabel::SpanStyle::InternalChip:
    case EdgeLabel::SpanStyle::FailureChip:
        return FontKind::Chip;
    case EdgeLabel::SpanStyle::Muted:
        return FontKind::Italic;
    default:
        return FontKind::Regular;
    }
}

QFont makeFont(FontKind kind)
{
    switch (kind) {
    case FontKind::Bold:
        return DiagramStyle::labelBoldFont();
    case FontKind::Chip:
        return DiagramStyle::chipFont();
    case FontKind::Italic: {
        QFont f = DiagramStyle::labelFont();
        f.setItalic(true);
        return f;
    }
    case FontKind::Regular:
        break;
    }
    return DiagramStyle::labelFont();
}

// The label fonts (and their metrics), each made on first use: one QFont per kind per
// build() or paint() call instead of one per span.
class LabelFonts
{
public:
    const QFont &font(FontKind kind)
    {
        std::optional<QFont> &slot = m_fonts[std::size_t(kind)];
        if (!slot)
            slot = makeFont(kind);
        return *slot;
    }
    const QFont &font(EdgeLabel::SpanStyle style) { return font(fontKind(style)); }
    const QFontMetricsF &metrics(FontKind kind)
    {
        std::optional<QFontMetricsF> &slot = m_metrics[std::size_t(kind)];
        if (!slot)
            slot.emplace(font(kind));
        return *slot;
    }

private:
    std::array<std::optional<QFont>, FontKinds> m_fonts;
    std::array<std::optional<QFontMetricsF>, FontKinds> m_metrics;
};

bool isChip(EdgeLabel::SpanStyle s)
{
    return s == EdgeLabel::SpanStyle::Chip || s == EdgeLabel::SpanStyle::InternalChip
        || s == EdgeLabel::SpanStyle::FailureChip;
}

qreal spanWidth(LabelFonts &fonts, const EdgeLabel::Span &span)
{
    const qreal w = fonts.metrics(fontKind(span.style)).horizontalAdvance(span.text);
    return isChip(span.style) ? w + 2 * ChipPadX : w;
}

// Splits long prose (fallback descriptions) into lines of at most `width` pixels.
QStringList wrap(const QString &text, qreal width, const QFontMetricsF &fm)
{
    QStringList lines;
    QString current;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (!current.isEmpty() && fm.horizontalAdvance(candidate) > width) {
            lines << current;
            current = word;
        } else {
            current = candidate;
        }
    }
    if (!current.isEmpty())
        lines << current;
    return lines;
}

} // namespace

EdgeLabel EdgeLabel::build(const Edge &edge, ViewFilters filters)
{
    using S = SpanStyle;
    EdgeLabel label;
    LabelFonts fonts;
    const bool cross = filters & ViewFilter::CrossCutting;
    const bool failure = filters & ViewFilter::FailurePaths;

    if (edge.kind == EdgeKind::Sync && !edge.routes.isEmpty()) {
        for (const Route &r : edge.routes) {
            if (!isRouteVisible(r, filters))
                continue;
            Line line;
            const bool internal = r.visibility == RouteVisibility::Internal;
            line << Span { r.method, internal ? S::Muted : S::Method }
                 << Span { r.path, internal ? S::Muted : S::Text };
            if (internal)
                line << Span { QStringLiteral("internal"), S::InternalChip };
            if (cross && (r.auth != AuthMode::None || !internal))
                line << Span { authChip(r.auth), r.auth == AuthMode::None ? S::FailureChip : S::Chip };
            if (cross && r.rateLimit.isSet())
                line << Span { rateChip(r.rateLimit), S::Chip };
            if (failure && r.fallback.isSet()) {
                line << Span { fallbackText(r.fallback), S::FailureChip };
                label.hasFailurePath = true;
            }
            label.lines << line;
        }
    } else if (edge.kind == EdgeKind::Publish || edge.kind == EdgeKind::Subscribe) {
        for (const Topic &t : edge.topics)
            label.lines << Line { Span { t.name, S::Text } };
        if (!edge.consumerGroup.isEmpty())
            label.lines << Line { Span { QStringLiteral("group ") + edge.consumerGroup, S::Muted } };
    } else if (edge.kind == EdgeKind::UsesCache) {
        if (!edge.keyPrefix.isEmpty())
            label.lines << Line { Span { edge.keyPrefix + QStringLiteral("*"), S::Muted } };
    }

    if (!edge.label.isEmpty() && edge.kind != EdgeKind::Owns)
        label.lines.prepend(Line { Span { edge.label, S::Text } });

    if (edge.kind == EdgeKind::Sync && failure && (edge.timeoutMs > 0 || edge.fallback.isSet())) {
        Line line;
        if (edge.timeoutMs > 0)
            line << Span { QStringLiteral("timeout ") + duration(edge.timeoutMs), S::FailureChip };
        if (edge.fallback.isSet())
            line << Span { fallbackText(edge.fallback), S::FailureChip };
        label.lines << line;
        label.hasFailurePath = true;
        if (!edge.fallback.description.isEmpty()) {
            for (const QString &text : wrap(edge.fallback.description, 210, fonts.metrics(FontKind::Regular)))
                label.lines << Line { Span { text, S::FailureText } };
        }
    }

    if (label.lines.isEmpty())
        return label;
    qreal width = 0;
    for (Line &line : label.lines) {
        qreal w = 0;
        for (Span &span : line) {
            span.width = spanWidth(fonts, span);
            w += span.width + SpanGap;
        }
        width = std::max(width, w - SpanGap);
    }
    label.lineHeight = fonts.metrics(FontKind::Regular).height() + 1;
    label.chipHeight = fonts.metrics(FontKind::Chip).height();
    label.size = QSizeF(width + 2 * PadX, label.lines.size() * label.lineHeight + 2 * PadY);
    return label;
}

void EdgeLabel::paint(QPainter &p, const QRectF &rect) const
{
    if (lines.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xd5, 0xdb, 0xe3), 0.8));
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRoundedRect(rect, 3, 3);
    // Everything was measured in build(). The font is set before the chip box too, so an SVG
    // export writes the same group attributes as it always did.
    LabelFonts fonts;
    const qreal lh = lineHeight;
    qreal y = rect.top() + PadY;
    for (const Line &line : lines) {
        qreal x = rect.left() + PadX;
        for (const Span &span : line) {
            const QFont &f = fonts.font(span.style);
            const qreal w = span.width;
            p.setFont(f);
            if (isChip(span.style)) {
                const QRectF chip(x, y + (lh - chipHeight - 2) / 2, w, chipHeight + 2);
                QColor bg, fg;
                switch (span.style) {
                case SpanStyle::InternalChip:
                    bg = QColor(0xe2, 0xe8, 0xf0);
                    fg = QColor(0x47, 0x55, 0x69);
                    break;
                case SpanStyle::FailureChip:
                    bg = QColor(0xff, 0xed, 0xd5);
                    fg = QColor(0xb4, 0x53, 0x09);
                    break;
                default:
                    bg = QColor(0xfe, 0xf3, 0xc7);
                    fg = QColor(0x78, 0x50, 0x0a);
                    break;
                }
                p.setPen(Qt::NoPen);
                p.setBrush(bg);
                p.drawRoundedRect(chip, 3, 3);
                p.setPen(fg);
                TextCache::draw(p, f, span.text, chip, Qt::AlignCenter);
            } else {
                QColor c(0x1e, 0x29, 0x3b);
                if (span.style == SpanStyle::Muted)
                    c = QColor(0x64, 0x74, 0x8b);
                else if (span.style == SpanStyle::FailureText)
                    c = QColor(0xb4, 0x53, 0x09);
                else if (span.style == SpanStyle::Method)
                    c = QColor(0x1f, 0x3a, 0x5f);
                p.setPen(c);
                TextCache::draw(p, f, span.text, QRectF(x, y, w + 2, lh), Qt::AlignLeft | Qt::AlignVCenter);
            }
            x += w + SpanGap;
        }
        y += lh;
    }
    p.restore();
}

} // namespace Gatehouse
