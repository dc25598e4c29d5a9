#include "imageformat.h"

#include "render/scenerenderer.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <cmath>

namespace Gatehouse {

namespace {

std::optional<QString> checkSize(const QRectF &scene, double scale, QSize *pixels)
{
    const double width = std::ceil(scene.width() * scale), height = std::ceil(scene.height() * scale);
    if (!(scale > 0) || !std::isfinite(width) || !std::isfinite(height) || width < 1 || height < 1)
        return QStringLiteral("nothing to draw at scale %1").arg(scale);
    if (width > ImageFormat::MaxPixelsPerSide || height > ImageFormat::MaxPixelsPerSide
        || width * height > double(ImageFormat::MaxPixels))
        return QStringLiteral("the image would be %1 × %2 pixels; use a smaller scale").arg(width).arg(height);
    *pixels = QSize(int(width), int(height));
    return std::nullopt;
}

} // namespace

std::optional<QString> ImageFormat::prepare(const WriteOptions &options, RenderOptions &render)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QStringLiteral(
            "image export needs a QGuiApplication (for fonts); use QT_QPA_PLATFORM=offscreen without a display");
    render.filters = options.filters;
    render.drawLegend = options.legend;
    render.drawBackground = !options.transparent;
    render.background = Qt::white;
    render.selectedIds.clear();
    return std::nullopt;
}

WriteResult PngFormat::write(const Topology &topology, const WriteOptions &options) const
{
    WriteResult result;
    RenderOptions render;
    if (const auto problem = prepare(options, render)) {
        result.error = *problem;
        return result;
    }
    QSize pixels;
    if (const auto problem = checkSize(SceneRenderer::sceneRect(topology, render), options.scale, &pixels)) {
        result.error = *problem;
        return result;
    }
    const QImage image = SceneRenderer::renderImage(topology, render, options.scale);
    QBuffer buffer(&result.bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        result.error = QStringLiteral("the PNG could not be encoded");
    return result;
}

WriteResult SvgFormat::write(const Topology &topology, const WriteOptions &options) const
{
    WriteResult result;
    RenderOptions render;
    if (const auto problem = prepare(options, render)) {
        result.error = *problem;
        return result;
    }
    const QRectF scene = SceneRenderer::sceneRect(topology, render);
    QSize pixels;
    if (const auto problem = checkSize(scene, options.scale, &pixels)) {
        result.error = *problem;
        return result;
    }
    QBuffer buffer(&result.bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(pixels);
    generator.setViewBox(QRectF(QPointF(0, 0), scene.size()));
    generator.setTitle(topology.name.isEmpty() ? QStringLiteral("Gatehouse topology") : topology.name);
    generator.setDescription(QStringLiteral("Exported by Gatehouse"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        result.error = QStringLiteral("the SVG could not be started");
        return result;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(-scene.topLeft());
    SceneRenderer::render(painter, topology, render);
    painter.end();
    // QSvgGenerator states the size in millimetres (at its resolution); viewers disagree on
    // the dpi to read them with. Pixels are what --scale means, so say pixels.
    static const QRegularExpression size(QStringLiteral("<svg width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
    QString head = QString::fromUtf8(result.bytes.left(400));
    const auto match = size.match(head);
    if (match.hasMatch()) {
        const QByteArray replacement
            = QStringLiteral("<svg width=\"%1px\" height=\"%2px\"").arg(pixels.width()).arg(pixels.height()).toUtf8();
        result.bytes.replace(match.capturedStart(), match.capturedLength(), replacement);
    }
    return result;
}

} // namespace Gatehouse
