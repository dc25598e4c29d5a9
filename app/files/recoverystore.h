#pragma once

#include "model/projectfile.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Gatehouse {

// One autosaved project left behind by a session that did not close cleanly.
struct RecoveryEntry
{
    QString sessionId;
    QString recoveryFile; // the autosaved project (native format)
    QString originalFile; // where the user's project lived; empty for an untitled one
    QDateTime savedAt; // UTC
};

// The folder where Autosaver writes, read at start-up. Each session writes
// "<id>.gatehouse" (the project), "<id>.json" (what it belongs to) and holds "<id>.lock"
// while it runs; a session whose lock can be taken has ended without cleaning up (a crash).
class RecoveryStore
{
public:
    explicit RecoveryStore(const QString &directory = defaultDirectory());

    // <AppLocalDataLocation>/recovery
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // Autosaves whose session is no longer running, newest first.
    QList<RecoveryEntry> orphans() const;
    LoadResult load(const RecoveryEntry &entry) const;
    // Removes the entry's files (after restoring it or when the user declines).
    void discard(const RecoveryEntry &entry) const;

private:
    QString m_directory;
};

} // namespace Gatehouse
