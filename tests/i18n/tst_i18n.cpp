// German UI: the embedded catalogue loads, every message in gatehouse_de.ts is translated, and
// a real MainWindow (empty, then with the example open and a node and a connection selected)
// shows only German text. A visible text counts as German when it matches a finished
// translation of the German catalogue (placeholders %1… match anything) or is "neutral": once
// placeholders, accelerators, numbers, punctuation and the words below are removed, no letter
// is left. Anything else — an English string without tr(), a tr() that lupdate has not seen, an
// unfinished translation — fails and is named.
#include "dialogs/settingsdialog.h"
#include "document/document.h"
#include "mainwindow.h"
#include "model/kinds.h"
#include "model/projectfile.h"
#include "panels/problemspanel.h"
#include "settings/translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeWidget>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Gatehouse;

namespace {

// Proper nouns and words German spells as English does; see translations/README.md.
const QStringList kSameInGerman = { "Gatehouse", "Kafka", "Redis", "PostgreSQL", "JWT", "Gateway", "Topics", "Topic",
    "Palette", "Problem", "Clients", "Fallback", "Name", "Port", "Zoom", "ms", "s", "HTTP", "API", "GET", "POST", "PUT",
    "PATCH", "DELETE", "Admin", "Info", "OK", "SASL", "PLAIN", "SCRAM", "SHA" };

QString stripAccelerators(QString text)
{
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1String("\x01"), QLatin1String("&"));
    return text;
}

bool isNeutral(QString text)
{
    text = stripAccelerators(text);
    text.remove(QRegularExpression("%L?(\\d+|n)"));
    text.remove(QRegularExpression("<[^>]*>")); // rich-text tags
    for (const QString &word : kSameInGerman)
        text.remove(QRegularExpression("\\b" + QRegularExpression::escape(word) + "\\b"));
    return !text.contains(QRegularExpression("\\p{L}"));
}

struct Message
{
    QString source;
    QString translation;
    bool finished = false;
};

QList<Message> readCatalogue(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    Message current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            current = {};
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            current.finished = type.isEmpty();
            if (numerus)
                continue; // the <numerusform> children follow
            current.translation = xml.readElementText();
            messages << current;
        } else if (xml.name() == QLatin1String("numerusform")) {
            // One entry per plural form, each checked on its own.
            current.translation = xml.readElementText();
            messages << current;
        }
    }
    return messages;
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void chineseCatalogueLoads();
    void mainWindowShowsOnlyGerman_data();
    void mainWindowShowsOnlyGerman();
    void settingsDialogShowsOnlyGerman();
    void problemsDockShowsGermanLint();
    void projectFileProblemsAreGerman();
    void connectionKindsAndRefusalsAreGerman();
    void neutralRuleRejectsEnglish();

private:
    QStringList foreignTexts(QWidget *window) const;
    bool isGerman(const QString &text) const;

    QList<Message> m_messages;
    QList<QRegularExpression> m_patterns;
    QList<QRegularExpression> m_wrappers;
    QStringList m_data; // the open project's own names, ids and descriptions
    QSet<QString> m_exact;
    QTemporaryDir m_recovery;
};

void TestI18n::initTestCase()
{
    QVERIFY(m_recovery.isValid());
    const QString loaded = installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German));
    QCOMPARE(loaded, QStringLiteral(":/i18n/gatehouse_de.qm"));
    QVERIFY(availableLanguages().contains(QStringLiteral("de")));
    QCOMPARE(QCoreApplication::translate("Gatehouse::MainWindow", "&File"), QStringLiteral("&Datei"));

    m_messages = readCatalogue(QStringLiteral(GATEHOUSE_DE_TS));
    QVERIFY2(m_messages.size() > 100, qPrintable(QString::number(m_messages.size())));
    for (const Message &m : std::as_const(m_messages)) {
        if (!m.finished || m.translation.isEmpty())
            continue;
        const QString t = stripAccelerators(m.translation);
        m_exact.insert(t);
        if (!t.contains(QRegularExpression("%(\\d|n)")))
            continue;
        // Placeholders match anything; the fixed parts must match literally.
        QString re;
        const QStringList parts = t.split(QRegularExpression("%(\\d+|n)"));
        for (int i = 0; i < parts.size(); ++i)
            re += (i ? QStringLiteral("(.*)") : QString()) + QRegularExpression::escape(parts[i]);
        const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(re), QRegularExpression::DotMatchesEverythingOption);
        QVERIFY2(pattern.isValid(), qPrintable(re));
        // A pattern without letters ("%1 (%2)", "%1[*] — Gatehouse") would match anything: what
        // it wraps must then be German (or data) itself.
        (isNeutral(t) ? m_wrappers : m_patterns) << pattern;
    }
}

bool TestI18n::isGerman(const QString &raw) const
{
    // A status symbol in front ("✔ …") is not language.
    const QString text = stripAccelerators(raw).remove(QRegularExpression("^[✔✘]\\s*")).trimmed();
    if (text.isEmpty() || isNeutral(text) || m_exact.contains(text) || m_data.contains(text))
        return true;
    // File names, paths and host:port lists are data.
    if (text.startsWith(QLatin1Char('/')) || QRegularExpression("^[\\w.-]+\\.\\w+$").match(text).hasMatch()
        || QRegularExpression("^[\\w.-]+:\\d+(,[\\w.-]+:\\d+)*$").match(text).hasMatch())
        return true;
    for (const QRegularExpression &re : m_patterns) {
        if (re.match(text).hasMatch())
            return true;
    }
    for (const QRegularExpression &re : m_wrappers) {
        const QRegularExpressionMatch match = re.match(text);
        if (!match.hasMatch())
            continue;
        bool all = true;
        for (int i = 1; i <= match.lastCapturedIndex() && all; ++i)
            all = match.captured(i) != text && isGerman(match.captured(i));
        if (all)
            return true;
    }
    // Multi-line texts (tooltips) built from several translated lines.
    if (text.contains(QLatin1Char('\n'))) {
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return std::all_of(lines.begin(), lines.end(), [this](const QString &l) { return isGerman(l); });
    }
    return false;
}

void TestI18n::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("ts");
    QTest::addColumn<bool>("checkSameAsEnglish");
    QTest::newRow("de") << QStringLiteral(GATEHOUSE_DE_TS) << true;
    // Chinese shares no words with English, but keeps the same proper nouns; only completeness
    // and placeholders are checked.
    QTest::newRow("zh_CN") << QStringLiteral(GATEHOUSE_ZH_TS) << false;
}

void TestI18n::catalogueIsComplete()
{
    QFETCH(QString, ts);
    QFETCH(bool, checkSameAsEnglish);
    const QList<Message> messages = readCatalogue(ts);
    QVERIFY(messages.size() > 100);
    const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    auto placeholders = [&](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        found.sort();
        found.removeDuplicates();
        return found;
    };
    QStringList bad;
    for (const Message &m : messages) {
        if (!m.finished || m.translation.isEmpty())
            bad << QStringLiteral("unfinished: ") + m.source;
        else if (checkSameAsEnglish && m.translation == m.source && !isNeutral(m.source))
            bad << QStringLiteral("same as English: ") + m.source;
        else if (placeholders(m.translation) != placeholders(m.source))
            bad << QStringLiteral("placeholders differ: ") + m.source + QStringLiteral(" → ") + m.translation;
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
}

void TestI18n::chineseCatalogueLoads()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/gatehouse_zh_CN.qm")));
    QCOMPARE(zh.translate("Gatehouse::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QVERIFY(availableLanguages().contains(QStringLiteral("zh_CN")));
    // What startup does for a Chinese system or choice: the locale finds the zh_CN catalogue.
    for (const QLocale &locale : { QLocale(QStringLiteral("zh_CN")), localeForLanguage(QStringLiteral("zh_CN")) }) {
        QTranslator byLocale;
        QVERIFY(byLocale.load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(byLocale.filePath(), QStringLiteral(":/i18n/gatehouse_zh_CN.qm"));
    }
}

QStringList TestI18n::foreignTexts(QWidget *window) const
{
    QStringList found;
    auto check = [&](const QObject *where, const char *what, const QString &text) {
        if (!isGerman(text))
            found << QStringLiteral("%1 (%2) %3: “%4”")
                         .arg(QString::fromLatin1(where->metaObject()->className()), where->objectName(),
                             QString::fromLatin1(what), text);
    };
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : std::as_const(widgets)) {
        // Qt's own internals (dock float/close buttons…) are qtbase's catalogue, not ours.
        if (w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        check(w, "toolTip", w->toolTip());
        check(w, "statusTip", w->statusTip());
        check(w, "whatsThis", w->whatsThis());
        if (qobject_cast<QDockWidget *>(w) || qobject_cast<QToolBar *>(w) || w == window)
            check(w, "title", w->windowTitle());
        if (auto *menu = qobject_cast<QMenu *>(w))
            check(w, "title", menu->title());
        if (auto *label = qobject_cast<QLabel *>(w))
            check(w, "text", label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(w, "text", button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(w, "placeholder", edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            check(w, "title", box->title());
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                check(w, "item", combo->itemText(i));
        }
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                check(w, "tab", tabs->tabText(i));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                check(w, "column header", model->headerData(c, Qt::Horizontal).toString());
            // Item texts of lists and trees (the palette); table cells hold the user's data.
            if (!qobject_cast<QHeaderView *>(w) && model->columnCount() <= 2) {
                QList<QModelIndex> pending { QModelIndex() };
                while (!pending.isEmpty()) {
                    const QModelIndex parent = pending.takeFirst();
                    for (int r = 0; r < model->rowCount(parent); ++r) {
                        const QModelIndex index = model->index(r, 0, parent);
                        check(w, "item", index.data(Qt::DisplayRole).toString());
                        check(w, "item tooltip", index.data(Qt::ToolTipRole).toString());
                        pending << index;
                    }
                }
            }
        }
    }
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *a : actions) {
        if (a->objectName().startsWith(QLatin1String("qt_")) || a->isSeparator())
            continue;
        check(a, "text", a->text());
        check(a, "toolTip", a->toolTip());
        check(a, "statusTip", a->statusTip());
    }
    return found;
}

void TestI18n::mainWindowShowsOnlyGerman_data()
{
    QTest::addColumn<bool>("withExample");
    QTest::newRow("empty diagram") << false;
    QTest::newRow("example, node and connection selected") << true;
}

void TestI18n::mainWindowShowsOnlyGerman()
{
    QFETCH(bool, withExample);
    MainWindow::Options options;
    options.recoveryDirectory = m_recovery.path();
    MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList found = foreignTexts(&window);
    if (withExample) {
        QVERIFY(window.openFile(QStringLiteral(GATEHOUSE_EXAMPLE)));
        const Topology &t = window.document()->topology();
        QVERIFY(!t.nodes.isEmpty() && !t.edges.isEmpty());
        // The user's own names in the node and connection forms are data, not UI text.
        for (const Node &n : t.nodes)
            m_data << n.name << n.id << n.description;
        for (const QStringList &ids : { QStringList { t.nodes.first().id }, QStringList { t.edges.first().id } }) {
            window.document()->setSelection(ids);
            QCoreApplication::processEvents();
            found << foreignTexts(&window);
        }
        m_data.clear();
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("Not German:\n") + found.join(QLatin1Char('\n'))));
}

void TestI18n::settingsDialogShowsOnlyGerman()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Document document;
    // Whether or not a keychain answers, its state message is German too.
    SettingsDialog dialog(&document, settings, CredentialStore(QStringLiteral("i18n-test"), 2000));
    // Language names are shown in their own language ("English (en)"); the data folder default is a path.
    for (const QString &name : availableLanguages())
        m_data << QStringLiteral("%1 (%2)").arg(QLocale(name).nativeLanguageName(), name);
    QStringList found = foreignTexts(&dialog);
    m_data.clear();
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("Not German:\n") + found.join(QLatin1Char('\n'))));
}

void TestI18n::problemsDockShowsGermanLint()
{
    // A diagram with one finding: a gateway without routes. Lint messages are made in core
    // (QCoreApplication::translate, context "Lint"), the Problems dock shows them as they come.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lonely.gatehouse"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"formatVersion\":1,\"name\":\"lonely\",\"edges\":[],"
                  "\"nodes\":[{\"id\":\"gw\",\"kind\":\"gateway\",\"name\":\"Front door\",\"x\":0,\"y\":0}]}");
    }
    MainWindow::Options options;
    options.recoveryDirectory = m_recovery.path();
    MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(file));
    ProblemsPanel *panel = window.problemsPanel();
    QTRY_VERIFY(!panel->findings().isEmpty());
    const auto finding = std::find_if(panel->findings().cbegin(), panel->findings().cend(),
        [](const LintFinding &f) { return f.ruleId == QLatin1String("gateway-without-routes"); });
    QVERIFY(finding != panel->findings().cend());
    QCOMPARE(finding->message, QStringLiteral("Das Gateway \"Front door\" hat keine Routen; jede Anfrage an es endet mit 404."));
    QCOMPARE(finding->hint, QStringLiteral("Verbinden Sie es mit Diensten und fügen Sie diesen Verbindungen Routen hinzu "
                                           "(Methode, Pfad, Sichtbarkeit, Authentifizierung)."));
    // What the dock's rows show, hint rows included, is German.
    m_data << QStringLiteral("\"Front door\"") << QStringLiteral("Front door") << QStringLiteral("gw");
    QStringList found = foreignTexts(panel);
    m_data.clear();
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("Not German:\n") + found.join(QLatin1Char('\n'))));
    bool shown = false;
    QTreeWidget *view = panel->view();
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        shown = shown || view->topLevelItem(i)->text(0) == finding->message;
    QVERIFY(shown);
}

void TestI18n::projectFileProblemsAreGerman()
{
    // The loader's messages, which the open-file error dialog lists.
    LoadResult empty = ProjectFile::fromJson(QByteArray("  "));
    QCOMPARE(empty.problems.size(), 1);
    QCOMPARE(empty.problems.first().message, QStringLiteral("Die Datei ist leer."));
    LoadResult noNodes = ProjectFile::fromJson(QByteArray("{\"formatVersion\":1,\"edges\":[]}"));
    QVERIFY(!noNodes.ok());
    QCOMPARE(noNodes.problems.first().toString(),
        QStringLiteral("nodes: fehlt; ein Projekt listet seine Knoten auf (eine leere Liste ist in Ordnung)."));
}

void TestI18n::connectionKindsAndRefusalsAreGerman()
{
    // The edge-kind names (canvas menus, property editor) and why a connection is refused
    // (canvas, lint's impossible-edge finding) come from core/model/kinds.cpp.
    QCOMPARE(displayName(EdgeKind::Sync), QStringLiteral("Synchroner Aufruf"));
    QCOMPARE(displayName(EdgeKind::Owns), QStringLiteral("Besitzt Datenbank"));
    QString reason;
    QVERIFY(!isEdgeAllowed(EdgeKind::Sync, NodeKind::ClientWeb, NodeKind::DbPostgres, &reason));
    QCOMPARE(reason,
        QStringLiteral("Clients rufen nur das API-Gateway auf; sie erreichen Dienste oder Datenspeicher nie direkt."));
    QVERIFY(!isEdgeAllowed(EdgeKind::UsesCache, NodeKind::Service, NodeKind::DbPostgres, &reason));
    QCOMPARE(reason, QStringLiteral("Eine Cache-Verbindung muss an einem Redis-Cache enden."));
}

void TestI18n::neutralRuleRejectsEnglish()
{
    // The check itself can fail: an untranslated English string is flagged, German and data are not.
    QVERIFY(!isGerman(QStringLiteral("Settings…")));
    QVERIFY(!isGerman(QStringLiteral("&Quit")));
    QVERIFY(isGerman(QStringLiteral("&Beenden")));
    QVERIFY(isGerman(QStringLiteral("Zoom: 100 %")));
    QVERIFY(isGerman(QStringLiteral("Kafka")));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
