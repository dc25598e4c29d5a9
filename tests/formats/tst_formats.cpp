// Formats: registry, native format, draw.io export/import (round trips, golden file,
// hand-drawn diagrams, hostile input).
#include "formats/drawio/drawiocodec.h"
#include "formats/drawio/drawioreader.h"
#include "formats/drawio/drawiowriter.h"
#include "formats/formatregistry.h"
#include "testtopologies.h"

#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>
#include <QXmlStreamReader>
#include <QtEndian>
#include <QtTest>
#include <algorithm>

using namespace Gatehouse;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QByteArray exportDrawio(const Topology &t, bool compressed = false)
{
    DrawioWriter::Options options;
    options.compressed = compressed;
    return DrawioWriter::write(t, options);
}

// A compressed <diagram> whose content is the given page XML.
QByteArray compressedFile(const QString &pageXml, const QByteArray &name = "P")
{
    return "<mxfile><diagram name=\"" + name + "\">" + DrawioCodec::compressPage(pageXml) + "</diagram></mxfile>";
}

const ImportNote *noteFor(const ReadResult &result, const QString &cell)
{
    for (const ImportNote &note : result.notes) {
        if (note.cell == cell)
            return &note;
    }
    return nullptr;
}

} // namespace

class TestFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryFindsFormats();
    void nativeFormatRoundTrip();
    void imageExportNeedsGuiApplication();
    void codecRoundTrip();
    void codecRefusesZlibFraming();
    void drawioRoundTrip_data();
    void drawioRoundTrip();
    void exportIsDeterministic();
    void exportIsWellFormed_data();
    void exportIsWellFormed();
    void exportMatchesGoldenFile();
    void exportHasLayersAndObjects();
    void importHandDrawnDiagram();
    void importChoosesPage();
    void importBareModelAndCompressedPage();
    void importKeepsUserEditsToOwnCells();
    void importDrawioSvgAndPng();
    void hostileInputIsRefused_data();
    void hostileInputIsRefused();
    void randomGarbageNeverCrashes();
};

void TestFormats::registryFindsFormats()
{
    const auto registry = FormatRegistry::createDefault();
    QVERIFY(registry->byName(QStringLiteral("drawio")));
    QVERIFY(registry->byName(QStringLiteral("gatehouse")));
    QCOMPARE(
        registry->forFileName(QStringLiteral("a/B.DRAWIO"), FormatCapability::Read)->name(), QStringLiteral("drawio"));
    QCOMPARE(registry->forFileName(QStringLiteral("x.drawio.xml"), FormatCapability::Read)->name(),
        QStringLiteral("drawio"));
    QCOMPARE(registry->forFileName(QStringLiteral("x.gatehouse"), FormatCapability::Write)->name(),
        QStringLiteral("gatehouse"));
    QCOMPARE(registry->forFileName(QStringLiteral("x.txt"), FormatCapability::Read), nullptr);
    QVERIFY(registry->byName(QStringLiteral("drawio"))->capabilities().testFlag(FormatCapability::Read));
    QVERIFY(registry->byName(QStringLiteral("drawio"))->capabilities().testFlag(FormatCapability::Write));
}

void TestFormats::nativeFormatRoundTrip()
{
    const auto registry = FormatRegistry::createDefault();
    const FileFormat *native = registry->byName(QStringLiteral("gatehouse"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("x.gatehouse"));
    const Topology t = TestTopologies::example();
    QCOMPARE(native->writeFile(file, t), std::nullopt);
    const ReadResult back = native->readFile(file);
    QVERIFY2(back.ok(), qPrintable(back.error));
    Topology sorted = *back.topology;
    sorted.sortById();
    QCOMPARE(sorted, t);
    const ReadResult missing = native->readFile(dir.filePath(QStringLiteral("nope.gatehouse")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.contains(QStringLiteral("Cannot open")));
}

void TestFormats::imageExportNeedsGuiApplication()
{
    // This test runs under QCoreApplication: a clear error instead of a crash in the font code.
    const auto registry = FormatRegistry::createDefault();
    const WriteResult png = registry->byName(QStringLiteral("png"))->write(TestTopologies::example(), {});
    QVERIFY(!png.ok());
    QVERIFY2(png.error.contains(QStringLiteral("needs a QGuiApplication")), qPrintable(png.error));
    QCOMPARE(registry->byName(QStringLiteral("svg"))->capabilities(), FormatCapabilities(FormatCapability::Export));
}

void TestFormats::codecRoundTrip()
{
    const QString xml = QStringLiteral(
        "<mxGraphModel><root><mxCell id=\"0\" value=\"%name% ü € 😀 100% &amp;\"/></root></mxGraphModel>");
    const QByteArray packed = DrawioCodec::compressPage(xml);
    QVERIFY(!packed.isEmpty());
    QString error;
    const auto back = DrawioCodec::decompressPage(packed, 1 << 20, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, xml);
    // encodeURIComponent keeps exactly A-Z a-z 0-9 - _ . ! ~ * ' ( )
    QCOMPARE(DrawioCodec::encodeUriComponent(QStringLiteral("a b/%~!*'()é")), QByteArray("a%20b%2F%25~!*'()%C3%A9"));
}

void TestFormats::codecRefusesZlibFraming()
{
    const QByteArray zlibWrapped
        = qCompress(DrawioCodec::encodeUriComponent(QStringLiteral("<mxGraphModel/>"))).mid(4).toBase64();
    QString error;
    QVERIFY(!DrawioCodec::decompressPage(zlibWrapped, 1 << 20, &error));
    QVERIFY2(error.contains(QStringLiteral("corrupt")), qPrintable(error));
    // A deflate bomb stops at the limit.
    const QByteArray bomb = DrawioCodec::rawDeflate(QByteArray(8 << 20, 'A')).toBase64();
    QVERIFY(!DrawioCodec::decompressPage(bomb, 1 << 20, &error));
    QVERIFY2(error.contains(QStringLiteral("more than 1 MiB")), qPrintable(error));
}

void TestFormats::drawioRoundTrip_data()
{
    QTest::addColumn<Topology>("topology");
    QTest::addColumn<bool>("compressed");
    QTest::newRow("example plain") << TestTopologies::example() << false;
    QTest::newRow("example compressed") << TestTopologies::example() << true;
    QTest::newRow("generated plain") << TestTopologies::generated(60) << false;
    QTest::newRow("generated compressed") << TestTopologies::generated(60) << true;
    Topology breakers = TestTopologies::example();
    breakers.edge(QStringLiteral("e-gateway-inventory"))->circuitBreaker = { true, 3, 30000, 2 };
    breakers.edge(QStringLiteral("e-gateway-order"))->circuitBreaker.enabled = false;
    QTest::newRow("circuit breakers") << breakers << false;
    QTest::newRow("empty") << Topology {} << false;
    Topology zero;
    zero.nodes.append(Node { QStringLiteral("0"), NodeKind::Service, ServiceRole::Generic, QStringLiteral("id zero"),
        {}, Lane::Services, QPointF(0.1, -3.3333333333333335), QSizeF(1e-3 + 100, 50) });
    zero.nodes.append(Node {
        QStringLiteral("k"), NodeKind::BusKafka, ServiceRole::Generic, {}, {}, Lane::Services, QPointF(1e6, 2) });
    zero.edges.append(Edge { QStringLiteral("1"), EdgeKind::Publish, QStringLiteral("0"), QStringLiteral("k"),
        QStringLiteral("a;b=c \"q\" <t>") });
    zero.edges[0].properties.insert(QStringLiteral("note"), QStringLiteral("x"));
    zero.nodes[0].z = 2; // stacked above "k": written after it, read back with its z
    zero.sortById();
    QTest::newRow("id 0, fractions, lane override") << zero << false;
}

void TestFormats::drawioRoundTrip()
{
    QFETCH(Topology, topology);
    QFETCH(bool, compressed);
    const QByteArray bytes = exportDrawio(topology, compressed);
    const ReadResult back = DrawioReader::read(bytes);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(*back.topology, topology);
    for (const ImportNote &note : back.notes)
        QCOMPARE(note.kind, ImportNote::Kind::Recognised);
    // And once more: export(import(export(T))) is byte-identical.
    QCOMPARE(exportDrawio(*back.topology, compressed), bytes);
}

void TestFormats::exportIsDeterministic()
{
    Topology t = TestTopologies::example();
    const QByteArray first = exportDrawio(t);
    std::reverse(t.nodes.begin(), t.nodes.end());
    std::reverse(t.edges.begin(), t.edges.end());
    QCOMPARE(exportDrawio(t), first);
    QCOMPARE(exportDrawio(t, true), exportDrawio(TestTopologies::example(), true));
}

void TestFormats::exportIsWellFormed_data()
{
    QTest::addColumn<Topology>("topology");
    QTest::newRow("example") << TestTopologies::example();
    Topology nasty = TestTopologies::generated(3);
    nasty.name = QStringLiteral("bell\x07 nul") + QChar(0) + QStringLiteral(" tab\t ") + QChar(0xD800) + QChar(0xFFFF);
    nasty.nodes[0].description = QStringLiteral("esc\x1b ]]> </object> &amp; %name%");
    QTest::newRow("control characters") << nasty;
}

void TestFormats::exportIsWellFormed()
{
    QFETCH(Topology, topology);
    const QByteArray bytes = exportDrawio(topology);
    QXmlStreamReader xml(bytes);
    QSet<QString> ids;
    QStringList parents;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto a = xml.attributes();
        if (a.hasAttribute(QStringLiteral("id")) && xml.name() != QLatin1String("diagram")) {
            QVERIFY2(!ids.contains(a.value(QStringLiteral("id")).toString()),
                qPrintable(a.value(QStringLiteral("id")).toString()));
            ids.insert(a.value(QStringLiteral("id")).toString());
        }
        if (a.hasAttribute(QStringLiteral("parent")))
            parents.append(a.value(QStringLiteral("parent")).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const QString &parent : parents)
        QVERIFY2(ids.contains(parent), qPrintable(parent));
    for (char c : bytes)
        QVERIFY(uchar(c) >= 0x20 || c == '\n' || c == '\r' || c == '\t');
    QVERIFY(DrawioReader::read(bytes).ok());
}

void TestFormats::exportMatchesGoldenFile()
{
    const QString golden = QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/formats/golden/api-gateway.drawio");
    const QByteArray bytes = exportDrawio(TestTopologies::example());
    if (qEnvironmentVariableIsSet("GATEHOUSE_UPDATE_GOLDEN")) {
        QFile file(golden);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QCOMPARE(QString::fromUtf8(bytes), QString::fromUtf8(readAll(golden)));
}

void TestFormats::exportHasLayersAndObjects()
{
    const QByteArray bytes = exportDrawio(TestTopologies::example());
    QVERIFY(bytes.startsWith("<mxfile host=\"Gatehouse\" compressed=\"false\">"));
    for (const char *layer : { "Clients", "Gateway layer", "Services", "Data", "Sync calls (HTTP)",
             "Async events (Kafka)", "Data ownership &amp; cache", "Legend" })
        QVERIFY2(bytes.contains(QByteArray("value=\"") + layer + "\" parent=\"0\""), layer);
    QVERIFY(bytes.contains("<object id=\"order\""));
    QVERIFY(bytes.contains("kind=\"service\" role=\"order\""));
    QVERIFY(bytes.contains("parent=\"layer:sync\" source=\"gateway\" target=\"order\""));
    QVERIFY(bytes.contains("dashed=1;dashPattern=6 4;")); // events are dashed
    QVERIFY(bytes.contains("timeout 800 ms →&lt;br&gt;fallback: payment&lt;br&gt;")); // the timeout path is labelled
    QVERIFY(bytes.contains("GET /admin/orders · internal")); // internal routes are marked
    QVERIFY(!exportDrawio(TestTopologies::example(), true).contains("<mxGraphModel"));
}

void TestFormats::importHandDrawnDiagram()
{
    const ReadResult result
        = DrawioReader::read(readAll(QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/formats/data/handdrawn.drawio")));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Topology &t = *result.topology;
    auto kindOf = [&](const QString &id) { return t.node(id) ? t.node(id)->kind : NodeKind::Service; };
    QVERIFY2(t.node(QStringLiteral("edge-proxy")),
        qPrintable(QStringList([&] {
            QStringList l;
            for (auto &n : t.nodes)
                l << n.id;
            return l;
        }())
                       .join(',')));
    QCOMPARE(kindOf(QStringLiteral("edge-proxy")), NodeKind::Gateway); // hexagon
    QCOMPARE(kindOf(QStringLiteral("orders-db")), NodeKind::DbPostgres); // cylinder
    QCOMPARE(kindOf(QStringLiteral("session-cache")), NodeKind::CacheRedis); // cylinder labelled cache
    QCOMPARE(kindOf(QStringLiteral("iphone")), NodeKind::ClientMobile); // phone stencil
    QCOMPARE(kindOf(QStringLiteral("event-stream")), NodeKind::BusKafka); // direct_data
    QCOMPARE(t.node(QStringLiteral("orders"))->role, ServiceRole::Order); // label names the domain
    QCOMPARE(t.node(QStringLiteral("reporting"))->role, ServiceRole::Generic); // kept generic
    // Inside a container: page position = container origin + relative position.
    QCOMPARE(t.node(QStringLiteral("orders"))->position, QPointF(300 + 40, 200 + 50));
    QCOMPARE(t.node(QStringLiteral("orders"))->size, QSizeF(120, 60));
    // Edges: kind by endpoints, routes from label lines (value and a child label), waypoints.
    const Edge *call = t.edge(QStringLiteral("e-edge-proxy-orders"));
    QVERIFY(call);
    QCOMPARE(call->kind, EdgeKind::Sync);
    QCOMPARE(call->routes.size(), 2);
    QCOMPARE(call->routes[0].path, QStringLiteral("/orders"));
    QCOMPARE(call->routes[1].method, QStringLiteral("GET"));
    QCOMPARE(call->waypoints, (QList<QPointF> { QPointF(250, 150), QPointF(250, 280) }));
    QCOMPARE(t.edge(QStringLiteral("e-orders-orders-db"))->kind, EdgeKind::Owns);
    const Edge *publish = t.edge(QStringLiteral("e-orders-event-stream"));
    QVERIFY(publish);
    QCOMPARE(publish->kind, EdgeKind::Publish);
    QCOMPARE(publish->topics.value(0).name, QStringLiteral("order.created"));
    // The report says what was guessed, kept and dropped.
    QCOMPARE(noteFor(result, QStringLiteral("hex"))->kind, ImportNote::Kind::Guessed);
    QCOMPARE(noteFor(result, QStringLiteral("rep"))->kind, ImportNote::Kind::Kept);
    QCOMPARE(noteFor(result, QStringLiteral("note"))->kind, ImportNote::Kind::Dropped);
    QCOMPARE(noteFor(result, QStringLiteral("box"))->kind, ImportNote::Kind::Dropped);
    QCOMPARE(noteFor(result, QStringLiteral("loose"))->kind, ImportNote::Kind::Dropped);
    QVERIFY(!t.edge(QStringLiteral("loose")));
    QCOMPARE(result.pages, (QStringList { QStringLiteral("Architecture"), QStringLiteral("Second") }));
}

void TestFormats::importChoosesPage()
{
    const QByteArray file = readAll(QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/formats/data/handdrawn.drawio"));
    ReadOptions second;
    second.page = 1;
    const ReadResult byIndex = DrawioReader::read(file, second);
    QVERIFY2(byIndex.ok(), qPrintable(byIndex.error));
    QCOMPARE(byIndex.topology->nodes.size(), 1);
    QCOMPARE(byIndex.topology->name, QStringLiteral("Second"));
    ReadOptions named;
    named.pageName = QStringLiteral("Second");
    QCOMPARE(DrawioReader::read(file, named).topology->nodes.size(), 1);
    ReadOptions missing;
    missing.page = 5;
    const ReadResult none = DrawioReader::read(file, missing);
    QVERIFY(!none.ok());
    QVERIFY2(none.error.contains(QStringLiteral("there is no page 6; the file has 2 page(s): Architecture, Second")),
        qPrintable(none.error));
}

void TestFormats::importBareModelAndCompressedPage()
{
    const QString page = QStringLiteral(
        "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
        "<mxCell id=\"a\" value=\"Billing\" style=\"rounded=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"10\" "
        "y=\"20\" width=\"100\" height=\"40\" as=\"geometry\"/></mxCell>"
        "<mxCell id=\"b\" value=\"Ledger &lt;b&gt;DB&lt;/b&gt;\" style=\"shape=cylinder3;html=1;\" vertex=\"1\" "
        "parent=\"1\"><mxGeometry x=\"10\" y=\"120\" width=\"60\" height=\"80\" as=\"geometry\"/></mxCell>"
        "<mxCell id=\"c\" edge=\"1\" parent=\"1\" source=\"a\" target=\"b\"><mxGeometry relative=\"1\" "
        "as=\"geometry\"/></mxCell>"
        "</root></mxGraphModel>");
    for (const QByteArray &bytes : { page.toUtf8(), compressedFile(page) }) {
        const ReadResult result = DrawioReader::read(bytes);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.topology->nodes.size(), 2);
        QCOMPARE(result.topology->node(QStringLiteral("billing"))->role, ServiceRole::Payment);
        QCOMPARE(result.topology->node(QStringLiteral("ledger-db"))->kind, NodeKind::DbPostgres);
        QCOMPARE(result.topology->node(QStringLiteral("ledger-db"))->name, QStringLiteral("Ledger DB"));
        QCOMPARE(result.topology->edges.value(0).kind, EdgeKind::Owns);
    }
}

void TestFormats::importKeepsUserEditsToOwnCells()
{
    // A reviewer opened our export in draw.io, moved a node, added a shape and connected it.
    QByteArray bytes = exportDrawio(TestTopologies::example());
    bytes.replace("<mxGeometry x=\"700\" y=\"380\" width=\"190\"", "<mxGeometry x=\"710\" y=\"390\" width=\"190\"");
    bytes.replace("</root>",
        "<mxCell id=\"new1\" value=\"Audit log\" style=\"shape=cylinder3;\" vertex=\"1\" parent=\"layer:data\">"
        "<mxGeometry x=\"1600\" y=\"560\" width=\"80\" height=\"80\" as=\"geometry\"/></mxCell>"
        "<mxCell id=\"new2\" edge=\"1\" parent=\"layer:data-ownership\" source=\"order\" target=\"new1\">"
        "<mxGeometry relative=\"1\" as=\"geometry\"/></mxCell></root>");
    const ReadResult result = DrawioReader::read(bytes);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.topology->node(QStringLiteral("order"))->position, QPointF(710, 390));
    QCOMPARE(result.topology->node(QStringLiteral("audit-log"))->kind, NodeKind::DbPostgres);
    QCOMPARE(result.topology->edge(QStringLiteral("e-order-audit-log"))->kind, EdgeKind::Owns);
    QCOMPARE(result.topology->nodes.size(), TestTopologies::example().nodes.size() + 1);
}

void TestFormats::importDrawioSvgAndPng()
{
    const Topology example = TestTopologies::example();
    const QByteArray file = exportDrawio(example);
    // .drawio.svg: the file in the content attribute (escaped by the XML writer).
    QByteArray svg;
    {
        QXmlStreamWriter xml(&svg);
        xml.writeStartElement(QStringLiteral("svg"));
        xml.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.w3.org/2000/svg"));
        xml.writeAttribute(QStringLiteral("content"), QString::fromUtf8(file));
        xml.writeEmptyElement(QStringLiteral("g"));
        xml.writeEndElement();
    }
    ReadResult result = DrawioReader::read(svg);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(*result.topology, example);
    // .drawio.png: a tEXt chunk "mxfile" with the URI-encoded file, after IHDR (CRC not checked).
    QByteArray png;
    {
        QImage image(4, 4, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
    }
    const QByteArray text = "mxfile" + QByteArray(1, '\0') + QUrl::toPercentEncoding(QString::fromUtf8(file));
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(quint32(text.size()), chunk.data());
    chunk += "tEXt" + text + QByteArray(4, '\0');
    png.insert(8 + 25, chunk); // signature (8) + IHDR chunk (25)
    result = DrawioReader::read(png);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(*result.topology, example);
    // A PNG without a diagram, an SVG without content: clear errors.
    png.remove(8 + 25, chunk.size());
    QVERIFY(DrawioReader::read(png).error.contains(QStringLiteral("holds no draw.io diagram")));
    QVERIFY(DrawioReader::read("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .error.contains(QStringLiteral("no content attribute")));
    QVERIFY(DrawioReader::read(png.left(40)).error.contains(QStringLiteral("truncated")));
    const auto registry = FormatRegistry::createDefault();
    QCOMPARE(registry->forFileName(QStringLiteral("a.drawio.png"), FormatCapability::Read)->name(),
        QStringLiteral("drawio"));
    QCOMPARE(registry->forFileName(QStringLiteral("a.png"), FormatCapability::Export)->name(), QStringLiteral("png"));
}

void TestFormats::hostileInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray cells = "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>";
    QTest::newRow("empty") << QByteArray("  \n") << "the file is empty";
    QTest::newRow("not xml") << QByteArray("{\"nodes\": []}") << "not well-formed";
    QTest::newRow("html") << QByteArray("<html><body/></html>") << "not a draw.io file";
    QTest::newRow("truncated") << QByteArray("<mxfile><diagram name=\"a\"><mxGraphModel><root>") << "not well-formed";
    QTest::newRow("billion laughs") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 "
        "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><mxfile><diagram>&lol3;</diagram></mxfile>")
                                    << "document type declaration";
    QTest::newRow("external entity") << QByteArray(
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><mxGraphModel>&e;</mxGraphModel>")
                                     << "document type declaration";
    QTest::newRow("undeclared entity") << QByteArray("<mxGraphModel><root>&e;</root></mxGraphModel>")
                                       << "not well-formed";
    QTest::newRow("deep nesting") << (QByteArray("<mxGraphModel><root><mxCell id=\"0\">")
        + QByteArray("<a>").repeated(100000) + QByteArray("</a>").repeated(100000) + "</mxCell></root></mxGraphModel>")
                                  << "nested more than 64 levels";
    QTest::newRow("huge attribute") << (QByteArray("<mxGraphModel><root><mxCell id=\"0\" value=\"")
        + QByteArray(5 << 20, 'x') + "\"/></root></mxGraphModel>")
                                    << "longer than 4 MiB";
    QTest::newRow("broken base64") << QByteArray("<mxfile><diagram name=\"p\">@@@not base64@@@</diagram></mxfile>")
                                   << "not valid base64";
    QTest::newRow("broken deflate") << QByteArray(
        "<mxfile><diagram name=\"p\">" + QByteArray("garbage-but-base64").toBase64() + "</diagram></mxfile>")
                                    << "cannot be decompressed";
    QTest::newRow("zlib instead of raw") << QByteArray("<mxfile><diagram name=\"p\">"
        + qCompress(QByteArray("<mxGraphModel/>")).mid(4).toBase64() + "</diagram></mxfile>")
                                         << "corrupt";
    QTest::newRow("compressed non-model") << compressedFile(QStringLiteral("<html/>")) << "holds <html>";
    QTest::newRow("no pages") << QByteArray("<mxfile host=\"x\"/>") << "no pages";
    QTest::newRow("no root") << QByteArray("<mxGraphModel/>") << "has no <root>";
    QTest::newRow("duplicate id") << QByteArray(
        "<mxGraphModel><root>" + cells + "<mxCell id=\"1\" parent=\"0\"/></root></mxGraphModel>")
                                  << "is used twice";
    QTest::newRow("orphan") << QByteArray(
        "<mxGraphModel><root>" + cells + "<mxCell id=\"2\" vertex=\"1\" parent=\"nope\"/></root></mxGraphModel>")
                            << "which does not exist";
    QTest::newRow("two roots") << QByteArray(
        "<mxGraphModel><root>" + cells + "<mxCell id=\"9\"/></root></mxGraphModel>")
                               << "two root cells";
    QTest::newRow("cycle") << QByteArray("<mxGraphModel><root>" + cells
        + "<mxCell id=\"a\" vertex=\"1\" parent=\"b\"/><mxCell id=\"b\" vertex=\"1\" "
          "parent=\"a\"/></root></mxGraphModel>")
                           << "parent cycle";
    QTest::newRow("cell without id") << QByteArray(
        "<mxGraphModel><root>" + cells + "<mxCell parent=\"1\"/></root></mxGraphModel>")
                                     << "has no id";
    QTest::newRow("own node, bad kind") << QByteArray("<mxGraphModel><root>" + cells
        + "<object id=\"n\" ghType=\"node\" kind=\"spaceship\"><mxCell vertex=\"1\" parent=\"1\">"
          "<mxGeometry width=\"10\" height=\"10\" as=\"geometry\"/></mxCell></object></root></mxGraphModel>")
                                        << "cell \"n\" (kind): \"spaceship\" is not known";
    Topology breaker = TestTopologies::example();
    breaker.edge(QStringLiteral("e-gateway-inventory"))->circuitBreaker.failureThreshold = 3;
    QByteArray badBreaker = exportDrawio(breaker);
    QVERIFY(badBreaker.contains("circuitBreaker=\"{&quot;failureThreshold&quot;:3}\""));
    badBreaker.replace("{&quot;failureThreshold&quot;:3}", "{&quot;failureThreshold&quot;:0}");
    QTest::newRow("own edge, breaker out of range") << badBreaker << "failureThreshold): is 0; it must be between 1";
    QTest::newRow("own edge, bad routes") << QByteArray("<mxGraphModel><root>" + cells
        + "<object id=\"e\" ghType=\"edge\" kind=\"sync\" routes=\"[{\"><mxCell edge=\"1\" "
          "parent=\"1\"/></object></root></mxGraphModel>")
                                          << "cannot be read back";
}

void TestFormats::hostileInputIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const ReadResult result = DrawioReader::read(bytes);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
}

void TestFormats::randomGarbageNeverCrashes()
{
    // Mutations of a real export: every result is either a topology or an error message.
    const QByteArray base = exportDrawio(TestTopologies::generated(4));
    QRandomGenerator random(42);
    int ok = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = base;
        for (int m = 0; m < 1 + round % 8; ++m) {
            const int at = int(random.bounded(qint64(bytes.size())));
            switch (random.bounded(3)) {
            case 0:
                bytes[at] = char(random.bounded(256));
                break;
            case 1:
                bytes.remove(at, int(random.bounded(40)));
                break;
            default:
                bytes.insert(at, bytes.mid(int(random.bounded(qint64(bytes.size()))), 30));
                break;
            }
        }
        const ReadResult result = DrawioReader::read(bytes);
        QVERIFY(result.ok() != !result.error.isEmpty());
        (result.ok() ? ok : refused)++;
    }
    QVERIFY(refused > 0);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
