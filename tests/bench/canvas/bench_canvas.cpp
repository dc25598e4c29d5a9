// Canvas benchmark: builds a 2,000-node / 4,000-edge topology, opens it in the real
// DiagramScene/DiagramView (offscreen, 1920×1080) and prints
//   - open time: JSON parse + Document reset + scene build (routing, labels, items) + first frame;
//   - frame times of pan steps at 100 % and zoom steps from "fit to window".
// Figures only: no assertion on wall-clock time (BRIEF: benchmarks print, tests assert).
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document/document.h"
#include "model/projectfile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QScrollBar>
#include <QWindow>
#include <algorithm>
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

// One real frame: the viewport's paint event (QGraphicsView::paintEvent) into a pixmap, the
// same code path as on screen, independent of whether the offscreen window is "exposed".
void frame(DiagramView &view)
{
    const QPixmap pixmap = view.viewport()->grab();
    Q_UNUSED(pixmap);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const Topology source = bigTopology();
    const QByteArray json = ProjectFile::toJson(source);
    std::printf("topology: %lld nodes, %lld edges, %lld bytes of JSON\n", (long long)source.nodes.size(),
        (long long)source.edges.size(), (long long)json.size());

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
    std::printf(
        "open CPU time (document + scene + first frame; parse excluded): %.1f ms; parse + layout-only pass: %.1f ms\n",
        openCpu, openCpu1 - openCpu0);
    std::printf("open: %.1f ms total (parse %.1f, document + scene %.1f, first frame %.1f); "
                "of which routing + label placement alone: %.1f ms\n",
        ms(total) + parseMs, parseMs, sceneMs, firstFrameMs, layoutOnlyMs);

    QList<double> pan, panCpu;
    for (int i = 0; i < 80; ++i) {
        step.restart();
        const double c0 = cpuMs();
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i < 40 ? 60 : -60));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 25);
        frame(view);
        pan << ms(step);
        panCpu << cpuMs() - c0;
    }
    const Stats p = stats(pan), pc = stats(panCpu);
    // The real pan path: the view scrolls the viewport and repaints only the exposed strip.
    while (!view.windowHandle()->isExposed())
        QCoreApplication::processEvents();
    QList<double> scroll, scrollCpu;
    for (int i = 0; i < 80; ++i) {
        step.restart();
        const double c0 = cpuMs();
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i < 40 ? 30 : -30));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 12);
        view.viewport()->repaint();
        scroll << ms(step);
        scrollCpu << cpuMs() - c0;
    }
    const Stats sw = stats(scroll), sc = stats(scrollCpu);
    std::printf(
        "pan step at 100 %% (scroll + repaint of the exposed region): wall median %.2f / p95 %.2f / max %.2f ms; "
        "CPU median %.2f / p95 %.2f / max %.2f ms\n",
        sw.median, sw.p95, sw.max, sc.median, sc.p95, sc.max);
    std::printf("pan at 100 %% (full 1920x1080 frame): wall median %.2f / p95 %.2f / max %.2f ms; "
                "CPU median %.2f / p95 %.2f / max %.2f ms (%lld frames)\n",
        p.median, p.p95, p.max, pc.median, pc.p95, pc.max, (long long)pan.size());

    view.zoomToFit();
    const double fitZoom = view.zoom();
    frame(view);
    QList<double> zoom, zoomCpu;
    for (int i = 0; i < 40; ++i) {
        step.restart();
        const double c0 = cpuMs();
        view.setZoom(view.zoom() * (i < 20 ? 1.12 : 1 / 1.12));
        frame(view);
        zoom << ms(step);
        zoomCpu << cpuMs() - c0;
    }
    const Stats z = stats(zoom), zc = stats(zoomCpu);
    std::printf("zoom steps from fit-to-window (x%.3f) in and out: wall median %.2f / p95 %.2f / max %.2f ms; "
                "CPU median %.2f / p95 %.2f / max %.2f ms (%lld frames)\n",
        fitZoom, z.median, z.p95, z.max, zc.median, zc.p95, zc.max, (long long)zoom.size());

    // A drag step: one node moved with its edges re-routed, then a frame.
    QList<double> drag, dragCpu;
    view.setZoom(1.0);
    view.centerOn(QPointF(1200, 900));
    const QPointF start = doc.node(QStringLiteral("s3-4"))->position;
    for (int i = 1; i <= 40; ++i) {
        step.restart();
        const double c0 = cpuMs();
        doc.moveNodes({ { QStringLiteral("s3-4"), start + QPointF(i * 3, i) } }, i == 40);
        frame(view);
        drag << ms(step);
        dragCpu << cpuMs() - c0;
    }
    const Stats d = stats(drag), dc = stats(dragCpu);
    std::printf("drag step (move + re-route + full frame): wall median %.2f / p95 %.2f / max %.2f ms; "
                "CPU median %.2f / p95 %.2f / max %.2f ms\n",
        d.median, d.p95, d.max, dc.median, dc.p95, dc.max);
    return 0;
}
