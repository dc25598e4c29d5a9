#include "testtopologies.h"

#include "model/projectfile.h"

#include <QtTest>

namespace Gatehouse::TestTopologies {

Topology example()
{
    LoadResult loaded = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    if (!loaded.ok())
        qFatal("cannot load the example: %s", qPrintable(loaded.problems.value(0).toString()));
    loaded.topology.sortById();
    return loaded.topology;
}

Topology generated(int services)
{
    Topology t;
    t.name = QStringLiteral("Generated %1").arg(services);
    t.description = QStringLiteral("A large generated topology for tests & benchmarks <with> \"markup\"");
    const int columns = 25;
    const double width = (columns)*200;
    auto add = [&](Node node) { t.nodes.append(node); };
    add(Node { QStringLiteral("web"), NodeKind::ClientWeb, ServiceRole::Generic, QStringLiteral("Web"), {},
        Lane::Clients, QPointF(40, 40), QSizeF(180, 64), 0, {} });
    add(Node { QStringLiteral("gw"), NodeKind::Gateway, ServiceRole::Generic, QStringLiteral("Gateway"), {},
        Lane::Gateway, QPointF(40, 200), QSizeF(width, 80), 8080, {} });
    const int rows = (services + columns - 1) / columns;
    const double dataTop = 380 + rows * 120 + 60;
    add(Node { QStringLiteral("bus"), NodeKind::BusKafka, ServiceRole::Generic, QStringLiteral("Kafka"), {}, Lane::Data,
        QPointF(40, dataTop + rows * 120 + 60), QSizeF(width, 56), 0, {} });
    add(Node { QStringLiteral("cache"), NodeKind::CacheRedis, ServiceRole::Generic, QStringLiteral("Redis"), {},
        Lane::Data, QPointF(40 + width + 40, dataTop), QSizeF(150, 80), 0, {} });
    t.edges.append(Edge { QStringLiteral("e-web"), EdgeKind::Sync, QStringLiteral("web"), QStringLiteral("gw"),
        QStringLiteral("HTTPS") });
    for (int i = 0; i < services; ++i) {
        const QString s = QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString d = QStringLiteral("db-%1").arg(i, 4, 10, QLatin1Char('0'));
        const int col = i % columns, row = i / columns;
        Node svc { s, NodeKind::Service, ServiceRole(i % 6), QStringLiteral("Service %1 ü & <x>").arg(i),
            QStringLiteral("line 1\nline 2"), Lane::Services, QPointF(40 + col * 200, 380 + row * 120),
            QSizeF(160.5, 64.25), 0, {} };
        svc.properties.insert(QStringLiteral("latencyMs"), i % 50);
        add(svc);
        add(Node { d, NodeKind::DbPostgres, ServiceRole::Generic, QStringLiteral("DB %1").arg(i), {}, Lane::Data,
            QPointF(55 + col * 200, dataTop + row * 120), QSizeF(130, 80), 0, {} });
        Edge call { QStringLiteral("e-gw-%1").arg(s), EdgeKind::Sync, QStringLiteral("gw"), s };
        call.routes.append(Route { QStringLiteral("GET"), QStringLiteral("/s%1/{id}").arg(i), RouteVisibility::Public,
            AuthMode::Jwt, RateLimit { 100, 60 }, 1000, 1, {} });
        call.routes.append(Route { QStringLiteral("POST"), QStringLiteral("/admin/s%1").arg(i),
            RouteVisibility::Internal, AuthMode::Admin, {}, 0, 0,
            Fallback { FallbackMode::StaticResponse, 503, QStringLiteral("{\"x\":1}"), {} } });
        t.edges.append(call);
        t.edges.append(Edge { QStringLiteral("e-own-%1").arg(s), EdgeKind::Owns, s, d });
        if (i % 3 == 0) {
            Edge pub { QStringLiteral("e-pub-%1").arg(s), EdgeKind::Publish, s, QStringLiteral("bus") };
            pub.topics.append(Topic { QStringLiteral("topic.%1").arg(i), 3, QStringLiteral("id") });
            pub.waypoints = { QPointF(140.5 + col * 200, 470), QPointF(140.5 + col * 200, dataTop - 20) };
            t.edges.append(pub);
        }
        if (i % 3 == 1) {
            Edge sub { QStringLiteral("e-sub-%1").arg(s), EdgeKind::Subscribe, QStringLiteral("bus"), s };
            sub.topics.append(Topic { QStringLiteral("topic.%1").arg(i - 1) });
            sub.consumerGroup = s;
            t.edges.append(sub);
        }
        if (i % 5 == 0) {
            Edge cache { QStringLiteral("e-cache-%1").arg(s), EdgeKind::UsesCache, s, QStringLiteral("cache") };
            cache.keyPrefix = s + QLatin1Char(':');
            t.edges.append(cache);
        }
        if (i > 0 && i % 7 == 0) {
            Edge dep { QStringLiteral("e-dep-%1").arg(s), EdgeKind::Sync, s,
                QStringLiteral("svc-%1").arg(i - 1, 4, 10, QLatin1Char('0')) };
            dep.timeoutMs = 800;
            dep.retries = 2;
            dep.fallback = Fallback { FallbackMode::Defer, 0, {}, QStringLiteral("accept as pending") };
            t.edges.append(dep);
        }
    }
    t.runSettings.kafkaBootstrap = QStringLiteral("localhost:9092");
    t.sortById();
    return t;
}

} // namespace Gatehouse::TestTopologies
