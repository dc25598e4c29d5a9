#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace Gatehouse {

// The most recently opened or saved project files, newest first, persisted in QSettings
// (key "recentFiles") of the application's organisation/name. Files that no longer exist are
// dropped when the list is read. Emits changed() whenever the list changes.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxEntries = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const;
    // Moves (or adds) `fileName` to the top; stores the absolute, clean path.
    void add(const QString &fileName);
    void remove(const QString &fileName);
    void clear();

    // Rebuilds `menu`: one action per file ("&1 name" with the full path as tooltip) that emits
    // openRequested, then a separator and "Clear Recent Files". Disabled when empty.
    void populateMenu(QMenu *menu);

Q_SIGNALS:
    void changed();
    void openRequested(const QString &fileName);

private:
    void store(const QStringList &files);
};

} // namespace Gatehouse
