#pragma once

#include <QStringList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// `gatehouse-runtime validate FILE [--json]`: load problems and lint findings.
// Exit codes: 0 clean, 1 lint findings, 2 the file cannot be read or is not a valid project.
class ValidateCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace Gatehouse::Runtime
