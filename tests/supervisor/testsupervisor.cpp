// A minimal supervisor for the crash-recovery tests: takes the data dir's lock, recovers
// orphans, runs one test node and prints "ready <node pid>" once it is ready. The test then
// kills this process with SIGKILL. Usage:
//   gatehouse_testsupervisor DATA_DIR NODE_PROGRAM PORT [--orphans]
// --orphans: children do not die with the supervisor (as if PR_SET_PDEATHSIG had not fired).
#include "supervisor/processmanager.h"
#include "supervisor/stacklock.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    StackLock lock(args.at(1));
    QString error;
    if (!lock.acquire(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const QStringList recovered = lock.recoverOrphans();
    std::printf("recovered %d\n", static_cast<int>(recovered.size()));
    ProcessManager manager;
    manager.setPidDirectory(lock.runDirectory());
    manager.setDieWithSupervisor(!args.contains(QStringLiteral("--orphans")));
    NodeSpec spec;
    spec.nodeId = QStringLiteral("n1");
    spec.program = args.at(2);
    spec.arguments = {QStringLiteral("--port"), args.at(3)};
    spec.readinessPort = args.at(3).toInt();
    spec.listenPorts = {spec.readinessPort};
    manager.addNode(spec);
    QObject::connect(&manager, &ProcessManager::statusChanged, &app, [](const NodeStatus &s) {
        if (s.state == NodeState::Ready) {
            std::printf("ready %lld\n", static_cast<long long>(s.pid));
            std::fflush(stdout);
        }
    });
    manager.startAll();
    return app.exec();
}
