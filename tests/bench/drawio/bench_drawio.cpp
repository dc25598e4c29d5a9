// bench_drawio: draw.io export and import of a generated topology with about 10,000 cells
// (nodes + edges + layers + bands + legend), plain and compressed; prints the figures.
// Run: build-*/tests/bench/drawio/bench_drawio [services]   (default 2,000 services)
#include "formats/drawio/drawioreader.h"
#include "formats/drawio/drawiowriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace Gatehouse;

namespace {

Topology generate(int services)
{
    Topology t;
    t.name = QStringLiteral("bench");
    t.nodes.append(Node { QStringLiteral("gw"), NodeKind::Gateway, ServiceRole::Generic, QStringLiteral("Gateway"), {},
        Lane::Gateway, QPointF(0, 200), QSizeF(8000, 80), 8080, {} });
    t.nodes.append(Node { QStringLiteral("bus"), NodeKind::BusKafka, ServiceRole::Generic, QStringLiteral("Kafka"), {},
        Lane::Data, QPointF(0, 9000), QSizeF(8000, 56), 0, {} });
    for (int i = 0; i < services; ++i) {
        const QString s = QStringLiteral("svc-%1").arg(i), d = QStringLiteral("db-%1").arg(i);
        const double x = (i % 40) * 200, y = 400 + (i / 40) * 160;
        t.nodes.append(Node { s, NodeKind::Service, ServiceRole::Generic, QStringLiteral("Service %1").arg(i), {},
            Lane::Services, QPointF(x, y), QSizeF(160, 64), 0, {} });
        t.nodes.append(Node { d, NodeKind::DbPostgres, ServiceRole::Generic, QStringLiteral("DB %1").arg(i), {},
            Lane::Data, QPointF(x, 9200 + (i / 40) * 120), QSizeF(130, 80), 0, {} });
        Edge call;
        call.id = QStringLiteral("call-%1").arg(i);
        call.source = QStringLiteral("gw");
        call.target = s;
        call.routes.append(Route { QStringLiteral("GET"), QStringLiteral("/s%1/{id}").arg(i), RouteVisibility::Public,
            AuthMode::Jwt, RateLimit { 100, 60 }, 1000, 1, {} });
        t.edges.append(call);
        Edge own;
        own.id = QStringLiteral("own-%1").arg(i);
        own.kind = EdgeKind::Owns;
        own.source = s;
        own.target = d;
        t.edges.append(own);
        Edge pub;
        pub.id = QStringLiteral("pub-%1").arg(i);
        pub.kind = EdgeKind::Publish;
        pub.source = s;
        pub.target = QStringLiteral("bus");
        pub.topics.append(Topic { QStringLiteral("t.%1").arg(i), 3, {} });
        pub.waypoints = { QPointF(x + 150, y + 64), QPointF(x + 150, 9000) };
        t.edges.append(pub);
    }
    t.sortById();
    return t;
}

template <typename F> double bestOf(int runs, F &&f)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int services = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 2000;
    const Topology topology = generate(services);
    QTextStream out(stdout);
    const int cells = int(topology.nodes.size() + topology.edges.size());
    out << "bench_drawio: " << topology.nodes.size() << " nodes + " << topology.edges.size() << " edges = " << cells
        << " model cells (+ layers, lane bands, legend)\n";
    for (bool compressed : { false, true }) {
        DrawioWriter::Options options;
        options.compressed = compressed;
        QByteArray bytes;
        const double write = bestOf(3, [&] { bytes = DrawioWriter::write(topology, options); });
        ReadResult result;
        const double read = bestOf(3, [&] { result = DrawioReader::read(bytes); });
        if (!result.ok() || *result.topology != topology) {
            out << "round trip FAILED: " << result.error << "\n";
            return 1;
        }
        out << (compressed ? "compressed" : "plain     ") << "  size "
            << QString::number(bytes.size() / 1024.0 / 1024.0, 'f', 2) << " MiB  export "
            << QString::number(write, 'f', 1) << " ms  import " << QString::number(read, 'f', 1)
            << " ms  (best of 3; import(export(T)) == T)\n";
    }
    return 0;
}
