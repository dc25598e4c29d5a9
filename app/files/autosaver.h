#pragma once

#include "model/topology.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QLockFile;

namespace Gatehouse {

// Writes the open project to a recovery file a few seconds after it changes, so a crash loses
// little. One Autosaver per open document; it holds a lock in the recovery folder for as long
// as it lives, which is how RecoveryStore tells a crashed session from a running one.
// clear() (after a save, or on a clean close) removes the recovery files.
class Autosaver : public QObject
{
    Q_OBJECT

public:
    struct Snapshot
    {
        Topology topology;
        QString originalFile; // empty for an untitled project
    };
    using SnapshotProvider = std::function<Snapshot()>;

    // `directory` is created when needed. The provider is called when the timer fires.
    Autosaver(const QString &directory, SnapshotProvider provider, QObject *parent = nullptr);
    ~Autosaver() override; // a clean close: clear(). Only a crash leaves the files behind.

    // Delay between the first unsaved change and the write (default 5 s).
    void setDelay(int milliseconds);
    int delay() const;

    // The project changed and is dirty: write it after delay() unless a write is pending.
    void scheduleSave();
    // The project was saved or discarded: nothing to recover any more.
    void clear();
    // Writes immediately; returns an error text on failure.
    std::optional<QString> saveNow();

    QString sessionId() const { return m_sessionId; }
    QString recoveryFile() const;
    bool hasRecoveryFile() const;

Q_SIGNALS:
    void saved(const QString &recoveryFile);
    void failed(const QString &error);

private:
    QString m_directory;
    QString m_sessionId;
    SnapshotProvider m_provider;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};

} // namespace Gatehouse
