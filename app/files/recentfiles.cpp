#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace Gatehouse {

namespace {
const QString settingsKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
}

QStringList RecentFiles::files() const
{
    QStringList existing;
    const QStringList stored = QSettings().value(settingsKey).toStringList();
    for (const QString &file : stored) {
        if (QFileInfo::exists(file) && !existing.contains(file))
            existing.append(file);
    }
    return existing;
}

void RecentFiles::add(const QString &fileName)
{
    const QString path = QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxEntries)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString &fileName)
{
    QStringList list = files();
    list.removeAll(QDir::cleanPath(QFileInfo(fileName).absoluteFilePath()));
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::populateMenu(QMenu *menu)
{
    menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString &file = list.at(i);
        // Accelerators &1..&9 for the first nine entries, like most editors.
        const QString label
            = i < 9 ? tr("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()) : QFileInfo(file).fileName();
        QAction *action = menu->addAction(label);
        action->setToolTip(file);
        action->setStatusTip(file);
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] { Q_EMIT openRequested(file); });
    }
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("Clear Recent Files"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
    menu->setEnabled(!list.isEmpty());
}

void RecentFiles::store(const QStringList &files)
{
    QSettings settings;
    if (settings.value(settingsKey).toStringList() == files)
        return;
    settings.setValue(settingsKey, files);
    Q_EMIT changed();
}

} // namespace Gatehouse
