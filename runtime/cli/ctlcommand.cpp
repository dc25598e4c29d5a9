#include "ctlcommand.h"

#include "runtimeclient/runtimeclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Gatehouse::Runtime {

namespace {

constexpr char Usage[] = "Usage: gatehouse-runtime ctl SOCKET COMMAND [options]\n"
                         "  inject --node ID | --edge ID [--latency MS] [--error-rate 0..1]\n"
                         "  set-rate --node ID --rate REQUESTS_PER_SECOND\n"
                         "  set-sampling --percent 0..100\n"
                         "  stop | start | restart | kill | pause | resume --node ID\n"
                         "  snapshot | stats | shutdown | trace --trace ID\n";

struct Option
{
    const char *flag;
    const char *field;
    enum class Type { Text, Integer, Number } type;
};

constexpr Option Options[] = {
    { "--node", "nodeId", Option::Type::Text },
    { "--edge", "edgeId", Option::Type::Text },
    { "--trace", "traceId", Option::Type::Text },
    { "--latency", "latencyMs", Option::Type::Integer },
    { "--error-rate", "errorRate", Option::Type::Number },
    { "--rate", "ratePerSecond", Option::Type::Number },
    { "--percent", "percent", Option::Type::Integer },
};

} // namespace

int CtlCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err, int timeoutMs)
{
    if (arguments.size() < 2) {
        err << Usage;
        return 2;
    }
    const QString socket = arguments.at(0);
    const QString command = arguments.at(1);
    QJsonObject args;
    for (int i = 2; i < arguments.size(); ++i) {
        const Option *option = nullptr;
        for (const Option &candidate : Options) {
            if (arguments.at(i) == QLatin1String(candidate.flag))
                option = &candidate;
        }
        if (!option || i + 1 >= arguments.size()) {
            err << "ctl: unexpected argument " << arguments.at(i) << '\n' << Usage;
            return 2;
        }
        const QString value = arguments.at(++i);
        bool ok = true;
        const QString field = QLatin1String(option->field);
        switch (option->type) {
        case Option::Type::Text:
            args.insert(field, value);
            break;
        case Option::Type::Integer:
            args.insert(field, value.toInt(&ok));
            break;
        case Option::Type::Number:
            args.insert(field, value.toDouble(&ok));
            break;
        }
        if (!ok) {
            err << "ctl: " << option->flag << " needs a number, not \"" << value << "\"\n";
            return 2;
        }
    }

    RuntimeClient client;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&loop] { loop.exit(2); });
    QString failure;
    QObject::connect(&client, &RuntimeClient::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.exit(2);
    });
    QObject::connect(&client, &RuntimeClient::welcomed, &loop, [&loop] { loop.exit(0); });
    deadline.start(timeoutMs);
    client.connectToServer(socket);
    if (loop.exec() != 0) {
        err << "ctl: cannot talk to " << socket << ": " << (failure.isEmpty() ? QStringLiteral("no answer") : failure) << '\n';
        return 2;
    }

    QJsonObject result;
    const int id = client.sendCommand(command, args);
    QObject::connect(&client, &RuntimeClient::commandFinished, &loop,
                     [&](int finishedId, bool ok, const QJsonObject &fields) {
                         if (finishedId != id)
                             return;
                         result = fields;
                         loop.exit(ok ? 0 : 1);
                     });
    QObject::connect(&client, &RuntimeClient::disconnected, &loop, [&loop] { loop.exit(3); });
    deadline.start(timeoutMs);
    const int code = loop.exec();
    if (code > 1) {
        err << "ctl: no result for " << command << (code == 3 ? " (the stack closed the connection)" : " (timed out)") << '\n';
        return 2;
    }
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
    return code;
}

} // namespace Gatehouse::Runtime
