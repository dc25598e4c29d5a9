// The `gatehouse` executable itself: --version and the export command work without a display
// (no DISPLAY, no QT_QPA_PLATFORM): main() runs them before it creates a QApplication.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestAppBinary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionWithoutDisplay();
    void exportWithoutDisplay();

private:
    static QProcess *start(const QStringList &args, QObject *parent);
};

QProcess *TestAppBinary::start(const QStringList &args, QObject *parent)
{
    auto *process = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    process->setProcessEnvironment(env);
    process->start(GATEHOUSE_BINARY_DIR "/app/gatehouse", args);
    return process;
}

void TestAppBinary::versionWithoutDisplay()
{
    QProcess *process = start({ "--version" }, this);
    QVERIFY(process->waitForFinished(30000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QVERIFY2(process->readAllStandardOutput().startsWith("Gatehouse "), "prints the version");
}

void TestAppBinary::exportWithoutDisplay()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("out.drawio");
    QProcess *process
        = start({ "export", "--format", "drawio", GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse", out }, this);
    QVERIFY(process->waitForFinished(60000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QVERIFY(QFileInfo(out).size() > 0);
}

QTEST_GUILESS_MAIN(TestAppBinary)
#include "tst_appbinary.moc"
