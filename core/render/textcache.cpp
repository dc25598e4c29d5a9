#include "textcache.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QStaticText>
#include <QTextLayout>
#include <QThread>
#include <limits>
#include <utility>

namespace Gatehouse::TextCache {

namespace {

// Glyph runs rather than QStaticText: a QStaticText lays itself out again whenever the
// painter's scale differs from the one it was prepared for, so the first full-detail frame at
// every new zoom level re-shaped every visible text. The runs are laid out once and drawn at
// any scale; at 100 % they give the same pixels as before.
struct Entry
{
    QString shown; // the text after eliding
    QList<QGlyphRun> runs; // laid out once, at 100 %, baseline at the font's ascent
    QSizeF size;
};

// Hashing the font itself (its request) instead of building QFont::key() plus a joined
// string on every draw keeps a cache hit free of allocations.
struct Key
{
    QFont font;
    int width = 0;
    QString text;

    friend bool operator==(const Key &a, const Key &b)
    {
        return a.width == b.width && a.text == b.text && a.font == b.font;
    }
    friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.font, key.width, key.text); }
};

using Cache = QHash<Key, Entry>;

Cache *cache()
{
    static Cache *instance = nullptr;
    if (!instance) {
        instance = new Cache;
        // Free the laid-out texts while the font system still exists.
        qAddPostRoutine([] {
            delete instance;
            instance = nullptr;
        });
    }
    return instance;
}

bool onGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->thread() == QThread::currentThread();
}

constexpr qsizetype MaxEntries = 20000;

} // namespace

void draw(QPainter &painter, const QFont &font, const QString &text, const QRectF &rect, Qt::Alignment alignment)
{
    if (text.isEmpty())
        return;
    if (!onGuiThread()) {
        painter.setFont(font);
        painter.drawText(rect, alignment, QFontMetricsF(font).elidedText(text, Qt::ElideRight, rect.width() + 0.5));
        return;
    }
    Cache *c = cache();
    Key key { font, int(rect.width()), text };
    auto it = c->find(key);
    if (it == c->end()) {
        if (c->size() > MaxEntries)
            c->clear();
        const QFontMetricsF fm(font);
        const QString shown = fm.elidedText(text, Qt::ElideRight, rect.width() + 0.5);
        Entry e;
        e.shown = shown;
        QTextLayout layout(shown, font);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(std::numeric_limits<qreal>::max() / 4);
        layout.endLayout();
        e.runs = layout.glyphRuns();
        e.size = QSizeF(fm.horizontalAdvance(shown), fm.height());
        it = c->insert(std::move(key), e);
    }
    QPointF at(rect.left(), rect.top());
    if (alignment & Qt::AlignHCenter)
        at.setX(rect.center().x() - it->size.width() / 2);
    else if (alignment & Qt::AlignRight)
        at.setX(rect.right() - it->size.width());
    if (alignment & Qt::AlignVCenter)
        at.setY(rect.center().y() - it->size.height() / 2);
    else if (alignment & Qt::AlignBottom)
        at.setY(rect.bottom() - it->size.height());
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster) {
        for (const QGlyphRun &run : std::as_const(it->runs))
            painter.drawGlyphRun(at, run);
        return;
    }
    // Other engines (SVG, PDF) would receive glyph runs as glyphs without their characters:
    // the SVG export would lose its text. They get the text itself, laid out as before.
    QStaticText staticText(it->shown);
    staticText.setTextFormat(Qt::PlainText);
    painter.setFont(font);
    painter.drawStaticText(at, staticText);
}

} // namespace Gatehouse::TextCache
