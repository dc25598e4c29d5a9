// docs/file-format.md stays true: its example file is canonical and loads, and it documents
// every node property key of core/model/node.h and every enum value the loader accepts.
#include "model/projectfile.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Gatehouse;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString doc()
{
    return readText(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/file-format.md"));
}

} // namespace

class TestFileFormatDoc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalExampleIsCanonical()
    {
        const QString text = doc();
        QVERIFY(!text.isEmpty());
        const qsizetype section = text.indexOf("## A minimal file");
        QVERIFY(section >= 0);
        const qsizetype start = text.indexOf("```json\n", section);
        QVERIFY(start >= 0);
        const qsizetype end = text.indexOf("```", start + 8);
        QVERIFY(end > start);
        const QByteArray json = text.mid(start + 8, end - start - 8).toUtf8();
        const LoadResult loaded = ProjectFile::fromJson(json);
        for (const LoadProblem &p : loaded.problems)
            qWarning() << p.toString();
        QVERIFY(loaded.ok());
        QCOMPARE(QString::fromUtf8(ProjectFile::toJson(loaded.topology)), QString::fromUtf8(json));
    }

    void everyNodePropertyIsDocumented()
    {
        const QString header = readText(QStringLiteral(GATEHOUSE_SOURCE_DIR "/core/model/node.h"));
        static const QRegularExpression key("inline constexpr char \\w+\\[\\] = \"([^\"]+)\"");
        QStringList keys;
        for (auto it = key.globalMatch(header); it.hasNext();)
            keys.append(it.next().captured(1));
        QVERIFY(keys.size() >= 9);
        const QString text = doc();
        for (const QString &k : keys)
            QVERIFY2(text.contains("| `" + k + "` |"), qPrintable("docs/file-format.md lacks property " + k));
    }

    void everyEnumValueIsDocumented()
    {
        const QString text = doc();
        QStringList values = allNodeKindNames() + allServiceRoleNames() + allEdgeKindNames() + allLaneNames();
        for (auto v : { AuthMode::None, AuthMode::Jwt, AuthMode::ApiKey, AuthMode::Admin })
            values.append(nameOf(v));
        for (auto v : { FallbackMode::None, FallbackMode::StaticResponse, FallbackMode::Defer })
            values.append(nameOf(v));
        for (const QString &v : values)
            QVERIFY2(text.contains("`" + v + "`"), qPrintable("docs/file-format.md lacks " + v));
        QVERIFY(text.contains(QStringLiteral("currently **%1**").arg(ProjectFile::CurrentFormatVersion)));
    }
};

QTEST_GUILESS_MAIN(TestFileFormatDoc)
#include "tst_fileformatdoc.moc"
