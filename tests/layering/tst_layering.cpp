// DESIGN.md §2 as a test: who may include and link what. Fails with one "file:line: …" per
// violation. The checker itself is tested on a throwaway tree so this test can fail.
#include "layeringchecker.h"

#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString qtHeaders()
{
    return QLibraryInfo::path(QLibraryInfo::HeadersPath);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            QFileInfo::exists(qtHeaders() + "/QtGui/QColor"), qPrintable("Qt headers not found in " + qtHeaders()));
    }

    void sourceTreeFollowsTheLayering()
    {
        const LayeringChecker checker(QStringLiteral(GATEHOUSE_SOURCE_DIR), qtHeaders());
        const QStringList violations = checker.violations();
        QVERIFY2(violations.isEmpty(), qPrintable("\n" + violations.join('\n')));
        QVERIFY2(checker.filesChecked() > 20, "found almost nothing to check; is the source dir right?");
    }

    void detectsViolations_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // empty: no violation

        QTest::newRow("model includes QtGui class")
            << "core/model/a.cpp" << QByteArray("#include <QString>\n\n#include <QColor>\n")
            << "core/model/a.cpp:3: includes <QColor> (QtGui)";
        QTest::newRow("model includes module path")
            << "core/model/lint/b.h" << QByteArray("#pragma once\n#include <QtNetwork/QTcpSocket>\n")
            << "core/model/lint/b.h:2: includes <QtNetwork/QTcpSocket> (QtNetwork)";
        QTest::newRow("model includes lowercase header")
            << "core/model/c.h" << QByteArray("  #  include <qpainter.h>\n")
            << "core/model/c.h:1: includes <qpainter.h> (QtGui)";
        QTest::newRow("model includes QtCore")
            << "core/model/d.cpp" << QByteArray("#include <QJsonObject>\n#include \"model/node.h\"\n") << "";
        QTest::newRow("document includes QtGui")
            << "core/document/e.cpp" << QByteArray("#include <QUndoStack>\n") << "";
        QTest::newRow("render includes QtWidgets") << "core/render/f.cpp" << QByteArray("#include <QWidget>\n")
                                                   << "core/render/f.cpp:1: includes <QWidget> (QtWidgets)";
        QTest::newRow("runtime includes QtGui")
            << "runtime/gateway/g.cpp" << QByteArray("#include <QTcpServer>\n#include <QImage>\n")
            << "runtime/gateway/g.cpp:2: includes <QImage> (QtGui)";
        QTest::newRow("runtime includes QtNetwork")
            << "runtime/http/h.cpp" << QByteArray("#include <QTcpServer>\n") << "";
        QTest::newRow("runtime client uses QtNetwork")
            << "core/runtimeclient/j.cpp" << QByteArray("#include <QLocalSocket>\n") << "";
        QTest::newRow("runtime client includes QtGui")
            << "core/runtimeclient/k.cpp" << QByteArray("#include <QLocalSocket>\n#include <QColor>\n")
            << "core/runtimeclient/k.cpp:2: includes <QColor> (QtGui)";
        QTest::newRow("core elsewhere includes QtNetwork")
            << "core/formats/l.cpp" << QByteArray("#include <QTcpSocket>\n")
            << "core/formats/l.cpp:1: includes <QTcpSocket> (QtNetwork)";
        QTest::newRow("commented include") << "core/model/i.cpp" << QByteArray("// #include <QColor>\n") << "";
        QTest::newRow("model links Gui")
            << "core/model/CMakeLists.txt"
            << QByteArray("add_library(m a.cpp)\ntarget_link_libraries(m PUBLIC\n  Qt6::Core\n  Qt6::Gui)\n")
            << "core/model/CMakeLists.txt:4: links Qt6::Gui";
        QTest::newRow("runtime links Gui")
            << "runtime/supervisor/CMakeLists.txt"
            << QByteArray("target_link_libraries(gatehouse_runtime_supervisor PUBLIC gatehouse_model Qt6::Gui)\n")
            << "runtime/supervisor/CMakeLists.txt:1: links Qt6::Gui";
        QTest::newRow("runtime library named like a runtime target")
            << "runtime/http/CMakeLists.txt"
            << QByteArray("target_link_libraries(gatehouse_runtime_http PUBLIC gatehouse_model Qt6::Network)\n") << "";
        QTest::newRow("app links runtime") << "app/canvas/CMakeLists.txt"
                                           << QByteArray("# app\ntarget_link_libraries(gatehouse_editor PRIVATE "
                                                         "gatehouse_model # comment\n gatehouse_runtime_http)\n")
                                           << "app/canvas/CMakeLists.txt:3: links gatehouse_runtime_http";
        QTest::newRow("app links model and widgets")
            << "app/CMakeLists.txt"
            << QByteArray("target_link_libraries(gatehouse PRIVATE gatehouse_model Qt6::Widgets)\n") << "";
        QTest::newRow("comment mentions runtime")
            << "app/CMakeLists.txt"
            << QByteArray("target_link_libraries(gatehouse PRIVATE gatehouse_model) # not gatehouse_runtime_x\n") << "";
    }

    void detectsViolations()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(file), content));
        const QStringList violations = LayeringChecker(dir.path(), qtHeaders()).violations();
        if (expected.isEmpty()) {
            QVERIFY2(violations.isEmpty(), qPrintable(violations.join('\n')));
        } else {
            QCOMPARE(violations.size(), 1);
            QVERIFY2(violations.first().startsWith(expected), qPrintable(violations.first()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
