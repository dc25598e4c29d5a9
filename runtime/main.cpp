// gatehouse-runtime: validate a topology, run its stack, or run one node of it.
#include "cli/runtimecli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-runtime"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    return Gatehouse::Runtime::RuntimeCli::run(QCoreApplication::arguments());
}
