#include "inspectordocks.h"

#include "eventspanel.h"
#include "logmodel.h"
#include "logspanel.h"
#include "runtimeclient/runtimeclient.h"
#include "tracepanel.h"
#include "trafficmodel.h"
#include "trafficpanel.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>

namespace Gatehouse {

namespace {
constexpr int kTraceCacheSize = 100; // traces kept for review after the run
} // namespace

InspectorDocks::InspectorDocks(QObject *parent)
    : QObject(parent)
    , m_traffic(new TrafficPanel)
    , m_trace(new TracePanel)
    , m_events(new EventsPanel)
    , m_logs(new LogsPanel)
{
    const auto makeDock = [](const QString &title, const QString &objectName, QWidget *content) {
        auto *dock = new QDockWidget(title);
        dock->setObjectName(objectName);
        dock->setWidget(content);
        return dock;
    };
    m_trafficDock = makeDock(tr("Traffic"), QStringLiteral("trafficDock"), m_traffic);
    m_traceDock = makeDock(tr("Trace"), QStringLiteral("traceDock"), m_trace);
    m_eventsDock = makeDock(tr("Events"), QStringLiteral("eventsDock"), m_events);
    m_logsDock = makeDock(tr("Logs"), QStringLiteral("logsDock"), m_logs);

    connect(m_traffic, &TrafficPanel::traceRequested, this, &InspectorDocks::showTrace);
    connect(m_traffic, &TrafficPanel::traceActivated, this, [this](const QString &traceId) {
        showTrace(traceId);
        if (m_traceDock)
            m_traceDock->raise();
    });
    setMessages(tr("Not running. Run the diagram to see its live traffic, traces, events and logs here."));
}

InspectorDocks::~InspectorDocks()
{
    // Not detach(): the main window may have deleted the docks (and panels) already.
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    // Docks never installed have no parent to delete them.
    for (QDockWidget *dock : docks()) {
        if (!dock->parent())
            delete dock;
    }
}

QList<QDockWidget *> InspectorDocks::docks() const
{
    QList<QDockWidget *> list;
    for (QDockWidget *dock : { m_trafficDock.data(), m_traceDock.data(), m_eventsDock.data(), m_logsDock.data() }) {
        if (dock)
            list.append(dock);
    }
    return list;
}

void InspectorDocks::install(QMainWindow *window, QMenu *viewMenu)
{
    const QList<QDockWidget *> ours = docks();
    // Tabified with what is at the bottom already (the Problems dock), which stays in front.
    QDockWidget *bottom = nullptr;
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (!ours.contains(dock) && window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
            bottom = dock;
            break;
        }
    }
    QDockWidget *previous = bottom;
    for (QDockWidget *dock : ours) {
        if (previous)
            window->tabifyDockWidget(previous, dock);
        else
            window->addDockWidget(Qt::BottomDockWidgetArea, dock);
        previous = dock;
        if (viewMenu)
            viewMenu->addAction(dock->toggleViewAction());
    }
    (bottom ? bottom : m_trafficDock.data())->raise();
}

void InspectorDocks::setMessages(const QString &text)
{
    m_traffic->setMessage(text);
    m_trace->setMessage(text);
    m_events->setMessage(text);
    m_logs->setMessage(text);
}

void InspectorDocks::attach(RuntimeClient *client)
{
    detach();
    if (!client)
        return;
    m_client = client;
    m_hadRun = true;
    // A new run: the previous run's data goes now, not at stop.
    m_traffic->model()->clear();
    m_trace->clear();
    m_events->clear();
    m_logs->clear();
    m_traceRequests.clear();
    m_traceCache.clear();
    m_traceCacheOrder.clear();
    setMessages({});

    m_connections << connect(client, &RuntimeClient::spansReceived, this, &InspectorDocks::onSpans);
    m_connections << connect(client, &RuntimeClient::logReceived, this, [this](const QJsonObject &line) {
        m_logs->model()->append(line);
        m_traffic->model()->ingestLog(line);
    });
    m_connections << connect(client, &RuntimeClient::snapshotReceived, this, &InspectorDocks::updateNodes);
    m_connections << connect(client, &RuntimeClient::statusChanged, this, &InspectorDocks::updateNodes);
    m_connections << connect(client, &RuntimeClient::commandFinished, this, &InspectorDocks::onCommandFinished);
    m_connections << connect(client, &RuntimeClient::topicsReceived, this, &InspectorDocks::onTopics);
    m_connections << connect(client, &RuntimeClient::disconnected, this,
        [this] { setMessages(tr("Disconnected from the runtime. What arrived until then stays here.")); });
    m_connections << connect(client, &QObject::destroyed, this, &InspectorDocks::detach);
    updateNodes();
    if (m_trafficDock)
        m_trafficDock->raise();
}

void InspectorDocks::detach()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    const bool wasAttached = m_client != nullptr;
    m_client = nullptr;
    m_traceRequests.clear();

    // Whatever is still buffered belongs on screen.
    m_traffic->model()->flush();
    m_logs->model()->flush();
    if (wasAttached || m_hadRun)
        setMessages(tr("Not running. This is the last run's data; it stays until the next run starts."));
}

void InspectorDocks::updateNodes()
{
    if (!m_client)
        return;
    QHash<QString, NodeKind> kinds;
    int gatewayPort = 0;
    for (const NodeStatus &node : m_client->nodes()) {
        kinds.insert(node.nodeId, node.kind);
        if (node.kind == NodeKind::Gateway && node.port > 0 && gatewayPort == 0)
            gatewayPort = node.port;
    }
    m_traffic->model()->setNodeKinds(kinds);
    if (gatewayPort > 0)
        m_traffic->setGatewayAddress(QStringLiteral("127.0.0.1"), gatewayPort);
}

void InspectorDocks::onSpans(const QList<Span> &spans)
{
    m_traffic->model()->ingest(spans);
    const QString selected = m_trace->traceId();
    if (selected.isEmpty())
        return;
    const qsizetype before = m_trace->spans().size();
    m_trace->addSpans(spans);
    if (m_trace->spans().size() != before) {
        remember(selected, m_trace->spans());
        Q_EMIT traceSelected(selected, m_trace->spans());
    }
}

void InspectorDocks::showTrace(const QString &traceId)
{
    if (traceId.isEmpty())
        return;
    const auto cached = m_traceCache.constFind(traceId);
    if (cached != m_traceCache.cend()) {
        m_trace->setTrace(traceId, *cached);
        Q_EMIT traceSelected(traceId, *cached);
    } else {
        m_trace->setTrace(traceId, {});
    }
    if (m_client && m_client->isReady()) {
        m_trace->setMessage({});
        m_traceRequests.insert(
            m_client->sendCommand(QStringLiteral("trace"), { { QStringLiteral("traceId"), traceId } }), traceId);
    } else if (cached == m_traceCache.cend()) {
        m_trace->setMessage(tr("Not running: the spans of this request are no longer available."));
    }
}

void InspectorDocks::onCommandFinished(int id, bool ok, const QJsonObject &result)
{
    const auto request = m_traceRequests.constFind(id);
    if (request == m_traceRequests.cend())
        return;
    const QString traceId = *request;
    m_traceRequests.erase(request);
    if (traceId != m_trace->traceId())
        return; // the user has moved on to another request
    if (!ok) {
        m_trace->setMessage(
            tr("The runtime could not return this trace: %1").arg(result.value(QStringLiteral("error")).toString()));
        return;
    }
    QList<Span> spans;
    for (const QJsonValue &v : result.value(QStringLiteral("spans")).toArray()) {
        if (const auto span = Span::fromJson(v.toObject()); span && span->traceId == traceId)
            spans.append(*span);
    }
    // Spans that arrived live since the request went out are kept too.
    m_trace->setTrace(traceId, spans + m_trace->spans());
    m_trace->setMessage({});
    remember(traceId, m_trace->spans());
    Q_EMIT traceSelected(traceId, m_trace->spans());
}

void InspectorDocks::remember(const QString &traceId, const QList<Span> &spans)
{
    if (!m_traceCache.contains(traceId)) {
        m_traceCacheOrder.append(traceId);
        if (m_traceCacheOrder.size() > kTraceCacheSize)
            m_traceCache.remove(m_traceCacheOrder.takeFirst());
    }
    m_traceCache.insert(traceId, spans);
}

void InspectorDocks::onTopics(const QJsonObject &message)
{
    m_events->onTopics(message);
}

} // namespace Gatehouse
