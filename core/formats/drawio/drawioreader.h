#pragma once

#include "formats/fileformat.h"

#include <QByteArray>

namespace Gatehouse {

// Reads a draw.io file into a topology: <mxfile> with plain or compressed pages (one page is
// chosen), a bare <mxGraphModel>, or a .drawio.svg / .drawio.png that embeds one. Our own cells (ghType attributes, see
// DrawioWriter) are read back exactly; hand-drawn shapes are mapped to kinds where the intent is clear and kept as
// generic services / sync edges otherwise; every decision is listed in ReadResult::notes.
//
// Hostile input gets an error, never a crash or a hang: DTDs (entity expansion) are refused,
// and input size, decompressed size, nesting depth, attribute length and cell count are capped.
class DrawioReader
{
public:
    struct Limits
    {
        qsizetype maxInput = 64 * 1024 * 1024;
        qsizetype maxInflated = 64 * 1024 * 1024;
        int maxDepth = 64;
        int maxCells = 200000;
        int maxPages = 1000;
        qsizetype maxAttribute = 4 * 1024 * 1024;
    };

    static ReadResult read(const QByteArray &data, const ReadOptions &options, const Limits &limits);
    static ReadResult read(const QByteArray &data, const ReadOptions &options = {})
    {
        return read(data, options, Limits {});
    }
};

} // namespace Gatehouse
