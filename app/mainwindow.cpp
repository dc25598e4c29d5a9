#include "mainwindow.h"

#include <QGuiApplication>
#include <QScreen>

#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "dialogs/prompts.h"
#include "dialogs/settingsdialog.h"
#include "document/document.h"
#include "editorresources.h"
#include "files/autosaver.h"
#include "files/recentfiles.h"
#include "files/recoverystore.h"
#include "formats/formatregistry.h"
#include "inspector/inspectordocks.h"
#include "live/livesession.h"
#include "live/liveview.h"
#include "live/trafficoverlay.h"
#include "model/lint/lintfinding.h"
#include "model/projectfile.h"
#include "panels/lintrunner.h"
#include "settings/appsettings.h"
#include "panels/nodepalette.h"
#include "panels/problemspanel.h"
#include "panels/propertyeditor.h"
#include "panels/undohistorypanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace Gatehouse {

namespace {
QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
constexpr int layoutVersion = 1;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Options {}, parent)
{
}

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_prompts(options.prompts ? options.prompts : std::make_shared<MessageBoxPrompts>())
    , m_document(new Document(this))
    , m_recentFiles(new RecentFiles(this))
    , m_lintRunner(new LintRunner(m_document, this))
    , m_formats(FormatRegistry::createDefault())
{
    initEditorResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    const QString recoveryDirectory
        = options.recoveryDirectory.isEmpty() ? RecoveryStore::defaultDirectory() : options.recoveryDirectory;
    m_autosaver = std::make_unique<Autosaver>(recoveryDirectory, [this] {
        return Autosaver::Snapshot { m_document->topology(), m_document->fileName() };
    });
    m_autosaver->setDelay(options.autosaveDelayMs);
    m_lintRunner->setDelay(options.lintDelayMs);

    createCanvas();
    createDocks();
    createActions();

    m_zoomLabel = new QLabel(this);
    m_selectionLabel = new QLabel(this);
    m_lintLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomStatus"));
    m_selectionLabel->setObjectName(QStringLiteral("selectionStatus"));
    m_lintLabel->setObjectName(QStringLiteral("lintStatus"));
    statusBar()->addPermanentWidget(m_selectionLabel);
    statusBar()->addPermanentWidget(m_lintLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    setupLiveView();

    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::selectionChanged, this, &MainWindow::updateSelectionStatus);
    // After the stack moved (not on Document::changed, which fires inside the push, before
    // the stack's clean state is updated).
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_document->isModified())
            m_autosaver->scheduleSave();
        else
            m_autosaver->clear(); // undone back to the saved state: nothing to recover
    });
    connect(m_autosaver.get(), &Autosaver::failed, this,
        [this](const QString &error) { statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000); });
    connect(m_lintRunner, &LintRunner::findingsChanged, m_problemsPanel, &ProblemsPanel::setFindings);
    connect(m_lintRunner, &LintRunner::findingsChanged, this, &MainWindow::updateLintStatus);
    connect(m_problemsPanel, &ProblemsPanel::selectRequested, m_document, &Document::setSelection);
    connect(m_palette, &NodePalette::templateActivated, this, &MainWindow::addNodeFromTemplate);
    connect(m_recentFiles, &RecentFiles::openRequested, this, &MainWindow::openFile);

    restoreLayout();
    m_lintRunner->runNow();
    updateLintStatus(m_lintRunner->findings());
    updateSelectionStatus();
    updateZoomStatus();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Views and panels go before the document they show (QObject would delete children in
    // creation order, the document first), and nothing may react to the stack's teardown.
    m_document->undoStack()->disconnect(this);
    m_document->disconnect(this);
    delete m_liveView; // stops a running stack while the scene it draws on still exists
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    qDeleteAll(docks);
    delete m_view;
    delete m_scene;
}

void MainWindow::createCanvas()
{
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene, this);
    m_view->setObjectName(QStringLiteral("canvas"));
    setCentralWidget(m_view);
    // The view has no zoom signal; every zoom repaints the viewport, so check there.
    m_view->viewport()->installEventFilter(this);
    connect(m_scene, &DiagramScene::connectionRefused, this,
        [this](const QString &reason) { statusBar()->showMessage(reason, 8000); });
}

void MainWindow::addCanvasEditActions(QMenu *menu, QToolBar *toolBar)
{
    using A = DiagramView::Action;
    const auto add = [this, menu](A which) {
        QAction *action = m_view->action(which);
        menu->addAction(action);
        return action;
    };
    add(A::Cut);
    add(A::Copy);
    add(A::Paste);
    add(A::Duplicate);
    QAction *deleteAction = add(A::Delete);
    deleteAction->setIcon(icon("action-delete"));
    menu->addSeparator();
    add(A::SelectAll);
    add(A::Rename);
    menu->addSeparator();
    QAction *connectTool = add(A::ConnectTool);
    add(A::SnapToGrid);
    QMenu *arrange = menu->addMenu(tr("A&rrange"));
    for (A which : { A::AlignLeft, A::AlignHCenter, A::AlignRight, A::AlignTop, A::AlignVCenter, A::AlignBottom })
        arrange->addAction(m_view->action(which));
    arrange->addSeparator();
    arrange->addAction(m_view->action(A::DistributeHorizontally));
    arrange->addAction(m_view->action(A::DistributeVertically));
    arrange->addSeparator();
    arrange->addAction(m_view->action(A::BringToFront));
    arrange->addAction(m_view->action(A::SendToBack));
    arrange->addSeparator();
    arrange->addAction(m_view->action(A::AutoLayout));
    arrange->addAction(m_view->action(A::RelayoutAll));
    arrange->addAction(m_view->action(A::ClearWaypoints));
    toolBar->addAction(deleteAction);
    toolBar->addAction(connectTool);
    toolBar->addSeparator();
}

void MainWindow::addCanvasViewActions(QMenu *menu, QToolBar *toolBar)
{
    using A = DiagramView::Action;
    const struct
    {
        A which;
        const char *icon;
    } zooms[] = { { A::ZoomIn, "action-zoom-in" }, { A::ZoomOut, "action-zoom-out" }, { A::ZoomFit, "action-zoom-fit" },
        { A::ZoomActual, nullptr } };
    for (const auto &zoom : zooms) {
        QAction *action = m_view->action(zoom.which);
        if (zoom.icon) {
            action->setIcon(icon(zoom.icon));
            toolBar->addAction(action);
        }
        menu->addAction(action);
    }
    menu->addSeparator();
    QMenu *filters = menu->addMenu(tr("&Show"));
    for (A which : { A::ShowSync, A::ShowEvents, A::ShowDataOwnership, A::ShowCrossCutting, A::ShowFailurePaths,
             A::ShowInternalRoutes })
        filters->addAction(m_view->action(which));
    filters->addSeparator();
    for (A which : { A::SyncOnly, A::EventsOnly, A::ShowAll })
        filters->addAction(m_view->action(which));
}

void MainWindow::fitCanvas()
{
    if (!isVisible()) {
        m_fitPending = true; // the view has no real size yet: fit when shown
        return;
    }
    m_fitPending = false;
    m_view->zoomToFit();
    updateZoomStatus();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // After the first layout pass, when the view has its final size.
    if (m_fitPending)
        QTimer::singleShot(0, this, &MainWindow::fitCanvas);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint)
        updateZoomStatus();
    return QMainWindow::eventFilter(watched, event);
}

QPointF MainWindow::visibleCentre() const
{
    return m_view->mapToScene(m_view->viewport()->rect().center());
}

QString MainWindow::addNodeFromTemplate(const NodeTemplate &nodeTemplate)
{
    const QString id = m_scene->createNode(nodeTemplate.kind, nodeTemplate.role, visibleCentre());
    if (!id.isEmpty())
        m_document->setSelection({ id });
    return id;
}

void MainWindow::updateZoomStatus()
{
    const QString text = tr("Zoom: %1%").arg(qRound(m_view->zoom() * 100));
    if (m_zoomLabel && m_zoomLabel->text() != text)
        m_zoomLabel->setText(text);
}

void MainWindow::createDocks()
{
    const auto addDock
        = [this](const QString &title, const QString &objectName, QWidget *content, Qt::DockWidgetArea area) {
              auto *dock = new QDockWidget(title, this);
              dock->setObjectName(objectName);
              dock->setWidget(content);
              addDockWidget(area, dock);
              return dock;
          };
    m_palette = new NodePalette(this);
    m_propertyEditor = new PropertyEditor(m_document, this);
    m_problemsPanel = new ProblemsPanel(this);
    m_undoHistory = new UndoHistoryPanel(m_document, this);

    addDock(tr("Palette"), QStringLiteral("paletteDock"), m_palette, Qt::LeftDockWidgetArea);
    QDockWidget *history
        = addDock(tr("Undo History"), QStringLiteral("undoHistoryDock"), m_undoHistory, Qt::LeftDockWidgetArea);
    addDock(tr("Properties"), QStringLiteral("propertiesDock"), m_propertyEditor, Qt::RightDockWidgetArea);
    QDockWidget *problems
        = addDock(tr("Problems"), QStringLiteral("problemsDock"), m_problemsPanel, Qt::BottomDockWidgetArea);
    m_palette->setMinimumWidth(200);
    m_propertyEditor->setMinimumWidth(320);
    // Defaults for a first start; restoreLayout() replaces them with the user's own. Most of the
    // screen, so the example opens readable rather than shrunk to fit a small window.
    const QScreen *screen = QGuiApplication::primaryScreen();
    resize(screen ? screen->availableGeometry().size() * 0.92 : QSize(1500, 950));
    resizeDocks({ findChild<QDockWidget *>(QStringLiteral("paletteDock")), history }, { 3, 1 }, Qt::Vertical);
    resizeDocks({ findChild<QDockWidget *>(QStringLiteral("paletteDock")),
                    findChild<QDockWidget *>(QStringLiteral("propertiesDock")) },
        { 220, 380 }, Qt::Horizontal);
    resizeDocks({ problems }, { 150 }, Qt::Vertical);

    // Inspector docks, tabified with Problems; createActions() lists them in the View menu.
    m_inspector = new InspectorDocks(this);
    m_inspector->install(this);
}

void MainWindow::createActions()
{
    // --- File ---------------------------------------------------------------------------------
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));

    QAction *newAction = file->addAction(icon("action-new"), tr("&New"), this, &MainWindow::newDiagram);
    newAction->setObjectName(QStringLiteral("actionNew"));
    newAction->setShortcut(QKeySequence::New);
    QMenu *examples = file->addMenu(tr("New from &Example"));
    examples->setObjectName(QStringLiteral("examplesMenu"));
    for (const QString &example : exampleFiles()) {
        const QString title = example.endsWith(QLatin1String("-base.gatehouse"))
            ? tr("API gateway: first design")
            : tr("API gateway: refined (rate limits, fallbacks, owners)");
        examples->addAction(title, this, [this, example] { newFromExample(example); });
    }
    QAction *openAction = file->addAction(icon("action-open"), tr("&Open…"), this, [this] {
        const QString start
            = m_document->fileName().isEmpty() ? QDir::homePath() : QFileInfo(m_document->fileName()).absolutePath();
        const QString fileName = m_prompts->askOpenFileName(this, start);
        if (!fileName.isEmpty())
            openFile(fileName);
    });
    openAction->setObjectName(QStringLiteral("actionOpen"));
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    const auto refreshRecent = [this] { m_recentFiles->populateMenu(m_recentMenu); };
    connect(m_recentFiles, &RecentFiles::changed, this, refreshRecent);
    refreshRecent();
    file->addSeparator();
    addImportExportActions(file);
    file->addSeparator();
    QAction *saveAction = file->addAction(icon("action-save"), tr("&Save"), this, &MainWindow::save);
    saveAction->setObjectName(QStringLiteral("actionSave"));
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, [this] { saveAs(); });
    saveAsAction->setObjectName(QStringLiteral("actionSaveAs"));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *closeAction = file->addAction(tr("&Close"), this, &QWidget::close);
    closeAction->setShortcut(QKeySequence::Close);
    QAction *quitAction = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    toolBar->addAction(newAction);
    toolBar->addAction(openAction);
    toolBar->addAction(saveAction);
    toolBar->addSeparator();

    // --- Edit ---------------------------------------------------------------------------------
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setIcon(icon("action-undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setIcon(icon("action-redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    edit->addSeparator();
    addCanvasEditActions(edit, toolBar);
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("Se&ttings…"), this, [this] {
        QSettings store;
        SettingsDialog dialog(m_document, store,
            CredentialStore(CredentialStore::scopeForProject(m_document->fileName())), this);
        if (dialog.exec() == QDialog::Accepted) { // the next Run uses the folder and ports chosen there
            const AppSettings chosen = AppSettings::load(QSettings());
            m_liveView->session()->setDataFolder(chosen.dataFolder);
            m_liveView->session()->setRunOptions(chosen.runOptions()); // sampling applies at once
        }
    });
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setMenuRole(QAction::PreferencesRole);

    // --- View ---------------------------------------------------------------------------------
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    addCanvasViewActions(m_viewMenu, toolBar);
    m_viewMenu->addSeparator();
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(toolBar->toggleViewAction());

    // --- Help ---------------------------------------------------------------------------------
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Gatehouse"), this, [this] {
        QMessageBox::about(this, tr("About Gatehouse"),
            tr("<h3>Gatehouse %1</h3><p>Design, run and inspect API-gateway microservice "
               "stacks.</p>")
                .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
}

QStringList MainWindow::exampleFiles()
{
    // The refined example first: it is the one the seed scenario describes.
    return { QStringLiteral(":/examples/api-gateway.gatehouse"),
        QStringLiteral(":/examples/api-gateway-base.gatehouse") };
}

// --- file commands ---------------------------------------------------------------------------

void MainWindow::addImportExportActions(QMenu *menu)
{
    const auto filterOf = [](const FileFormat *format) {
        QStringList patterns;
        for (const QString &extension : format->extensions())
            patterns.append(QStringLiteral("*.") + extension);
        return tr("%1 (%2)").arg(format->displayName(), patterns.join(QLatin1Char(' ')));
    };
    const auto startDirectory = [this] {
        return m_document->fileName().isEmpty() ? QDir::homePath() : QFileInfo(m_document->fileName()).absolutePath();
    };

    QStringList importFilters;
    for (const FileFormat *format : m_formats->formats(FormatCapability::Read)) {
        if (format->name() != QLatin1String("gatehouse"))
            importFilters.append(filterOf(format));
    }
    QAction *importAction = menu->addAction(tr("&Import…"), this, [=, this] {
        const QString fileName
            = m_prompts->askImportFileName(this, startDirectory(), importFilters.join(QStringLiteral(";;")));
        if (!fileName.isEmpty())
            importFile(fileName);
    });
    importAction->setObjectName(QStringLiteral("actionImport"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));

    QMenu *exportMenu = menu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    for (const FileFormat *format : m_formats->formats()) {
        if (!format->canWrite() || format->name() == QLatin1String("gatehouse"))
            continue;
        const QString name = format->name();
        const QString extension = format->extensions().value(0);
        const QString filter = filterOf(format);
        // core/formats names formats in English; the app's catalogue translates the known ones.
        static const char *const formatNames[] = {QT_TRANSLATE_NOOP("Gatehouse::FileFormat", "draw.io diagram"),
            QT_TRANSLATE_NOOP("Gatehouse::FileFormat", "PNG image"),
            QT_TRANSLATE_NOOP("Gatehouse::FileFormat", "SVG image")};
        Q_UNUSED(formatNames);
        const QString displayName
            = QCoreApplication::translate("Gatehouse::FileFormat", format->displayName().toUtf8().constData());
        QAction *action = exportMenu->addAction(tr("%1…").arg(displayName), this, [=, this] {
            const QString base = m_document->fileName().isEmpty()
                ? QDir::home().filePath(tr("untitled"))
                : m_document->fileName().section(QLatin1Char('.'), 0, -2);
            const QString fileName = m_prompts->askExportFileName(this, base + QLatin1Char('.') + extension, filter);
            if (!fileName.isEmpty())
                exportFile(fileName, name);
        });
        action->setObjectName(QStringLiteral("actionExport-%1").arg(name));
    }
}

bool MainWindow::importFile(const QString &fileName)
{
    if (!maybeSave())
        return false;
    const FileFormat *format = m_formats->forFileName(fileName, FormatCapability::Read);
    if (!format) {
        m_prompts->showError(this, tr("Cannot Import"),
            tr("Gatehouse cannot read files like “%1”.").arg(QFileInfo(fileName).fileName()));
        return false;
    }
    const ReadResult result = format->readFile(fileName);
    if (!result.ok()) {
        m_prompts->showError(this, tr("Cannot Import"),
            tr("“%1” cannot be imported: %2").arg(QDir::toNativeSeparators(fileName), result.error));
        return false;
    }
    replaceTopology(*result.topology, {});
    int guessed = 0;
    int dropped = 0;
    for (const ImportNote &note : result.notes) {
        guessed += note.kind == ImportNote::Kind::Guessed;
        dropped += note.kind == ImportNote::Kind::Dropped;
    }
    statusBar()->showMessage(tr("Imported %1: %2 nodes, %3 connections (%4 guessed, %5 not imported)")
                                 .arg(QFileInfo(fileName).fileName())
                                 .arg(result.topology->nodes.size())
                                 .arg(result.topology->edges.size())
                                 .arg(guessed)
                                 .arg(dropped),
        15000);
    return true;
}

bool MainWindow::exportFile(const QString &fileName, const QString &formatName)
{
    const FileFormat *format = formatName.isEmpty() ? m_formats->forFileName(fileName, FormatCapability::Export)
                                                    : m_formats->byName(formatName);
    if (!format || !format->canWrite()) {
        m_prompts->showError(this, tr("Cannot Export"),
            tr("Gatehouse cannot write files like “%1”.").arg(QFileInfo(fileName).fileName()));
        return false;
    }
    if (const auto error = format->writeFile(fileName, m_document->topology())) {
        m_prompts->showError(this, tr("Cannot Export"),
            tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(fileName), *error));
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QString name
        = m_document->fileName().isEmpty() ? tr("Untitled") : QFileInfo(m_document->fileName()).fileName();
    switch (m_prompts->askSaveChanges(this, name)) {
    case Prompts::SaveChoice::Save:
        return save();
    case Prompts::SaveChoice::Discard:
        return true;
    case Prompts::SaveChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::replaceTopology(const Topology &topology, const QString &fileName)
{
    m_autosaver->clear();
    m_document->resetTopology(topology);
    m_document->setFileName(fileName);
    fitCanvas();
    updateTitle();
}

bool MainWindow::newDiagram()
{
    if (!maybeSave())
        return false;
    Topology topology;
    topology.name = tr("Untitled");
    replaceTopology(topology, {});
    return true;
}

bool MainWindow::newFromExample(const QString &exampleFile)
{
    if (!maybeSave())
        return false;
    const LoadResult result = ProjectFile::load(exampleFile);
    if (!result.ok()) {
        m_prompts->showLoadProblems(this, exampleFile, result.problems);
        return false;
    }
    // An example is a template: the user saves the copy under a name of their own.
    replaceTopology(result.topology, {});
    return true;
}

bool MainWindow::openFile(const QString &fileName)
{
    if (!maybeSave())
        return false;
    const LoadResult result = ProjectFile::load(fileName);
    if (!result.ok()) {
        m_prompts->showLoadProblems(this, fileName, result.problems);
        if (!QFileInfo::exists(fileName))
            m_recentFiles->remove(fileName);
        return false;
    }
    replaceTopology(result.topology, QFileInfo(fileName).absoluteFilePath());
    m_recentFiles->add(fileName);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveAs(m_document->fileName());
}

bool MainWindow::saveAs(const QString &requestedName)
{
    QString fileName = requestedName;
    if (fileName.isEmpty()) {
        const QString suggestion = m_document->fileName().isEmpty() ? QDir::home().filePath(tr("untitled.gatehouse"))
                                                                    : m_document->fileName();
        fileName = m_prompts->askSaveFileName(this, suggestion);
        if (fileName.isEmpty())
            return false;
    }
    if (const auto error = ProjectFile::save(fileName, m_document->topology())) {
        m_prompts->showError(
            this, tr("Cannot Save"), tr("“%1” could not be saved: %2").arg(QDir::toNativeSeparators(fileName), *error));
        return false;
    }
    m_document->setFileName(QFileInfo(fileName).absoluteFilePath());
    m_document->markClean();
    m_autosaver->clear();
    m_recentFiles->add(fileName);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    updateTitle();
    return true;
}

bool MainWindow::offerRecovery()
{
    const RecoveryStore store(QFileInfo(m_autosaver->recoveryFile()).absolutePath());
    const QList<RecoveryEntry> orphans = store.orphans();
    for (const RecoveryEntry &entry : orphans) {
        if (entry.sessionId == m_autosaver->sessionId())
            continue;
        if (!m_prompts->askRestore(this, entry)) {
            store.discard(entry);
            continue;
        }
        const LoadResult result = store.load(entry);
        if (!result.ok()) {
            m_prompts->showLoadProblems(this, entry.recoveryFile, result.problems);
            store.discard(entry);
            continue;
        }
        // Restored work is unsaved work: keep it modified, and remember where it belongs.
        m_document->resetTopology(result.topology);
        m_document->setFileName(entry.originalFile);
        m_document->undoStack()->resetClean(); // no state of this history matches a saved file
        store.discard(entry);
        fitCanvas();
        m_autosaver->saveNow();
        updateTitle();
        statusBar()->showMessage(
            tr("Restored unsaved work from %1").arg(QLocale().toString(entry.savedAt.toLocalTime())));
        return true;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_liveCloseConfirmed && !maybeSave()) {
        event->ignore();
        return;
    }
    // A running stack stops first (ordered, bounded); the window closes when it is down.
    if (!m_liveView->prepareClose([this] { QTimer::singleShot(0, this, &QWidget::close); })) {
        m_liveCloseConfirmed = true; // saving was settled; do not ask again when closing for real
        setEnabled(false);
        event->ignore();
        return;
    }
    m_liveCloseConfirmed = false;
    saveLayout();
    m_autosaver->clear();
    event->accept();
}

// --- live view (issue 8) ---------------------------------------------------------------------

void MainWindow::setupLiveView()
{
    m_liveView = new LiveView(m_document, m_scene, m_view, this);
    m_liveView->setRuntimeArguments(m_options.runtimeArguments);
    // The Run menu goes before Help (the last menu); the overlay toggles also under View.
    const QList<QAction *> menus = menuBar()->actions();
    QMenu *run = m_liveView->createRunMenu(this);
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), run);
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_liveView->createOverlayMenu(m_viewMenu));
    if (auto *toolBar = findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        toolBar->addSeparator();
        toolBar->addAction(m_liveView->action(LiveView::Action::Run));
        toolBar->addAction(m_liveView->action(LiveView::Action::Stop));
    }
    for (QAction *action : run->actions())
        addAction(action); // shortcuts work wherever the focus is
    statusBar()->insertPermanentWidget(0, m_liveView->statusLabel());
    connect(m_liveView, &LiveView::message, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });

    // The inspector docks follow the running stack; a request picked in Traffic lights its
    // whole path on the canvas.
    LiveSession *session = m_liveView->session();
    const AppSettings appSettings = AppSettings::load(QSettings());
    session->setDataFolder(appSettings.dataFolder);
    session->setRunOptions(appSettings.runOptions());
    connect(session, &LiveSession::started, m_inspector, [this, session] { m_inspector->attach(session->client()); });
    connect(session, &LiveSession::stopped, m_inspector, &InspectorDocks::detach);
    connect(m_inspector, &InspectorDocks::traceSelected, m_liveView->overlay(),
        [this](const QString &, const QList<Span> &spans) { m_liveView->overlay()->highlightTrace(spans); });
}

// --- layout, status ---------------------------------------------------------------------------

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray(), layoutVersion);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState(layoutVersion));
}

void MainWindow::updateTitle()
{
    const QString name
        = m_document->fileName().isEmpty() ? tr("Untitled") : QFileInfo(m_document->fileName()).fileName();
    // "[*]" is where Qt shows the modified marker.
    setWindowTitle(tr("%1[*] — Gatehouse").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateSelectionStatus()
{
    const int nodes = int(m_document->selectedNodeIds().size());
    const int edges = int(m_document->selectedEdgeIds().size());
    if (nodes == 0 && edges == 0)
        m_selectionLabel->setText(tr("Nothing selected"));
    else
        m_selectionLabel->setText(tr("Selected — nodes: %1, connections: %2").arg(nodes).arg(edges));
}

void MainWindow::updateLintStatus(const QList<LintFinding> &findings)
{
    m_lintLabel->setText(tr("Problems: %1").arg(findings.size()));
    const bool hasError = std::any_of(
        findings.cbegin(), findings.cend(), [](const LintFinding &f) { return f.severity == LintSeverity::Error; });
    m_lintLabel->setStyleSheet(hasError ? QStringLiteral("color: #b83232;") : QString());
}

QString MainWindow::selectionText() const
{
    return m_selectionLabel->text();
}

QString MainWindow::lintText() const
{
    return m_lintLabel->text();
}

QString MainWindow::zoomText() const
{
    return m_zoomLabel->text();
}

} // namespace Gatehouse
