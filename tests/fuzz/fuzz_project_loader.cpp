// Fuzz target for the project-file loader (ProjectFile::fromJson) and what runs on every file
// a user opens: the linter. Properties checked beyond "no crash, no hang, no sanitizer report":
//  - a rejected file always says why (every problem has a message);
//  - an accepted file writes back in canonical form and that form loads to the same topology
//    and writes the same bytes again (the round trip the editor relies on on every save).
#include "model/lint/linter.h"
#include "model/projectfile.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_project_loader: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Gatehouse;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadResult loaded = ProjectFile::fromJson(bytes);
    if (!loaded.ok()) {
        for (const LoadProblem &problem : loaded.problems) {
            if (problem.message.isEmpty())
                fail("a load problem without a message");
        }
        return 0;
    }

    const QByteArray written = ProjectFile::toJson(loaded.topology);
    const LoadResult reloaded = ProjectFile::fromJson(written);
    if (!reloaded.ok())
        fail("the canonical form of an accepted file does not load");
    if (!(reloaded.topology == loaded.topology))
        fail("the canonical form loads to a different topology");
    if (ProjectFile::toJson(reloaded.topology) != written)
        fail("writing the canonical form twice gives different bytes");

    for (const LintFinding &finding : Linter::check(loaded.topology)) {
        if (finding.message.isEmpty() || finding.hint.isEmpty())
            fail("a lint finding without message or hint");
    }
    return 0;
}
