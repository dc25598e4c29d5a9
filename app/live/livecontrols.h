#pragma once

#include "runtimeclient/nodestatus.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QMenu;
class QWidget;

namespace Gatehouse {

class Document;
class LiveSession;
class NodeBadges;

// Faults and control of a running stack from the canvas: the live part of the node and edge
// context menus (stop, kill, pause/resume, restart, add latency, add error rate, clear faults;
// latency and errors on a sync call; a rate slider on client nodes). Every command goes to the
// runtime through LiveSession::client(); its result comes back as `message` (failed results,
// e.g. `unsupported`, with failed = true) so the window can show it in the status bar.
class LiveControls : public QObject
{
    Q_OBJECT

public:
    // Asks for a number (the default shows QInputDialog::getInt); nullopt cancels.
    using ValuePrompt = std::function<std::optional<int>(
        QWidget *parent, const QString &title, const QString &label, int value, int minimum, int maximum)>;

    LiveControls(LiveSession *session, Document *document, NodeBadges *badges, QWidget *dialogParent);

    void setValuePrompt(ValuePrompt prompt) { m_prompt = std::move(prompt); }

    // Adds the live actions for the node or edge under the mouse (nothing when the stack is not
    // running or the item has no live control). Action object names: liveStop, liveStart,
    // liveKill, livePause, liveResume, liveRestart, liveAddLatency, liveAddErrors,
    // liveClearFaults, liveRate (a slider).
    void populateMenu(QMenu *menu, const QString &nodeId, const QString &edgeId);

    // The commands behind the actions; each returns the command id (0 when not running).
    int nodeCommand(const QString &command, const QString &nodeId);
    // Sets the complete injected-fault state of a node or a sync edge (0, 0 clears it).
    int inject(const QString &nodeId, const QString &edgeId, int latencyMs, double errorRate);
    int setRate(const QString &nodeId, double ratePerSecond);
    void reset(); // the stack stopped: forget faults and pending commands
    // The faults and rates the runtime reports (snapshot / status / edgeFaults), so the menus
    // (Clear Faults, the dialogs' current values, the rate slider) show the stack's real state,
    // also for faults another tool or an earlier session injected.
    void applyStatus(const Gatehouse::NodeStatus &status);
    void applyEdgeFaults(const QJsonObject &edgeFaults);

Q_SIGNALS:
    void message(const QString &text, bool failed);

private:
    struct Faults
    {
        int latencyMs = 0;
        double errorRate = 0;
    };
    struct Pending
    {
        QString description;
        QString nodeId;
        QString edgeId;
        std::optional<Faults> faults;
    };
    int send(const QString &command, const QJsonObject &arguments, Pending pending);
    void onFinished(int id, bool ok, const QJsonObject &result);
    QString nodeName(const QString &nodeId) const;
    QString edgeName(const QString &edgeId) const;
    void askLatency(const QString &nodeId, const QString &edgeId);
    void askErrors(const QString &nodeId, const QString &edgeId);

    LiveSession *m_session;
    Document *m_document;
    NodeBadges *m_badges;
    QPointer<QWidget> m_dialogParent;
    ValuePrompt m_prompt;
    QHash<int, Pending> m_pending;
    QHash<QString, Faults> m_faults; // by node id or edge id (as the runtime reports them)
    QSet<QString> m_edgeFaultIds;
    QHash<QString, double> m_rates;
};

} // namespace Gatehouse
