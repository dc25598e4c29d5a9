#pragma once

#include <QStringList>

namespace Gatehouse::Runtime {

// Dispatches `gatehouse-runtime <verb> …` to the verb's command. Returns the process exit code.
class RuntimeCli
{
public:
    static int run(const QStringList &arguments);
};

} // namespace Gatehouse::Runtime
