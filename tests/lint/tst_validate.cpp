// `gatehouse-runtime validate FILE [--json]` run as a process: exit codes, text and JSON output.
#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Gatehouse;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run validate(const QStringList &arguments)
{
    QProcess process;
    process.start(
        QStringLiteral(GATEHOUSE_BINARY_DIR "/runtime/gatehouse-runtime"), QStringList { "validate" } + arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString example(const char *name)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/") + QLatin1String(name);
}

QJsonObject parse(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << text << error.errorString();
    return doc.object();
}

} // namespace

class TestValidate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The refined example with one change, saved with the project's own writer.
    QString variant(const QString &name, const std::function<void(Topology &)> &change)
    {
        LoadResult loaded = ProjectFile::load(example("api-gateway.gatehouse"));
        if (!loaded.ok())
            return {};
        change(loaded.topology);
        const QString path = m_dir.filePath(name);
        if (ProjectFile::save(path, loaded.topology))
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(GATEHOUSE_BINARY_DIR "/runtime/gatehouse-runtime"), "gatehouse-runtime is not built");
    }

    void cleanExampleExitsZero()
    {
        const Run run = validate({ example("api-gateway.gatehouse") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("no problems found"), qPrintable(run.out));
        QVERIFY(run.err.isEmpty());
    }

    void baseExampleExitsOneWithFindings()
    {
        const Run run = validate({ example("api-gateway-base.gatehouse") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("warning [public-route-without-rate-limit] Public route \"GET /orders\""));
        QVERIFY(run.out.contains("    edges: e-order-payment\n"));
        QVERIFY(run.out.contains("    fix: Set a timeout on the edge"));
        QVERIFY2(run.out.contains("0 error(s), 11 warning(s), 2 info."), qPrintable(run.out));
    }

    void jsonOutput()
    {
        const Run run = validate({ "--json", example("api-gateway-base.gatehouse") });
        QCOMPARE(run.exitCode, 1);
        const QJsonObject root = parse(run.out);
        QCOMPARE(root.value("readable").toBool(), true);
        QCOMPARE(root.value("summary").toObject().value("warnings").toInt(), 11);
        QCOMPARE(root.value("summary").toObject().value("info").toInt(), 2);
        QCOMPARE(root.value("summary").toObject().value("errors").toInt(), 0);
        const QJsonArray findings = root.value("findings").toArray();
        QCOMPARE(findings.size(), 13);
        const QJsonObject first = findings.first().toObject();
        QCOMPARE(first.value("rule").toString(), QString("public-route-without-auth"));
        QCOMPARE(first.value("severity").toString(), QString("warning"));
        QCOMPARE(first.value("edgeIds").toArray(), QJsonArray { "e-gateway-auth" });
        QCOMPARE(first.value("nodeIds").toArray(), (QJsonArray { "gateway", "auth" }));
        QVERIFY(!first.value("message").toString().isEmpty());
        QVERIFY(!first.value("hint").toString().isEmpty());
    }

    void cleanJson()
    {
        const Run run = validate({ example("api-gateway.gatehouse"), "--json" });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = parse(run.out);
        QCOMPARE(root.value("findings").toArray().size(), 0);
        QCOMPARE(root.value("readable").toBool(), true);
    }

    // Info findings are printed but do not fail the run (docs/lint.md).
    void infoOnlyExitsZero()
    {
        const QString path = variant("info.gatehouse", [](Topology &t) { t.edge("e-order-inventory")->retries = 0; });
        QVERIFY(!path.isEmpty());
        const Run run = validate({ path });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("info [sync-call-without-fallback]"), qPrintable(run.out));
    }

    void errorExitsOne()
    {
        const QString path = variant("shared.gatehouse", [](Topology &t) {
            Edge e;
            e.id = "e-payment-owns-order-db";
            e.kind = EdgeKind::Owns;
            e.source = "payment";
            e.target = "order-db";
            t.edges.append(e);
        });
        QVERIFY(!path.isEmpty());
        const Run run = validate({ "--json", path });
        QCOMPARE(run.exitCode, 1);
        const QJsonArray findings = parse(run.out).value("findings").toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].toObject().value("rule").toString(), QString("shared-database"));
        QCOMPARE(findings[0].toObject().value("severity").toString(), QString("error"));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{\"formatVersion\":1,") << "not valid JSON";
        QTest::newRow("invalid field") << QByteArray(
            "{\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"toaster\"}],\"edges\":[]}")
                                       << "nodes[0].kind: \"toaster\" is not known";
        QTest::newRow("empty") << QByteArray() << "The file is empty.";
    }

    void unreadable()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath("bad.gatehouse");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();

        const Run text = validate({ path });
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains(expected), qPrintable(text.err));
        QVERIFY(text.out.isEmpty());

        const Run json = validate({ "--json", path });
        QCOMPARE(json.exitCode, 2);
        const QJsonObject root = parse(json.out);
        QCOMPARE(root.value("readable").toBool(true), false);
        const QJsonArray problems = root.value("problems").toArray();
        QVERIFY(!problems.isEmpty());
        const QJsonObject p = problems.first().toObject();
        QVERIFY2((p.value("path").toString() + ": " + p.value("message").toString()).contains(expected)
                || p.value("message").toString().contains(expected),
            qPrintable(json.out));
    }

    void missingFile()
    {
        const Run run = validate({ m_dir.filePath("nope.gatehouse") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Cannot open"), qPrintable(run.err));
    }

    void badCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no file") << QStringList() << "Usage: gatehouse-runtime validate";
        QTest::newRow("unknown option") << QStringList { "--yaml", example("api-gateway.gatehouse") }
                                        << "unknown option --yaml";
        QTest::newRow("two files") << QStringList { example("api-gateway.gatehouse"),
            example("api-gateway-base.gatehouse") }
                                   << "only one FILE";
    }

    void badCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = validate(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestValidate)
#include "tst_validate.moc"
