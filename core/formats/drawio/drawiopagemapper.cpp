#include "drawiopagemapper.h"

#include "drawioshapeguesser.h"
#include "drawiostyles.h"
#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace Gatehouse {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

constexpr double MaxCoordinate = 1e7;
constexpr qsizetype MaxNameLength = 200;

double clampCoordinate(double value)
{
    return std::clamp(value, -MaxCoordinate, MaxCoordinate);
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

QString drawioPlainText(const QString &value, bool html)
{
    if (!html)
        return value.simplified();
    QString text = value;
    static const QRegularExpression breaks(
        QStringLiteral("<\\s*(br|/div|/p|/li)\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]{1,6});"));
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    QString decoded;
    qsizetype last = 0;
    auto it = numeric.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        bool ok = false;
        const uint code = match.captured(2).toUInt(&ok, match.captured(1).isEmpty() ? 10 : 16);
        if (ok && code >= 0x20 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
            decoded += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    decoded.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    decoded.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    decoded.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    decoded.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    decoded.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    decoded.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    QStringList lines = decoded.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.simplified();
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

void DrawioPageMapper::note(ImportNote::Kind kind, const QString &cell, const QString &message)
{
    m_result.notes.append(ImportNote { kind, cell, message });
}

bool DrawioPageMapper::fail(const QString &message)
{
    if (m_result.error.isEmpty())
        m_result.error = message;
    return false;
}

bool DrawioPageMapper::checkTree(const DrawioPage &page)
{
    const auto &cells = page.cells;
    for (int i = 0; i < int(cells.size()); ++i) {
        const DrawioCell &cell = cells[size_t(i)];
        if (cell.id.isEmpty())
            return fail(QStringLiteral("cell number %1 on page %2 has no id").arg(i + 1).arg(quoted(page.name)));
        if (m_index.contains(cell.id))
            return fail(QStringLiteral("id %1 is used twice on page %2 (draw.io refuses such files too)")
                            .arg(quoted(cell.id), quoted(page.name)));
        m_index.insert(cell.id, i);
    }
    for (const DrawioCell &cell : cells) {
        if (cell.parent.isEmpty()) {
            if (!m_rootId.isEmpty())
                return fail(QStringLiteral("page %1 has two root cells (%2 and %3): every cell but one needs a parent")
                                .arg(quoted(page.name), quoted(m_rootId), quoted(cell.id)));
            m_rootId = cell.id;
        } else if (!m_index.contains(cell.parent)) {
            return fail(
                QStringLiteral("cell %1 names parent %2, which does not exist (draw.io would show an empty page)")
                    .arg(quoted(cell.id), quoted(cell.parent)));
        }
    }
    if (m_rootId.isEmpty())
        return fail(cells.empty()
                ? QStringLiteral("page %1 has no cells").arg(quoted(page.name))
                : QStringLiteral("page %1 has no root cell (a cell without parent)").arg(quoted(page.name)));
    // Every chain of parents must end at the root: no cycles.
    std::vector<char> reaches(cells.size(), 0); // 0 unknown, 1 yes
    reaches[size_t(m_index.value(m_rootId))] = 1;
    for (int i = 0; i < int(cells.size()); ++i) {
        std::vector<int> chain;
        int at = i;
        while (!reaches[size_t(at)]) {
            chain.push_back(at);
            if (chain.size() > cells.size())
                return fail(
                    QStringLiteral("cell %1 is its own ancestor (a parent cycle)").arg(quoted(cells[size_t(i)].id)));
            at = m_index.value(cells[size_t(at)].parent);
        }
        for (int c : chain)
            reaches[size_t(c)] = 1;
    }
    return true;
}

void DrawioPageMapper::classify(const DrawioPage &page)
{
    const auto &cells = page.cells;
    m_roles.assign(cells.size(), Role::Decoration);
    std::vector<int> vertexChildren(cells.size(), 0);
    for (const DrawioCell &cell : cells) {
        if (!cell.parent.isEmpty() && cell.vertex)
            ++vertexChildren[size_t(m_index.value(cell.parent))];
    }
    for (int i = 0; i < int(cells.size()); ++i) {
        const DrawioCell &cell = cells[size_t(i)];
        const QString ghType = cell.attributes.value(str("ghType"));
        Role role = Role::Decoration;
        if (cell.id == m_rootId) {
            role = Role::Root;
        } else if (cell.parent == m_rootId) {
            role = Role::Layer;
            if (cell.vertex || cell.edge)
                note(ImportNote::Kind::Dropped, cell.id,
                    QStringLiteral("a shape directly under the root is a layer in draw.io; read as a layer"));
        } else if (ghType == QLatin1String("node")) {
            role = Role::Node;
        } else if (ghType == QLatin1String("edge")) {
            role = Role::Edge;
        } else if (ghType == QLatin1String("lane") || ghType == QLatin1String("legend")) {
            role = Role::Decoration;
        } else if (cell.edge) {
            role = Role::Edge;
        } else if (cell.vertex) {
            const DrawioCell &parent = cells[size_t(m_index.value(cell.parent))];
            const DrawioStyles::Style style = DrawioStyles::parseStyle(cell.style);
            const bool html = style.value(str("html")) == QLatin1String("1");
            const QString text = drawioPlainText(cell.value, html);
            if (parent.edge) {
                role = Role::EdgeLabel;
                if (!text.isEmpty())
                    m_extraLabels[m_index.value(cell.parent)].append(text);
            } else if (vertexChildren[size_t(i)] > 0 || style.has(str("group"))) {
                role = Role::Container;
                note(ImportNote::Kind::Dropped, cell.id,
                    QStringLiteral("container %1 is not a node; its %2 shape(s) are imported with page positions")
                        .arg(quoted(text), QString::number(vertexChildren[size_t(i)])));
            } else if (style.has(str("text")) || style.has(str("edgeLabel"))
                || style.value(str("shape")) == QLatin1String("text")) {
                note(ImportNote::Kind::Dropped, cell.id,
                    QStringLiteral("free text %1 is a note, not a node").arg(quoted(text)));
            } else if (text.isEmpty()) {
                note(ImportNote::Kind::Dropped, cell.id,
                    QStringLiteral("a shape without a label looks like decoration"));
            } else {
                role = Role::Node;
            }
        }
        m_roles[size_t(i)] = role;
    }
}

QPointF DrawioPageMapper::parentOrigin(int index) const
{
    const DrawioCell &cell = m_page->cells[size_t(index)];
    const int parent = m_index.value(cell.parent, -1);
    if (parent < 0)
        return {};
    const Role role = m_roles[size_t(parent)];
    if (role == Role::Root || role == Role::Layer)
        return {};
    if (!m_page->cells[size_t(parent)].vertex)
        return {};
    return absoluteOrigin(parent);
}

QPointF DrawioPageMapper::absoluteOrigin(int index) const
{
    // Parent chains are acyclic (checkTree); depth is bounded by the cell count.
    QPointF origin;
    int at = index;
    QSizeF childSize;
    while (at >= 0) {
        const DrawioCell &cell = m_page->cells[size_t(at)];
        const Role role = m_roles[size_t(at)];
        if (role == Role::Root || role == Role::Layer || !cell.vertex)
            break;
        origin += QPointF(cell.geometry.x, cell.geometry.y);
        at = m_index.value(cell.parent, -1);
    }
    (void)childSize;
    return origin;
}

QString DrawioPageMapper::uniqueId(QString wanted)
{
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9_.-]+"));
    wanted = wanted.toLower().replace(invalid, QStringLiteral("-"));
    while (wanted.startsWith(QLatin1Char('-')))
        wanted.remove(0, 1);
    while (wanted.endsWith(QLatin1Char('-')))
        wanted.chop(1);
    wanted = wanted.left(100);
    if (wanted.isEmpty())
        wanted = QStringLiteral("node");
    QString id = wanted;
    for (int n = 2; m_usedIds.contains(id) || m_reserved.contains(id); ++n)
        id = QStringLiteral("%1-%2").arg(wanted).arg(n);
    m_usedIds.insert(id);
    return id;
}

bool DrawioPageMapper::readJsonAttribute(
    const DrawioCell &cell, const char *name, QJsonValue::Type type, QJsonObject &into, const char *key)
{
    const QString attribute = str(name);
    if (!cell.attributes.contains(attribute))
        return true;
    const QString text = cell.attributes.value(attribute);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    const bool typeOk = type == QJsonValue::Array ? document.isArray() : document.isObject();
    if (error.error != QJsonParseError::NoError || !typeOk) {
        return fail(QStringLiteral("cell %1: attribute %2 must hold a JSON %3 (%4)")
                        .arg(quoted(cell.id), attribute, type == QJsonValue::Array ? str("array") : str("object"),
                            error.error != QJsonParseError::NoError ? error.errorString() : str("wrong type")));
    }
    const QString target = key ? str(key) : attribute;
    if (document.isArray())
        into.insert(target, document.array());
    else
        into.insert(target, document.object());
    return true;
}

bool DrawioPageMapper::mapNode(int index, QJsonArray &nodes)
{
    const DrawioCell &cell = m_page->cells[size_t(index)];
    const DrawioGeometry &g = cell.geometry;
    const QPointF origin = parentOrigin(index);
    QJsonObject json;
    const QString ghType = cell.attributes.value(str("ghType"));
    QString id;
    NodeKind kind = NodeKind::Service;
    if (ghType == QLatin1String("node")) {
        id = cell.id.startsWith(QLatin1String("gh:")) ? cell.id.mid(3) : cell.id;
        if (m_usedIds.contains(id))
            return fail(QStringLiteral("cell %1: node id %2 is used twice").arg(quoted(cell.id), quoted(id)));
        m_usedIds.insert(id);
        for (const char *name : { "kind", "role", "name", "description", "lane" }) {
            if (cell.attributes.contains(str(name)))
                json.insert(str(name), cell.attributes.value(str(name)));
        }
        for (const char *name : { "port", "z" }) {
            if (!cell.attributes.contains(str(name)))
                continue;
            bool ok = false;
            const int value = cell.attributes.value(str(name)).toInt(&ok);
            if (!ok)
                return fail(QStringLiteral("cell %1: attribute %2 must be a whole number").arg(quoted(cell.id), str(name)));
            json.insert(str(name), value);
        }
        if (!readJsonAttribute(cell, "properties", QJsonValue::Object, json))
            return false;
        kind = nodeKindFromString(cell.attributes.value(str("kind"))).value_or(NodeKind::Service);
        json.insert(str("x"), g.x + origin.x());
        json.insert(str("y"), g.y + origin.y());
        json.insert(str("width"), g.width);
        json.insert(str("height"), g.height);
        note(ImportNote::Kind::Recognised, cell.id, QStringLiteral("Gatehouse node %1").arg(nameOf(kind)));
    } else {
        const bool html = DrawioStyles::parseStyle(cell.style).value(str("html")) == QLatin1String("1");
        QString name = drawioPlainText(cell.value, html).replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (name.size() > MaxNameLength) {
            name = name.left(MaxNameLength);
            note(
                ImportNote::Kind::Kept, cell.id, QStringLiteral("label shortened to %1 characters").arg(MaxNameLength));
        }
        const ShapeGuess guess = DrawioShapeGuesser::guessNode(cell.style, name);
        kind = guess.kind;
        id = uniqueId(name);
        json.insert(str("kind"), nameOf(kind));
        if (kind == NodeKind::Service)
            json.insert(str("role"), nameOf(guess.role));
        json.insert(str("name"), name);
        const bool sizeOk = g.width >= 1 && g.height >= 1 && g.width <= 1e5 && g.height <= 1e5;
        json.insert(str("x"), clampCoordinate(g.x + origin.x()));
        json.insert(str("y"), clampCoordinate(g.y + origin.y()));
        json.insert(str("width"), sizeOk ? g.width : 160.0);
        json.insert(str("height"), sizeOk ? g.height : 64.0);
        note(guess.certain ? ImportNote::Kind::Guessed : ImportNote::Kind::Kept, cell.id,
            QStringLiteral("%1: %2 (id %3)").arg(quoted(name), guess.reason, quoted(id)));
    }
    json.insert(str("id"), id);
    m_modelIds.insert(index, id);
    m_nodeKinds.insert(id, kind);
    m_nodeCells.append(cell.id);
    nodes.append(json);
    return true;
}

bool DrawioPageMapper::mapEdge(int index, QJsonArray &edges)
{
    const DrawioCell &cell = m_page->cells[size_t(index)];
    const int source = m_index.value(cell.source, -1);
    const int target = m_index.value(cell.target, -1);
    const bool own = cell.attributes.value(str("ghType")) == QLatin1String("edge");
    if (source < 0 || target < 0 || !m_modelIds.contains(source) || !m_modelIds.contains(target)) {
        const QString why = (source < 0 || target < 0)
            ? QStringLiteral("one of its ends is not attached to a shape")
            : QStringLiteral("one of its ends is attached to something that is not a node");
        if (own)
            return fail(
                QStringLiteral("cell %1: this Gatehouse edge cannot be read back: %2").arg(quoted(cell.id), why));
        note(ImportNote::Kind::Dropped, cell.id, QStringLiteral("edge dropped: %1").arg(why));
        return true;
    }
    const QString from = m_modelIds.value(source);
    const QString to = m_modelIds.value(target);
    QJsonObject json;
    json.insert(str("source"), from);
    json.insert(str("target"), to);
    const QPointF origin = parentOrigin(index);
    if (!cell.geometry.points.isEmpty()) {
        QJsonArray points;
        for (const QPointF &p : cell.geometry.points)
            points.append(QJsonArray { clampCoordinate(p.x() + origin.x()), clampCoordinate(p.y() + origin.y()) });
        json.insert(str("waypoints"), points);
    }
    QString id;
    if (own) {
        id = cell.id.startsWith(QLatin1String("gh:")) ? cell.id.mid(3) : cell.id;
        if (m_usedIds.contains(id))
            return fail(QStringLiteral("cell %1: edge id %2 is used twice").arg(quoted(cell.id), quoted(id)));
        m_usedIds.insert(id);
        json.insert(str("kind"), cell.attributes.value(str("kind")));
        for (const char *name : { "consumerGroup", "keyPrefix" }) {
            if (cell.attributes.contains(str(name)))
                json.insert(str(name), cell.attributes.value(str(name)));
        }
        if (cell.attributes.contains(str("caption")))
            json.insert(str("label"), cell.attributes.value(str("caption")));
        for (const char *name : { "timeoutMs", "retries" }) {
            if (!cell.attributes.contains(str(name)))
                continue;
            bool ok = false;
            const int value = cell.attributes.value(str(name)).toInt(&ok);
            if (!ok)
                return fail(
                    QStringLiteral("cell %1: attribute %2 must be a whole number").arg(quoted(cell.id), str(name)));
            json.insert(str(name), value);
        }
        if (!readJsonAttribute(cell, "routes", QJsonValue::Array, json)
            || !readJsonAttribute(cell, "topics", QJsonValue::Array, json)
            || !readJsonAttribute(cell, "fallback", QJsonValue::Object, json)
            || !readJsonAttribute(cell, "circuitBreaker", QJsonValue::Object, json)
            || !readJsonAttribute(cell, "properties", QJsonValue::Object, json))
            return false;
        if (m_extraLabels.contains(index))
            note(ImportNote::Kind::Dropped, cell.id,
                QStringLiteral("extra labels added to a Gatehouse edge are not imported"));
        note(ImportNote::Kind::Recognised, cell.id,
            QStringLiteral("Gatehouse edge %1").arg(cell.attributes.value(str("kind"))));
    } else {
        const DrawioStyles::Style style = DrawioStyles::parseStyle(cell.style);
        QString reason;
        const EdgeKind kind = DrawioShapeGuesser::guessEdge(
            m_nodeKinds.value(from), m_nodeKinds.value(to), style.value(str("dashed")) == QLatin1String("1"), &reason);
        id = uniqueId(QStringLiteral("e-%1-%2").arg(from, to));
        json.insert(str("kind"), nameOf(kind));
        QStringList texts;
        const QString own = drawioPlainText(cell.value, style.value(str("html")) == QLatin1String("1"));
        if (!own.isEmpty())
            texts.append(own);
        texts += m_extraLabels.value(index);
        // Label lines that look like routes or topics become routes or topics.
        static const QRegularExpression routeLine(
            QStringLiteral("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(/\\S*)$"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression topicLine(QStringLiteral("^[A-Za-z0-9._-]{1,249}$"));
        QStringList rest;
        QJsonArray routes, topics;
        for (const QString &text : std::as_const(texts)) {
            for (const QString &line : text.split(QLatin1Char('\n'))) {
                const auto match = routeLine.match(line.trimmed());
                if (kind == EdgeKind::Sync && match.hasMatch()) {
                    routes.append(QJsonObject { { str("method"), match.captured(1).toUpper() },
                        { str("path"), match.captured(2) }, { str("visibility"), str("public") },
                        { str("auth"), str("jwt") } });
                } else if ((kind == EdgeKind::Publish || kind == EdgeKind::Subscribe)
                    && topicLine.match(line.trimmed()).hasMatch()) {
                    topics.append(QJsonObject { { str("name"), line.trimmed() } });
                } else {
                    rest.append(line);
                }
            }
        }
        if (!routes.isEmpty()) {
            json.insert(str("routes"), routes);
            note(ImportNote::Kind::Guessed, cell.id,
                QStringLiteral("%1 label line(s) read as routes (public, JWT)").arg(routes.size()));
        }
        if (!topics.isEmpty()) {
            json.insert(str("topics"), topics);
            note(ImportNote::Kind::Guessed, cell.id,
                QStringLiteral("%1 label line(s) read as topics").arg(topics.size()));
        }
        const QString label = rest.join(QLatin1Char(' ')).left(MaxNameLength);
        if (!label.isEmpty())
            json.insert(str("label"), label);
        const bool allowed = isEdgeAllowed(kind, m_nodeKinds.value(from), m_nodeKinds.value(to));
        note(allowed ? ImportNote::Kind::Guessed : ImportNote::Kind::Kept, cell.id,
            QStringLiteral("edge %1 → %2: %3%4")
                .arg(from, to, reason,
                    allowed ? QString()
                            : QStringLiteral(" (not a connection Gatehouse runs; the Problems list will say why)")));
    }
    json.insert(str("id"), id);
    m_edgeCells.append(cell.id);
    edges.append(json);
    return true;
}

ReadResult DrawioPageMapper::map(const DrawioPage &page)
{
    m_page = &page;
    if (!checkTree(page))
        return std::move(m_result);
    classify(page);
    const DrawioCell &root = page.cells[size_t(m_index.value(m_rootId))];
    m_ownFile = root.attributes.value(str("ghType")) == QLatin1String("topology");

    QJsonObject project;
    project.insert(str("formatVersion"), ProjectFile::CurrentFormatVersion);
    if (m_ownFile) {
        for (const char *name : { "name", "description" }) {
            if (root.attributes.contains(str(name)))
                project.insert(str(name), root.attributes.value(str(name)));
        }
        if (!readJsonAttribute(root, "runSettings", QJsonValue::Object, project))
            return std::move(m_result);
    } else if (!page.name.isEmpty()) {
        project.insert(str("name"), page.name);
    }

    // Generated ids for hand-drawn shapes never take one of our own ids.
    for (const DrawioCell &cell : page.cells) {
        const QString ghType = cell.attributes.value(str("ghType"));
        if (ghType == QLatin1String("node") || ghType == QLatin1String("edge"))
            m_reserved.insert(cell.id.startsWith(QLatin1String("gh:")) ? cell.id.mid(3) : cell.id);
    }
    QJsonArray nodes, edges;
    for (int i = 0; i < int(page.cells.size()); ++i) {
        if (m_roles[size_t(i)] == Role::Node && !mapNode(i, nodes))
            return std::move(m_result);
    }
    for (int i = 0; i < int(page.cells.size()); ++i) {
        if (m_roles[size_t(i)] == Role::Edge && !mapEdge(i, edges))
            return std::move(m_result);
    }
    project.insert(str("nodes"), nodes);
    project.insert(str("edges"), edges);

    LoadResult loaded = ProjectFile::fromJson(QJsonDocument(project).toJson(QJsonDocument::Compact));
    if (!loaded.ok()) {
        // Name the draw.io cell instead of the JSON array index.
        static const QRegularExpression item(QStringLiteral("^(nodes|edges)\\[(\\d+)\\](.*)$"));
        QStringList lines;
        for (const LoadProblem &problem : std::as_const(loaded.problems)) {
            const auto match = item.match(problem.path);
            if (match.hasMatch()) {
                const QStringList &cells = match.captured(1) == QLatin1String("nodes") ? m_nodeCells : m_edgeCells;
                const int n = match.captured(2).toInt();
                QString field = match.captured(3);
                if (field.startsWith(QLatin1Char('.')))
                    field.remove(0, 1);
                lines.append(QStringLiteral("cell %1%2: %3")
                                 .arg(quoted(cells.value(n)),
                                     field.isEmpty() ? QString() : QStringLiteral(" (") + field + QLatin1Char(')'),
                                     problem.message));
            } else {
                lines.append(problem.toString());
            }
        }
        fail(QStringLiteral("the diagram does not make a valid topology:\n") + lines.join(QLatin1Char('\n')));
        return std::move(m_result);
    }
    loaded.topology.sortById();
    m_result.topology = std::move(loaded.topology);
    return std::move(m_result);
}

} // namespace Gatehouse
