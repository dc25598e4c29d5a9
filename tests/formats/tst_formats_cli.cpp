// `gatehouse export|import` as a real process (the CLI driver links the same gatehouse_cli
// that app/main.cpp calls): exit codes, messages, files.
#include "formats/drawio/drawioreader.h"
#include "model/projectfile.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Gatehouse;

class TestFormatsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportDrawioAndImportBack();
    void exportCompressed();
    void importReportsGuesses();
    void exportImagesHeadless();
    void errors_data();
    void errors();

private:
    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr);
    QString m_cli;
    QTemporaryDir m_dir;
    QString m_example = QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse");
};

void TestFormatsCli::initTestCase()
{
    m_cli = qEnvironmentVariable("GATEHOUSE_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
}

int TestFormatsCli::run(const QStringList &args, QString *out, QString *err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(m_cli, args);
    if (!process.waitForFinished(60000))
        return -1;
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

void TestFormatsCli::exportDrawioAndImportBack()
{
    const QString drawio = m_dir.filePath(QStringLiteral("ex.drawio"));
    const QString back = m_dir.filePath(QStringLiteral("back.gatehouse"));
    QString out, err;
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("drawio"), m_example, drawio },
                 &out, &err),
        0);
    QVERIFY2(out.contains(QStringLiteral("exported 16 nodes and 23 edges")), qPrintable(out + err));
    QCOMPARE(run({ QStringLiteral("import"), drawio, back }, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("imported 16 nodes and 23 edges")), qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("(report: 0 guessed, 0 kept generic, 0 dropped)")), qPrintable(out));
    LoadResult original = ProjectFile::load(m_example);
    LoadResult imported = ProjectFile::load(back);
    QVERIFY(original.ok() && imported.ok());
    original.topology.sortById();
    QCOMPARE(imported.topology, original.topology);
}

void TestFormatsCli::exportCompressed()
{
    const QString drawio = m_dir.filePath(QStringLiteral("c.drawio"));
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--format=drawio"), QStringLiteral("--compressed"),
                 m_example, drawio }),
        0);
    QFile file(drawio);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("compressed=\"true\""));
    QVERIFY(DrawioReader::read(bytes).ok());
}

void TestFormatsCli::importReportsGuesses()
{
    QString out, err;
    const QString target = m_dir.filePath(QStringLiteral("hand.gatehouse"));
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--page"), QStringLiteral("1"),
                     QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/formats/data/handdrawn.drawio"), target },
                 &out, &err),
        0);
    QVERIFY2(err.contains(QStringLiteral("guessed: cell hex: \"Edge proxy\": hexagon → gateway")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("dropped: cell loose")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("the file has 2 pages (Architecture, Second); imported Architecture")),
        qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("imported 7 nodes and 4 edges")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("1 kept generic, 3 dropped")), qPrintable(out));
    QVERIFY(ProjectFile::load(target).ok());
}

void TestFormatsCli::exportImagesHeadless()
{
    // No DISPLAY (run() removes it): the CLI renders offscreen.
    const QString png = m_dir.filePath(QStringLiteral("x.png"));
    const QString svg = m_dir.filePath(QStringLiteral("x.svg"));
    QString out, err;
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("png"),
                     QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--transparent"),
                     QStringLiteral("--hide"), QStringLiteral("events,internal"), m_example, png },
                 &out, &err),
        0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QVERIFY(image.width() > 2000);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("svg"),
                     QStringLiteral("--no-legend"), m_example, svg },
                 &out, &err),
        0);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
    // A .drawio file is a valid input for image export too.
    const QString drawio = m_dir.filePath(QStringLiteral("in.drawio"));
    QCOMPARE(
        run({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("drawio"), m_example, drawio }), 0);
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("png"), drawio, png }), 0);
}

void TestFormatsCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString out = m_dir.filePath(QStringLiteral("o.drawio"));
    QTest::newRow("no format") << QStringList { QStringLiteral("export"), m_example, out } << 2
                               << "export needs --format";
    QTest::newRow("bad format") << QStringList { QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("visio"), m_example, out }
                                << 2 << "unknown export format \"visio\"";
    QTest::newRow("bad scale") << QStringList { QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("drawio"), QStringLiteral("--scale"), QStringLiteral("zero"), m_example, out }
                               << 2 << "--scale must be a number";
    QTest::newRow("unknown option") << QStringList { QStringLiteral("import"), QStringLiteral("--frobnicate"),
        m_example, out } << 2 << "unknown option --frobnicate";
    QTest::newRow("bad view") << QStringList { QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("png"), QStringLiteral("--hide"), QStringLiteral("lasers"), m_example, out }
                              << 2 << "--hide: unknown view \"lasers\"";
    QTest::newRow("too large") << QStringList { QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("png"), QStringLiteral("--scale"), QStringLiteral("16"),
        QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"),
        m_dir.filePath(QStringLiteral("big.png")) }
                               << 4 << "use a smaller scale";
    QTest::newRow("one file") << QStringList { QStringLiteral("import"), m_example } << 2 << "import needs an input";
    QTest::newRow("missing input") << QStringList { QStringLiteral("import"), QStringLiteral("/nonexistent.drawio"),
        out } << 1 << "Cannot open";
    QTest::newRow("malformed input") << QStringList { QStringLiteral("import"), m_example, out } << 1
                                     << "not well-formed";
    QTest::newRow("unwritable output") << QStringList { QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("drawio"), m_example, QStringLiteral("/nonexistent-dir/x.drawio") }
                                       << 3 << "Cannot write";
}

void TestFormatsCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QString out, err;
    QCOMPARE(run(args, &out, &err), code);
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestFormatsCli)
#include "tst_formats_cli.moc"
