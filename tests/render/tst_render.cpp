// Render smoke tests: every node kind paints, filters hide what they say, routes avoid nodes
// and honour waypoints, labels of the built-in example do not overlap. The example is also
// written to <build>/render/example-canvas.png for a human to look at. The text cache and the
// labels' stored measurements must draw exactly what the uncached way draws.
#include "model/projectfile.h"
#include "render/diagramlayout.h"
#include "render/diagramstyle.h"
#include "render/edgepainter.h"
#include "render/edgerouter.h"
#include "render/nodepainter.h"
#include "render/scenerenderer.h"
#include "render/textcache.h"

#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStaticText>
#include <QTest>
#include <functional>

using namespace Gatehouse;

namespace {

Topology loadExample()
{
    const LoadResult r = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!r.ok())
        qFatal("example does not load: %s", qPrintable(r.problems.first().toString()));
    return r.topology;
}

int nonBackgroundPixels(const QImage &image, QRgb background)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += line[x] != background;
    }
    return count;
}

Node makeNode(const QString &id, NodeKind kind, QPointF pos, QSizeF size = QSizeF(160, 64))
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.name = id;
    n.position = pos;
    n.size = size;
    n.lane = defaultLane(kind);
    return n;
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindPaints_data()
    {
        QTest::addColumn<NodeKind>("kind");
        for (const QString &name : allNodeKindNames())
            QTest::newRow(qPrintable(name)) << *nodeKindFromString(name);
    }

    void everyKindPaints()
    {
        QFETCH(NodeKind, kind);
        QImage image(200, 100, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        const Node n = makeNode(QStringLiteral("n"), kind, QPointF(20, 18));
        NodePainter::paint(p, n, {});
        p.end();
        // Inside the node rect there must be fill, outline and text (not just a few pixels).
        const QImage inner = image.copy(NodePainter::rect(n).toRect());
        QVERIFY2(nonBackgroundPixels(inner, qRgb(255, 255, 255)) > 600, qPrintable(nameOf(kind)));
        // Outside the node (and its selection margin) nothing is painted.
        QCOMPARE(image.pixel(2, 2), qRgb(255, 255, 255));
        QCOMPARE(image.pixel(197, 97), qRgb(255, 255, 255));
    }

    void kindsLookDifferent()
    {
        QSet<QRgb> centres;
        for (const QString &name : allNodeKindNames()) {
            QImage image(200, 100, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            Node n = makeNode(QStringLiteral("n"), *nodeKindFromString(name), QPointF(20, 18));
            n.name.clear();
            n.id = QStringLiteral(" ");
            NodePainter::paint(p, n, { NodePainter::Context { false, false, {} } });
            p.end();
            centres.insert(image.pixel(100, 80)); // near the bottom centre: the kind's fill
        }
        QVERIFY2(centres.size() >= 5, "clients, gateway, service, Redis, Kafka, PostgreSQL need distinct fills");
    }

    void filtersHideEdges_data()
    {
        QTest::addColumn<QString>("edgeId");
        QTest::addColumn<int>("filterToClear");
        QTest::newRow("sync") << "e-order-payment" << int(ViewFilter::SyncCalls);
        QTest::newRow("publish") << "e-order-publish" << int(ViewFilter::Events);
        QTest::newRow("subscribe") << "e-kafka-order" << int(ViewFilter::Events);
        QTest::newRow("owns") << "e-order-owns-db" << int(ViewFilter::DataOwnership);
        QTest::newRow("cache") << "e-inventory-cache" << int(ViewFilter::DataOwnership);
        QTest::newRow("internal-only routes") << "e-gateway-payment" << int(ViewFilter::InternalRoutes);
    }

    void filtersHideEdges()
    {
        QFETCH(QString, edgeId);
        QFETCH(int, filterToClear);
        const Topology t = loadExample();
        RenderOptions options;
        DiagramLayout all;
        all.rebuild(t, options);
        QVERIFY(all.edge(edgeId)->visible);

        options.filters &= ~ViewFilters(ViewFilter(filterToClear));
        DiagramLayout filtered;
        filtered.rebuild(t, options);
        QVERIFY(!filtered.edge(edgeId)->visible);

        // And pixels: the edge's path area differs between the two images.
        const QImage a = SceneRenderer::renderImage(t, RenderOptions {});
        const QImage b = SceneRenderer::renderImage(t, options);
        QVERIFY(a != b);
    }

    void internalRoutesFilterDropsRouteLines()
    {
        const Topology t = loadExample();
        const Edge *edge = t.edge(QStringLiteral("e-gateway-order"));
        const EdgeLabel full = EdgeLabel::build(*edge, allViewFilters());
        const EdgeLabel publicOnly
            = EdgeLabel::build(*edge, allViewFilters() & ~ViewFilters(ViewFilter::InternalRoutes));
        QCOMPARE(full.lines.size(), 5);
        QCOMPARE(publicOnly.lines.size(), 4);
    }

    void routesAvoidNodes()
    {
        // a → b with c right between them on the straight line.
        Topology t;
        t.nodes << makeNode("a", NodeKind::Service, QPointF(0, 0)) << makeNode("b", NodeKind::Service, QPointF(600, 0))
                << makeNode("c", NodeKind::Service, QPointF(300, 0));
        Edge e;
        e.id = "e";
        e.source = "a";
        e.target = "b";
        t.edges << e;
        DiagramLayout layout;
        layout.rebuild(t, {});
        const QPolygonF path = layout.edge("e")->path;
        QVERIFY(path.size() >= 3); // not the straight line through c
        SpatialGrid grid;
        for (const Node &n : t.nodes)
            grid.insert(n.id, NodePainter::rect(n));
        QCOMPARE(EdgeRouter(grid).hits(path, "a", "b"), 0);
        for (int i = 1; i < path.size(); ++i) // orthogonal
            QVERIFY(qFuzzyCompare(path[i].x(), path[i - 1].x()) || qFuzzyCompare(path[i].y(), path[i - 1].y()));
    }

    void routesHonourWaypoints()
    {
        const Topology t = loadExample();
        DiagramLayout layout;
        layout.rebuild(t, {});
        const Edge *edge = t.edge(QStringLiteral("e-kafka-order"));
        QVERIFY(!edge->waypoints.isEmpty());
        const QPolygonF path = layout.edge(edge->id)->path;
        for (const QPointF &wp : edge->waypoints) {
            bool onPath = false;
            for (int i = 1; i < path.size() && !onPath; ++i) {
                const QRectF seg = QRectF(path[i - 1], path[i]).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
                onPath = seg.contains(wp);
            }
            QVERIFY2(onPath, qPrintable(QStringLiteral("waypoint %1,%2").arg(wp.x()).arg(wp.y())));
        }
    }

    void exampleHasNoOverlappingLabels()
    {
        const Topology t = loadExample();
        DiagramLayout layout;
        layout.rebuild(t, {});
        QList<QPair<QString, QRectF>> labels;
        for (const Edge &e : t.edges) {
            const EdgeGeometry *g = layout.edge(e.id);
            if (g->visible && !g->labelRect.isEmpty())
                labels.append({ e.id, g->labelRect });
        }
        QVERIFY(labels.size() >= 10);
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].second.intersects(labels[j].second),
                    qPrintable(labels[i].first + QStringLiteral(" overlaps ") + labels[j].first));
            for (const Node &n : t.nodes)
                QVERIFY2(!labels[i].second.intersects(NodePainter::rect(n)),
                    qPrintable(labels[i].first + QStringLiteral(" covers node ") + n.id));
        }
    }

    void labelsAreMeasuredWhenBuilt()
    {
        // EdgeLabel::paint draws from these figures only, so a span without its width would
        // overlap the next one.
        const Topology t = loadExample();
        DiagramLayout layout;
        layout.rebuild(t, {});
        const QFontMetricsF labelMetrics(DiagramStyle::labelFont());
        int spans = 0;
        for (const Edge &e : t.edges) {
            const EdgeLabel &label = layout.edge(e.id)->label;
            if (label.isEmpty())
                continue;
            QCOMPARE(label.lineHeight, labelMetrics.height() + 1);
            QCOMPARE(label.chipHeight, QFontMetricsF(DiagramStyle::chipFont()).height());
            qreal widest = 0;
            for (const EdgeLabel::Line &line : label.lines) {
                qreal w = -4; // no gap after the last span
                for (const EdgeLabel::Span &span : line) {
                    QVERIFY2(span.width > 0, qPrintable(e.id + QStringLiteral(": ") + span.text));
                    if (span.style == EdgeLabel::SpanStyle::Text)
                        QCOMPARE(span.width, labelMetrics.horizontalAdvance(span.text));
                    w += span.width + 4;
                    ++spans;
                }
                widest = std::max(widest, w);
            }
            QCOMPARE(label.size, QSizeF(widest + 10, label.lines.size() * label.lineHeight + 6));
        }
        QVERIFY(spans >= 20);
    }

    void textCacheDrawsLikeStaticText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QFont>("font");
        QTest::addColumn<int>("alignment");
        QTest::addColumn<qreal>("width");
        const int left = Qt::AlignLeft | Qt::AlignVCenter;
        QTest::newRow("title") << "order-service" << DiagramStyle::nodeTitleFont() << left << 200.0;
        QTest::newRow("path") << "/orders/{id}/items" << DiagramStyle::labelFont() << left << 140.3;
        QTest::newRow("chip centred") << "60/min" << DiagramStyle::chipFont() << int(Qt::AlignCenter) << 41.7;
        QTest::newRow("right") << "service · order · :8083" << DiagramStyle::nodeSubtitleFont()
                               << int(Qt::AlignRight | Qt::AlignTop) << 180.0;
        QTest::newRow("elided") << "a rather long fallback description that does not fit" << DiagramStyle::labelFont()
                                << left << 90.0;
    }

    void textCacheDrawsLikeStaticText()
    {
        // The cache lays glyph runs out once; at 100 % the result must be the pixels the
        // uncached QStaticText gives, also on a second (cached) draw at a fractional position.
        QFETCH(QString, text);
        QFETCH(QFont, font);
        QFETCH(int, alignment);
        QFETCH(qreal, width);
        const QRectF rect(10.35, 7.6, width, 20);
        const auto render = [&](const std::function<void(QPainter &)> &draw) {
            QImage image(260, 40, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QColor(0x1e, 0x29, 0x3b));
            draw(p);
            return image;
        };
        const QImage expected = render([&](QPainter &p) {
            const QFontMetricsF fm(font);
            QStaticText st(fm.elidedText(text, Qt::ElideRight, rect.width() + 0.5));
            st.setTextFormat(Qt::PlainText);
            st.prepare(QTransform(), font);
            const QSizeF size(fm.horizontalAdvance(st.text()), fm.height());
            QPointF at = rect.topLeft();
            if (alignment & Qt::AlignHCenter)
                at.setX(rect.center().x() - size.width() / 2);
            else if (alignment & Qt::AlignRight)
                at.setX(rect.right() - size.width());
            if (alignment & Qt::AlignVCenter)
                at.setY(rect.center().y() - size.height() / 2);
            p.setFont(font);
            p.drawStaticText(at, st);
        });
        QVERIFY(nonBackgroundPixels(expected, qRgb(255, 255, 255)) > 20);
        for (int pass = 0; pass < 2; ++pass) {
            const QImage drawn
                = render([&](QPainter &p) { TextCache::draw(p, font, text, rect, Qt::Alignment(alignment)); });
            QCOMPARE(drawn, expected);
        }
    }

    void renderExample()
    {
        const Topology t = loadExample();
        const QImage image = SceneRenderer::renderImage(t, RenderOptions {}, 1.0);
        QVERIFY(image.width() >= 1500 && image.width() <= 1920);
        QVERIFY(image.height() >= 700 && image.height() <= 1080);
        QDir().mkpath(QStringLiteral(GATEHOUSE_BINARY_DIR "/render"));
        QVERIFY(image.save(QStringLiteral(GATEHOUSE_BINARY_DIR "/render/example-canvas.png")));
        RenderOptions syncOnly;
        syncOnly.filters
            = ViewFilter::SyncCalls | ViewFilter::CrossCutting | ViewFilter::FailurePaths | ViewFilter::InternalRoutes;
        QVERIFY(SceneRenderer::renderImage(t, syncOnly, 1.0)
                    .save(QStringLiteral(GATEHOUSE_BINARY_DIR "/render/example-sync.png")));
    }
};

QTEST_MAIN(TestRender)
#include "tst_render.moc"
