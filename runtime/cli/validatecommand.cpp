#include "validatecommand.h"

#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gatehouse::Runtime {

int ValidateCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    bool json = false;
    QString fileName;
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--json")) {
            json = true;
        } else if (argument.startsWith(QLatin1Char('-'))) {
            err << "validate: unknown option " << argument << '\n';
            return 2;
        } else if (fileName.isEmpty()) {
            fileName = argument;
        } else {
            err << "validate: only one FILE may be given\n";
            return 2;
        }
    }
    if (fileName.isEmpty()) {
        err << "Usage: gatehouse-runtime validate FILE [--json]\n";
        return 2;
    }

    const LoadResult loaded = ProjectFile::load(fileName);
    if (!loaded.ok()) {
        if (json) {
            QJsonArray problems;
            for (const LoadProblem &p : loaded.problems)
                problems.append(QJsonObject{{QStringLiteral("path"), p.path}, {QStringLiteral("message"), p.message}});
            out << QJsonDocument(QJsonObject{{QStringLiteral("file"), fileName},
                                             {QStringLiteral("readable"), false},
                                             {QStringLiteral("problems"), problems}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        } else {
            err << fileName << ": cannot be read as a Gatehouse project:\n";
            for (const LoadProblem &p : loaded.problems)
                err << "  " << p.toString() << '\n';
        }
        return 2;
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("file"), fileName},
                                         {QStringLiteral("readable"), true},
                                         {QStringLiteral("findings"), QJsonArray()}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else {
        out << fileName << ": " << loaded.topology.nodes.size() << " nodes, " << loaded.topology.edges.size()
            << " edges; no problems found.\n";
    }
    return 0;
}

} // namespace Gatehouse::Runtime
