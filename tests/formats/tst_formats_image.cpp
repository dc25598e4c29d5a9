// SVG and PNG export go through the canvas renderer (SceneRenderer): same pixels as the
// renderer draws, at the chosen scale, with view filters, on white or transparent.
#include "formats/formatregistry.h"
#include "render/scenerenderer.h"
#include "testtopologies.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Gatehouse;

namespace {

int drawnPixels(const QImage &image, QRgb background)
{
    int drawn = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            drawn += image.pixel(x, y) != background ? 1 : 0;
    }
    return drawn;
}

} // namespace

class TestFormatsImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pngIsWhatTheRendererDraws_data();
    void pngIsWhatTheRendererDraws();
    void transparentBackground();
    void viewFiltersChangeThePicture();
    void svgIsValidAndScaled();
    void hugeScaleIsRefused();

private:
    const std::unique_ptr<FormatRegistry> m_registry = FormatRegistry::createDefault();
    const Topology m_example = TestTopologies::example();
};

void TestFormatsImage::pngIsWhatTheRendererDraws_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("0.5x") << 0.5;
}

void TestFormatsImage::pngIsWhatTheRendererDraws()
{
    QFETCH(double, scale);
    WriteOptions options;
    options.scale = scale;
    const WriteResult png = m_registry->byName(QStringLiteral("png"))->write(m_example, options);
    QVERIFY2(png.ok(), qPrintable(png.error));
    QVERIFY(png.bytes.startsWith("\x89PNG"));
    const QImage image = QImage::fromData(png.bytes, "PNG");
    RenderOptions render;
    render.background = Qt::white;
    const QImage expected = SceneRenderer::renderImage(m_example, render, scale);
    QCOMPARE(image.size(), expected.size());
    QCOMPARE(image.convertToFormat(QImage::Format_ARGB32), expected.convertToFormat(QImage::Format_ARGB32));
    const QRectF scene = SceneRenderer::sceneRect(m_example, render);
    QCOMPARE(image.size(), (scene.size() * scale).toSize());
    QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255)); // white background
    QVERIFY(drawnPixels(image, qRgb(255, 255, 255)) > (image.width() / 3) * (image.height() / 3) / 5);
    // Deterministic.
    QCOMPARE(m_registry->byName(QStringLiteral("png"))->write(m_example, options).bytes, png.bytes);
}

void TestFormatsImage::transparentBackground()
{
    WriteOptions options;
    options.transparent = true;
    const QImage image
        = QImage::fromData(m_registry->byName(QStringLiteral("png"))->write(m_example, options).bytes, "PNG");
    QVERIFY(image.hasAlphaChannel());
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QVERIFY(drawnPixels(image, image.pixel(0, 0)) > 1000);
}

void TestFormatsImage::viewFiltersChangeThePicture()
{
    WriteOptions all;
    WriteOptions noEvents;
    noEvents.filters &= ~ViewFilters(ViewFilter::Events);
    const FileFormat *png = m_registry->byName(QStringLiteral("png"));
    const QImage full = QImage::fromData(png->write(m_example, all).bytes, "PNG");
    const QImage filtered = QImage::fromData(png->write(m_example, noEvents).bytes, "PNG");
    QVERIFY(!filtered.isNull());
    QVERIFY(full != filtered);
    RenderOptions render;
    render.background = Qt::white;
    render.filters = noEvents.filters;
    QCOMPARE(filtered.convertToFormat(QImage::Format_ARGB32),
        SceneRenderer::renderImage(m_example, render, 1.0).convertToFormat(QImage::Format_ARGB32));
}

void TestFormatsImage::svgIsValidAndScaled()
{
    WriteOptions options;
    options.scale = 2;
    const WriteResult svg = m_registry->byName(QStringLiteral("svg"))->write(m_example, options);
    QVERIFY2(svg.ok(), qPrintable(svg.error));
    QXmlStreamReader xml(svg.bytes);
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(svg.bytes.contains("<title>API gateway microservices</title>"));
    QSvgRenderer renderer(svg.bytes);
    QVERIFY(renderer.isValid());
    RenderOptions render;
    const QRectF scene = SceneRenderer::sceneRect(m_example, render);
    QVERIFY(qAbs(renderer.viewBoxF().width() - scene.width()) < 0.01); // the SVG writes 2 decimals
    QVERIFY(qAbs(renderer.viewBoxF().height() - scene.height()) < 0.01);
    QCOMPARE(renderer.defaultSize(), QSize(int(std::ceil(scene.width() * 2)), int(std::ceil(scene.height() * 2))));
    QImage image(renderer.defaultSize() / 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QVERIFY(drawnPixels(image, qRgb(255, 255, 255)) > (image.width() / 3) * (image.height() / 3) / 5);
    QVERIFY(svg.bytes.contains("Order service"));
}

void TestFormatsImage::hugeScaleIsRefused()
{
    WriteOptions options;
    options.scale = 1000;
    const WriteResult png = m_registry->byName(QStringLiteral("png"))->write(m_example, options);
    QVERIFY(!png.ok());
    QVERIFY2(png.error.contains(QStringLiteral("use a smaller scale")), qPrintable(png.error));
}

QTEST_MAIN(TestFormatsImage)
#include "tst_formats_image.moc"
