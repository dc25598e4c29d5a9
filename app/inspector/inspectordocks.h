#pragma once

#include "model/telemetry.h"
#include "runtimeclient/runtimeclient.h"

#include <QDockWidget>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

class QMainWindow;
class QMenu;

namespace Gatehouse {

class EventsPanel;
class LogsPanel;
class TracePanel;
class TrafficPanel;

// The four inspector docks of a running stack — Traffic, Trace, Events, Logs — and their
// wiring to a RuntimeClient (docs/inspector.md).
//
// install() adds the docks to a main window, tabified at the bottom (object names
// trafficDock, traceDock, eventsDock, logsDock for saveState/restoreState), and their toggle
// actions to `viewMenu` when one is given. attach() clears the previous run's data and follows
// the client's spans, logs, snapshot/status (gateway address, node kinds) and command
// results; detach() stops following but keeps everything shown until the next attach(), with
// a "not running" note on each dock. The client must outlive the attachment (detach() before
// deleting it; a destroyed client detaches by itself).
//
// Selecting a request asks the runtime for its trace (`trace` command); the result fills the
// Trace dock and is announced with traceSelected(), which the app connects to the canvas'
// trace highlight. Late spans of the selected trace (Kafka consumers) extend it and announce
// it again.
class InspectorDocks : public QObject
{
    Q_OBJECT
public:
    explicit InspectorDocks(QObject *parent = nullptr);
    ~InspectorDocks() override;

    void install(QMainWindow *window, QMenu *viewMenu = nullptr);
    void attach(Gatehouse::RuntimeClient *client);
    void detach();
    bool isAttached() const { return m_client != nullptr; }

    // A `topics` message (contract B); RuntimeClient::topicsReceived is connected to it while
    // attached.
    void onTopics(const QJsonObject &message);
    // Shows the trace of `traceId`: from the cache at once when known, and fresh from the
    // runtime when attached.
    void showTrace(const QString &traceId);

    QList<QDockWidget *> docks() const;
    QDockWidget *trafficDock() const { return m_trafficDock; }
    QDockWidget *traceDock() const { return m_traceDock; }
    QDockWidget *eventsDock() const { return m_eventsDock; }
    QDockWidget *logsDock() const { return m_logsDock; }
    TrafficPanel *traffic() const { return m_traffic; }
    TracePanel *trace() const { return m_trace; }
    EventsPanel *events() const { return m_events; }
    LogsPanel *logs() const { return m_logs; }

Q_SIGNALS:
    void traceSelected(const QString &traceId, const QList<Gatehouse::Span> &spans);

private:
    void onSpans(const QList<Gatehouse::Span> &spans);
    void onCommandFinished(int id, bool ok, const QJsonObject &result);
    void updateNodes();
    void setMessages(const QString &text);
    void remember(const QString &traceId, const QList<Span> &spans);

    QPointer<QDockWidget> m_trafficDock;
    QPointer<QDockWidget> m_traceDock;
    QPointer<QDockWidget> m_eventsDock;
    QPointer<QDockWidget> m_logsDock;
    TrafficPanel *m_traffic = nullptr;
    TracePanel *m_trace = nullptr;
    EventsPanel *m_events = nullptr;
    LogsPanel *m_logs = nullptr;

    QPointer<RuntimeClient> m_client;
    QList<QMetaObject::Connection> m_connections;
    QHash<int, QString> m_traceRequests; // command id → trace id
    QHash<QString, QList<Span>> m_traceCache;
    QStringList m_traceCacheOrder; // oldest first, bounded
    bool m_hadRun = false;
};

} // namespace Gatehouse
