#pragma once

#include "drawiocell.h"
#include "formats/fileformat.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace Gatehouse {

// Turns the parsed cells of one draw.io page into a topology: checks the cell tree (one root,
// existing parents, no cycles, unique ids), reads our own cells from their attributes, maps
// hand-drawn shapes with DrawioShapeGuesser, and validates the result through the project
// file reader, so a draw.io import obeys the same rules as a *.gatehouse file.
class DrawioPageMapper
{
public:
    ReadResult map(const DrawioPage &page);

private:
    enum class Role { Root, Layer, Node, Edge, EdgeLabel, Container, Decoration };

    bool checkTree(const DrawioPage &page);
    void classify(const DrawioPage &page);
    QPointF absoluteOrigin(int index) const; // page position of a vertex's top-left corner
    QPointF parentOrigin(int index) const; // page position of the origin of a cell's parent
    bool mapNode(int index, QJsonArray &nodes);
    bool mapEdge(int index, QJsonArray &edges);
    bool readJsonAttribute(
        const DrawioCell &cell, const char *name, QJsonValue::Type type, QJsonObject &into, const char *key = nullptr);
    QString uniqueId(QString wanted);
    void note(ImportNote::Kind kind, const QString &cell, const QString &message);
    bool fail(const QString &message);

    const DrawioPage *m_page = nullptr;
    QHash<QString, int> m_index; // cell id → index in m_page->cells
    std::vector<Role> m_roles;
    QHash<int, QString> m_modelIds; // node cell index → model node id
    QHash<QString, NodeKind> m_nodeKinds;
    QHash<int, QStringList> m_extraLabels; // edge cell index → child label texts
    QSet<QString> m_usedIds; // model ids taken so far
    QSet<QString> m_reserved; // ids of our own cells on the page
    QStringList m_nodeCells; // per JSON node index: the cell id (for error messages)
    QStringList m_edgeCells;
    QString m_rootId;
    bool m_ownFile = false;
    ReadResult m_result;
};

// Plain text of a draw.io label (HTML when the style has html=1).
QString drawioPlainText(const QString &value, bool html);

} // namespace Gatehouse
