// The live view end to end, offscreen, with the real gatehouse-runtime and the real example
// stack (embedded PostgreSQL, redis-server, the Kafka mock cluster, one process per service):
// Run → every node's badge ready → our own requests through the gateway → dots on the
// gateway→order edge and labels with a rate → "Pause (hang)" on payment from its context menu →
// POST /orders answers 202 PENDING_PAYMENT and the order→payment call flashes "timeout →
// fallback" → Resume → the pending order is confirmed → Stop → badges cleared, runtime gone.
// Client nodes are tolerated in any state (their traffic drivers are another part's work).
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvas/items/nodeitem.h"
#include "dialogs/prompts.h"
#include "document/document.h"
#include "live/livecontrols.h"
#include "live/livesession.h"
#include "live/liveview.h"
#include "live/trafficoverlay.h"
#include "mainwindow.h"
#include "model/kinds.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Gatehouse;

namespace {

class NoPrompts : public Prompts
{
public:
    SaveChoice askSaveChanges(QWidget *, const QString &) override { return SaveChoice::Discard; }
    void showLoadProblems(QWidget *, const QString &, const QList<LoadProblem> &) override {}
    void showError(QWidget *, const QString &, const QString &) override {}
    bool askRestore(QWidget *, const RecoveryEntry &) override { return false; }
    QString askOpenFileName(QWidget *, const QString &) override { return {}; }
    QString askSaveFileName(QWidget *, const QString &) override { return {}; }
    QString askImportFileName(QWidget *, const QString &, const QString &) override { return {}; }
    QString askExportFileName(QWidget *, const QString &, const QString &) override { return {}; }
};

struct Reply
{
    int status = 0;
    QJsonObject json;
};

Reply request(QNetworkAccessManager &net, const QByteArray &method, int port, const QString &path,
              const QJsonObject &body = {}, const QByteArray &token = {})
{
    QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    r.setTransferTimeout(20000);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = net.sendCustomRequest(r, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(25000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return result;
}

// `gatehouse-runtime up` without a file prints its usage, options included.
bool runtimeSupports(const QString &option)
{
    QProcess up;
    up.start(RUNTIME_PATH, {"up"});
    up.waitForFinished(10000);
    return QString::fromUtf8(up.readAllStandardError() + up.readAllStandardOutput()).contains(option);
}

bool isAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray content = stat.readAll();
    return content.mid(content.lastIndexOf(')') + 2, 1) != "Z";
}

} // namespace

class TestLiveView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("GATEHOUSE_RUNTIME", RUNTIME_PATH);
        QCoreApplication::setOrganizationName("GatehouseTest");
        QCoreApplication::setApplicationName("tst_liveview");
    }

    void runSeeTrafficPausePaymentStop();
    void closingTheWindowStopsTheStack();

private:
    QTemporaryDir m_tmp;
    MainWindow::Options options()
    {
        if (::geteuid() == 0) // PostgreSQL runs as `postgres`, which must reach its data dir
            QFile::setPermissions(m_tmp.path(), QFile::permissions(m_tmp.path()) | QFile::ExeOther);
        MainWindow::Options o;
        o.prompts = std::make_shared<NoPrompts>();
        o.recoveryDirectory = m_tmp.filePath("recovery");
        o.runtimeArguments = {"--data-dir", m_tmp.filePath("data"), "--secrets-file", m_tmp.filePath("secrets.json")};
        // Our own requests only, where the runtime's client nodes can be told to wait.
        if (runtimeSupports("--clients-paused"))
            o.runtimeArguments << "--clients-paused";
        return o;
    }
};

void TestLiveView::runSeeTrafficPausePaymentStop()
{
    QCOMPARE(QFileInfo(LiveSession::findRuntime()).canonicalFilePath(), QFileInfo(RUNTIME_PATH).canonicalFilePath());
    MainWindow window(options());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(window.newFromExample(MainWindow::exampleFiles().first()));
    LiveView *live = window.liveView();
    TrafficOverlay *overlay = live->overlay();
    Document *doc = window.document();
    DiagramScene *scene = window.scene();

    // --- Run (F5): an untitled diagram runs from a snapshot; every node shows a badge at once.
    QAction *run = live->action(LiveView::Action::Run);
    QCOMPARE(run->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(live->action(LiveView::Action::Stop)->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    // First-run progress: the supervisor's status lines (initdb, PostgreSQL starting…) reach
    // the status bar before the control socket is up.
    QSignalSpy started(live->session(), &LiveSession::started);
    QStringList progressBeforeConnected;
    QStringList statusWhileStarting;
    connect(live->session(), &LiveSession::progressLine, this, [&](const QString &line) {
        if (started.isEmpty()) {
            progressBeforeConnected << line;
            statusWhileStarting << live->statusText();
        }
    });
    run->trigger();
    QCOMPARE(live->session()->state(), LiveSession::State::Starting);
    QVERIFY(scene->nodeItem("payment")->liveBadge().has_value());
    QVERIFY(!live->statusText().isEmpty());
    QVERIFY2(started.wait(180000) || !started.isEmpty(), qPrintable(live->session()->lastError()));
    QVERIFY(!progressBeforeConnected.isEmpty());
    qInfo() << "progress lines before connected:" << progressBeforeConnected.size() << progressBeforeConnected.mid(0, 6);
    // The status bar shows the latest line (its clock prefix and column padding dropped).
    const QString lastLine = progressBeforeConnected.last().section(' ', 1).simplified();
    QVERIFY2(statusWhileStarting.last().startsWith("Starting the stack") && statusWhileStarting.last().endsWith(lastLine),
             qPrintable(statusWhileStarting.last() + " / " + lastLine));
    QVERIFY(std::any_of(statusWhileStarting.cbegin(), statusWhileStarting.cend(),
                        [](const QString &status) { return status.contains("postgres"); }));

    QStringList serverNodes;
    for (const Node &n : doc->topology().nodes) {
        if (!isClient(n.kind))
            serverNodes << n.id;
    }
    QTRY_VERIFY2_WITH_TIMEOUT(std::all_of(serverNodes.begin(), serverNodes.end(), [&](const QString &id) {
        const auto badge = scene->nodeItem(id)->liveBadge();
        return badge && badge->text == "ready";
    }), qPrintable(live->statusText()), 180000);
    QVERIFY(live->statusText().startsWith("Live: "));

    // --- Our own traffic: login, then an order through the public listener.
    RuntimeClient *client = live->session()->client();
    const int gatewayPort = client->node("gateway")->port;
    QVERIFY(gatewayPort > 0);
    QNetworkAccessManager net;
    const Reply login = request(net, "POST", gatewayPort, "/auth/login", {{"username", "alice"}, {"password", "gatehouse-demo"}});
    QCOMPARE(login.status, 200);
    const QByteArray token = login.json.value("accessToken").toString().toUtf8();
    QVERIFY(!token.isEmpty());
    const QJsonObject orderBody{{"items", QJsonArray{QJsonObject{{"sku", "SKU-001"}, {"quantity", 1}}}}};

    QList<TrafficOverlay::DotInfo> seen;
    auto recordDots = [&] { seen += overlay->dots(); };
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, recordDots);
    sampler.start(20);
    const Reply placed = request(net, "POST", gatewayPort, "/orders", orderBody, token);
    QVERIFY2(placed.status == 201 || placed.status == 200, qPrintable(QString::number(placed.status)));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const TrafficOverlay::DotInfo &d) {
        return d.edgeId == "e-gateway-order" && d.visible && d.kind == TrafficOverlay::DotKind::Request
            && d.outcome != SpanOutcome::ServerError;
    }), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(overlay->edgeFigures("e-gateway-order").contains("/s · p95"), 10000);
    // The node's figures and those of its calls are on its tooltip even when a card found no room.
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem("order")->toolTip().contains("/s · ≈"), 10000);
    // The order published an event: a glyph on order → Kafka.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const TrafficOverlay::DotInfo &d) {
        return d.edgeId == "e-order-publish" && d.kind == TrafficOverlay::DotKind::Event;
    }), 15000);
    sampler.stop();

    // --- The payment-down scenario, one right-click away: Pause (hang) on payment.
    DiagramView *view = window.view();
    view->zoomToFit();
    const Node *payment = doc->node("payment");
    QMenu menu;
    view->populateContextMenu(&menu, view->mapFromScene(QRectF(payment->position, payment->size).center()));
    QAction *pause = menu.findChild<QAction *>("livePause");
    QVERIFY(pause);
    QCOMPARE(pause->text(), QString("Pause (hang)"));
    pause->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItem("payment")->liveBadge()->text, QString("paused"), 10000);

    QSignalSpy flashed(overlay, &TrafficOverlay::failureFlashed);
    const Reply pending = request(net, "POST", gatewayPort, "/orders", orderBody, token);
    QCOMPARE(pending.status, 202);
    QCOMPARE(pending.json.value("status").toString(), QString("PENDING_PAYMENT"));
    const QString orderId = pending.json.value("orderId").toString();
    QVERIFY(!orderId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(flashed.cbegin(), flashed.cend(), [](const QList<QVariant> &args) {
        return args.at(0).toString() == "e-order-payment" && args.at(1).toString() == "timeout → fallback";
    }), 10000);

    // --- Injected faults: the bolt and the edge mark come from the runtime's status and
    // edgeFaults messages (what any client of the stack sees), then go with Clear Faults.
    QSignalSpy messages(live->controls(), &LiveControls::message);
    live->controls()->inject("inventory", {}, 200, 0);
    QVERIFY(messages.wait(10000));
    QVERIFY2(messages.first().at(0).toString().endsWith(": done"), qPrintable(messages.first().at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem("inventory")->liveBadge()->faultInjected, 10000);
    QVERIFY(live->session()->client()->node("inventory")->injectedLatencyMs == 200);
    live->controls()->inject({}, "e-order-inventory", 0, 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(overlay->hasEdgeFault("e-order-inventory"), 10000);
    live->controls()->inject("inventory", {}, 0, 0);
    live->controls()->inject({}, "e-order-inventory", 0, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!scene->nodeItem("inventory")->liveBadge()->faultInjected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!overlay->hasEdgeFault("e-order-inventory"), 10000);

    // --- Resume: payment recovers and the pending order is settled from the event.
    QMenu again;
    view->populateContextMenu(&again, view->mapFromScene(QRectF(payment->position, payment->size).center()));
    QAction *resume = again.findChild<QAction *>("liveResume");
    QVERIFY(resume);
    resume->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItem("payment")->liveBadge()->text, QString("ready"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(request(net, "GET", gatewayPort, "/orders/" + orderId, {}, token).json.value("status").toString()
                                 == "CONFIRMED",
                             60000);

    // --- Editing while running is allowed. Drawing and names change nothing for the runtime;
    // a route edit applies live (the gateway reloads it); a structural change asks for a restart.
    doc->moveNodesBy({"payment"}, QPointF(10, 0));
    doc->setNodeName("payment", "Payments");
    QVERIFY(!live->needsRestart());
    QCOMPARE(request(net, "GET", gatewayPort, "/inventory/items", {}, {}).status, 401);
    const Edge *inventoryEdge = doc->edge("e-gateway-inventory");
    QVERIFY(inventoryEdge);
    int itemsRoute = -1;
    for (int i = 0; i < inventoryEdge->routes.size(); ++i) {
        if (inventoryEdge->routes.at(i).method == "GET" && inventoryEdge->routes.at(i).path == "/inventory/items")
            itemsRoute = i;
    }
    QVERIFY(itemsRoute >= 0);
    Route open = inventoryEdge->routes.at(itemsRoute);
    open.auth = AuthMode::None;
    doc->setEdgeRoute("e-gateway-inventory", itemsRoute, open);
    QTRY_COMPARE_WITH_TIMEOUT(request(net, "GET", gatewayPort, "/inventory/items", {}, {}).status, 200, 15000);
    QVERIFY(!live->needsRestart());
    doc->setNodePort("order", 18123);
    QTRY_VERIFY_WITH_TIMEOUT(live->needsRestart(), 15000);
    QVERIFY(live->statusText().contains("restart"));

    // --- Stop (Shift+F5): ordered shutdown, badges and overlay cleared, nothing left running.
    const qint64 runtimePid = live->session()->pid();
    QVERIFY(runtimePid > 0);
    QList<qint64> nodePids;
    for (const NodeStatus &s : client->nodes()) {
        if (s.pid > 0 && s.pid != runtimePid)
            nodePids << s.pid;
    }
    QSignalSpy stopped(live->session(), &LiveSession::stopped);
    live->action(LiveView::Action::Stop)->trigger();
    QVERIFY(stopped.wait(60000));
    QCOMPARE(live->session()->state(), LiveSession::State::Idle);
    for (const Node &n : doc->topology().nodes)
        QVERIFY2(!scene->nodeItem(n.id)->liveBadge(), qPrintable(n.id));
    QVERIFY(overlay->edgeLabelText("e-gateway-order").isEmpty());
    QCOMPARE(overlay->activeDotCount(), 0);
    QVERIFY(!isAlive(runtimePid));
    for (qint64 pid : std::as_const(nodePids))
        QVERIFY2(!isAlive(pid), qPrintable(QString::number(pid)));
    QVERIFY(live->statusText().isEmpty());
}

void TestLiveView::closingTheWindowStopsTheStack()
{
    // The same data dir again: a warm start. Restart Stack, then closing while the stack runs stops it first, with a
    // message, and closes the window once the supervisor is gone.
    auto window = std::make_unique<MainWindow>(options());
    window->show();
    QVERIFY(window->newFromExample(MainWindow::exampleFiles().first()));
    LiveView *live = window->liveView();
    QSignalSpy started(live->session(), &LiveSession::started);
    QVERIFY(live->run());
    QVERIFY2(started.wait(180000) || !started.isEmpty(), qPrintable(live->session()->lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(live->session()->client()->node("gateway").has_value(), 60000);

    // Restart Stack: stop, then run the diagram as it is now (a new supervisor).
    const qint64 firstPid = live->session()->pid();
    started.clear();
    QSignalSpy stopped(live->session(), &LiveSession::stopped);
    live->action(LiveView::Action::RestartStack)->trigger();
    QVERIFY(stopped.wait(60000));
    QVERIFY(started.wait(180000) || !started.isEmpty());
    QVERIFY(live->session()->pid() != firstPid);
    QVERIFY(!isAlive(firstPid));
    QTRY_VERIFY_WITH_TIMEOUT(live->session()->client()->node("gateway").has_value(), 60000);

    const qint64 runtimePid = live->session()->pid();
    QVERIFY(runtimePid > 0);
    QVERIFY(!window->close()); // refused for now: the stack stops first
    QVERIFY(!window->isEnabled());
    QVERIFY(window->statusBar()->currentMessage().startsWith("Stopping the stack before closing"));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    QVERIFY(!isAlive(runtimePid));
    QCOMPARE(live->session()->state(), LiveSession::State::Idle);
}

QTEST_MAIN(TestLiveView)
#include "tst_liveview.moc"
