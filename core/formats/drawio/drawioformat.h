#pragma once

#include "formats/fileformat.h"

namespace Gatehouse {

// draw.io / diagrams.net (*.drawio, *.drawio.xml, *.xml; import also reads *.drawio.svg and
// *.drawio.png): read and lossless write (write always produces the XML file).
// See DrawioReader and DrawioWriter; docs/formats.md has the mapping.
class DrawioFormat final : public FileFormat
{
public:
    QString name() const override { return QStringLiteral("drawio"); }
    QString displayName() const override { return QStringLiteral("draw.io diagram"); }
    QStringList extensions() const override
    {
        return { QStringLiteral("drawio"), QStringLiteral("drawio.xml"), QStringLiteral("xml"),
            QStringLiteral("drawio.svg"), QStringLiteral("drawio.png") };
    }
    FormatCapabilities capabilities() const override { return FormatCapability::Read | FormatCapability::Write; }
    ReadResult read(const QByteArray &data, const ReadOptions &options) const override;
    WriteResult write(const Topology &topology, const WriteOptions &options) const override;
};

} // namespace Gatehouse
