// The circuit breaker per upstream as the diagram sets it (edge `circuitBreaker`), end to end: a
// gateway node started from a launch config (through its JSON form, as the supervisor sends it)
// in front of real upstream HTTP servers. Two upstreams with different thresholds, open times
// and probe counts show that the values of each edge are the ones used; a disabled breaker never
// opens; an upstream without settings gets the built-in defaults; a reload of the diagram changes
// the settings of live breakers. No wall-clock asserts: the test waits for states.
#include "gateway/gateway.h"
#include "gateway/gatewaynode.h"
#include "gatewaytestsupport.h"
#include "model/projectfile.h"

#include <QtTest>
#include <map>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;
using namespace GatewayTest;

namespace {

// An upstream that answers every request with `status` and counts what reached it.
class Service
{
public:
    Service()
        : m_loop(1)
        , m_server(m_loop, Http::ServerOptions {}, [this](Http::Request, Http::Responder responder) {
            ++hits;
            Http::Response response;
            response.status = status.load();
            response.headers.add("Content-Type", "application/json");
            response.body = "{\"served\":true}";
            responder.send(std::move(response));
        })
    {
        m_port = m_server.listen("127.0.0.1", 0).port;
        m_loop.start();
    }
    ~Service()
    {
        m_server.stop();
        m_loop.stop();
    }
    int port() const { return m_port; }
    std::atomic<int> status { 200 };
    std::atomic<int> hits { 0 };

private:
    Http::EventLoop m_loop;
    Http::Server m_server;
    int m_port = 0;
};

const QStringList ServiceIds { "alpha", "beta", "gamma", "delta" };

// A fallback that makes "answered by the gateway" visible in the body.
Fallback staticFallback()
{
    Fallback f;
    f.mode = FallbackMode::StaticResponse;
    f.status = 200;
    f.body = "{\"stale\":true}";
    return f;
}

Topology topology(const QHash<QString, CircuitBreakerSettings> &breakers)
{
    Topology t;
    Node gw;
    gw.id = "gw";
    gw.kind = NodeKind::Gateway;
    gw.lane = Lane::Gateway;
    t.nodes.append(gw);
    for (const QString &id : ServiceIds) {
        Node svc;
        svc.id = id;
        svc.kind = NodeKind::Service;
        t.nodes.append(svc);
        Edge e;
        e.id = "e-gw-" + id;
        e.source = "gw";
        e.target = id;
        Route r;
        r.method = "GET";
        r.path = "/" + id;
        r.auth = AuthMode::None;
        if (id == "beta")
            r.fallback = staticFallback();
        e.routes = { r };
        e.circuitBreaker = breakers.value(id);
        t.edges.append(e);
    }
    return t;
}

QHash<QString, CircuitBreakerSettings> initialBreakers()
{
    return {
        { "alpha", { true, 2, 300, 1 } }, // opens after 2, probes after 300 ms
        { "beta", { true, 4, 600000, 2 } }, // opens after 4, stays open 10 minutes, needs 2 probes
        { "gamma", { false, 5, 5000, 1 } }, // off
        // delta: no settings, the built-in defaults
    };
}

} // namespace

class TestBreakerSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    Keys m_keys;
    std::map<QString, std::unique_ptr<Service>> m_services;
    std::unique_ptr<GatewayNode> m_node;

    int pub() const { return m_node->publicPort(); }
    QPair<QByteArray, QByteArray> admin() const
    {
        return { "Authorization", "Bearer " + m_keys.token(Keys::claims("root", "admin")) };
    }
    QString circuit(const QString &id) const
    {
        return get(m_node->internalPort(), "/admin/gateway/circuits", { admin() })
            .json()["circuits"]
            .toObject()[id]
            .toString();
    }
    QJsonObject upstream(const QString &id) const
    {
        const QJsonArray list = get(m_node->internalPort(), "/admin/gateway/upstreams", { admin() })
                                    .json()["upstreams"]
                                    .toArray();
        for (const QJsonValue &v : list) {
            if (v["id"].toString() == id)
                return v.toObject();
        }
        return {};
    }
    Reply call(const QString &id) const { return get(pub(), "/" + id.toUtf8()); }
    int hits(const QString &id) const { return m_services.at(id)->hits.load(); }
    void setStatus(const QString &id, int status) { m_services.at(id)->status = status; }

    // POST /admin/gateway/reload with the diagram and these breakers.
    void reload(const QHash<QString, CircuitBreakerSettings> &breakers)
    {
        Connection c(m_node->internalPort());
        const Reply r = c.request("POST", "/admin/gateway/reload", { admin(), { "Content-Type", "application/json" } },
            ProjectFile::toJson(topology(breakers)));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json()["warnings"].toArray().isEmpty(), r.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        NodeLaunchConfig c;
        c.nodeId = "gw";
        c.topology = topology(initialBreakers());
        c.publicListener = { "127.0.0.1", 0 };
        c.internalListener = { "127.0.0.1", 0 };
        for (const QString &id : ServiceIds) {
            m_services[id] = std::make_unique<Service>();
            c.upstreams.insert(id, { "127.0.0.1", m_services.at(id)->port() });
        }
        c.dataDir = m_dataDir.path();
        c.secrets.insert("jwt.publicKey", QString::fromLatin1(m_keys.publicPem()));
        // As the supervisor hands it over: through the launch config's JSON.
        QString error;
        const auto carried = NodeLaunchConfig::fromJson(c.toJson(), &error);
        QVERIFY2(carried, qPrintable(error));
        GatewayNode::Settings settings;
        settings.ioThreads = 2;
        m_node = std::make_unique<GatewayNode>(*carried, settings);
        QVERIFY2(m_node->start(&error), qPrintable(error));
        QVERIFY2(m_node->warnings().isEmpty(), qPrintable(m_node->warnings().join("; ")));
    }

    void cleanupTestCase()
    {
        m_node.reset();
        m_services.clear();
    }

    // The admin API reports each upstream's settings: the edge's, or the defaults.
    void settingsComeFromTheDiagram_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<int>("failureThreshold");
        QTest::addColumn<int>("openMs");
        QTest::addColumn<int>("halfOpenProbes");
        QTest::newRow("alpha") << "alpha" << true << 2 << 300 << 1;
        QTest::newRow("beta") << "beta" << true << 4 << 600000 << 2;
        QTest::newRow("gamma (off)") << "gamma" << false << 5 << 5000 << 1;
        QTest::newRow("delta (defaults)") << "delta" << true << 5 << 5000 << 1;
    }

    void settingsComeFromTheDiagram()
    {
        QFETCH(QString, id);
        QFETCH(bool, enabled);
        QFETCH(int, failureThreshold);
        QFETCH(int, openMs);
        QFETCH(int, halfOpenProbes);
        const QJsonObject breaker = upstream(id)["breaker"].toObject();
        QCOMPARE(breaker["enabled"].toBool(), enabled);
        QCOMPARE(breaker["failureThreshold"].toInt(), failureThreshold);
        QCOMPARE(breaker["openMs"].toInt(), openMs);
        QCOMPARE(breaker["halfOpenProbes"].toInt(), halfOpenProbes);
    }

    // Threshold N opens after exactly N failures; an open breaker answers at once (fallback or
    // 503) without calling; after the edge's open time a probe closes it again.
    void thresholdAndOpenTimeOfEachEdge()
    {
        // beta first: 4 failures (answered by the route's fallback), then open.
        setStatus("beta", 503);
        for (int i = 0; i < 3; ++i) {
            const Reply r = call("beta");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("{\"stale\":true}"));
            QCOMPARE(circuit("beta"), QString("closed"));
        }
        QCOMPARE(call("beta").body, QByteArray("{\"stale\":true}"));
        QCOMPARE(circuit("beta"), QString("open"));
        QCOMPARE(hits("beta"), 4);
        setStatus("beta", 200); // healthy again, but the breaker does not ask it yet
        const Reply fastBeta = call("beta");
        QCOMPARE(fastBeta.status, 200);
        QCOMPARE(fastBeta.body, QByteArray("{\"stale\":true}"));
        QCOMPARE(hits("beta"), 4);

        // alpha: 2 failures open it; no fallback on its route, so a 503 problem.
        setStatus("alpha", 503);
        QCOMPARE(call("alpha").status, 503);
        QCOMPARE(circuit("alpha"), QString("closed"));
        QCOMPARE(call("alpha").status, 503);
        QCOMPARE(circuit("alpha"), QString("open"));
        const Reply fastAlpha = call("alpha");
        QCOMPARE(fastAlpha.status, 503);
        QCOMPARE(fastAlpha.json()["detail"].toString(), QString("circuit open for upstream alpha"));
        QCOMPARE(fastAlpha.header("Retry-After"), QByteArray("1"));
        QCOMPARE(hits("alpha"), 2);

        // alpha's 300 ms pass: half-open, and one successful probe closes it.
        setStatus("alpha", 200);
        QTRY_COMPARE_WITH_TIMEOUT(circuit("alpha"), QString("half-open"), 10000);
        const Reply probe = call("alpha");
        QCOMPARE(probe.status, 200);
        QCOMPARE(probe.body, QByteArray("{\"served\":true}"));
        QCOMPARE(circuit("alpha"), QString("closed"));
        QCOMPARE(hits("alpha"), 3);

        // beta opened before alpha, so more than alpha's open time has passed: beta keeps its own
        // ten minutes and still answers without calling.
        QCOMPARE(circuit("beta"), QString("open"));
        QCOMPARE(call("beta").body, QByteArray("{\"stale\":true}"));
        QCOMPARE(hits("beta"), 4);
    }

    // A reload with a shorter open time applies to the breaker that is open now; beta then needs
    // its two probes to close.
    void reloadChangesLiveBreakersAndProbesCount()
    {
        QCOMPARE(circuit("beta"), QString("open"));
        QHash<QString, CircuitBreakerSettings> breakers = initialBreakers();
        breakers["beta"].openMs = 200;
        reload(breakers);
        QCOMPARE(upstream("beta")["breaker"].toObject()["openMs"].toInt(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(circuit("beta"), QString("half-open"), 10000);
        QCOMPARE(call("beta").body, QByteArray("{\"served\":true}"));
        QCOMPARE(circuit("beta"), QString("half-open")); // one of two probes
        QCOMPARE(call("beta").body, QByteArray("{\"served\":true}"));
        QCOMPARE(circuit("beta"), QString("closed"));
        QCOMPARE(hits("beta"), 6);
    }

    // A call the client broke off gives its half-open probe slot back without closing the
    // breaker (a success would) or reopening it (a failure would), and leaves the failure count.
    void abandonedCallIsNeitherSuccessNorFailure()
    {
        CircuitBreaker::Options options;
        options.failureThreshold = 2;
        options.openDuration = std::chrono::milliseconds(100);
        CircuitBreaker breaker(options);
        const auto t0 = CircuitBreaker::Clock::now();
        QVERIFY(breaker.tryAcquire(t0));
        breaker.onFailure(t0);
        QVERIFY(breaker.tryAcquire(t0));
        breaker.onAbandoned(); // closed: nothing changes, the failure still counts
        QCOMPARE(breaker.consecutiveFailures(), 1);
        breaker.onFailure(t0);
        QCOMPARE(breaker.state(t0), CircuitBreaker::State::Open);

        const auto later = t0 + std::chrono::milliseconds(150);
        QVERIFY(breaker.tryAcquire(later)); // the one half-open probe
        QVERIFY(!breaker.tryAcquire(later));
        breaker.onAbandoned();
        QCOMPARE(breaker.state(later), CircuitBreaker::State::HalfOpen);
        QVERIFY(breaker.tryAcquire(later)); // the slot is free again
        breaker.onSuccess();
        QCOMPARE(breaker.state(later), CircuitBreaker::State::Closed);
    }

    void disabledBreakerNeverOpens()
    {
        setStatus("gamma", 503);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(call("gamma").status, 503);
        QCOMPARE(hits("gamma"), 12); // every request reached the service
        QCOMPARE(circuit("gamma"), QString("closed"));
        QCOMPARE(upstream("gamma")["consecutiveFailures"].toInt(), 12);
        setStatus("gamma", 200);
        QCOMPARE(call("gamma").status, 200);
    }

    // No settings on the edge: today's built-in 5 failures. Then a reload that turns the breaker
    // off closes the open breaker at once.
    void defaultsThenTurnedOffByReload()
    {
        setStatus("delta", 503);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(call("delta").status, 503);
            QCOMPARE(circuit("delta"), QString("closed"));
        }
        QCOMPARE(call("delta").status, 503);
        QCOMPARE(circuit("delta"), QString("open"));
        QCOMPARE(call("delta").json()["detail"].toString(), QString("circuit open for upstream delta"));
        QCOMPARE(hits("delta"), 5);

        QHash<QString, CircuitBreakerSettings> breakers = initialBreakers();
        breakers["delta"].enabled = false;
        reload(breakers);
        QCOMPARE(circuit("delta"), QString("closed"));
        setStatus("delta", 200);
        QCOMPARE(call("delta").status, 200);
        QCOMPARE(hits("delta"), 6);
    }
};

QTEST_GUILESS_MAIN(TestBreakerSettings)
#include "tst_breakersettings.moc"
