#include "nativeformat.h"

#include "model/projectfile.h"

namespace Gatehouse {

ReadResult NativeFormat::read(const QByteArray &data, const ReadOptions &) const
{
    ReadResult result;
    LoadResult loaded = ProjectFile::fromJson(data);
    if (!loaded.ok()) {
        QStringList lines;
        for (const LoadProblem &problem : loaded.problems)
            lines.append(problem.toString());
        result.error = lines.join(QLatin1Char('\n'));
        return result;
    }
    result.topology = std::move(loaded.topology);
    return result;
}

WriteResult NativeFormat::write(const Topology &topology, const WriteOptions &) const
{
    WriteResult result;
    result.bytes = ProjectFile::toJson(topology);
    return result;
}

} // namespace Gatehouse
