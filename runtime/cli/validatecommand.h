#pragma once

#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime validate FILE [--json]`: load problems and architecture lint findings
// (docs/lint.md).
// Exit codes: 0 clean (no findings, or info findings only), 1 at least one warning or error,
// 2 the file cannot be read or is not a valid project (or the command line is wrong).
// Text goes to `out` (findings) and `err` (load problems, usage); --json writes one JSON
// object to `out` in every case, so a machine never has to parse text.
class ValidateCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace Gatehouse::Runtime
