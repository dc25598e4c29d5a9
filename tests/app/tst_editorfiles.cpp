// Recent files, autosave and crash recovery, with real files in temp dirs. The crash is real:
// the test runs itself as a child process that autosaves and then aborts.
#include "files/autosaver.h"
#include "files/recentfiles.h"
#include "files/recoverystore.h"
#include "model/projectfile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>

using namespace Gatehouse;

namespace {
Topology example()
{
    return ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse")).topology;
}

QString touch(const QDir &dir, const QString &name)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    return file.fileName();
}

// The child's part: autosave into argv's directory, then die without any cleanup.
[[noreturn]] void crashAfterAutosave(const QString &directory, const QString &originalFile)
{
    Autosaver autosaver(directory, [&] { return Autosaver::Snapshot { example(), originalFile }; });
    if (autosaver.saveNow())
        std::_Exit(2);
    std::abort();
}
} // namespace

class TestEditorFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recentFilesOrderAndLimit();
    void recentFilesDropsMissingAndFillsMenu();
    void autosaveWritesAfterDelay();
    void runningSessionIsNotAnOrphan();
    void crashedSessionIsOffered();
    void clearRemovesFiles();

private:
    QTemporaryDir m_settingsDir;
};

void TestEditorFiles::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName("GatehouseTest");
    QCoreApplication::setApplicationName("tst_editorfiles");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestEditorFiles::recentFilesOrderAndLimit()
{
    QTemporaryDir dir;
    RecentFiles recent;
    recent.clear();
    QSignalSpy changed(&recent, &RecentFiles::changed);
    const QString a = touch(dir.path(), "a.gatehouse");
    const QString b = touch(dir.path(), "b.gatehouse");
    recent.add(a);
    recent.add(b);
    recent.add(a); // moves to the top, no duplicate
    QCOMPARE(recent.files(), QStringList({ a, b }));
    QCOMPARE(changed.count(), 3);
    // Another RecentFiles (another window, the next start) sees the same list.
    QCOMPARE(RecentFiles().files(), QStringList({ a, b }));

    for (int i = 0; i < RecentFiles::MaxEntries + 3; ++i)
        recent.add(touch(dir.path(), QString("f%1.gatehouse").arg(i)));
    QCOMPARE(recent.files().size(), RecentFiles::MaxEntries);
    QCOMPARE(QFileInfo(recent.files().first()).fileName(), QString("f%1.gatehouse").arg(RecentFiles::MaxEntries + 2));
}

void TestEditorFiles::recentFilesDropsMissingAndFillsMenu()
{
    QTemporaryDir dir;
    RecentFiles recent;
    recent.clear();
    const QString kept = touch(dir.path(), "kept.gatehouse");
    const QString gone = touch(dir.path(), "gone.gatehouse");
    recent.add(kept);
    recent.add(gone);
    QFile::remove(gone);
    QCOMPARE(recent.files(), QStringList({ kept }));

    QMenu menu;
    recent.populateMenu(&menu);
    QVERIFY(menu.isEnabled());
    QSignalSpy open(&recent, &RecentFiles::openRequested);
    QAction *first = menu.actions().first();
    QCOMPARE(first->data().toString(), kept);
    first->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), kept);

    menu.actions().last()->trigger(); // Clear Recent Files
    QVERIFY(recent.files().isEmpty());
    recent.populateMenu(&menu);
    QVERIFY(!menu.isEnabled());
}

void TestEditorFiles::autosaveWritesAfterDelay()
{
    QTemporaryDir dir;
    Topology topology = example();
    Autosaver autosaver(dir.path(), [&] { return Autosaver::Snapshot { topology, "/somewhere/mine.gatehouse" }; });
    autosaver.setDelay(30);
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    autosaver.scheduleSave();
    autosaver.scheduleSave(); // a pending write is not restarted by further changes
    QVERIFY(!autosaver.hasRecoveryFile());
    QVERIFY(saved.wait(2000));
    QCOMPARE(saved.count(), 1);
    QVERIFY(autosaver.hasRecoveryFile());
    const LoadResult loaded = ProjectFile::load(autosaver.recoveryFile());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.topology, topology);
}

void TestEditorFiles::runningSessionIsNotAnOrphan()
{
    QTemporaryDir dir;
    Autosaver autosaver(dir.path(), [] { return Autosaver::Snapshot { example(), {} }; });
    QVERIFY(!autosaver.saveNow());
    QVERIFY(autosaver.hasRecoveryFile());
    QVERIFY(RecoveryStore(dir.path()).orphans().isEmpty());
}

void TestEditorFiles::crashedSessionIsOffered()
{
    QTemporaryDir dir;
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GATEHOUSE_TEST_CRASH_DIR", dir.path());
    env.insert("GATEHOUSE_TEST_CRASH_ORIGINAL", "/projects/shop.gatehouse");
    child.setProcessEnvironment(env);
    child.start();
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const RecoveryStore store(dir.path());
    const QList<RecoveryEntry> orphans = store.orphans();
    QCOMPARE(orphans.size(), 1);
    const RecoveryEntry entry = orphans.first();
    QCOMPARE(entry.originalFile, "/projects/shop.gatehouse");
    QVERIFY(entry.savedAt.isValid());
    QVERIFY(qAbs(entry.savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    const LoadResult loaded = store.load(entry);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.topology, example());

    store.discard(entry);
    QVERIFY(store.orphans().isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestEditorFiles::clearRemovesFiles()
{
    QTemporaryDir dir;
    {
        Autosaver autosaver(dir.path(), [] { return Autosaver::Snapshot { example(), {} }; });
        QVERIFY(!autosaver.saveNow());
        QVERIFY(!QDir(dir.path()).entryList(QDir::Files).isEmpty());
        autosaver.clear();
        QVERIFY(!autosaver.hasRecoveryFile());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        QVERIFY(!autosaver.saveNow()); // usable again after clear
    }
    // Destroying it is a clean close.
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString crashDir = qEnvironmentVariable("GATEHOUSE_TEST_CRASH_DIR");
    if (!crashDir.isEmpty())
        crashAfterAutosave(crashDir, qEnvironmentVariable("GATEHOUSE_TEST_CRASH_ORIGINAL"));
    TestEditorFiles test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editorfiles.moc"
