#include "drawioformat.h"

#include "drawioreader.h"
#include "drawiowriter.h"

namespace Gatehouse {

ReadResult DrawioFormat::read(const QByteArray &data, const ReadOptions &options) const
{
    return DrawioReader::read(data, options);
}

WriteResult DrawioFormat::write(const Topology &topology, const WriteOptions &options) const
{
    WriteResult result;
    DrawioWriter::Options drawio;
    drawio.compressed = options.compressed;
    drawio.legend = options.legend;
    result.bytes = DrawioWriter::write(topology, drawio);
    return result;
}

} // namespace Gatehouse
