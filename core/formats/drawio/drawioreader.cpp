#include "drawioreader.h"

#include "drawiocell.h"
#include "drawiocodec.h"
#include "drawiopagemapper.h"
#include "model/projectfile.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <cmath>
#include <functional>
#include <optional>

namespace Gatehouse {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

// Thrown-free error channel for the parser: the first error wins.
class Parser
{
public:
    Parser(const DrawioReader::Limits &limits)
        : m_limits(limits)
    {
    }

    QString error;
    QStringList pageNames;

    // Parses the document and returns the chosen page's cells, or nullopt with `error` set.
    std::optional<DrawioPage> parse(const QByteArray &data, const ReadOptions &options);

private:
    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }
    // fail() keeps the first message, so an XML error already recorded wins over this one.
    bool failEndedEarly() { return fail(QStringLiteral("the XML ends too early")); }
    bool xmlFailed(QXmlStreamReader &xml);
    // Next token with the guards: no DTD, bounded depth and attribute sizes.
    QXmlStreamReader::TokenType next(QXmlStreamReader &xml);
    bool skipElement(QXmlStreamReader &xml);
    // Calls `child` on every child element of the element `xml` is on, until that element's
    // end; `child` must consume the element (read it or skipElement). False when the XML ends
    // early or `child` fails.
    bool forEachChild(QXmlStreamReader &xml, const std::function<bool()> &child);
    bool readModel(QXmlStreamReader &xml, DrawioPage &page);
    bool readRoot(QXmlStreamReader &xml, DrawioPage &page);
    bool readCell(QXmlStreamReader &xml, DrawioCell &cell);
    bool readGeometry(QXmlStreamReader &xml, DrawioGeometry &geometry);
    bool readPoints(QXmlStreamReader &xml, QList<QPointF> &points);
    bool parsePageXml(const QString &xmlText, DrawioPage &page);

    const DrawioReader::Limits &m_limits;
    int m_depth = 0;
    int m_cellCount = 0;
    bool m_nested = false;
};

// A .drawio.png keeps the diagram in a tEXt chunk with the keyword "mxfile" (URI-encoded).
// Returns the diagram XML, or nullopt with `error` set; `isPng` tells whether data is a PNG.
std::optional<QByteArray> diagramFromPng(const QByteArray &data, bool *isPng, QString *error)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    *isPng = data.startsWith(signature);
    if (!*isPng)
        return std::nullopt;
    qsizetype at = signature.size();
    while (at + 12 <= data.size()) {
        const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
        const quint32 length = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
        const QByteArray type = data.mid(at + 4, 4);
        if (length > quint32(data.size()) || at + 12 + qsizetype(length) > data.size()) {
            *error = QStringLiteral("the PNG is truncated or corrupt");
            return std::nullopt;
        }
        if (type == "tEXt") {
            const QByteArray chunk = data.mid(at + 8, qsizetype(length));
            if (chunk.startsWith(QByteArrayLiteral("mxfile\0")))
                return QByteArray::fromPercentEncoding(chunk.mid(7));
        }
        if (type == "IEND") {
            *error = QStringLiteral("this PNG holds no draw.io diagram (no mxfile text chunk)");
            return std::nullopt;
        }
        at += 12 + qsizetype(length);
    }
    *error = QStringLiteral("the PNG is truncated or corrupt");
    return std::nullopt;
}

double number(const QXmlStreamAttributes &attributes, const char *name)
{
    bool ok = false;
    const double value = attributes.value(QLatin1String(name)).toDouble(&ok);
    return ok && std::isfinite(value) ? value : 0.0;
}

QXmlStreamReader::TokenType Parser::next(QXmlStreamReader &xml)
{
    const auto token = xml.readNext();
    switch (token) {
    case QXmlStreamReader::DTD:
        fail(QStringLiteral("the file contains a document type declaration (DTD); draw.io files have none, and "
                            "Gatehouse refuses them because entity declarations can expand without bound"));
        return QXmlStreamReader::Invalid;
    case QXmlStreamReader::EntityReference:
        fail(QStringLiteral("the file uses an undeclared entity &%1;").arg(xml.name().toString()));
        return QXmlStreamReader::Invalid;
    case QXmlStreamReader::StartElement:
        if (++m_depth > m_limits.maxDepth) {
            fail(QStringLiteral("elements are nested more than %1 levels deep").arg(m_limits.maxDepth));
            return QXmlStreamReader::Invalid;
        }
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            if (attribute.value().size() > m_limits.maxAttribute) {
                fail(QStringLiteral("attribute %1 on line %2 is longer than %3 MiB")
                         .arg(attribute.name().toString())
                         .arg(xml.lineNumber())
                         .arg(m_limits.maxAttribute / (1024 * 1024)));
                return QXmlStreamReader::Invalid;
            }
        }
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    case QXmlStreamReader::Invalid:
        xmlFailed(xml);
        break;
    default:
        break;
    }
    return token;
}

bool Parser::xmlFailed(QXmlStreamReader &xml)
{
    return fail(QStringLiteral("the XML is not well-formed (line %1, column %2): %3")
                    .arg(xml.lineNumber())
                    .arg(xml.columnNumber())
                    .arg(xml.errorString()));
}

// Skips the current element (positioned on its start tag) with the depth guard still active.
bool Parser::skipElement(QXmlStreamReader &xml)
{
    int level = 1;
    while (level > 0) {
        const auto token = next(xml);
        if (token == QXmlStreamReader::Invalid || xml.atEnd())
            return failEndedEarly();
        if (token == QXmlStreamReader::StartElement)
            ++level;
        else if (token == QXmlStreamReader::EndElement)
            --level;
    }
    return true;
}

bool Parser::forEachChild(QXmlStreamReader &xml, const std::function<bool()> &child)
{
    while (true) {
        const auto token = next(xml);
        if (token == QXmlStreamReader::Invalid || xml.atEnd())
            return failEndedEarly();
        if (token == QXmlStreamReader::EndElement)
            return true;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (!child())
            return false;
    }
}

bool Parser::readPoints(QXmlStreamReader &xml, QList<QPointF> &points)
{
    return forEachChild(xml, [&] {
        if (xml.name() == QLatin1String("mxPoint") && points.size() < 10000)
            points.append(QPointF(number(xml.attributes(), "x"), number(xml.attributes(), "y")));
        return skipElement(xml);
    });
}

bool Parser::readGeometry(QXmlStreamReader &xml, DrawioGeometry &geometry)
{
    const QXmlStreamAttributes a = xml.attributes();
    geometry.present = true;
    geometry.relative = a.value(QLatin1String("relative")) == QLatin1String("1");
    geometry.x = number(a, "x");
    geometry.y = number(a, "y");
    geometry.width = number(a, "width");
    geometry.height = number(a, "height");
    return forEachChild(xml, [&] {
        if (xml.name() == QLatin1String("Array") && xml.attributes().value(QLatin1String("as")) == QLatin1String("points"))
            return readPoints(xml, geometry.points);
        return skipElement(xml);
    });
}

// Positioned on <mxCell>: reads its attributes (wrapper attributes already in `cell`) and children.
bool Parser::readCell(QXmlStreamReader &xml, DrawioCell &cell)
{
    const QXmlStreamAttributes a = xml.attributes();
    if (cell.id.isEmpty())
        cell.id = a.value(QLatin1String("id")).toString();
    if (!cell.wrapped)
        cell.value = a.value(QLatin1String("value")).toString();
    cell.style = a.value(QLatin1String("style")).toString();
    cell.hasParent = a.hasAttribute(QLatin1String("parent"));
    cell.parent = a.value(QLatin1String("parent")).toString();
    cell.source = a.value(QLatin1String("source")).toString();
    cell.target = a.value(QLatin1String("target")).toString();
    cell.vertex = a.value(QLatin1String("vertex")) == QLatin1String("1");
    cell.edge = a.value(QLatin1String("edge")) == QLatin1String("1");
    return forEachChild(xml, [&] {
        if (xml.name() == QLatin1String("mxGeometry") && !cell.geometry.present)
            return readGeometry(xml, cell.geometry);
        return skipElement(xml);
    });
}

bool Parser::readRoot(QXmlStreamReader &xml, DrawioPage &page)
{
    return forEachChild(xml, [&] {
        if (++m_cellCount > m_limits.maxCells)
            return fail(QStringLiteral("the page has more than %1 cells").arg(m_limits.maxCells));
        DrawioCell cell;
        if (xml.name() == QLatin1String("mxCell")) {
            if (!readCell(xml, cell))
                return false;
            page.cells.push_back(std::move(cell));
            return true;
        }
        // A wrapper (<object>, <UserObject>, any tag): id and data on it, the mxCell inside.
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            const QString name = attribute.name().toString();
            if (name == QLatin1String("id"))
                cell.id = attribute.value().toString();
            else
                cell.attributes.insert(name, attribute.value().toString());
        }
        cell.wrapped = true;
        cell.value = cell.attributes.value(str("label"));
        bool sawCell = false;
        const bool ok = forEachChild(xml, [&] {
            if (xml.name() == QLatin1String("mxCell") && !sawCell) {
                sawCell = true;
                return readCell(xml, cell);
            }
            return skipElement(xml);
        });
        if (ok && sawCell)
            page.cells.push_back(std::move(cell));
        return ok;
    });
}

// Positioned on <mxGraphModel>.
bool Parser::readModel(QXmlStreamReader &xml, DrawioPage &page)
{
    bool sawRoot = false;
    const bool ok = forEachChild(xml, [&] {
        if (xml.name() == QLatin1String("root") && !sawRoot) {
            sawRoot = true;
            return readRoot(xml, page);
        }
        return skipElement(xml);
    });
    if (!ok)
        return false;
    if (!sawRoot)
        return fail(QStringLiteral("the page's <mxGraphModel> has no <root>"));
    return true;
}

bool Parser::parsePageXml(const QString &xmlText, DrawioPage &page)
{
    QXmlStreamReader xml(xmlText);
    const int depthBefore = m_depth;
    m_depth = 0;
    while (!xml.atEnd()) {
        const auto token = next(xml);
        if (token == QXmlStreamReader::Invalid)
            return fail(QStringLiteral("page %1: %2").arg(page.name, error));
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() != QLatin1String("mxGraphModel"))
                return fail(
                    QStringLiteral("the compressed page holds <%1>, not <mxGraphModel>").arg(xml.name().toString()));
            if (!readModel(xml, page))
                return false;
            m_depth = depthBefore;
            return true;
        }
    }
    return fail(QStringLiteral("the compressed page holds no <mxGraphModel>"));
}

std::optional<DrawioPage> Parser::parse(const QByteArray &data, const ReadOptions &options)
{
    if (data.size() > m_limits.maxInput) {
        fail(QStringLiteral("the file is larger than %1 MiB").arg(m_limits.maxInput / (1024 * 1024)));
        return std::nullopt;
    }
    if (data.trimmed().isEmpty()) {
        fail(QStringLiteral("the file is empty"));
        return std::nullopt;
    }
    QXmlStreamReader xml(data);
    std::optional<DrawioPage> chosen;
    int pageIndex = -1;
    bool sawDocument = false;
    while (!xml.atEnd()) {
        const auto token = next(xml);
        if (token == QXmlStreamReader::Invalid)
            return std::nullopt;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (sawDocument) {
            if (!skipElement(xml))
                return std::nullopt;
            continue;
        }
        sawDocument = true;
        if (xml.name() == QLatin1String("svg")) {
            // A .drawio.svg: the diagram file is in the content attribute (FORMAT.md §1).
            if (m_nested) {
                fail(QStringLiteral("an SVG inside an SVG's content is not a draw.io file"));
                return std::nullopt;
            }
            QString content = xml.attributes().value(QLatin1String("content")).toString().trimmed();
            if (content.isEmpty()) {
                fail(QStringLiteral("this SVG holds no draw.io diagram (no content attribute)"));
                return std::nullopt;
            }
            if (!content.startsWith(QLatin1Char('<'))) {
                QString why;
                const auto inflated = DrawioCodec::decompressPage(content.toLatin1(), m_limits.maxInflated, &why);
                if (!inflated) {
                    fail(QStringLiteral("the SVG's diagram cannot be decompressed: %1").arg(why));
                    return std::nullopt;
                }
                content = *inflated;
            }
            m_nested = true;
            return parse(content.toUtf8(), options);
        }
        if (xml.name() == QLatin1String("mxGraphModel")) {
            DrawioPage page;
            page.name = str("Page-1");
            pageNames.append(page.name);
            if (!readModel(xml, page))
                return std::nullopt;
            chosen = std::move(page);
            continue;
        }
        if (xml.name() != QLatin1String("mxfile")) {
            fail(QStringLiteral(
                "this is not a draw.io file: the document element is <%1>, not <mxfile> or <mxGraphModel>")
                     .arg(xml.name().toString()));
            return std::nullopt;
        }
        // <mxfile>: one <diagram> per page.
        while (true) {
            const auto inner = next(xml);
            if (inner == QXmlStreamReader::Invalid || xml.atEnd()) {
                failEndedEarly();
                return std::nullopt;
            }
            if (inner == QXmlStreamReader::EndElement)
                break;
            if (inner != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() != QLatin1String("diagram")) {
                if (!skipElement(xml))
                    return std::nullopt;
                continue;
            }
            if (++pageIndex >= m_limits.maxPages) {
                fail(QStringLiteral("the file has more than %1 pages").arg(m_limits.maxPages));
                return std::nullopt;
            }
            DrawioPage page;
            page.name = xml.attributes().value(QLatin1String("name")).toString();
            if (page.name.isEmpty())
                page.name = QStringLiteral("Page-%1").arg(pageIndex + 1);
            pageNames.append(page.name);
            const bool wanted
                = !chosen && (options.pageName.isEmpty() ? pageIndex == options.page : page.name == options.pageName);
            QString text;
            bool sawModel = false;
            while (true) {
                const auto part = next(xml);
                if (part == QXmlStreamReader::Invalid || xml.atEnd()) {
                    failEndedEarly();
                    return std::nullopt;
                }
                if (part == QXmlStreamReader::EndElement)
                    break;
                if (part == QXmlStreamReader::Characters && wanted && !sawModel) {
                    if (text.size() + xml.text().size() > m_limits.maxInput) {
                        fail(QStringLiteral("page %1 is too large").arg(page.name));
                        return std::nullopt;
                    }
                    text += xml.text();
                } else if (part == QXmlStreamReader::StartElement) {
                    if (wanted && !sawModel && xml.name() == QLatin1String("mxGraphModel")) {
                        sawModel = true;
                        if (!readModel(xml, page))
                            return std::nullopt;
                    } else if (!skipElement(xml)) {
                        return std::nullopt;
                    }
                }
            }
            if (!wanted)
                continue;
            if (!sawModel) {
                QString why;
                const auto pageXml = DrawioCodec::decompressPage(text.toLatin1(), m_limits.maxInflated, &why);
                if (!pageXml) {
                    fail(QStringLiteral("page %1 cannot be decompressed: %2").arg(page.name, why));
                    return std::nullopt;
                }
                if (!parsePageXml(*pageXml, page))
                    return std::nullopt;
            }
            chosen = std::move(page);
        }
    }
    if (xml.hasError()) {
        xmlFailed(xml);
        return std::nullopt;
    }
    if (!sawDocument) {
        fail(QStringLiteral("the file holds no XML element"));
        return std::nullopt;
    }
    if (!chosen) {
        if (pageNames.isEmpty())
            fail(QStringLiteral("the file has no pages"));
        else if (!options.pageName.isEmpty())
            fail(QStringLiteral("there is no page named \"%1\"; pages: %2")
                     .arg(options.pageName, pageNames.join(str(", "))));
        else
            fail(QStringLiteral("there is no page %1; the file has %2 page(s): %3")
                     .arg(options.page + 1)
                     .arg(pageNames.size())
                     .arg(pageNames.join(str(", "))));
        return std::nullopt;
    }
    return chosen;
}

} // namespace

ReadResult DrawioReader::read(const QByteArray &data, const ReadOptions &options, const Limits &limits)
{
    bool isPng = false;
    QString pngError;
    const auto fromPng = diagramFromPng(data, &isPng, &pngError);
    if (isPng && !fromPng) {
        ReadResult failed;
        failed.error = pngError;
        return failed;
    }
    Parser parser(limits);
    std::optional<DrawioPage> page = parser.parse(isPng ? *fromPng : data, options);
    ReadResult result;
    if (!page) {
        result.error = parser.error;
        result.pages = parser.pageNames;
        return result;
    }
    result = DrawioPageMapper().map(*page);
    result.pages = parser.pageNames;
    return result;
}

} // namespace Gatehouse
