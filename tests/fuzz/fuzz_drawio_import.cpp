// Fuzzes the draw.io importer (XML parsing, page decompression, cell tree, shape mapping):
// every input must give either a topology or an error message, never a crash or a hang.
// Inputs are read as the file itself and, from the same bytes, as a compressed page.
#include "formats/drawio/drawiocodec.h"
#include "formats/drawio/drawioreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Gatehouse;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    DrawioReader::Limits limits;
    limits.maxInflated = 4 * 1024 * 1024; // keep each run fast; the caps are what is tested
    const ReadResult result = DrawioReader::read(bytes, {}, limits);
    if (result.ok() == !result.error.isEmpty())
        std::abort(); // exactly one of topology and error
    const ReadResult page
        = DrawioReader::read("<mxfile><diagram name=\"f\">" + bytes.toBase64() + "</diagram></mxfile>", {}, limits);
    if (page.ok() == !page.error.isEmpty())
        std::abort();
    QString error;
    (void)DrawioCodec::decompressPage(bytes, 1 << 20, &error);
    return 0;
}
