#include "liveview.h"

#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "document/document.h"
#include "livecontrols.h"
#include "model/projectfile.h"
#include "model/topologyjson.h"
#include "nodebadges.h"
#include "trafficoverlay.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QRegularExpression>
#include <QMainWindow>
#include <QMenu>
#include <QStyle>
#include <QTemporaryDir>

namespace Gatehouse {

LiveView::LiveView(Document *document, DiagramScene *scene, DiagramView *view, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_window(window)
    , m_session(new LiveSession(this))
    , m_overlay(new TrafficOverlay(scene, this))
    , m_badges(new NodeBadges(scene, this))
    , m_controls(new LiveControls(m_session, document, m_badges, window))
    , m_statusLabel(new QLabel(window))
{
    m_statusLabel->setObjectName(QStringLiteral("liveStatus"));
    m_statusLabel->setVisible(false);
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &LiveView::updateStatus);
    createActions();

    connect(m_session, &LiveSession::stateChanged, this, &LiveView::onStateChanged);
    connect(m_session, &LiveSession::started, this, &LiveView::onStarted);
    connect(m_session, &LiveSession::progressLine, this, [this](const QString &line) {
        // "16:46:30 postgres: starting" → "postgres: starting" (the status bar counts seconds);
        // the supervisor's table columns collapse to single spaces.
        static const QRegularExpression clock(QStringLiteral("^\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\s+"));
        m_progress = line;
        m_progress.remove(clock);
        m_progress = m_progress.simplified();
        if (m_session->state() == LiveSession::State::Starting)
            updateStatus();
    });
    connect(m_session, &LiveSession::stopped, this, &LiveView::onStopped);
    connect(m_session, &LiveSession::failed, this,
        [this](const QString &why) { Q_EMIT message(tr("The stack could not run: %1").arg(why), 0); });
    connect(m_controls, &LiveControls::message, this,
        [this](const QString &text, bool failed) { Q_EMIT message(text, failed ? 15000 : 5000); });
    connect(m_overlay, &TrafficOverlay::failureFlashed, this, [this](const QString &edgeId, const QString &text) {
        const Edge *edge = m_document->edge(edgeId);
        const Node *from = edge ? m_document->node(edge->source) : nullptr;
        const Node *to = edge ? m_document->node(edge->target) : nullptr;
        if (from && to)
            Q_EMIT message(tr("%1 → %2: %3").arg(from->name, to->name, text), 4000);
    });
    // Edits while running are fine: what the runtime can take applies live (`apply`), the rest
    // is named in the status line as needing a restart.
    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(400);
    connect(&m_applyTimer, &QTimer::timeout, this, &LiveView::applyEdits);
    connect(m_document, &Document::changed, this, [this] {
        if (m_session->state() != LiveSession::State::Running && m_session->state() != LiveSession::State::Starting)
            return;
        if (runtimeFingerprint() != m_startedFingerprint || m_needsRestart)
            m_applyTimer.start();
    });
    m_view->addContextMenuHook([this](QMenu *menu, const QString &nodeId, const QString &edgeId) {
        m_controls->populateMenu(menu, nodeId, edgeId);
    });
    updateActions();
}

LiveView::~LiveView() = default;

void LiveView::createActions()
{
    const auto add = [this](Action which, const QString &text, const QKeySequence &shortcut, const char *name) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        m_actions.insert(which, a);
        return a;
    };
    QStyle *style = QApplication::style();
    QAction *run = add(Action::Run, tr("&Run"), QKeySequence(Qt::Key_F5), "actionRun");
    run->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
    run->setToolTip(tr("Run the stack of this diagram (F5)"));
    connect(run, &QAction::triggered, this, &LiveView::run);
    QAction *stopAction = add(Action::Stop, tr("&Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5), "actionStop");
    stopAction->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    stopAction->setToolTip(tr("Stop the running stack (Shift+F5)"));
    connect(stopAction, &QAction::triggered, this, &LiveView::stop);
    QAction *restart = add(Action::RestartStack, tr("R&estart Stack"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
        "actionRestartStack");
    connect(restart, &QAction::triggered, this, &LiveView::restartStack);

    QAction *pause = add(Action::PauseOverlays, tr("&Pause Overlays"), QKeySequence(Qt::Key_F6), "actionPauseOverlays");
    pause->setCheckable(true);
    connect(pause, &QAction::toggled, m_overlay, &TrafficOverlay::setPaused);
    QAction *slow = add(Action::SlowMotion, tr("S&low Motion"), QKeySequence(Qt::SHIFT | Qt::Key_F6), "actionSlowMotion");
    slow->setCheckable(true);
    connect(slow, &QAction::toggled, this, [this](bool on) { m_overlay->setSlowdown(on ? 4 : 1); });
    QAction *requests = add(Action::ShowRequests, tr("Show &Request Dots"), {}, "actionShowRequests");
    requests->setCheckable(true);
    requests->setChecked(true);
    connect(requests, &QAction::toggled, m_overlay, &TrafficOverlay::setShowRequests);
    QAction *events = add(Action::ShowEvents, tr("Show &Event Glyphs"), {}, "actionShowEvents");
    events->setCheckable(true);
    events->setChecked(true);
    connect(events, &QAction::toggled, m_overlay, &TrafficOverlay::setShowEvents);
    QAction *labels = add(Action::ShowLabels, tr("Show Traffic &Labels"), {}, "actionShowLabels");
    labels->setCheckable(true);
    labels->setChecked(true);
    connect(labels, &QAction::toggled, m_overlay, &TrafficOverlay::setShowLabels);
}

QMenu *LiveView::createRunMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Run"), parent);
    menu->setObjectName(QStringLiteral("runMenu"));
    menu->addAction(m_actions.value(Action::Run));
    menu->addAction(m_actions.value(Action::Stop));
    menu->addAction(m_actions.value(Action::RestartStack));
    menu->addSeparator();
    menu->addMenu(createOverlayMenu(menu));
    return menu;
}

QMenu *LiveView::createOverlayMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Live &Overlays"), parent);
    for (Action a : {Action::PauseOverlays, Action::SlowMotion, Action::ShowRequests, Action::ShowEvents, Action::ShowLabels})
        menu->addAction(m_actions.value(a));
    return menu;
}

QByteArray LiveView::runtimeFingerprint() const
{
    // What the runtime reads: everything but where things are drawn.
    QJsonObject json = TopologyJson::toJson(m_document->topology());
    QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        for (const char *key : {"x", "y", "width", "height", "description"})
            node.remove(QLatin1String(key));
        nodes[i] = node;
    }
    json.insert(QStringLiteral("nodes"), nodes);
    QJsonArray edges = json.value(QStringLiteral("edges")).toArray();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        QJsonObject edge = edges.at(i).toObject();
        edge.remove(QStringLiteral("waypoints"));
        edges[i] = edge;
    }
    json.insert(QStringLiteral("edges"), edges);
    json.remove(QStringLiteral("description"));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

bool LiveView::run()
{
    if (m_session->isRunning())
        return false;
    QString file = m_document->fileName();
    if (file.isEmpty() || m_document->isModified()) {
        // The runtime reads a file: an untitled or changed diagram runs from a snapshot.
        if (!m_snapshotDir)
            m_snapshotDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("gatehouse-live-XXXXXX")));
        const QString base = file.isEmpty() ? QStringLiteral("untitled") : QFileInfo(file).completeBaseName();
        const QString snapshot = QDir(m_snapshotDir->path()).filePath(base + QStringLiteral(".gatehouse"));
        if (const auto error = ProjectFile::save(snapshot, m_document->topology())) {
            Q_EMIT message(tr("The diagram could not be written for the runtime: %1").arg(*error), 0);
            return false;
        }
        file = snapshot;
    }
    const QString dataDir = m_session->dataDirFor(m_document->fileName());
    m_firstRun = !m_runtimeArguments.contains(QStringLiteral("--data-dir")) && !QFileInfo::exists(dataDir);
    if (m_runtimeArguments.contains(QStringLiteral("--data-dir"))) {
        const qsizetype at = m_runtimeArguments.indexOf(QStringLiteral("--data-dir"));
        m_firstRun = !QFileInfo::exists(m_runtimeArguments.value(at + 1));
    }
    m_startedFingerprint = runtimeFingerprint();
    m_needsRestart = false;
    m_restartReasons.clear();
    m_applyCommand = 0;
    if (!m_session->start(file, m_runtimeArguments, m_document->fileName())) {
        Q_EMIT message(m_session->lastError(), 0);
        return false;
    }
    // Every node starts as "starting" until the supervisor's snapshot says otherwise (during a
    // first run's initdb that can take a while; the window stays responsive).
    QList<NodeStatus> starting;
    for (const Node &node : m_document->topology().nodes) {
        NodeStatus s;
        s.nodeId = node.id;
        s.kind = node.kind;
        s.state = NodeState::Starting;
        starting.append(s);
    }
    m_badges->setStatuses(starting);
    m_progress.clear();
    m_startClock.start();
    m_statusTimer.start();
    updateStatus();
    return true;
}

void LiveView::stop()
{
    m_restartPending = false;
    m_session->stop();
}

void LiveView::restartStack()
{
    if (!m_session->isRunning()) {
        run();
        return;
    }
    m_restartPending = true;
    m_session->stop();
}

bool LiveView::prepareClose(std::function<void()> closeAgain)
{
    if (!m_session->isRunning())
        return true;
    m_closeAgain = std::move(closeAgain);
    m_restartPending = false;
    Q_EMIT message(tr("Stopping the stack before closing (at most 25 s)…"), 0);
    m_session->stop(15000);
    return false;
}

void LiveView::applyEdits()
{
    RuntimeClient *client = m_session->client();
    if (m_session->state() != LiveSession::State::Running || !client || !client->isReady()) {
        // Not connected yet: judge by the fingerprint alone; the next edit tries again.
        m_needsRestart = runtimeFingerprint() != m_startedFingerprint;
        updateStatus();
        return;
    }
    if (m_applyCommand != 0) {
        m_applyTimer.start(); // one `apply` at a time; this edit goes with the next one
        return;
    }
    m_applyingFingerprint = runtimeFingerprint();
    const QJsonObject document = QJsonDocument::fromJson(ProjectFile::toJson(m_document->topology())).object();
    m_applyCommand = client->sendCommand(QStringLiteral("apply"), { { QStringLiteral("document"), document } });
}

void LiveView::onApplied(const QJsonObject &result, bool ok)
{
    m_applyCommand = 0;
    if (!ok) {
        m_needsRestart = true;
        m_restartReasons = { result.value(QStringLiteral("error")).toString() };
        Q_EMIT message(tr("The running stack did not take the edit: %1").arg(m_restartReasons.first()), 15000);
        updateStatus();
        return;
    }
    QStringList applied;
    for (const QJsonValue &value : result.value(QStringLiteral("applied")).toArray()) {
        const QJsonObject change = value.toObject();
        const QString nodeId = change.value(QStringLiteral("nodeId")).toString();
        const Node *node = m_document->node(nodeId);
        const QString name = node && !node->name.isEmpty() ? node->name : nodeId;
        if (change.value(QStringLiteral("change")).toString() == QLatin1String("routes"))
            applied << tr("routes of %1").arg(name);
        else
            applied << tr("rate of %1: %2/s").arg(name).arg(change.value(QStringLiteral("ratePerSecond")).toDouble());
    }
    m_restartReasons.clear();
    for (const QJsonValue &reason : result.value(QStringLiteral("restartReasons")).toArray())
        m_restartReasons << reason.toString();
    m_needsRestart = result.value(QStringLiteral("needsRestart")).toBool();
    if (!m_needsRestart)
        m_startedFingerprint = m_applyingFingerprint; // the stack runs this diagram now
    if (!applied.isEmpty())
        Q_EMIT message(tr("Applied to the running stack: %1").arg(applied.join(QStringLiteral(", "))), 6000);
    updateStatus();
    if (runtimeFingerprint() != m_applyingFingerprint)
        m_applyTimer.start(); // edited again meanwhile
}

void LiveView::onStarted()
{
    RuntimeClient *client = m_session->client();
    connect(client, &RuntimeClient::commandFinished, this, [this](int id, bool ok, const QJsonObject &result) {
        if (id != 0 && id == m_applyCommand)
            onApplied(result, ok);
    });
    // Faults and rates come from the runtime's own picture, so a restarted window or a second
    // tool shows the same bolts and marks.
    connect(client, &RuntimeClient::edgeFaultsChanged, this, [this](const QJsonObject &edgeFaults) {
        m_overlay->setEdgeFaults(edgeFaults);
        m_controls->applyEdgeFaults(edgeFaults);
    });
    connect(client, &RuntimeClient::snapshotReceived, this, [this](const QList<NodeStatus> &nodes) {
        m_badges->setStatuses(nodes);
        for (const NodeStatus &status : nodes)
            m_controls->applyStatus(status);
        updateStatus();
    });
    connect(client, &RuntimeClient::statusChanged, this, [this](const NodeStatus &status) {
        m_badges->setStatus(status);
        m_controls->applyStatus(status);
        updateStatus();
    });
    connect(client, &RuntimeClient::spansReceived, m_overlay, &TrafficOverlay::onSpans);
    connect(client, &RuntimeClient::metricsReceived, m_overlay, &TrafficOverlay::onMetrics);
    connect(client, &RuntimeClient::topicsReceived, m_overlay, &TrafficOverlay::onTopics);
    updateStatus();
}

void LiveView::onStopped()
{
    if (RuntimeClient *client = m_session->client())
        client->disconnect(this);
    m_statusTimer.stop();
    m_badges->clear();
    m_overlay->clear();
    m_needsRestart = false;
    m_restartReasons.clear();
    m_applyCommand = 0;
    m_applyTimer.stop();
    updateStatus();
    if (m_closeAgain) {
        const auto closeAgain = std::move(m_closeAgain);
        m_closeAgain = nullptr;
        closeAgain();
        return;
    }
    if (m_restartPending) {
        m_restartPending = false;
        QTimer::singleShot(0, this, &LiveView::run);
    }
}

void LiveView::onStateChanged()
{
    updateActions();
    updateStatus();
}

void LiveView::updateActions()
{
    const LiveSession::State state = m_session->state();
    m_actions.value(Action::Run)->setEnabled(state == LiveSession::State::Idle);
    m_actions.value(Action::Stop)->setEnabled(state == LiveSession::State::Starting || state == LiveSession::State::Running);
    m_actions.value(Action::RestartStack)->setEnabled(state == LiveSession::State::Running);
}

QString LiveView::statusText() const
{
    switch (m_session->state()) {
    case LiveSession::State::Idle:
        return {};
    case LiveSession::State::Stopping:
        return tr("Stopping the stack…");
    case LiveSession::State::Starting: {
        const int seconds = int(m_startClock.elapsed() / 1000);
        const QString text = m_firstRun
            ? tr("Starting the stack (first run: creating the databases with initdb)… %1 s").arg(seconds)
            : tr("Starting the stack… %1 s").arg(seconds);
        // What the supervisor is doing right now, as it prints it.
        return m_progress.isEmpty() ? text : tr("%1 — %2").arg(text, m_progress);
    }
    case LiveSession::State::Running:
        break;
    }
    const QList<NodeStatus> nodes = m_session->client()->nodes();
    int ready = 0, starting = 0, down = 0, paused = 0, degraded = 0;
    QString startingMessage;
    for (const NodeStatus &s : nodes) {
        switch (s.state) {
        case NodeState::Ready:
            ++ready;
            break;
        case NodeState::Starting:
            ++starting;
            if (startingMessage.isEmpty() && !s.message.isEmpty())
                startingMessage = s.nodeId + QStringLiteral(": ") + s.message;
            break;
        case NodeState::Down:
        case NodeState::Stopped:
            ++down;
            break;
        case NodeState::Paused:
            ++paused;
            break;
        case NodeState::Degraded:
            ++degraded;
            break;
        }
    }
    QStringList parts{tr("Live: %1 of %2 nodes ready").arg(ready).arg(nodes.size())};
    if (starting > 0)
        parts << tr("%1 starting").arg(starting);
    if (degraded > 0)
        parts << tr("%1 degraded").arg(degraded);
    if (paused > 0)
        parts << tr("%1 paused").arg(paused);
    if (down > 0)
        parts << tr("%1 down or stopped").arg(down);
    QString text = parts.join(QStringLiteral(", "));
    if (m_needsRestart)
        text += QStringLiteral(" — ") + tr("the diagram changed: restart the stack to apply it (Ctrl+Shift+F5)");
    return text;
}

void LiveView::updateStatus()
{
    const QString text = statusText();
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    m_statusLabel->setStyleSheet(m_needsRestart ? QStringLiteral("color: #b45309; font-weight: bold;") : QString());
    m_statusLabel->setToolTip(m_needsRestart && !m_restartReasons.isEmpty()
            ? tr("Needs a restart: %1").arg(m_restartReasons.join(QStringLiteral("; ")))
            : QString());
}

} // namespace Gatehouse
