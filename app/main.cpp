// gatehouse: the desktop workbench. `gatehouse [FILE]` opens FILE; the subcommands of the
// command line (`gatehouse export …`) run without creating a window or needing a display.
#include "cli/cli.h"
#include "editorresources.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

// Names the application and parses the command line; --help and --version exit here.
static const QCommandLineParser &describe(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    static QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Design, run and inspect API-gateway microservice stacks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"), QCoreApplication::translate("main", "A project to open."), QStringLiteral("[FILE]"));
    parser.process(app);
    return parser;
}

int main(int argc, char *argv[])
{
    // Before any QApplication: the command line must work without a display.
    if (Gatehouse::Cli::handles(argc, argv))
        return Gatehouse::Cli::runStandalone(argc, argv);

    // --version and --help print and exit, without needing a display.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "-?") {
            QCoreApplication app(argc, argv);
            describe(app);
            return 0; // not reached: process() exits
        }
    }

    QApplication app(argc, argv);
    Gatehouse::initEditorResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    const QCommandLineParser &parser = describe(app);

    Gatehouse::MainWindow window;
    window.show();
    // A crashed session's work first; opening a file afterwards asks whether to keep it.
    window.offerRecovery();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return app.exec();
}
