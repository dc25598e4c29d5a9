#pragma once

#include "fileformat.h"
#include "render/renderoptions.h"

namespace Gatehouse {

// One-way picture export through the canvas's own renderer (SceneRenderer): what you see is
// what you export, with the view filters and scale of WriteOptions, on white or transparent.
// Both need a QGuiApplication (fonts); without one write() returns an error, it never crashes.
class ImageFormat : public FileFormat
{
public:
    FormatCapabilities capabilities() const override { return FormatCapability::Export; }
    static constexpr int MaxPixelsPerSide = 32768;
    static constexpr qint64 MaxPixels = 200'000'000;

protected:
    // The render options for `options` and a check that a GUI application and fonts exist.
    static std::optional<QString> prepare(const WriteOptions &options, RenderOptions &render);
};

class PngFormat final : public ImageFormat
{
public:
    QString name() const override { return QStringLiteral("png"); }
    QString displayName() const override { return QStringLiteral("PNG image"); }
    QStringList extensions() const override { return { QStringLiteral("png") }; }
    WriteResult write(const Topology &topology, const WriteOptions &options) const override;
};

class SvgFormat final : public ImageFormat
{
public:
    QString name() const override { return QStringLiteral("svg"); }
    QString displayName() const override { return QStringLiteral("SVG image"); }
    QStringList extensions() const override { return { QStringLiteral("svg") }; }
    WriteResult write(const Topology &topology, const WriteOptions &options) const override;
};

} // namespace Gatehouse
