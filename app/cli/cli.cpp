#include "cli.h"

#include "formats/formatregistry.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTextStream>
#include <cstdio>

namespace Gatehouse::Cli {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

const char *const Usage
    = "usage: gatehouse export --format drawio|svg|png [--compressed] [--scale S] [--transparent]\n"
      "                        [--hide sync,events,data,internal,failure,cross-cutting] [--no-legend] IN OUT\n"
      "       gatehouse import [--page N|NAME] IN.drawio OUT.gatehouse\n"
      "IN of export: a .gatehouse project or a .drawio file. Exit codes: 0 ok, 1 input unreadable,\n"
      "2 usage, 3 output unwritable, 4 export failed.\n";

int usage(const QString &problem)
{
    err() << "gatehouse: " << problem << "\n" << str(Usage);
    err().flush();
    return UsageError;
}

std::optional<ViewFilter> viewFilterFromName(const QString &name)
{
    if (name == QLatin1String("sync"))
        return ViewFilter::SyncCalls;
    if (name == QLatin1String("events"))
        return ViewFilter::Events;
    if (name == QLatin1String("data"))
        return ViewFilter::DataOwnership;
    if (name == QLatin1String("internal"))
        return ViewFilter::InternalRoutes;
    if (name == QLatin1String("failure"))
        return ViewFilter::FailurePaths;
    if (name == QLatin1String("cross-cutting"))
        return ViewFilter::CrossCutting;
    return std::nullopt;
}

struct Parsed
{
    QString command;
    QString format;
    bool compressed = false;
    bool transparent = false;
    double scale = 1.0;
    bool legend = true;
    ViewFilters filters = allViewFilters();
    QString page;
    QStringList files;
    QString problem;
};

Parsed parse(const QStringList &args)
{
    Parsed p;
    p.command = args.value(1);
    for (int i = 2; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](const QString &option) {
            if (i + 1 >= args.size()) {
                p.problem = QStringLiteral("%1 needs a value").arg(option);
                return QString();
            }
            return args.at(++i);
        };
        if (a == QLatin1String("--format") && p.command == QLatin1String("export")) {
            p.format = value(a).toLower();
        } else if (a.startsWith(QLatin1String("--format=")) && p.command == QLatin1String("export")) {
            p.format = a.mid(9).toLower();
        } else if (a == QLatin1String("--compressed") && p.command == QLatin1String("export")) {
            p.compressed = true;
        } else if (a == QLatin1String("--transparent") && p.command == QLatin1String("export")) {
            p.transparent = true;
        } else if ((a == QLatin1String("--scale") || a.startsWith(QLatin1String("--scale=")))
            && p.command == QLatin1String("export")) {
            const QString text = a.contains(QLatin1Char('=')) ? a.mid(8) : value(a);
            bool ok = false;
            p.scale = text.toDouble(&ok);
            if (p.problem.isEmpty() && (!ok || p.scale < 0.05 || p.scale > 16))
                p.problem = QStringLiteral("--scale must be a number between 0.05 and 16, not \"%1\"").arg(text);
        } else if (a == QLatin1String("--no-legend") && p.command == QLatin1String("export")) {
            p.legend = false;
        } else if ((a == QLatin1String("--hide") || a.startsWith(QLatin1String("--hide=")))
            && p.command == QLatin1String("export")) {
            const QString list = a.contains(QLatin1Char('=')) ? a.mid(7) : value(a);
            for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const auto filter = viewFilterFromName(name.trimmed());
                if (!filter) {
                    p.problem = QStringLiteral(
                        "--hide: unknown view \"%1\"; use sync, events, data, internal, failure, cross-cutting")
                                    .arg(name.trimmed());
                    break;
                }
                p.filters &= ~ViewFilters(*filter);
            }
        } else if (a == QLatin1String("--page") && p.command == QLatin1String("import")) {
            p.page = value(a);
        } else if (a.startsWith(QLatin1String("--")) && a != QLatin1String("--")) {
            p.problem = QStringLiteral("unknown option %1").arg(a);
        } else {
            p.files.append(a);
        }
        if (!p.problem.isEmpty())
            break;
    }
    return p;
}

void printNotes(const ReadResult &result)
{
    for (const ImportNote &note : result.notes) {
        if (note.kind != ImportNote::Kind::Recognised)
            err() << "gatehouse: " << note.toString() << "\n";
    }
}

int runExport(const Parsed &p, const FormatRegistry &registry)
{
    if (p.format.isEmpty())
        return usage(QStringLiteral("export needs --format drawio, svg or png"));
    const FileFormat *writer = registry.byName(p.format);
    if (!writer || !writer->canWrite() || writer->name() == QLatin1String("gatehouse"))
        return usage(
            QStringLiteral("unknown export format \"%1\"; this build exports: %2")
                .arg(p.format,
                    registry.names().filter(QRegularExpression(QStringLiteral("^(?!gatehouse$)"))).join(str(", "))));
    if (p.files.size() != 2)
        return usage(QStringLiteral("export needs an input and an output file"));
    const FileFormat *reader = registry.forFileName(p.files[0], FormatCapability::Read);
    if (!reader)
        reader = registry.byName(str("gatehouse"));
    const ReadResult input = reader->readFile(p.files[0]);
    if (!input.ok()) {
        err() << "gatehouse: cannot read " << p.files[0] << ":\n" << input.error << "\n";
        return InputError;
    }
    printNotes(input);
    WriteOptions options;
    options.compressed = p.compressed;
    options.scale = p.scale;
    options.transparent = p.transparent;
    options.filters = p.filters;
    options.legend = p.legend;
    const WriteResult written = writer->write(*input.topology, options);
    if (!written.ok()) {
        err() << "gatehouse: export failed: " << written.error << "\n";
        return ExportError;
    }
    if (const auto problem = saveFileAtomically(p.files[1], written.bytes)) {
        err() << "gatehouse: " << *problem << "\n";
        return OutputError;
    }
    out() << "gatehouse: exported " << input.topology->nodes.size() << " nodes and " << input.topology->edges.size()
          << " edges to " << p.files[1] << " (" << writer->displayName() << ")\n";
    return Ok;
}

int runImport(const Parsed &p, const FormatRegistry &registry)
{
    if (p.files.size() != 2)
        return usage(QStringLiteral("import needs an input .drawio file and an output .gatehouse file"));
    const FileFormat *reader = registry.byName(str("drawio"));
    ReadOptions options;
    bool numeric = false;
    const int page = p.page.toInt(&numeric);
    if (!p.page.isEmpty()) {
        if (numeric && page >= 1)
            options.page = page - 1;
        else
            options.pageName = p.page;
    }
    const ReadResult input = reader->readFile(p.files[0], options);
    if (!input.ok()) {
        err() << "gatehouse: cannot import " << p.files[0] << ":\n" << input.error << "\n";
        return InputError;
    }
    printNotes(input);
    if (input.pages.size() > 1) {
        err() << "gatehouse: the file has " << input.pages.size() << " pages (" << input.pages.join(str(", "))
              << "); imported " << (options.pageName.isEmpty() ? input.pages.value(options.page) : options.pageName)
              << " (choose with --page N|NAME)\n";
    }
    const FileFormat *native = registry.byName(str("gatehouse"));
    if (const auto problem = native->writeFile(p.files[1], *input.topology)) {
        err() << "gatehouse: " << *problem << "\n";
        return OutputError;
    }
    int guessed = 0, kept = 0, dropped = 0;
    for (const ImportNote &note : input.notes) {
        guessed += note.kind == ImportNote::Kind::Guessed ? 1 : 0;
        kept += note.kind == ImportNote::Kind::Kept ? 1 : 0;
        dropped += note.kind == ImportNote::Kind::Dropped ? 1 : 0;
    }
    out() << "gatehouse: imported " << input.topology->nodes.size() << " nodes and " << input.topology->edges.size()
          << " edges into " << p.files[1] << " (report: " << guessed << " guessed, " << kept << " kept generic, "
          << dropped << " dropped)\n";
    return Ok;
}

} // namespace

bool handles(const QStringList &args)
{
    return args.size() >= 2 && (args[1] == QLatin1String("export") || args[1] == QLatin1String("import"));
}

bool handles(int argc, char **argv)
{
    return argc >= 2 && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "import") == 0);
}

int run(const QStringList &args)
{
    if (!handles(args))
        return usage(QStringLiteral("unknown command"));
    const Parsed parsed = parse(args);
    if (!parsed.problem.isEmpty())
        return usage(parsed.problem);
    const auto registry = FormatRegistry::createDefault();
    const int code
        = parsed.command == QLatin1String("export") ? runExport(parsed, *registry) : runImport(parsed, *registry);
    out().flush();
    err().flush();
    return code;
}

int runStandalone(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return run(QGuiApplication::arguments());
}

} // namespace Gatehouse::Cli
