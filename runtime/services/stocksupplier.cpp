#include "stocksupplier.h"

#include "services/servicecontext.h"
#include "services/sqlpool.h"

#include <QJsonObject>

namespace Gatehouse::Runtime {

StockSupplier::StockSupplier(ServiceContext &context, Delivered delivered)
    : m_context(context)
    , m_delivered(std::move(delivered))
{
}

StockSupplier::~StockSupplier()
{
    stop();
}

void StockSupplier::start()
{
    m_stopping.store(false);
    schedule(std::chrono::milliseconds(0));
}

void StockSupplier::stop()
{
    m_stopping.store(true);
    m_timer.stop();
}

void StockSupplier::schedule(std::chrono::milliseconds delay)
{
    m_timer.post(delay, [this] {
        if (!m_stopping.load() && !m_queued.exchange(true)) {
            const bool queued = m_context.sql().submit([this](SqlSession &connection) {
                if (!m_stopping.load()) {
                    QString error;
                    const std::optional<QStringList> skus = deliver(connection, &error);
                    if (!skus)
                        m_context.log(QStringLiteral("warning"), QStringLiteral("stock supplier: ") + error);
                    else if (!skus->isEmpty()) {
                        m_context.log(QStringLiteral("info"),
                            QStringLiteral("stock supplier restocked %1").arg(skus->join(QStringLiteral(", "))),
                            QJsonObject { { QStringLiteral("restock"), skus->size() } });
                        m_delivered(*skus);
                    }
                }
                m_queued.store(false);
            });
            if (!queued)
                m_queued.store(false);
        }
        schedule(Interval);
    });
}

std::optional<QStringList> StockSupplier::deliver(SqlSession &connection, QString *error)
{
    QString ignored;
    QList<QStringList> low;
    // Item rows locked in sku order, like every reservation: no deadlock with them.
    bool ok = connection.exec(QStringLiteral("BEGIN"), error)
        && connection.query(QStringLiteral("SELECT sku, restock_level - stock FROM items"
                                           " WHERE restock_level IS NOT NULL AND stock < restock_below"
                                           " ORDER BY sku FOR UPDATE"),
            {}, &low, error);
    QStringList skus;
    for (qsizetype i = 0; ok && i < low.size(); ++i) {
        const QString sku = low.at(i).value(0);
        const QString quantity = low.at(i).value(1);
        if (quantity.toInt() <= 0)
            continue;
        QList<QStringList> rows;
        ok = connection.query(QStringLiteral("UPDATE items SET stock = stock + $2::int, updated_at = now() WHERE sku = $1"),
                 { sku, quantity }, &rows, error)
            && connection.query(QStringLiteral("INSERT INTO stock_movements (sku, quantity, kind) VALUES ($1, $2::int, 'restock')"),
                { sku, quantity }, &rows, error);
        skus.append(sku);
    }
    if (ok)
        ok = connection.exec(QStringLiteral("COMMIT"), error);
    if (!ok) {
        connection.exec(QStringLiteral("ROLLBACK"), &ignored);
        return std::nullopt;
    }
    return skus;
}

} // namespace Gatehouse::Runtime
