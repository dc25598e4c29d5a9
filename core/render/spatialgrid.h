#pragma once

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

namespace Gatehouse {

// A uniform-grid index of rectangles by string key, for "what is near this rect" queries in
// routing and label placement (thousands of nodes: a linear scan per query is too slow).
// A key may own several rects (an edge's segments); insert() replaces, add() appends.
class SpatialGrid
{
public:
    explicit SpatialGrid(qreal cellSize = 160.0)
        : m_cell(cellSize)
    {
    }

    void clear();
    void insert(const QString &key, const QRectF &rect); // replaces the key's previous rects
    void add(const QString &key, const QRectF &rect); // one more rect for the key
    void remove(const QString &key);
    bool contains(const QString &key) const { return m_byKey.contains(key); }
    QRectF rect(const QString &key) const; // the key's first rect

    struct Hit
    {
        const QString *key;
        QRectF rect;
    };
    // Entries whose rect intersects `area`, each once. Valid until the next change.
    QList<Hit> query(const QRectF &area) const;
    int size() const { return int(m_byKey.size()); }

private:
    struct Entry
    {
        QString key;
        QRectF rect;
        bool alive = true;
        mutable quint32 stamp = 0;
    };
    template <typename F> void forCells(const QRectF &r, F f) const;
    qreal m_cell;
    QList<Entry> m_entries;
    QList<int> m_free;
    QHash<QString, QList<int>> m_byKey;
    QHash<quint64, QList<int>> m_cells;
    mutable quint32 m_stamp = 0;
};

} // namespace Gatehouse
