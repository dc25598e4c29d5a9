#pragma once

#include "services/delayqueue.h"

#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace Gatehouse::Runtime {

class ServiceContext;
class SqlSession;

// Inventory's simulated supplier (docs/services.md "inventory"): every Interval, each item whose
// stock fell below its `restock_below` is refilled to its `restock_level`, in one transaction
// that also records the delivery as a `stock_movements` row (kind `restock`), so that
// initial stock − stock + Σ movements = units still reserved, always. Items without a restock
// level (NULL, or a threshold of 0) are never refilled. Runs on the service's SQL pool, one
// delivery round at a time; `delivered` is called with the refilled skus (cache invalidation).
class StockSupplier
{
public:
    static constexpr std::chrono::milliseconds Interval { 2000 };

    using Delivered = std::function<void(const QStringList &skus)>;

    StockSupplier(ServiceContext &context, Delivered delivered);
    ~StockSupplier(); // stop()
    StockSupplier(const StockSupplier &) = delete;
    StockSupplier &operator=(const StockSupplier &) = delete;

    void start();
    void stop();

    // One delivery round in the caller's session (own transaction); the refilled skus, or
    // nullopt + `error` on a database error (nothing changed then).
    static std::optional<QStringList> deliver(SqlSession &connection, QString *error);

private:
    void schedule(std::chrono::milliseconds delay);

    ServiceContext &m_context;
    Delivered m_delivered;
    DelayQueue m_timer;
    std::atomic<bool> m_stopping { false };
    std::atomic<bool> m_queued { false };
};

} // namespace Gatehouse::Runtime
