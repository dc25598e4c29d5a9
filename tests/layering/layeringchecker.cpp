#include "layeringchecker.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

// What each folder may not use. A longer prefix adds to a shorter one (core/model/ also obeys
// core/). Allowed-only lists are used where DESIGN gives one: core/model uses Qt6::Core only.
struct FolderRule
{
    QString prefix;
    QStringList allowedQtModules; // non-empty: any other Qt module is a violation
    QStringList forbiddenQtModules; // header modules, e.g. "QtWidgets"
    QStringList forbiddenLinks; // link tokens; a trailing '*' matches a prefix
    QString why;
    QString exceptPrefix; // a sub-folder with a rule of its own
};

const QList<FolderRule> &rules()
{
    static const QList<FolderRule> list {
        { "core/model/", { "QtCore" }, {}, { "Qt6::Gui", "Qt6::Widgets", "Qt6::Network", "Qt6::Svg", "gatehouse_*" },
            "core/model uses Qt6::Core only (DESIGN §2)", {} },
        { "core/", {}, { "QtWidgets", "QtSvgWidgets", "QtOpenGLWidgets", "QtPrintSupport", "QtNetwork" },
            { "Qt6::Widgets", "Qt6::Network", "gatehouse_runtime_*", "gatehouse-runtime", "gatehouse_editor" },
            "nothing in core/ uses QtWidgets, QtNetwork or a runtime/app target (DESIGN §2)", "core/runtimeclient/" },
        // The control-protocol client the app and the tests share (docs/architecture.md): it
        // needs sockets, and nothing else beyond the model.
        { "core/runtimeclient/", { "QtCore", "QtNetwork" }, {},
            { "Qt6::Gui", "Qt6::Widgets", "Qt6::Svg", "gatehouse_runtime_*", "gatehouse-runtime", "gatehouse_editor",
                "gatehouse_document", "gatehouse_render", "gatehouse_formats" },
            "core/runtimeclient uses core/model, Qt6::Core and Qt6::Network only (docs/architecture.md)", {} },
        { "runtime/", {},
            { "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtPrintSupport" },
            { "Qt6::Gui", "Qt6::Widgets", "Qt6::Svg", "Qt6::SvgWidgets", "Qt6::OpenGL", "gatehouse_document",
                "gatehouse_render", "gatehouse_formats", "gatehouse_editor" },
            "runtime/ uses core/model, Qt6::Core/Network only, never QtGui or QtWidgets (DESIGN §2)", {} },
        { "app/", {}, {}, { "gatehouse_runtime_*", "gatehouse-runtime" },
            "app/ never links a runtime target; it talks to gatehouse-runtime over its protocol (DESIGN §2)", {} },
    };
    return list;
}

bool matchesLink(const QString &token, const QString &pattern)
{
    if (pattern.endsWith(QLatin1Char('*')))
        return token.startsWith(pattern.chopped(1));
    return token == pattern;
}

int lineOf(const QString &text, qsizetype offset)
{
    return int(text.left(offset).count(QLatin1Char('\n'))) + 1;
}

} // namespace

LayeringChecker::LayeringChecker(const QString &sourceRoot, const QString &qtHeaders)
    : m_root(QDir(sourceRoot).absolutePath())
    , m_qtHeaders(qtHeaders)
{
    const QDir headers(qtHeaders);
    for (const QString &dir : headers.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (dir.startsWith(QLatin1String("Qt")))
            m_qtModules.append(dir);
    }
}

QString LayeringChecker::qtModuleOf(const QString &header) const
{
    // <QtGui/QColor>, <QtGui/qcolor.h>, <QtGui>
    const QString first = header.section(QLatin1Char('/'), 0, 0);
    if (m_qtModules.contains(first))
        return first;
    if (header.contains(QLatin1Char('/')))
        return {};
    // <QColor>, <qcolor.h>: whichever module directory holds it. QtCore first, so a header
    // that some module re-exports is attributed to the lowest one.
    if (QFileInfo::exists(m_qtHeaders + QStringLiteral("/QtCore/") + header))
        return QStringLiteral("QtCore");
    for (const QString &module : m_qtModules) {
        if (QFileInfo::exists(m_qtHeaders + QLatin1Char('/') + module + QLatin1Char('/') + header))
            return module;
    }
    return {};
}

void LayeringChecker::checkIncludes(const QString &relativePath, const QString &text, QStringList &out) const
{
    static const QRegularExpression include(
        QStringLiteral("^[ \\t]*#[ \\t]*include[ \\t]*[<\"]([^>\"]+)[>\"]"), QRegularExpression::MultilineOption);
    auto it = include.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString header = match.captured(1);
        const QString module = qtModuleOf(header);
        if (module.isEmpty())
            continue;
        for (const FolderRule &rule : rules()) {
            if (!relativePath.startsWith(rule.prefix)
                || (!rule.exceptPrefix.isEmpty() && relativePath.startsWith(rule.exceptPrefix)))
                continue;
            const bool bad = rule.forbiddenQtModules.contains(module)
                || (!rule.allowedQtModules.isEmpty() && !rule.allowedQtModules.contains(module));
            if (bad) {
                out.append(QStringLiteral("%1:%2: includes <%3> (%4) — %5")
                               .arg(relativePath, QString::number(lineOf(text, match.capturedStart())), header, module,
                                   rule.why));
                break;
            }
        }
    }
}

void LayeringChecker::checkLinks(const QString &relativePath, const QString &text, QStringList &out) const
{
    static const QRegularExpression command(
        QStringLiteral("\\b(target_link_libraries|link_libraries)\\s*\\("), QRegularExpression::CaseInsensitiveOption);
    auto it = command.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        // Walk the arguments up to the closing parenthesis, skipping comments, keeping offsets.
        qsizetype i = match.capturedEnd();
        while (i < text.size() && text.at(i) != QLatin1Char(')')) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('#')) {
                while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                    ++i;
                continue;
            }
            if (c.isSpace()) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != QLatin1Char(')')
                && text.at(i) != QLatin1Char('#'))
                ++i;
            QString token = text.mid(start, i - start);
            token.remove(QLatin1Char('"'));
            for (const FolderRule &rule : rules()) {
                if (!relativePath.startsWith(rule.prefix)
                    || (!rule.exceptPrefix.isEmpty() && relativePath.startsWith(rule.exceptPrefix)))
                    continue;
                const bool bad = std::any_of(rule.forbiddenLinks.cbegin(), rule.forbiddenLinks.cend(),
                    [&](const QString &pattern) { return matchesLink(token, pattern); });
                // The target being defined is the first argument, not a dependency.
                const bool isOwnTarget = start == match.capturedEnd()
                    || text.mid(match.capturedEnd(), start - match.capturedEnd()).trimmed().isEmpty();
                if (bad && !isOwnTarget) {
                    out.append(QStringLiteral("%1:%2: links %3 — %4")
                                   .arg(relativePath, QString::number(lineOf(text, start)), token, rule.why));
                    break;
                }
            }
        }
    }
}

QStringList LayeringChecker::violations() const
{
    QStringList out;
    m_files = 0;
    for (const QString &top : { QStringLiteral("core"), QStringLiteral("runtime"), QStringLiteral("app") }) {
        const QString dir = m_root + QLatin1Char('/') + top;
        if (!QFileInfo(dir).isDir())
            continue;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString &path : files) {
            const QFileInfo info(path);
            const QString suffix = info.suffix().toLower();
            const bool cxx = QStringList { "h", "hpp", "hh", "cpp", "cc", "cxx", "mm" }.contains(suffix);
            const bool cmake = info.fileName() == QLatin1String("CMakeLists.txt") || suffix == QLatin1String("cmake");
            if (!cxx && !cmake)
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                out.append(QStringLiteral("%1: cannot be read").arg(path));
                continue;
            }
            const QString text = QString::fromUtf8(file.readAll());
            const QString relative = QDir(m_root).relativeFilePath(path);
            ++m_files;
            if (cxx)
                checkIncludes(relative, text, out);
            else
                checkLinks(relative, text, out);
        }
    }
    return out;
}
