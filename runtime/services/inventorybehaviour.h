#pragma once

#include "services/servicebehaviour.h"

#include <memory>

namespace Gatehouse::Runtime {

class RedisCache;
class StockSupplier;

// The `inventory` role (docs/services.md "inventory"): items with price and stock, read
// through a Redis cache (key prefix from the inventory → redis uses-cache edge; entries are
// deleted after every committed change and expire after CacheTtlSeconds as a bound), stock
// reservations per order (all-or-nothing, idempotent per order id) and their release, also on
// order.cancelled; a simulated supplier (StockSupplier) refills items that run low.
class InventoryBehaviour : public ServiceBehaviour
{
public:
    explicit InventoryBehaviour(ServiceContext &context);
    ~InventoryBehaviour() override;

    QList<Migration> migrations() const override;
    void addRoutes(ServiceRouter &router) override;
    EventConsumer::Handler handlerFor(const Edge &subscribeEdge) override;
    QStringList warnings() const override;
    void start() override;
    void stop() override;

    RedisCache *cache() const { return m_cache.get(); }

    static constexpr int CacheTtlSeconds = 30;

private:
    void listItems(const ServiceCall &call);
    void getItem(const ServiceCall &call);
    void putItem(const ServiceCall &call);
    void reserve(const ServiceCall &call);
    void release(const ServiceCall &call);

    ServiceContext &m_context;
    void invalidate(const QStringList &skus);

    std::unique_ptr<RedisCache> m_cache;
    std::unique_ptr<StockSupplier> m_supplier;
    QStringList m_warnings;
};

} // namespace Gatehouse::Runtime
