// Overlay benchmark: the built-in example in the real DiagramScene/DiagramView (offscreen,
// 1600×1000, zoomed to fit) while the real TrafficOverlay is fed synthetic telemetry at
// 5,000 requests/s (each a trace of 2–3 http.client hops: client → gateway → service
// [→ service]) and 5,000 events/s (kafka.produce on a publish edge + kafka.consume on a
// subscribe edge), in 100 ms batches as the runtime streams them, plus a metrics message per
// second. Every 16 ms one frame: the batch if due, overlay->advance(), a synchronous repaint of
// the viewport. A batch arrives as the runtime's `spans` JSON line and is decoded in the frame,
// as RuntimeClient does on the GUI thread. Prints frame time p50/p95/max (wall and thread CPU)
// and the process's CPU % (the synthetic batches are generated and encoded before the clock
// starts and replayed: that is the runtime's side); then the same run with the overlay off (not fed) as the reference.
// Figures only: no assertion on wall-clock time (BRIEF: benchmarks print, tests assert).
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document/document.h"
#include "live/trafficoverlay.h"
#include "model/projectfile.h"
#include "runtimeclient/protocol.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace Gatehouse;

namespace {

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double processCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p * values.size())) - 1, 0, values.size() - 1);
    return values[rank];
}

struct Generator
{
    QRandomGenerator random {42};
    qint64 nextSpan = 1;
    qint64 clockUs = 1'764'417'400'000'000;

    Span make(const QString &trace, const char *node, const char *edge, SpanKind kind, qint64 startUs, qint64 durationUs,
              SpanOutcome outcome = SpanOutcome::Ok)
    {
        Span s;
        s.traceId = trace;
        s.spanId = QString::number(nextSpan++, 16).rightJustified(16, QLatin1Char('0'));
        s.nodeId = QLatin1String(node);
        s.edgeId = QLatin1String(edge);
        s.name = QStringLiteral("bench");
        s.kind = kind;
        s.outcome = outcome;
        s.startUs = startUs;
        s.durationUs = durationUs;
        return s;
    }

    // One 100 ms batch: 500 requests and 500 events.
    QList<Span> batch(int requests, int events)
    {
        static const char *const clients[][2] = {{"web", "e-web-gateway"}, {"mobile", "e-mobile-gateway"}, {"partner", "e-partner-gateway"}};
        static const char *const upstreams[] = {"e-gateway-order", "e-gateway-inventory", "e-gateway-auth", "e-gateway-payment"};
        static const char *const consumers[] = {"e-kafka-notification", "e-kafka-inventory", "e-kafka-order", "e-kafka-payment"};
        QList<Span> spans;
        spans.reserve(requests * 3 + events * 2);
        for (int i = 0; i < requests; ++i) {
            const QString trace = QString::number(nextSpan, 16).rightJustified(32, QLatin1Char('0'));
            const auto &client = clients[random.bounded(3)];
            const char *upstream = upstreams[random.bounded(4)];
            const int roll = random.bounded(100);
            const SpanOutcome outcome = roll < 90 ? SpanOutcome::Ok : roll < 96 ? SpanOutcome::ClientError : SpanOutcome::ServerError;
            const qint64 t = clockUs + random.bounded(100000);
            spans << make(trace, client[0], client[1], SpanKind::HttpClient, t, 4000 + random.bounded(20000), outcome);
            spans << make(trace, "gateway", upstream, SpanKind::HttpClient, t + 500, 3000 + random.bounded(15000), outcome);
            if (qstrcmp(upstream, "e-gateway-order") == 0) {
                spans << make(trace, "order", random.bounded(2) ? "e-order-payment" : "e-order-inventory",
                              SpanKind::HttpClient, t + 1000, 2000 + random.bounded(10000),
                              roll == 99 ? SpanOutcome::Timeout : SpanOutcome::Ok);
            }
        }
        for (int i = 0; i < events; ++i) {
            const QString trace = QString::number(nextSpan, 16).rightJustified(32, QLatin1Char('0'));
            const qint64 t = clockUs + random.bounded(100000);
            const bool fromOrder = random.bounded(2);
            spans << make(trace, fromOrder ? "order" : "payment", fromOrder ? "e-order-publish" : "e-payment-publish",
                          SpanKind::KafkaProduce, t, 300 + random.bounded(800));
            spans << make(trace, "notification", consumers[random.bounded(4)], SpanKind::KafkaConsume, t + 2000, 1000 + random.bounded(3000));
        }
        clockUs += 100000;
        return spans;
    }

    static QJsonObject metrics()
    {
        QJsonObject edges;
        for (const char *edge : {"e-web-gateway", "e-mobile-gateway", "e-partner-gateway", "e-gateway-order", "e-gateway-inventory",
                 "e-gateway-auth", "e-gateway-payment", "e-order-payment", "e-order-inventory", "e-order-publish",
                 "e-payment-publish", "e-kafka-notification", "e-kafka-inventory", "e-kafka-order", "e-kafka-payment"}) {
            edges.insert(QLatin1String(edge), QJsonObject {{QStringLiteral("rate"), 1250.0}, {QStringLiteral("p95Ms"), 18.0},
                                                 {QStringLiteral("errorRate"), 0.04}});
        }
        QJsonObject nodes;
        for (const char *node : {"gateway", "order", "inventory", "payment", "auth", "notification"})
            nodes.insert(QLatin1String(node), QJsonObject {{QStringLiteral("rate"), 1250.0}, {QStringLiteral("errors"), 500},
                                                   {QStringLiteral("p50Ms"), 6.0}});
        return QJsonObject {{QStringLiteral("type"), QStringLiteral("metrics")}, {QStringLiteral("edges"), edges},
            {QStringLiteral("nodes"), nodes}};
    }
};

struct Result
{
    QList<double> wall;
    QList<double> cpu;
    QList<double> decodeCpu; // per batch: JSON → spans (RuntimeClient's share of a frame)
    double processCpuPercent = 0;
    int maxDots = 0;
    qint64 spansFed = 0;
    qint64 sampledOut = 0;
};

// The `spans` message as the runtime sends it (one compact JSON line).
QByteArray encodeSpans(const QList<Span> &spans)
{
    QJsonArray array;
    for (const Span &span : spans)
        array.append(span.toJson());
    return Protocol::encode(QJsonObject {{QStringLiteral("type"), QStringLiteral("spans")}, {QStringLiteral("spans"), array}});
}

// What RuntimeClient does with it on the GUI thread before the overlay sees it.
QList<Span> decodeSpans(const QByteArray &line)
{
    QList<Span> spans;
    const auto message = Protocol::decode(line.chopped(1), nullptr);
    if (!message)
        return spans;
    const QJsonArray array = message->value(QStringLiteral("spans")).toArray();
    spans.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (const auto span = Span::fromJson(v.toObject()))
            spans.append(*span);
    }
    return spans;
}

Result runFor(DiagramView &view, TrafficOverlay *overlay, bool feed, int seconds)
{
    // The runtime's side, done before the clock starts: 2 s of distinct `spans` lines, replayed.
    Generator generator;
    QList<QByteArray> lines;
    for (int i = 0; feed && i < 20; ++i)
        lines << encodeSpans(generator.batch(500, 500));
    qsizetype batchIndex = 0;
    Result result;
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processCpuMs();
    qint64 nextBatchMs = 0;
    qint64 nextMetricsMs = 0;
    qint64 nextFrameMs = 0;
    while (clock.elapsed() < seconds * 1000) {
        // Frames every 16 ms, as the overlay's timer would run them; the event loop gets the gaps.
        // Idle until the frame is due (no busy wait: the process CPU figure must mean something).
        const qint64 idleMs = nextFrameMs - clock.elapsed();
        if (idleMs > 0)
            QThread::msleep(static_cast<unsigned long>(idleMs));
        QCoreApplication::processEvents();
        nextFrameMs = std::max(nextFrameMs + 16, clock.elapsed()); // a late frame is not caught up
        // The runtime's side (generating and encoding the batch) is not the app's cost.
        QByteArray line;
        if (feed && clock.elapsed() >= nextBatchMs) {
            line = lines.at(batchIndex++ % lines.size());
            nextBatchMs += 100;
        }
        const QElapsedTimer frame = [] { QElapsedTimer t; t.start(); return t; }();
        const double cpu0 = threadCpuMs();
        if (!line.isEmpty()) {
            const QList<Span> spans = decodeSpans(line);
            result.decodeCpu << threadCpuMs() - cpu0;
            result.spansFed += spans.size();
            overlay->onSpans(spans);
        }
        if (feed && clock.elapsed() >= nextMetricsMs) {
            overlay->onMetrics(Generator::metrics());
            nextMetricsMs += 1000;
        }
        overlay->advance();
        view.viewport()->repaint();
        result.cpu << threadCpuMs() - cpu0;
        result.wall << frame.nsecsElapsed() / 1e6;
        result.maxDots = std::max(result.maxDots, overlay->activeDotCount());
    }
    result.processCpuPercent = 100.0 * (processCpuMs() - cpuStart) / double(clock.elapsed());
    result.sampledOut = overlay->sampledOut();
    return result;
}

void print(const char *title, const Result &r, int seconds)
{
    std::printf("%s\n", title);
    std::printf("  frames: %lld in %d s\n", static_cast<long long>(r.wall.size()), seconds);
    std::printf("  frame wall ms   p50 %6.2f  p95 %6.2f  max %7.2f\n", percentile(r.wall, 0.5), percentile(r.wall, 0.95),
                percentile(r.wall, 1.0));
    std::printf("  frame CPU ms    p50 %6.2f  p95 %6.2f  max %7.2f\n", percentile(r.cpu, 0.5), percentile(r.cpu, 0.95),
                percentile(r.cpu, 1.0));
    std::printf("  process CPU     %.0f %% of one core\n", r.processCpuPercent);
    if (!r.decodeCpu.isEmpty())
        std::printf("  of which decoding a 100 ms spans message (JSON → Span, RuntimeClient): CPU ms p50 %.2f  p95 %.2f\n",
                    percentile(r.decodeCpu, 0.5), percentile(r.decodeCpu, 0.95));
    if (r.spansFed > 0)
        std::printf("  spans fed %lld (%.0f/s), dots at once max %d, sampled out %lld\n", static_cast<long long>(r.spansFed),
                    double(r.spansFed) / seconds, r.maxDots, static_cast<long long>(r.sampledOut));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    const LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!loaded.ok()) {
        std::fprintf(stderr, "cannot load the example\n");
        return 1;
    }
    Document document;
    document.resetTopology(loaded.topology);
    DiagramScene scene(&document);
    DiagramView view(&scene);
    view.resize(1600, 1000);
    view.show();
    view.zoomToFit();
    QCoreApplication::processEvents();
    TrafficOverlay overlay(&scene);

    std::printf("bench_overlay: example (%lld nodes, %lld edges), view 1600x1000 at %.0f %%, %d s per run\n",
                static_cast<long long>(loaded.topology.nodes.size()), static_cast<long long>(loaded.topology.edges.size()),
                view.zoom() * 100, seconds);
    const Result on = runFor(view, &overlay, true, seconds);
    print("overlay on: 5,000 requests/s + 5,000 events/s", on, seconds);
    overlay.clear();
    TrafficOverlay off(&scene);
    const Result reference = runFor(view, &off, false, seconds);
    print("overlay off (reference: the same canvas, no telemetry)", reference, seconds);
    return 0;
}
