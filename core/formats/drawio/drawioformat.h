#pragma once

#include "formats/fileformat.h"

namespace Gatehouse {

// draw.io / diagrams.net (*.drawio, *.drawio.xml, *.xml): read and lossless write.
// See DrawioReader and DrawioWriter; docs/formats.md has the mapping.
class DrawioFormat final : public FileFormat
{
public:
    QString name() const override { return QStringLiteral("drawio"); }
    QString displayName() const override { return QStringLiteral("draw.io diagram"); }
    QStringList extensions() const override
    {
        return {QStringLiteral("drawio"), QStringLiteral("drawio.xml"), QStringLiteral("xml")};
    }
    FormatCapabilities capabilities() const override { return FormatCapability::Read | FormatCapability::Write; }
    ReadResult read(const QByteArray &data, const ReadOptions &options) const override;
    WriteResult write(const Topology &topology, const WriteOptions &options) const override;
};

} // namespace Gatehouse
