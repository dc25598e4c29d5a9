// The real MainWindow, offscreen: palette → canvas → property editor → undo → save → reopen;
// file commands with an injected Prompts (no modal dialogs); autosave and recovery after a real
// crash of a child process; recent files; Problems dock; dock layout persistence.
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "dialogs/prompts.h"
#include "document/document.h"
#include "files/autosaver.h"
#include "files/recentfiles.h"
#include "files/recoverystore.h"
#include "mainwindow.h"
#include "model/projectfile.h"
#include "panels/edgeform.h"
#include "panels/lintrunner.h"
#include "panels/nodepalette.h"
#include "panels/problemspanel.h"
#include "panels/propertyeditor.h"
#include "panels/routetablemodel.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <cstdlib>

using namespace Gatehouse;

namespace {

// Answers every question from a script and records what was asked.
class ScriptedPrompts : public Prompts
{
public:
    SaveChoice saveChoice = SaveChoice::Cancel;
    bool restore = true;
    QString saveFileName;
    QString openFileName;

    int saveQuestions = 0;
    int restoreQuestions = 0;
    QList<LoadProblem> shownProblems;
    QString shownProblemFile;
    QStringList errors;

    SaveChoice askSaveChanges(QWidget *, const QString &) override
    {
        ++saveQuestions;
        return saveChoice;
    }
    void showLoadProblems(QWidget *, const QString &fileName, const QList<LoadProblem> &problems) override
    {
        shownProblemFile = fileName;
        shownProblems = problems;
    }
    void showError(QWidget *, const QString &, const QString &message) override { errors.append(message); }
    bool askRestore(QWidget *, const RecoveryEntry &) override
    {
        ++restoreQuestions;
        return restore;
    }
    QString askOpenFileName(QWidget *, const QString &) override { return openFileName; }
    QString askSaveFileName(QWidget *, const QString &) override { return saveFileName; }
    QString askImportFileName(QWidget *, const QString &, const QString &) override { return openFileName; }
    QString askExportFileName(QWidget *, const QString &, const QString &filter) override
    {
        exportFilters.append(filter);
        return saveFileName;
    }
    QStringList exportFilters;
};

QString examplePath(const char *name = "api-gateway.gatehouse")
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/") + QLatin1String(name);
}

Topology loadTopology(const QString &path)
{
    const LoadResult result = ProjectFile::load(path);
    if (!result.ok())
        qFatal("cannot load %s", qPrintable(path));
    return result.topology;
}

QTreeWidgetItem *paletteItem(NodePalette *palette, NodeKind kind, ServiceRole role = ServiceRole::Generic)
{
    QTreeWidgetItem *item = palette->itemFor({ kind, role });
    palette->scrollToItem(item);
    return item;
}

void doubleClickPaletteItem(NodePalette *palette, QTreeWidgetItem *item)
{
    const QPoint centre = palette->visualItemRect(item).center();
    QTest::mousePress(palette->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, centre);
}

// The child process of autosaveSurvivesCrash: edit, wait for the autosave, die.
[[noreturn]] void crashAfterAutosave(const QString &recoveryDir)
{
    auto prompts = std::make_shared<ScriptedPrompts>();
    MainWindow::Options options;
    options.prompts = prompts;
    options.recoveryDirectory = recoveryDir;
    options.autosaveDelayMs = 10;
    MainWindow window(options);
    if (!window.openFile(examplePath()))
        std::_Exit(3);
    window.document()->setNodeName("order", "Orders (unsaved)");
    QSignalSpy saved(window.autosaver(), &Autosaver::saved);
    if (!saved.wait(10000))
        std::_Exit(4);
    std::abort();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void paletteCanvasRouteUndoSaveReopen();
    void titleShowsFileAndDirtyMarker();
    void brokenFileShowsLoaderMessages_data();
    void brokenFileShowsLoaderMessages();
    void closePromptsForUnsavedChanges();
    void saveWithoutNameAsksForOne();
    void newFromEmbeddedExample();
    void recentFilesFollowOpenAndSave();
    void autosaveWritesRecoveryFile();
    void autosaveSurvivesCrash();
    void runningWindowIsNotOfferedForRecovery();
    void problemsDockFollowsEditsAndSelects();
    void propertyEditIsOneUndoStep();
    void statusBarShowsSelectionAndZoom();
    void dockLayoutIsRemembered();
    void exportAndImportDrawio();
    void exportImagesAndRefuseUnknown();

private:
    MainWindow::Options options();

    QTemporaryDir m_dir;
    std::shared_ptr<ScriptedPrompts> m_prompts;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName("GatehouseTest");
    QCoreApplication::setApplicationName("tst_mainwindow");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
}

void TestMainWindow::init()
{
    m_prompts = std::make_shared<ScriptedPrompts>();
    QSettings().clear();
}

MainWindow::Options TestMainWindow::options()
{
    MainWindow::Options options;
    options.prompts = m_prompts;
    options.recoveryDirectory = m_dir.filePath(QString("recovery-%1").arg(QTest::currentTestFunction()));
    options.autosaveDelayMs = 20;
    options.lintDelayMs = 10;
    return options;
}

void TestMainWindow::paletteCanvasRouteUndoSaveReopen()
{
    MainWindow window(options());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Document *document = window.document();
    const Topology empty = document->topology();

    // Create a gateway and an order service from the palette (double-click).
    NodePalette *palette = window.palette();
    doubleClickPaletteItem(palette, paletteItem(palette, NodeKind::Gateway));
    QCOMPARE(document->topology().nodes.size(), 1);
    const QString gateway = document->topology().nodes.first().id;
    doubleClickPaletteItem(palette, paletteItem(palette, NodeKind::Service, ServiceRole::Order));
    QCOMPARE(document->topology().nodes.size(), 2);
    const Node *orderNode = document->topology().nodesOfKind(NodeKind::Service).first();
    QCOMPARE(orderNode->role, ServiceRole::Order);
    const QString order = orderNode->id;
    // A new node is selected and shown in the property editor.
    QCOMPARE(document->selectedNodeIds(), QStringList { order });
    QCOMPARE(window.propertyEditor()->currentPage(), PropertyEditor::Page::Node);

    // Connect them as a drag on the canvas would.
    const QString edge = window.scene()->connectNodes(gateway, order);
    QVERIFY(!edge.isEmpty());
    QCOMPARE(document->edge(edge)->kind, EdgeKind::Sync);

    // Add and edit a route in the property editor.
    document->setSelection({ edge });
    QCOMPARE(window.propertyEditor()->currentPage(), PropertyEditor::Page::Edge);
    RouteTableModel *routes = window.propertyEditor()->edgeForm()->routeModel();
    const int row = routes->addRoute();
    QVERIFY(routes->setData(routes->index(row, RouteTableModel::Method), "POST"));
    QVERIFY(routes->setData(routes->index(row, RouteTableModel::Path), "/orders"));
    QVERIFY(routes->setData(routes->index(row, RouteTableModel::RateLimit), "20/60s"));
    QVERIFY(!routes->setData(routes->index(row, RouteTableModel::Retries), "many"));
    QCOMPARE(document->edge(edge)->routes.size(), 1);
    const Route route = document->edge(edge)->routes.first();
    QCOMPARE(route.method, "POST");
    QCOMPARE(route.path, "/orders");
    QCOMPARE(route.rateLimit, (RateLimit { 20, 60 }));
    QVERIFY(window.isWindowModified());

    const Topology edited = document->topology();
    const int steps = document->undoStack()->count();
    QCOMPARE(steps, 7); // two nodes, one edge, add route, three route edits

    // Undo all: back to the empty diagram, not modified.
    while (document->undoStack()->canUndo())
        document->undoStack()->undo();
    QCOMPARE(document->topology(), empty);
    QVERIFY(!window.isWindowModified());
    while (document->undoStack()->canRedo())
        document->undoStack()->redo();
    QCOMPARE(document->topology(), edited);

    // Save, reopen in a fresh window: equal.
    const QString file = m_dir.filePath("roundtrip.gatehouse");
    QVERIFY(window.saveAs(file));
    QVERIFY(!window.isWindowModified());
    MainWindow reopened(options());
    QVERIFY(reopened.openFile(file));
    Topology expected = edited;
    expected.sortById();
    QCOMPARE(reopened.document()->topology(), expected);
    QVERIFY(m_prompts->shownProblems.isEmpty());
}

void TestMainWindow::titleShowsFileAndDirtyMarker()
{
    MainWindow window(options());
    QCOMPARE(window.windowTitle(), QString("Untitled[*] — Gatehouse"));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.openFile(examplePath()));
    QCOMPARE(window.windowTitle(), QString("api-gateway.gatehouse[*] — Gatehouse"));
    QVERIFY(!window.isWindowModified());
    window.document()->setNodeName("order", "Orders");
    QVERIFY(window.isWindowModified());
    window.document()->undoStack()->undo();
    QVERIFY(!window.isWindowModified());
}

void TestMainWindow::brokenFileShowsLoaderMessages_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedInMessage");
    QTest::newRow("not json") << QByteArray("{ nodes: [") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("bad kind") << QByteArray(
        R"({"formatVersion":1,"nodes":[{"id":"a","kind":"teapot","name":"A"}],"edges":[]})")
                              << QString("nodes[0]");
    QTest::newRow("dangling edge") << QByteArray(
        R"({"formatVersion":1,"nodes":[{"id":"a","kind":"gateway","name":"A"}],"edges":[{"id":"e","kind":"sync","source":"a","target":"zzz"}]})")
                                   << QString("edges[0]");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12) << QString();
}

void TestMainWindow::brokenFileShowsLoaderMessages()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedInMessage);
    const QString file = m_dir.filePath(QString("broken-%1.gatehouse").arg(QTest::currentDataTag()).replace(' ', '-'));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    MainWindow window(options());
    QVERIFY(window.openFile(examplePath()));
    const Topology before = window.document()->topology();

    QVERIFY(!window.openFile(file));
    QCOMPARE(m_prompts->shownProblemFile, file);
    QVERIFY(!m_prompts->shownProblems.isEmpty());
    if (!expectedInMessage.isEmpty()) {
        QStringList texts;
        for (const LoadProblem &problem : m_prompts->shownProblems)
            texts.append(problem.toString());
        QVERIFY2(texts.join('\n').contains(expectedInMessage), qPrintable(texts.join('\n')));
    }
    // The open document is untouched, and the broken file is not a recent file.
    QCOMPARE(window.document()->topology(), before);
    QVERIFY(window.windowTitle().startsWith("api-gateway.gatehouse"));

    m_prompts->shownProblems.clear();
    QVERIFY(!window.openFile(m_dir.filePath("does-not-exist.gatehouse")));
    QVERIFY(!m_prompts->shownProblems.isEmpty());
}

void TestMainWindow::closePromptsForUnsavedChanges()
{
    MainWindow window(options());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(examplePath()));

    // Unmodified: closes without asking.
    {
        MainWindow clean(options());
        clean.show();
        QVERIFY(clean.close());
        QCOMPARE(m_prompts->saveQuestions, 0);
    }

    window.document()->setNodeName("order", "Orders");
    m_prompts->saveChoice = Prompts::SaveChoice::Cancel;
    QVERIFY(!window.close());
    QCOMPARE(m_prompts->saveQuestions, 1);
    QVERIFY(window.isVisible());
    // Opening another file asks the same question, and Cancel keeps the document.
    QVERIFY(!window.openFile(examplePath("api-gateway-base.gatehouse")));
    QCOMPARE(m_prompts->saveQuestions, 2);
    QCOMPARE(window.document()->node("order")->name, "Orders");

    m_prompts->saveChoice = Prompts::SaveChoice::Discard;
    QVERIFY(window.close());
    QCOMPARE(m_prompts->saveQuestions, 3);
    QVERIFY(!window.isVisible());
    // The example on disk is untouched.
    QCOMPARE(loadTopology(examplePath()).node("order")->name, "Order service");
}

void TestMainWindow::saveWithoutNameAsksForOne()
{
    MainWindow window(options());
    window.show();
    QVERIFY(window.newFromExample(MainWindow::exampleFiles().first()));
    window.document()->setNodeName("order", "Orders");

    // Close → Save → Save As dialog cancelled: the window stays.
    m_prompts->saveChoice = Prompts::SaveChoice::Save;
    m_prompts->saveFileName.clear();
    QVERIFY(!window.close());

    const QString file = m_dir.filePath("named.gatehouse");
    m_prompts->saveFileName = file;
    QVERIFY(window.close());
    QCOMPARE(loadTopology(file).node("order")->name, "Orders");

    // A save that cannot be written reports the error and keeps the document modified.
    MainWindow other(options());
    other.newDiagram();
    other.document()->setTopologyName("x");
    QVERIFY(!other.saveAs(m_dir.filePath("no/such/dir/x.gatehouse")));
    QCOMPARE(m_prompts->errors.size(), 1);
    QVERIFY(other.document()->isModified());
}

void TestMainWindow::newFromEmbeddedExample()
{
    const QStringList examples = MainWindow::exampleFiles();
    QCOMPARE(examples.size(), 2);
    MainWindow window(options());
    for (const QString &example : examples) {
        QVERIFY2(window.newFromExample(example), qPrintable(example));
        // The embedded copy is the file in examples/.
        const QString source = examplePath(QFileInfo(example).fileName().toUtf8().constData());
        QCOMPARE(window.document()->topology(), loadTopology(source));
        QVERIFY(window.document()->fileName().isEmpty()); // a template: saved under a new name
        QVERIFY(window.windowTitle().startsWith("Untitled"));
    }
    QVERIFY(window.findChild<QMenu *>("examplesMenu"));
    QCOMPARE(window.findChild<QMenu *>("examplesMenu")->actions().size(), 2);
}

void TestMainWindow::recentFilesFollowOpenAndSave()
{
    MainWindow window(options());
    QVERIFY(window.recentFiles()->files().isEmpty());
    QVERIFY(!window.recentFilesMenu()->isEnabled());
    QVERIFY(window.openFile(examplePath()));
    const QString copy = m_dir.filePath("recent-copy.gatehouse");
    QVERIFY(window.saveAs(copy));
    QCOMPARE(window.recentFiles()->files(),
        QStringList({ QFileInfo(copy).absoluteFilePath(), QFileInfo(examplePath()).absoluteFilePath() }));
    QVERIFY(window.recentFilesMenu()->isEnabled());

    // The menu entry opens the file (in a new window, after a restart).
    MainWindow next(options());
    const QList<QAction *> actions = next.recentFilesMenu()->actions();
    QVERIFY(actions.size() >= 2);
    QCOMPARE(actions.first()->data().toString(), QFileInfo(copy).absoluteFilePath());
    actions.at(1)->trigger();
    QCOMPARE(next.document()->fileName(), QFileInfo(examplePath()).absoluteFilePath());
}

void TestMainWindow::autosaveWritesRecoveryFile()
{
    MainWindow window(options());
    QVERIFY(window.openFile(examplePath()));
    QSignalSpy saved(window.autosaver(), &Autosaver::saved);
    window.document()->setNodeName("order", "Orders");
    QVERIFY(saved.wait(5000));
    QCOMPARE(loadTopology(window.autosaver()->recoveryFile()), window.document()->topology());

    // Saving makes the recovery file unnecessary.
    QVERIFY(window.saveAs(m_dir.filePath("autosaved.gatehouse")));
    QVERIFY(!window.autosaver()->hasRecoveryFile());
}

void TestMainWindow::autosaveSurvivesCrash()
{
    const QString recoveryDir = m_dir.filePath("crash-recovery");
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GATEHOUSE_TEST_CRASH_RECOVERY_DIR", recoveryDir);
    child.setProcessEnvironment(env);
    child.start();
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // The next start offers the autosave; restoring gives the crashed window's diagram back,
    // marked as unsaved and remembering the file it belongs to.
    MainWindow::Options opts = options();
    opts.recoveryDirectory = recoveryDir;
    MainWindow window(opts);
    m_prompts->restore = true;
    QVERIFY(window.offerRecovery());
    QCOMPARE(m_prompts->restoreQuestions, 1);
    QCOMPARE(window.document()->node("order")->name, "Orders (unsaved)");
    QCOMPARE(window.document()->fileName(), QFileInfo(examplePath()).absoluteFilePath());
    QVERIFY(window.isWindowModified());

    // Offered once: the next window finds nothing.
    MainWindow again(opts);
    QVERIFY(!again.offerRecovery());
    QCOMPARE(m_prompts->restoreQuestions, 1);
}

void TestMainWindow::runningWindowIsNotOfferedForRecovery()
{
    MainWindow::Options opts = options();
    MainWindow first(opts);
    QVERIFY(first.openFile(examplePath()));
    first.document()->setNodeName("order", "Orders");
    QVERIFY(!first.autosaver()->saveNow());
    MainWindow second(opts);
    QVERIFY(!second.offerRecovery());
    QCOMPARE(m_prompts->restoreQuestions, 0);
    QVERIFY(first.autosaver()->hasRecoveryFile());
}

void TestMainWindow::problemsDockFollowsEditsAndSelects()
{
    MainWindow window(options());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(examplePath()));
    const int before = int(window.lintRunner()->findings().size());
    QCOMPARE(window.lintText(), QString("Problems: %1").arg(before));

    // Make payment own the order database too: lint flags it shortly after the edit.
    Edge edge;
    edge.kind = EdgeKind::Owns;
    edge.source = "payment";
    edge.target = "order-db";
    QVERIFY(!window.document()->addEdge(edge).isEmpty());
    QTRY_VERIFY(window.lintRunner()->findings().size() > before);
    QCOMPARE(window.lintText(), QString("Problems: %1").arg(window.lintRunner()->findings().size()));

    ProblemsPanel *panel = window.problemsPanel();
    QTreeWidget *view = panel->view();
    QTreeWidgetItem *target = nullptr;
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (panel->findings().at(i).nodeIds.contains("order-db"))
            target = view->topLevelItem(i);
    }
    QVERIFY(target);
    view->scrollToItem(target);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualItemRect(target).center());
    QVERIFY(window.document()->isSelected("order-db"));
    // Undo removes the finding again.
    window.document()->undoStack()->undo();
    QTRY_COMPARE(int(window.lintRunner()->findings().size()), before);
}

void TestMainWindow::propertyEditIsOneUndoStep()
{
    MainWindow window(options());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(examplePath()));
    window.document()->setSelection({ "auth-db" });
    QCOMPARE(window.propertyEditor()->currentPage(), PropertyEditor::Page::Node);
    QLineEdit *database = window.propertyEditor()->findChild<QLineEdit *>("nodeDatabase");
    QVERIFY(database);
    database->setFocus();
    database->selectAll();
    QTest::keyClicks(database, "users");
    QTest::keyClick(database, Qt::Key_Return);
    QCOMPARE(window.document()->undoStack()->count(), 1);
    QCOMPARE(window.document()->undoStack()->undoText(), QString("Rename database of “Auth DB” to “users”"));
    QCOMPARE(window.document()->node("auth-db")->databaseName(), "users");
    // The Edit menu's Undo says the same.
    QAction *undo = window.findChild<QAction *>("actionUndo");
    QVERIFY(undo);
    QVERIFY(undo->text().contains("Rename database of “Auth DB” to “users”"));
    undo->trigger();
    QCOMPARE(window.document()->node("auth-db")->databaseName(), "auth");
}

void TestMainWindow::statusBarShowsSelectionAndZoom()
{
    MainWindow window(options());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(examplePath()));
    QCOMPARE(window.selectionText(), QString("Nothing selected"));
    window.document()->setSelection({ "order", "payment", "e-gateway-auth" });
    QCOMPARE(window.selectionText(), QString("Selected — nodes: 2, connections: 1"));
    window.view()->setZoom(1.5);
    QTRY_COMPARE(window.zoomText(), QString("Zoom: 150%"));
}

void TestMainWindow::dockLayoutIsRemembered()
{
    {
        MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *problems = window.findChild<QDockWidget *>("problemsDock");
        auto *properties = window.findChild<QDockWidget *>("propertiesDock");
        QVERIFY(problems && properties);
        QCOMPARE(window.dockWidgetArea(properties), Qt::RightDockWidgetArea);
        window.addDockWidget(Qt::LeftDockWidgetArea, properties);
        problems->hide();
        QVERIFY(window.close());
    }
    MainWindow restored(options());
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QCOMPARE(restored.dockWidgetArea(restored.findChild<QDockWidget *>("propertiesDock")), Qt::LeftDockWidgetArea);
    QVERIFY(!restored.findChild<QDockWidget *>("problemsDock")->isVisible());
    QVERIFY(restored.findChild<QDockWidget *>("paletteDock")->isVisible());
}

void TestMainWindow::exportAndImportDrawio()
{
    MainWindow window(options());
    QVERIFY(window.openFile(examplePath()));
    const QString file = m_dir.filePath("exported.drawio");
    // Through the menu, as a user would: File ▸ Export ▸ draw.io.
    m_prompts->saveFileName = file;
    QAction *exportDrawio = window.findChild<QAction *>("actionExport-drawio");
    QVERIFY(exportDrawio);
    exportDrawio->trigger();
    QVERIFY(QFileInfo(file).size() > 0);
    QVERIFY(m_prompts->exportFilters.last().contains("*.drawio"));
    // Exporting does not touch the document's own file or clean state.
    QCOMPARE(window.document()->fileName(), QFileInfo(examplePath()).absoluteFilePath());
    QVERIFY(!window.isWindowModified());

    // Our own export imports back to the same diagram, as a new untitled one.
    MainWindow other(options());
    m_prompts->openFileName = file;
    other.findChild<QAction *>("actionImport")->trigger();
    QVERIFY(other.document()->fileName().isEmpty());
    Topology imported = other.document()->topology();
    Topology expected = window.document()->topology();
    imported.sortById();
    expected.sortById();
    QCOMPARE(imported, expected);

    // A broken draw.io file is reported, never a crash.
    const QString broken = m_dir.filePath("broken.drawio");
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("<mxfile><diagram>not really");
    out.close();
    QVERIFY(!other.importFile(broken));
    QCOMPARE(m_prompts->errors.size(), 1);
    QCOMPARE(other.document()->topology(), imported);
}

void TestMainWindow::exportImagesAndRefuseUnknown()
{
    MainWindow window(options());
    QVERIFY(window.openFile(examplePath()));
    const QString svg = m_dir.filePath("diagram.svg");
    const QString png = m_dir.filePath("diagram.png");
    QVERIFY(window.exportFile(svg));
    QVERIFY(window.exportFile(png));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(svgFile.readAll().contains("<svg"));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200);
    QVERIFY(!window.exportFile(m_dir.filePath("diagram.docx")));
    QCOMPARE(m_prompts->errors.size(), 1);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString crashDir = qEnvironmentVariable("GATEHOUSE_TEST_CRASH_RECOVERY_DIR");
    if (!crashDir.isEmpty()) {
        QCoreApplication::setOrganizationName("GatehouseTestChild");
        crashAfterAutosave(crashDir);
    }
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
