// The command line of `gatehouse` without the GUI part, so tests can run
// `export`/`import` as a real process and check exit codes and messages.
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return Gatehouse::Cli::runStandalone(argc, argv);
}
