#pragma once

#include <QStringList>

namespace Gatehouse::Cli {

// The headless command line of `gatehouse` (docs/formats.md, "Command line"):
//   gatehouse export --format drawio|svg|png [--compressed] [--scale S] [--transparent]
//                    [--hide sync,events,data,internal,failure,cross-cutting] [--no-legend] IN OUT
//   gatehouse import [--page N|NAME] IN.drawio OUT.gatehouse
// `args` is the full argument list (args[0] = program). handles() is true when args[1] is one
// of the commands; then app/main.cpp calls runStandalone() instead of opening a window.
//
// Exit codes: 0 done · 1 the input cannot be read (missing, malformed, invalid topology) ·
// 2 usage error · 3 the output cannot be written · 4 the export itself failed.
enum ExitCode { Ok = 0, InputError = 1, UsageError = 2, OutputError = 3, ExportError = 4 };

bool handles(const QStringList &args);
bool handles(int argc, char **argv);

// Runs a command inside an existing Q(Gui)Application. SVG/PNG need a QGuiApplication.
int run(const QStringList &args);

// Creates the application itself (QGuiApplication on the offscreen platform unless
// QT_QPA_PLATFORM is set, so no display is needed) and runs the command.
int runStandalone(int argc, char **argv);

} // namespace Gatehouse::Cli
