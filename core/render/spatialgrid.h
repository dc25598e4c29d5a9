#pragma once

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

namespace Gatehouse {

// A uniform-grid index of rectangles by string key, for "what is near this rect" queries in
// routing and label placement (thousands of nodes: a linear scan per query is too slow).
class SpatialGrid
{
public:
    explicit SpatialGrid(qreal cellSize = 160.0) : m_cell(cellSize) {}

    void clear();
    void insert(const QString &key, const QRectF &rect); // replaces the key's previous rect
    void remove(const QString &key);
    bool contains(const QString &key) const { return m_rects.contains(key); }
    QRectF rect(const QString &key) const { return m_rects.value(key); }
    // Keys whose rect intersects `area` (each key once).
    QList<QString> query(const QRectF &area) const;
    int size() const { return int(m_rects.size()); }

private:
    template<typename F> void forCells(const QRectF &r, F f) const;
    qreal m_cell;
    QHash<QString, QRectF> m_rects;
    QHash<quint64, QList<QString>> m_cells;
};

} // namespace Gatehouse
