#pragma once

#include "fileformat.h"

namespace Gatehouse {

// The native *.gatehouse project file (JSON), a thin wrapper over model/ProjectFile.
class NativeFormat final : public FileFormat
{
public:
    QString name() const override { return QStringLiteral("gatehouse"); }
    QString displayName() const override { return QStringLiteral("Gatehouse project"); }
    QStringList extensions() const override { return { QStringLiteral("gatehouse") }; }
    FormatCapabilities capabilities() const override { return FormatCapability::Read | FormatCapability::Write; }
    ReadResult read(const QByteArray &data, const ReadOptions &options) const override;
    WriteResult write(const Topology &topology, const WriteOptions &options) const override;
};

} // namespace Gatehouse
