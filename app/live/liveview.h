#pragma once

#include "livesession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QTemporaryDir;

namespace Gatehouse {

class DiagramScene;
class DiagramView;
class Document;
class LiveControls;
class NodeBadges;
class TrafficOverlay;

// The live view of one window (issue 8): Run/Stop of the open diagram, node badges, the traffic
// overlay, the live context menus and the status-bar line. MainWindow creates one in
// setupLiveView() and puts its actions in the Run menu and the toolbar.
// Run saves nothing: a clean, saved diagram runs from its file; an untitled or modified one
// from a snapshot in a private temp dir, with the data dir of the real file (so a snapshot
// reuses the same databases). Edits while running are allowed; a change the runtime would see
// (anything but positions, sizes and waypoints) makes the status line ask for a restart.
class LiveView : public QObject
{
    Q_OBJECT

public:
    enum class Action { Run, Stop, RestartStack, PauseOverlays, SlowMotion, ShowRequests, ShowEvents, ShowLabels };
    Q_ENUM(Action)

    LiveView(Document *document, DiagramScene *scene, DiagramView *view, QMainWindow *window);
    ~LiveView() override;

    LiveSession *session() const { return m_session; }
    TrafficOverlay *overlay() const { return m_overlay; }
    NodeBadges *badges() const { return m_badges; }
    LiveControls *controls() const { return m_controls; }
    QAction *action(Action which) const { return m_actions.value(which); }
    QLabel *statusLabel() const { return m_statusLabel; }
    QString statusText() const;
    // A Run menu with every action (the window adds it to its menu bar).
    QMenu *createRunMenu(QWidget *parent);
    // A submenu with the overlay toggles (for the View menu).
    QMenu *createOverlayMenu(QWidget *parent);

    // Extra arguments for `gatehouse-runtime up` (tests: --data-dir, --secrets-file).
    void setRuntimeArguments(const QStringList &arguments) { m_runtimeArguments = arguments; }
    bool run();
    void stop();
    void restartStack();
    bool needsRestart() const { return m_needsRestart; }

    // Closing the window: true when nothing runs. Otherwise starts the ordered stop, shows a
    // message, and calls `closeAgain` once the stack is down (or after the bounded wait).
    bool prepareClose(std::function<void()> closeAgain);

Q_SIGNALS:
    // A message for the status bar (command results, failures); timeoutMs 0 = until replaced.
    void message(const QString &text, int timeoutMs);

private:
    void createActions();
    void onStateChanged();
    void onStarted();
    void onStopped();
    void updateStatus();
    void updateActions();
    QByteArray runtimeFingerprint() const;
    // Edits while running: sends the diagram to the runtime (`apply`), which applies routes and
    // client rates live and says what needs a restart.
    void applyEdits();
    void onApplied(const QJsonObject &result, bool ok);

    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QPointer<QMainWindow> m_window;
    LiveSession *m_session;
    TrafficOverlay *m_overlay;
    NodeBadges *m_badges;
    LiveControls *m_controls;
    QHash<Action, QAction *> m_actions;
    QLabel *m_statusLabel;
    QStringList m_runtimeArguments;
    std::unique_ptr<QTemporaryDir> m_snapshotDir;
    QByteArray m_startedFingerprint; // what the runtime runs (start diagram + applied edits)
    QByteArray m_applyingFingerprint; // sent with the pending `apply`
    int m_applyCommand = 0;           // id of the pending `apply`, 0 when none
    QTimer m_applyTimer;              // coalesces a burst of edits into one `apply`
    QStringList m_restartReasons;
    bool m_needsRestart = false;
    bool m_firstRun = false;
    QString m_progress; // the supervisor's latest status line while the stack starts
    bool m_restartPending = false;
    QElapsedTimer m_startClock;
    QTimer m_statusTimer; // the elapsed time of a start, once a second
    std::function<void()> m_closeAgain;
};

} // namespace Gatehouse
