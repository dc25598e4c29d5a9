// Test harness: reads a NodeLaunchConfig JSON document from stdin and runs runGatewayNode(), as
// `gatehouse-runtime node` does. Used by tst_gatewaynode to check signals and stdout lines.
#include "gateway/gatewaynode.h"
#include "telemetry/nodecontrolchannel.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll());
    QString error;
    const auto config = Gatehouse::NodeLaunchConfig::fromJson(doc.object(), &error);
    if (!config) {
        std::fprintf(stderr, "bad launch config: %s\n", qPrintable(error));
        return 2;
    }
    Gatehouse::Runtime::NodeControlChannel control(0); // stdin is at EOF already: no control messages
    return Gatehouse::Runtime::runGatewayNode(*config, control);
}
