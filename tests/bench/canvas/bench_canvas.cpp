// Canvas benchmark: builds a 2,000-node / 4,000-edge topology, opens it in the real
// DiagramScene/DiagramView (offscreen, 1920×1080) and prints
//   - open time: JSON parse + Document reset + scene build (routing, labels, items) + first frame;
//   - frame times (wall and thread CPU, median / p95 / max, with the load average) of pan steps
//     at 100 % and 30 %, zoom steps from "fit to window" (also split by level of detail), the
//     full-detail frame that follows a zoom gesture once it settles, and node drags; the whole
//     measurement is repeated (--runs, default 3).
// Figures only: no assertion on wall-clock time (BRIEF: benchmarks print, tests assert).
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "model/projectfile.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QScrollBar>
#include <QWindow>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace Gatehouse;

namespace {

Node node(const QString &id, NodeKind kind, qreal x, qreal y, QSizeF size = QSizeF(160, 60))
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.name = id;
    n.lane = defaultLane(kind);
    n.position = QPointF(x, y);
    n.size = size;
    return n;
}

void addEdge(Topology &t, EdgeKind kind, const QString &from, const QString &to)
{
    Edge e;
    e.id = QStringLiteral("e%1").arg(t.edges.size());
    e.kind = kind;
    e.source = from;
    e.target = to;
    if (kind == EdgeKind::Sync) {
        Route r;
        r.method = QStringLiteral("GET");
        r.path = QStringLiteral("/") + to;
        e.routes << r;
    } else if (kind == EdgeKind::Publish || kind == EdgeKind::Subscribe) {
        e.topics << Topic { QStringLiteral("topic.") + from, 1, {} };
    }
    t.edges << e;
}

// 10 clients, 10 gateways, 1,600 services in a 40×40 grid, 300 databases, 40 Redis, 40 Kafka:
// 2,000 nodes; sync calls to the right and lower neighbour, ownership, cache and events:
// 4,000 edges.
Topology bigTopology()
{
    Topology t;
    t.name = QStringLiteral("bench");
    constexpr int Cols = 40;
    constexpr qreal Dx = 240, Dy = 130;
    for (int i = 0; i < 10; ++i)
        t.nodes << node(QStringLiteral("client%1").arg(i), NodeKind::ClientWeb, 40 + i * Dx * 4, 40);
    for (int i = 0; i < 10; ++i)
        t.nodes << node(QStringLiteral("gw%1").arg(i), NodeKind::Gateway, 40 + i * Dx * 4, 200, QSizeF(800, 70));
    for (int r = 0; r < Cols; ++r)
        for (int c = 0; c < Cols; ++c)
            t.nodes << node(QStringLiteral("s%1-%2").arg(r).arg(c), NodeKind::Service, 40 + c * Dx, 380 + r * Dy);
    const qreal dataY = 380 + Cols * Dy + 60;
    for (int i = 0; i < 300; ++i)
        t.nodes << node(QStringLiteral("db%1").arg(i), NodeKind::DbPostgres, 40 + (i % 40) * Dx, dataY + (i / 40) * Dy,
            QSizeF(130, 80));
    for (int i = 0; i < 40; ++i)
        t.nodes << node(QStringLiteral("redis%1").arg(i), NodeKind::CacheRedis, 40 + i * Dx, dataY + 8 * Dy);
    for (int i = 0; i < 40; ++i)
        t.nodes << node(QStringLiteral("kafka%1").arg(i), NodeKind::BusKafka, 40 + i * Dx, dataY + 9 * Dy);

    auto s = [](int r, int c) { return QStringLiteral("s%1-%2").arg(r).arg(c); };
    for (int i = 0; i < 10; ++i)
        addEdge(t, EdgeKind::Sync, QStringLiteral("client%1").arg(i), QStringLiteral("gw%1").arg(i));
    for (int c = 0; c < Cols; ++c)
        addEdge(t, EdgeKind::Sync, QStringLiteral("gw%1").arg(c / 4), s(0, c));
    for (int r = 0; r < Cols; ++r)
        for (int c = 0; c + 1 < Cols; ++c)
            addEdge(t, EdgeKind::Sync, s(r, c), s(r, c + 1));
    for (int r = 0; r + 1 < Cols; ++r)
        for (int c = 0; c < Cols; ++c)
            addEdge(t, EdgeKind::Sync, s(r, c), s(r + 1, c));
    for (int i = 0; i < 300; ++i)
        addEdge(t, EdgeKind::Owns, s(39 - i / 40 % 8, i % 40), QStringLiteral("db%1").arg(i));
    int k = 0;
    while (t.edges.size() < 4000) {
        const int r = (k * 7) % Cols, c = (k * 13) % Cols;
        switch (k % 3) {
        case 0:
            addEdge(t, EdgeKind::Publish, s(r, c), QStringLiteral("kafka%1").arg(k % 40));
            break;
        case 1:
            addEdge(t, EdgeKind::Subscribe, QStringLiteral("kafka%1").arg(k % 40), s(r, c));
            break;
        default:
            addEdge(t, EdgeKind::UsesCache, s(r, c), QStringLiteral("redis%1").arg(k % 40));
            break;
        }
        ++k;
    }
    return t;
}

struct Stats
{
    double median, p95, max;
};

Stats stats(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return { v[v.size() / 2], v[std::min<qsizetype>(v.size() - 1, qsizetype(v.size() * 0.95))], v.last() };
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// CPU time of this thread: the machine running the benchmark may be shared, and then wall
// time measures the neighbours too. Both are printed.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The 1-minute load average, printed with every figure: on a busy machine wall times mean little.
QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return "n/a";
    return f.readAll().split(' ').value(0);
}

// One real frame: the viewport's paint event (QGraphicsView::paintEvent) into a pixmap, the
// same code path as on screen, independent of whether the offscreen window is "exposed".
void frame(DiagramView &view)
{
    const QPixmap pixmap = view.viewport()->grab();
    Q_UNUSED(pixmap);
}

// Wall and CPU time of each step of one interaction.
struct Series
{
    QList<double> wall, cpu;

    template <typename Step> void measure(Step &&step)
    {
        QElapsedTimer t;
        t.start();
        const double c0 = cpuMs();
        step();
        wall << ms(t);
        cpu << cpuMs() - c0;
    }
};

void print(const char *what, const Series &s)
{
    const Stats w = stats(s.wall), c = stats(s.cpu);
    std::printf("  %-58s wall median %6.2f / p95 %6.2f / max %6.2f ms; CPU median %6.2f / p95 %6.2f / max %6.2f ms "
                "(%lld frames, load %s)\n",
        what, w.median, w.p95, w.max, c.median, c.p95, c.max, (long long)s.wall.size(), loadAverage().constData());
}

// One run: open the topology in a fresh Document/Scene/View, then each interaction.
void run(const QByteArray &json, const QString &only, const QString &shotDir, bool perStep)
{
    const auto wanted = [&only](const char *name) { return only.isEmpty() || only == QLatin1String(name); };
    Document doc;
    DiagramScene scene(&doc);
    DiagramView view(&scene);
    view.resize(1920, 1080);
    view.show();

    QElapsedTimer total, step;
    const double openCpu0 = cpuMs();
    total.start();
    step.start();
    const LoadResult loaded = ProjectFile::fromJson(json);
    const double parseMs = ms(step);
    step.restart();
    {
        DiagramLayout layout;
        layout.rebuild(loaded.topology, RenderOptions {});
    }
    const double layoutOnlyMs = ms(step);
    const double openCpu1 = cpuMs();
    total.restart();
    step.restart();
    doc.resetTopology(loaded.topology); // the scene rebuilds: routing, labels, items
    const double sceneMs = ms(step);
    step.restart();
    view.setZoom(1.0);
    view.centerOn(QPointF(960, 540));
    frame(view);
    const double firstFrameMs = ms(step);
    const double openCpu = cpuMs() - openCpu1;
    std::printf("  open: wall %.1f ms (parse %.1f, document + scene %.1f, first frame %.1f); CPU %.1f ms without "
                "parse; parse + a layout-only pass %.1f ms wall / %.1f ms CPU (load %s)\n",
        ms(total) + parseMs, parseMs, sceneMs, firstFrameMs, openCpu, parseMs + layoutOnlyMs, openCpu1 - openCpu0,
        loadAverage().constData());

    if (!shotDir.isEmpty()) {
        QDir().mkpath(shotDir);
        view.zoomToFit();
        const qreal fit = view.zoom();
        for (qreal z : { fit, 0.2, 0.3, 0.4, 0.6, 1.0 }) {
            view.setZoom(z);
            view.centerOn(QPointF(1200, 900));
            const QString file
                = QStringLiteral("%1/bench-zoom-%2.png").arg(shotDir).arg(int(z * 1000), 4, 10, QLatin1Char('0'));
            view.viewport()->grab().save(file);
            std::printf("  wrote %s\n", qPrintable(file));
        }
    }

    if (wanted("pan")) {
        view.setZoom(1.0);
        view.centerOn(QPointF(960, 540));
        Series pan;
        for (int i = 0; i < 80; ++i) {
            pan.measure([&] {
                view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i < 40 ? 60 : -60));
                view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 25);
                frame(view);
            });
        }
        print("pan at 100 % (full 1920x1080 frame):", pan);
    }

    // The real pan path: the view scrolls the viewport and repaints only the exposed strip.
    while (!view.windowHandle()->isExposed())
        QCoreApplication::processEvents();
    const auto scrollSteps = [&view](qreal zoom, const QPointF &centre) {
        view.setZoom(zoom);
        view.settleZoom(); // panning after the zoom gesture ended: full detail
        view.centerOn(centre);
        view.viewport()->repaint();
        Series scroll;
        for (int i = 0; i < 80; ++i) {
            scroll.measure([&] {
                view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i < 40 ? 30 : -30));
                view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 12);
                view.viewport()->repaint();
            });
        }
        return scroll;
    };
    if (wanted("scroll")) {
        print("pan step at 100 % (scroll + repaint of the exposed region):", scrollSteps(1.0, QPointF(960, 540)));
        print("pan step at 30 % (scroll + repaint of the exposed region):", scrollSteps(0.3, QPointF(4000, 3000)));
    }

    if (wanted("zoom")) {
        view.zoomToFit();
        const double fitZoom = view.zoom();
        frame(view);
        Series zoom, far, mid, near;
        for (int i = 0; i < 40; ++i) {
            Series one;
            one.measure([&] {
                view.setZoom(view.zoom() * (i < 20 ? 1.12 : 1 / 1.12));
                frame(view);
            });
            zoom.wall << one.wall;
            zoom.cpu << one.cpu;
            if (perStep)
                std::printf("    zoom step %2d to x%.3f: wall %6.2f ms, CPU %6.2f ms\n", i + 1, view.zoom(),
                    one.wall.first(), one.cpu.first());
            // By the level of detail the frame was drawn at (NodeItem's thresholds).
            Series &band = view.zoom() < NodeItem::OverviewBelow ? far
                : view.zoom() < NodeItem::DraftBelow             ? mid
                                                                 : near;
            band.wall << one.wall;
            band.cpu << one.cpu;
        }
        char what[120];
        std::snprintf(what, sizeof what, "zoom steps from fit (x%.3f) in to x%.2f and out, full frame:", fitZoom,
            fitZoom * std::pow(1.12, 20));
        print(what, zoom);
        std::snprintf(what, sizeof what, "  of which below x%.2f (overview):", NodeItem::OverviewBelow);
        if (!far.wall.isEmpty())
            print(what, far);
        std::snprintf(what, sizeof what, "  of which x%.2f..x%.2f (draft while zooming):", NodeItem::OverviewBelow,
            NodeItem::DraftBelow);
        if (!mid.wall.isEmpty())
            print(what, mid);
        std::snprintf(what, sizeof what, "  of which from x%.2f (full detail):", NodeItem::DraftBelow);
        if (!near.wall.isEmpty())
            print(what, near);
    }

    if (wanted("zoom")) {
        // The frame that follows a zoom gesture once it settles (SettleMs without a step): full
        // detail at that zoom, drawn once.
        Series settle;
        QList<qreal> levels;
        for (qreal z = 0.36; z < 1.0; z *= 1.12)
            levels << z;
        for (qreal z : std::as_const(levels)) {
            view.setZoom(z);
            view.centerOn(QPointF(4000, 3000));
            frame(view);
            settle.measure([&] {
                view.settleZoom();
                frame(view);
            });
        }
        char what[120];
        std::snprintf(what, sizeof what,
            "settle frame after a zoom gesture (full detail, x%.2f..x%.2f):", levels.first(), levels.last());
        print(what, settle);
    }

    if (wanted("drag")) {
        // A drag step: one node moved with its edges re-routed, then a frame.
        view.setZoom(1.0);
        view.centerOn(QPointF(1200, 900));
        const QPointF start = doc.node(QStringLiteral("s3-4"))->position;
        Series drag;
        for (int i = 1; i <= 40; ++i) {
            drag.measure([&] {
                doc.moveNodes({ { QStringLiteral("s3-4"), start + QPointF(i * 3, i) } }, i == 40);
                frame(view);
            });
        }
        print("drag step (move + re-route + full frame):", drag);
    }
}

} // namespace

// bench_canvas [--runs N] [--only pan|scroll|zoom|drag] [--shots DIR] [--steps]
//   --runs N    repeat the whole measurement (open + interactions) N times (default 3)
//   --only X    open, then only interaction X (for a profiler)
//   --shots DIR also save the viewport at fit, x0.2 … x1.0 as PNG into DIR
//   --steps     print every zoom step (zoom level and time)
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int runs = std::max(1, option(QStringLiteral("--runs"), QStringLiteral("3")).toInt());
    const QString only = option(QStringLiteral("--only"), QString());
    const QString shotDir = option(QStringLiteral("--shots"), QString());
    const bool perStep = args.contains(QStringLiteral("--steps"));

    const Topology source = bigTopology();
    const QByteArray json = ProjectFile::toJson(source);
    std::printf("topology: %lld nodes, %lld edges, %lld bytes of JSON; viewport 1920x1080\n",
        (long long)source.nodes.size(), (long long)source.edges.size(), (long long)json.size());
    for (int r = 1; r <= runs; ++r) {
        std::printf("run %d/%d (load %s)\n", r, runs, loadAverage().constData());
        run(json, only, r == 1 ? shotDir : QString(), perStep);
    }
    return 0;
}
