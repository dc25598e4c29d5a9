#include "validatecommand.h"

#include "model/lint/linter.h"
#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gatehouse::Runtime {

namespace {

struct Counts
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

Counts countOf(const QList<LintFinding> &findings)
{
    Counts counts;
    for (const LintFinding &f : findings) {
        switch (f.severity) {
        case LintSeverity::Error:
            ++counts.errors;
            break;
        case LintSeverity::Warning:
            ++counts.warnings;
            break;
        case LintSeverity::Info:
            ++counts.infos;
            break;
        }
    }
    return counts;
}

QJsonObject toJson(const LintFinding &finding)
{
    return QJsonObject {
        { QStringLiteral("rule"), finding.ruleId },
        { QStringLiteral("severity"), nameOf(finding.severity) },
        { QStringLiteral("message"), finding.message },
        { QStringLiteral("hint"), finding.hint },
        { QStringLiteral("nodeIds"), QJsonArray::fromStringList(finding.nodeIds) },
        { QStringLiteral("edgeIds"), QJsonArray::fromStringList(finding.edgeIds) },
    };
}

void printText(const QString &fileName, const Topology &topology, const QList<LintFinding> &findings, QTextStream &out)
{
    for (const LintFinding &f : findings) {
        out << fileName << ": " << nameOf(f.severity) << " [" << f.ruleId << "] " << f.message << '\n';
        if (!f.nodeIds.isEmpty())
            out << "    nodes: " << f.nodeIds.join(QStringLiteral(", ")) << '\n';
        if (!f.edgeIds.isEmpty())
            out << "    edges: " << f.edgeIds.join(QStringLiteral(", ")) << '\n';
        out << "    fix: " << f.hint << '\n';
    }
    const Counts counts = countOf(findings);
    out << fileName << ": " << topology.nodes.size() << " nodes, " << topology.edges.size() << " edges; ";
    if (findings.isEmpty())
        out << "no problems found.\n";
    else
        out << counts.errors << " error(s), " << counts.warnings << " warning(s), " << counts.infos << " info.\n";
}

} // namespace

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
                problems.append(
                    QJsonObject { { QStringLiteral("path"), p.path }, { QStringLiteral("message"), p.message } });
            out << QJsonDocument(QJsonObject { { QStringLiteral("file"), fileName },
                                     { QStringLiteral("readable"), false }, { QStringLiteral("problems"), problems } })
                       .toJson(QJsonDocument::Compact)
                << '\n';
        } else {
            err << fileName << ": cannot be read as a Gatehouse project:\n";
            for (const LoadProblem &p : loaded.problems)
                err << "  " << p.toString() << '\n';
        }
        return 2;
    }

    const QList<LintFinding> findings = Linter::check(loaded.topology);
    const Counts counts = countOf(findings);
    if (json) {
        QJsonArray array;
        for (const LintFinding &f : findings)
            array.append(toJson(f));
        out << QJsonDocument(
            QJsonObject { { QStringLiteral("file"), fileName }, { QStringLiteral("readable"), true },
                { QStringLiteral("findings"), array },
                { QStringLiteral("summary"),
                    QJsonObject { { QStringLiteral("errors"), counts.errors },
                        { QStringLiteral("warnings"), counts.warnings }, { QStringLiteral("info"), counts.infos } } } })
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else {
        printText(fileName, loaded.topology, findings, out);
    }
    return counts.errors + counts.warnings > 0 ? 1 : 0;
}

} // namespace Gatehouse::Runtime
