#include "spatialgrid.h"

#include <cmath>

namespace Gatehouse {

namespace {
quint64 cellKey(int x, int y)
{
    return (quint64(quint32(x)) << 32) | quint32(y);
}
} // namespace

template <typename F> void SpatialGrid::forCells(const QRectF &r, F f) const
{
    const int x0 = int(std::floor(r.left() / m_cell)), x1 = int(std::floor(r.right() / m_cell));
    const int y0 = int(std::floor(r.top() / m_cell)), y1 = int(std::floor(r.bottom() / m_cell));
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            f(cellKey(x, y));
}

void SpatialGrid::clear()
{
    m_entries.clear();
    m_free.clear();
    m_byKey.clear();
    m_cells.clear();
}

QRectF SpatialGrid::rect(const QString &key) const
{
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.cend() || it->isEmpty() ? QRectF() : m_entries[it->first()].rect;
}

void SpatialGrid::insert(const QString &key, const QRectF &rect)
{
    remove(key);
    add(key, rect);
}

void SpatialGrid::add(const QString &key, const QRectF &rect)
{
    int index;
    if (!m_free.isEmpty()) {
        index = m_free.takeLast();
        m_entries[index] = Entry { key, rect, true, 0 };
    } else {
        index = int(m_entries.size());
        m_entries.append(Entry { key, rect, true, 0 });
    }
    m_byKey[key].append(index);
    forCells(rect, [&](quint64 c) { m_cells[c].append(index); });
}

void SpatialGrid::remove(const QString &key)
{
    const auto it = m_byKey.find(key);
    if (it == m_byKey.end())
        return;
    for (int index : std::as_const(*it)) {
        Entry &e = m_entries[index];
        forCells(e.rect, [&](quint64 c) {
            auto cell = m_cells.find(c);
            if (cell != m_cells.end()) {
                cell->removeOne(index);
                if (cell->isEmpty())
                    m_cells.erase(cell);
            }
        });
        e.alive = false;
        e.key.clear();
        m_free.append(index);
    }
    m_byKey.erase(it);
}

QList<SpatialGrid::Hit> SpatialGrid::query(const QRectF &area) const
{
    QList<Hit> result;
    const quint32 stamp = ++m_stamp;
    forCells(area, [&](quint64 c) {
        const auto cell = m_cells.constFind(c);
        if (cell == m_cells.cend())
            return;
        for (int index : *cell) {
            const Entry &e = m_entries[index];
            if (e.stamp == stamp)
                continue;
            e.stamp = stamp;
            if (e.rect.intersects(area))
                result.append(Hit { &e.key, e.rect });
        }
    });
    return result;
}

} // namespace Gatehouse
