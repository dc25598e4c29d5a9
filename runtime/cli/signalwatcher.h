#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace Gatehouse::Runtime {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal on the main thread (self-pipe), so the
// supervisor can stop the stack in order instead of dying mid-way. One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace Gatehouse::Runtime
