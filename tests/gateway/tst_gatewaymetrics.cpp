// GatewayMetrics counts per thread and remembers the counters it counted last (found again by
// the key's string data rather than a map lookup): the rendered totals must be exact however
// the keys alternate, whether a key comes as the same shared string or as an equal copy, and
// from several threads at once.

#include "gateway/gatewaymetrics.h"

#include <QtTest>
#include <thread>

using namespace Gatehouse::Runtime;

namespace {

// The value of the line that starts with `series` in a rendered /metrics body, or -1.
qint64 valueOf(const QByteArray &body, const QByteArray &series)
{
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toLongLong();
    }
    return -1;
}

} // namespace

class TestGatewayMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alternatingKeysAreCountedExactly()
    {
        GatewayMetrics metrics;
        const QString orders = QStringLiteral("GET /orders");
        const QString items = QStringLiteral("GET /items");
        for (int i = 0; i < 100; ++i) {
            metrics.observeRequest(orders, 200, 0.002);
            metrics.observeRequest(i % 3 == 0 ? items : orders, i % 2 == 0 ? 200 : 503, 0.02);
            // An equal string with its own data: the same counter, found through the map.
            metrics.observeRequest(QString(orders.data(), orders.size()), 200, 0.002);
            metrics.countUpstream(QStringLiteral("inventory"), i % 5 == 0 ? QStringLiteral("timeout") : QStringLiteral("ok"));
            metrics.countUpstream(QString("inventory").append(QString()), QString("ok"));
        }
        const QByteArray body = metrics.render({});
        // orders/200: 100 + 100 (copies) + the even i not divisible by 3 (i in 0..99: 50 even, 17 of
        // them multiples of 3, so 33).
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /orders\",status=\"200\"}"), 233);
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /orders\",status=\"503\"}"), 33);
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /items\",status=\"200\"}"), 17);
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /items\",status=\"503\"}"), 17);
        QCOMPARE(valueOf(body, "gatehouse_gateway_request_duration_seconds_count{route=\"GET /orders\"}"), 266);
        QCOMPARE(valueOf(body, "gatehouse_gateway_request_duration_seconds_bucket{route=\"GET /orders\",le=\"0.005\"}"),
                 200);
        QCOMPARE(valueOf(body, "gatehouse_gateway_upstream_attempts_total{upstream=\"inventory\",outcome=\"ok\"}"), 180);
        QCOMPARE(valueOf(body, "gatehouse_gateway_upstream_attempts_total{upstream=\"inventory\",outcome=\"timeout\"}"),
                 20);
    }

    void threadsCountIntoOneTotal()
    {
        GatewayMetrics metrics;
        const QString route = QStringLiteral("GET /orders");
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&metrics, &route, t] {
                for (int i = 0; i < 5000; ++i) {
                    metrics.observeRequest(route, t % 2 == 0 ? 200 : 404, 0.001);
                    metrics.countUpstream(QStringLiteral("orders"), QStringLiteral("ok"));
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        const QByteArray body = metrics.render({});
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /orders\",status=\"200\"}"), 10000);
        QCOMPARE(valueOf(body, "gatehouse_gateway_requests_total{route=\"GET /orders\",status=\"404\"}"), 10000);
        QCOMPARE(valueOf(body, "gatehouse_gateway_upstream_attempts_total{upstream=\"orders\",outcome=\"ok\"}"), 20000);
    }
};

QTEST_GUILESS_MAIN(TestGatewayMetrics)
#include "tst_gatewaymetrics.moc"
