#pragma once

#include "render/renderoptions.h"

#include <QGraphicsView>
#include <QHash>
#include <QList>
#include <functional>

class QAction;
class QLineEdit;
class QMenu;
class QTimer;

namespace Gatehouse {

class DiagramScene;

// The canvas widget: zoom (wheel, Ctrl +/-, fit, 100 %), pan (space-drag, middle button),
// rubber-band selection, inline rename, context menus, and every canvas command as a QAction
// the shell can put in menus and toolbars (action(Name)).
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    enum class Action {
        Delete,
        Cut,
        Copy,
        Paste,
        Duplicate,
        SelectAll,
        Rename,
        AlignLeft,
        AlignHCenter,
        AlignRight,
        AlignTop,
        AlignVCenter,
        AlignBottom,
        DistributeHorizontally,
        DistributeVertically,
        BringToFront,
        SendToBack,
        ZoomIn,
        ZoomOut,
        ZoomFit,
        ZoomActual,
        SnapToGrid,
        ConnectTool,
        ShowSync,
        ShowEvents,
        ShowDataOwnership,
        ShowCrossCutting,
        ShowFailurePaths,
        ShowInternalRoutes,
        SyncOnly,
        EventsOnly,
        ShowAll,
        AutoLayout,
        RelayoutAll,
        ClearWaypoints,
    };
    Q_ENUM(Action)

    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    DiagramScene *diagramScene() const { return m_scene; }
    QAction *action(Action which) const { return m_actions.value(which); }
    qreal zoom() const { return transform().m11(); }
    // One zoom step. Below 100 % the scene draws in draft until no step came for SettleMs
    // (DiagramScene::isDraft), so a wheel gesture over a large diagram keeps its frame rate.
    void setZoom(qreal zoom);
    static constexpr int SettleMs = 150;
    bool isZoomSettling() const;
    // Ends the zoom gesture now (what the settle timer does): full detail again.
    void settleZoom();
    void zoomToFit();
    // Selects the first node matching `text` and centres it; false when none matches.
    bool findNode(const QString &text);
    void startRename(const QString &nodeId);

    // Other parts add entries to the context menu (the live view: node and edge controls while
    // a stack runs). Called after the view's own entries with the id of the node or edge under
    // the mouse (both empty on the background).
    using ContextMenuHook = std::function<void(QMenu *menu, const QString &nodeId, const QString &edgeId)>;
    void addContextMenuHook(ContextMenuHook hook) { m_menuHooks.append(std::move(hook)); }
    // Fills `menu` as a right-click at `viewPos` (viewport coordinates) would; selects the item
    // under it first. contextMenuEvent shows the result.
    void populateContextMenu(QMenu *menu, const QPoint &viewPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void createActions();
    QAction *add(Action which, const QString &text, const QKeySequence &shortcut, std::function<void()> slot);
    void syncFilterActions();
    void updateSelectionActions();

    DiagramScene *m_scene;
    QHash<Action, QAction *> m_actions;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
    QLineEdit *m_renameEditor = nullptr;
    QList<ContextMenuHook> m_menuHooks;
    // Ends a zoom gesture: the scene leaves draft drawing this long after the last zoom step.
    QTimer *m_settleTimer = nullptr;
};

} // namespace Gatehouse
