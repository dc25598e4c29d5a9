#pragma once

#include <QString>
#include <QStringList>

// Checks the layering rules of DESIGN.md §2 on a source tree by reading the files: the
// #include lines of every C++ file under core/, runtime/ and app/, and the
// target_link_libraries() lines of every CMakeLists.txt / *.cmake there. Folders are found by
// walking the tree, so new areas are checked without touching this test.
class LayeringChecker
{
public:
    // `qtHeaders`: Qt's include directory (QtCore/, QtGui/, … below it), used to find which Qt
    // module a header such as <QColor> belongs to.
    LayeringChecker(const QString &sourceRoot, const QString &qtHeaders);

    // One line per violation: "path:line: what — which rule". Empty when the tree is clean.
    QStringList violations() const;

    // How many files and include/link lines were looked at (so a test can tell "clean" from
    // "found nothing to check").
    int filesChecked() const { return m_files; }

private:
    QString qtModuleOf(const QString &header) const;
    void checkIncludes(const QString &relativePath, const QString &text, QStringList &out) const;
    void checkLinks(const QString &relativePath, const QString &text, QStringList &out) const;

    QString m_root;
    QString m_qtHeaders;
    QStringList m_qtModules;
    mutable int m_files = 0;
};
