#pragma once

#include "panels/nodetemplate.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QMenu;
class QToolBar;

namespace Gatehouse {

class Autosaver;
class DiagramScene;
class DiagramView;
class FormatRegistry;
class Document;
class InspectorDocks;
class LintRunner;
class LiveView;
class NodePalette;
class ProblemsPanel;
class Prompts;
class PropertyEditor;
class RecentFiles;
class Topology;
class UndoHistoryPanel;
struct LintFinding;

// The editor window for one diagram: palette, canvas, property editor, Problems and Undo
// History docks, menus, toolbar and status bar. Owns its Document. File commands replace the
// document after asking to save changes. Everything a user can ask for is a public function
// so tests drive the real window without modal dialogs (questions go through Prompts).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        // Questions and messages; nullptr: real message boxes (MessageBoxPrompts).
        std::shared_ptr<Prompts> prompts;
        // Where autosaves go; empty: RecoveryStore::defaultDirectory().
        QString recoveryDirectory;
        int autosaveDelayMs = 5000;
        int lintDelayMs = 300;
        // Live view: extra arguments for `gatehouse-runtime up` (tests: --data-dir, --secrets-file).
        QStringList runtimeArguments;
    };

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    NodePalette *palette() const { return m_palette; }
    PropertyEditor *propertyEditor() const { return m_propertyEditor; }
    ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    UndoHistoryPanel *undoHistory() const { return m_undoHistory; }
    RecentFiles *recentFiles() const { return m_recentFiles; }
    Autosaver *autosaver() const { return m_autosaver.get(); }
    LintRunner *lintRunner() const { return m_lintRunner; }
    QMenu *recentFilesMenu() const { return m_recentMenu; }
    // Live view (issue 8): Run/Stop, badges, overlay, live context menus. See setupLiveView().
    LiveView *liveView() const { return m_liveView; }
    // The Traffic, Trace, Events and Logs docks of a running stack (docs/inspector.md).
    InspectorDocks *inspectorDocks() const { return m_inspector; }

    // The examples built into the app (":/examples/*.gatehouse").
    static QStringList exampleFiles();

    // File commands. Each asks to save a modified document first (false when the user
    // cancels); load errors are shown through Prompts and leave the current document as it was.
    bool newDiagram();
    bool newFromExample(const QString &exampleFile);
    bool openFile(const QString &fileName);
    bool save(); // asks for a name when untitled
    bool saveAs(const QString &fileName = {}); // empty: ask
    // Reads a file of another format (draw.io) into a new, untitled diagram; problems and the
    // importer's notes are reported. Asks to save a modified document first.
    bool importFile(const QString &fileName);
    // Writes the diagram in `formatName` ("drawio", "svg", "png"), or by the file's extension
    // when empty. The document keeps its own file name and clean state.
    bool exportFile(const QString &fileName, const QString &formatName = {});
    const FormatRegistry &formats() const { return *m_formats; }

    // "Save changes?" when modified. True when it is fine to throw the document away.
    bool maybeSave();

    // Looks for autosaves of crashed sessions and offers each; returns true if one was restored.
    bool offerRecovery();

    // Adds a node of `nodeTemplate` in the middle of the visible canvas (palette double-click).
    QString addNodeFromTemplate(const NodeTemplate &nodeTemplate);

    // Status bar texts, for tests.
    QString zoomText() const;
    QString selectionText() const;
    QString lintText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createCanvas();
    void createDocks();
    void createActions();
    void addImportExportActions(QMenu *menu);
    void addCanvasEditActions(QMenu *menu, QToolBar *toolBar);
    void addCanvasViewActions(QMenu *menu, QToolBar *toolBar);
    void fitCanvas();
    void updateZoomStatus();
    void restoreLayout();
    void saveLayout() const;
    void updateTitle();
    void updateSelectionStatus();
    void updateLintStatus(const QList<LintFinding> &findings);
    void replaceTopology(const Topology &topology, const QString &fileName);
    QPointF visibleCentre() const;
    void setupLiveView(); // the Run menu, toolbar buttons, status line and canvas hooks

    Options m_options;
    std::shared_ptr<Prompts> m_prompts;
    Document *m_document = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    bool m_fitPending = true; // zoom to fit once the view has its real size
    NodePalette *m_palette = nullptr;
    PropertyEditor *m_propertyEditor = nullptr;
    ProblemsPanel *m_problemsPanel = nullptr;
    UndoHistoryPanel *m_undoHistory = nullptr;
    RecentFiles *m_recentFiles = nullptr;
    LintRunner *m_lintRunner = nullptr;
    InspectorDocks *m_inspector = nullptr;
    std::unique_ptr<Autosaver> m_autosaver;
    std::unique_ptr<FormatRegistry> m_formats;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_selectionLabel = nullptr;
    QLabel *m_lintLabel = nullptr;
    LiveView *m_liveView = nullptr;
    bool m_liveCloseConfirmed = false;
};

} // namespace Gatehouse
