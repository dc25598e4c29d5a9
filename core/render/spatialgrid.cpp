#include "spatialgrid.h"

#include <QSet>
#include <cmath>

namespace Gatehouse {

namespace {
quint64 cellKey(int x, int y) { return (quint64(quint32(x)) << 32) | quint32(y); }
} // namespace

template<typename F> void SpatialGrid::forCells(const QRectF &r, F f) const
{
    const int x0 = int(std::floor(r.left() / m_cell)), x1 = int(std::floor(r.right() / m_cell));
    const int y0 = int(std::floor(r.top() / m_cell)), y1 = int(std::floor(r.bottom() / m_cell));
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            f(cellKey(x, y));
}

void SpatialGrid::clear()
{
    m_rects.clear();
    m_cells.clear();
}

void SpatialGrid::insert(const QString &key, const QRectF &rect)
{
    remove(key);
    m_rects.insert(key, rect);
    forCells(rect, [&](quint64 c) { m_cells[c].append(key); });
}

void SpatialGrid::remove(const QString &key)
{
    const auto it = m_rects.constFind(key);
    if (it == m_rects.cend())
        return;
    const QRectF old = *it;
    m_rects.erase(it);
    forCells(old, [&](quint64 c) {
        auto cell = m_cells.find(c);
        if (cell != m_cells.end()) {
            cell->removeOne(key);
            if (cell->isEmpty())
                m_cells.erase(cell);
        }
    });
}

QList<QString> SpatialGrid::query(const QRectF &area) const
{
    QList<QString> result;
    QSet<QString> seen;
    forCells(area, [&](quint64 c) {
        const auto cell = m_cells.constFind(c);
        if (cell == m_cells.cend())
            return;
        for (const QString &key : *cell) {
            if (seen.contains(key))
                continue;
            seen.insert(key);
            if (m_rects.value(key).intersects(area))
                result.append(key);
        }
    });
    return result;
}

} // namespace Gatehouse
