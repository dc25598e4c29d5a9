// Real draw.io (14.7.3 in headless Chromium, via ../shared/tools/check-drawio) opens our exports:
// the example (plain and compressed) and a generated topology of 500 nodes must load with no
// error and no warning (--strict), and draw.io's own PNG of the example must not be blank.
// First use installs two npm packages (about 15 s); a missing tool is a failure, not a skip.
#include "formats/drawio/drawiowriter.h"
#include "testtopologies.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Gatehouse;

class TestFormatsDrawio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void drawioOpensEveryExportStrictly();
    void drawioRendersTheExample();
    void independentDecompressorReadsOurPages();

private:
    QString write(const QString &name, const Topology &topology, bool compressed);
    QString m_tool;
    QString m_dir;
};

void TestFormatsDrawio::initTestCase()
{
    // The tool lives next to the repository (../shared/tools); a git worktree one level deeper
    // finds it at ../../shared/tools; GATEHOUSE_CHECK_DRAWIO overrides both.
    QStringList candidates { QStringLiteral(GATEHOUSE_SOURCE_DIR "/../shared/tools/check-drawio"),
        QStringLiteral(GATEHOUSE_SOURCE_DIR "/../../shared/tools/check-drawio") };
    if (qEnvironmentVariableIsSet("GATEHOUSE_CHECK_DRAWIO"))
        candidates.prepend(qEnvironmentVariable("GATEHOUSE_CHECK_DRAWIO"));
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isExecutable()) {
            m_tool = QFileInfo(candidate).absoluteFilePath();
            break;
        }
    }
    QVERIFY2(!m_tool.isEmpty(),
        qPrintable(QStringLiteral("check-drawio is missing (looked at %1): the draw.io check cannot run; see "
                                  "../shared/tools/drawio/README.md")
                       .arg(candidates.join(QStringLiteral(", ")))));
    m_dir = QStringLiteral(GATEHOUSE_BINARY_DIR "/drawio-check");
    QVERIFY(QDir().mkpath(m_dir));
}

QString TestFormatsDrawio::write(const QString &name, const Topology &topology, bool compressed)
{
    DrawioWriter::Options options;
    options.compressed = compressed;
    const QString path = m_dir + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(DrawioWriter::write(topology, options)) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestFormatsDrawio::drawioOpensEveryExportStrictly()
{
    const Topology example = TestTopologies::example();
    const Topology large = TestTopologies::generated(248);
    QCOMPARE(large.nodes.size(), 500);
    const QStringList files { write(QStringLiteral("example.drawio"), example, false),
        write(QStringLiteral("example-compressed.drawio"), example, true),
        write(QStringLiteral("generated-500.drawio"), large, false) };
    QProcess tool;
    tool.start(m_tool,
        QStringList(files) << QStringLiteral("--summary") << QStringLiteral("--strict") << QStringLiteral("--compact"));
    QVERIFY2(tool.waitForFinished(540000), "check-drawio did not finish");
    const QByteArray stdoutBytes = tool.readAllStandardOutput();
    const QByteArray stderrBytes = tool.readAllStandardError();
    QFile report(m_dir + QStringLiteral("/report.json"));
    QVERIFY(report.open(QIODevice::WriteOnly));
    report.write(stdoutBytes);
    QVERIFY2(tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0,
        qPrintable(
            QStringLiteral("check-drawio exit %1; report in %2\n%3\n%4")
                .arg(tool.exitCode())
                .arg(report.fileName(), QString::fromUtf8(stderrBytes), QString::fromUtf8(stdoutBytes.left(4000)))));
    const QJsonArray reports = QJsonDocument::fromJson(stdoutBytes).array();
    QCOMPARE(reports.size(), 3);
    const int expectedVertices[] = { int(example.nodes.size()), int(example.nodes.size()), 500 };
    for (int i = 0; i < 3; ++i) {
        const QJsonObject r = reports[i].toObject();
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(), qPrintable(files[i]));
        QCOMPARE(r.value(QStringLiteral("errors")).toArray().size(), 0);
        QCOMPARE(r.value(QStringLiteral("warnings")).toArray().size(), 0);
        const QJsonObject summary = r.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("layers")).toInt(), 8);
        // Nodes + lane bands + legend shapes; edges + legend lines.
        QVERIFY2(summary.value(QStringLiteral("vertices")).toInt() > expectedVertices[i],
            qPrintable(QString::number(summary.value(QStringLiteral("vertices")).toInt())));
        const QJsonObject page = r.value(QStringLiteral("pages")).toArray().at(0).toObject();
        QCOMPARE(page.value(QStringLiteral("encoding")).toString(),
            i == 1 ? QStringLiteral("compressed") : QStringLiteral("plain-xml"));
    }
}

void TestFormatsDrawio::drawioRendersTheExample()
{
    const QString file = write(QStringLiteral("example.drawio"), TestTopologies::example(), false);
    const QString png = m_dir + QStringLiteral("/example-drawio.png");
    QFile::remove(png);
    QProcess tool;
    tool.start(m_tool,
        { file, QStringLiteral("--png"), png, QStringLiteral("--summary"), QStringLiteral("--strict"),
            QStringLiteral("--compact") });
    QVERIFY2(tool.waitForFinished(300000), "check-drawio did not finish");
    QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QVERIFY(image.width() > 1000 && image.height() > 500);
    // Not blank: count pixels that differ from the background (the corner pixel).
    const QRgb background = image.pixel(0, 0);
    qint64 drawn = 0;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            if (p != background)
                ++drawn;
            if (colours.size() < 64)
                colours.insert(p & 0xF0F0F0);
        }
    }
    const qint64 sampled = qint64(image.width() / 2) * (image.height() / 2);
    QVERIFY2(drawn > sampled / 5, qPrintable(QStringLiteral("only %1 of %2 pixels drawn").arg(drawn).arg(sampled)));
    QVERIFY2(colours.size() >= 8, "the rendering has too few colours to be our styled diagram");
}

void TestFormatsDrawio::independentDecompressorReadsOurPages()
{
    // jgraph-compatible Node zlib code (tools/compress-drawio.js) inflates our compressed page.
    const QString file = write(QStringLiteral("example-compressed.drawio"), TestTopologies::example(), true);
    const QString script = QFileInfo(m_tool).absolutePath() + QStringLiteral("/drawio/tools/compress-drawio.js");
    QVERIFY2(QFileInfo::exists(script), qPrintable(script));
    QProcess node;
    node.start(QStringLiteral("node"), { script, QStringLiteral("--decompress"), file });
    QVERIFY(node.waitForFinished(60000));
    QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
    const QByteArray xml = node.readAllStandardOutput();
    QVERIFY2(xml.contains("<mxGraphModel"), xml.left(400).constData());
    QVERIFY(xml.contains("<object id=\"order\""));
    QVERIFY(xml.contains("timeout 800 ms"));
}

QTEST_GUILESS_MAIN(TestFormatsDrawio)
#include "tst_formats_drawio.moc"
