#include "inventorybehaviour.h"

#include "infra/pgconnection.h"
#include "services/rediscache.h"
#include "services/servicecontext.h"
#include "services/sqlpool.h"
#include "services/stocksupplier.h"
#include "telemetry/tracecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Gatehouse::Runtime {

namespace {

constexpr char ListKey[] = "items";

QByteArray itemKey(const QString &sku)
{
    return QByteArrayLiteral("item:") + sku.toUtf8();
}

QJsonObject itemJson(const QStringList &row)
{
    return QJsonObject { { QStringLiteral("sku"), row.value(0) }, { QStringLiteral("name"), row.value(1) },
        { QStringLiteral("priceCents"), row.value(2).toInt() }, { QStringLiteral("stock"), row.value(3).toInt() } };
}

bool validSku(const QString &sku)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(sku).hasMatch();
}

Http::Response cachedJson(const QByteArray &body, bool hit)
{
    Http::Response response;
    response.status = 200;
    response.headers.add("Content-Type", "application/json");
    response.headers.add("X-Cache", hit ? "hit" : "miss");
    response.body = body.toStdString();
    return response;
}

void submitOr503(ServiceContext &context, const ServiceCall &call, SqlPool::Job job)
{
    if (!context.sql().submit(call.traceparent, std::move(job)))
        call.respond(problemResponse(503, QStringLiteral("service overloaded")));
}

// Serialises the reservation and the release of one order id (transaction-scoped), so a
// release can never miss a reservation committing at the same moment.
bool lockOrder(SqlSession &connection, const QString &orderId, QString *error)
{
    QList<QStringList> rows;
    return connection.query(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('reservation:' || $1))"), { orderId }, &rows,
        error);
}

// Releases every still-reserved line of `orderId` inside the caller's transaction; returns the
// skus touched (for cache invalidation) or nullopt on a database error. An order id with no
// reservation at all is remembered as released, so that a reservation arriving late under it
// (the order service gave up on it, docs/services.md "Recovery") is refused instead of leaked.
std::optional<QStringList> releaseOrder(SqlSession &connection, const QString &orderId, QString *error)
{
    QList<QStringList> rows;
    if (!lockOrder(connection, orderId, error)
        || !connection.query(QStringLiteral("INSERT INTO released_orders (order_id)"
                                            " SELECT $1::text WHERE NOT EXISTS (SELECT 1 FROM reservations WHERE order_id = $1::text)"
                                            " ON CONFLICT (order_id) DO NOTHING"),
            { orderId }, &rows, error))
        return std::nullopt;
    if (!connection.query(QStringLiteral("WITH released AS ("
                                         " UPDATE reservations SET state = 'released', released_at = now()"
                                         " WHERE order_id = $1 AND state = 'reserved' RETURNING sku, quantity)"
                                         " UPDATE items i SET stock = i.stock + r.quantity, updated_at = now()"
                                         " FROM released r WHERE i.sku = r.sku RETURNING i.sku"),
            { orderId }, &rows, error))
        return std::nullopt;
    QStringList skus;
    for (const QStringList &row : rows)
        skus.append(row.value(0));
    return skus;
}

} // namespace

InventoryBehaviour::InventoryBehaviour(ServiceContext &context)
    : m_context(context)
{
    const NodeLaunchConfig &c = context.config();
    QByteArray prefix = QByteArrayLiteral("inventory:");
    for (const Edge *edge : c.topology.outgoing(c.nodeId, EdgeKind::UsesCache)) {
        if (!edge->keyPrefix.isEmpty())
            prefix = edge->keyPrefix.toUtf8();
    }
    if (c.redis)
        m_cache = std::make_unique<RedisCache>(*c.redis, prefix);
    else
        m_warnings.append(QStringLiteral("no Redis access: items are read from the database only"));
    m_supplier = std::make_unique<StockSupplier>(context, [this](const QStringList &skus) { invalidate(skus); });
}

InventoryBehaviour::~InventoryBehaviour() = default;

void InventoryBehaviour::start()
{
    m_supplier->start();
}

void InventoryBehaviour::stop()
{
    m_supplier->stop();
}

void InventoryBehaviour::invalidate(const QStringList &skus)
{
    if (!m_cache || skus.isEmpty())
        return;
    QList<QByteArray> keys { ListKey };
    for (const QString &sku : skus)
        keys.append(itemKey(sku));
    m_cache->del(keys);
}

QStringList InventoryBehaviour::warnings() const
{
    return m_warnings;
}

QList<Migration> InventoryBehaviour::migrations() const
{
    // 20 demo items with stock; a fresh database starts with something to browse and order.
    return { Migration { 2, QStringLiteral("inventory"),
        QStringLiteral("CREATE TABLE items (\n"
                       "  sku text PRIMARY KEY,\n"
                       "  name text NOT NULL,\n"
                       "  price_cents integer NOT NULL CHECK (price_cents >= 0),\n"
                       "  stock integer NOT NULL CHECK (stock >= 0),\n"
                       "  updated_at timestamptz NOT NULL DEFAULT now()\n"
                       ");\n"
                       "CREATE TABLE reservations (\n"
                       "  order_id text NOT NULL,\n"
                       "  sku text NOT NULL REFERENCES items (sku),\n"
                       "  quantity integer NOT NULL CHECK (quantity > 0),\n"
                       "  unit_price_cents integer NOT NULL,\n"
                       "  state text NOT NULL CHECK (state IN ('reserved', 'released')),\n"
                       "  reserved_at timestamptz NOT NULL DEFAULT now(),\n"
                       "  released_at timestamptz,\n"
                       "  PRIMARY KEY (order_id, sku)\n"
                       ");\n"
                       "INSERT INTO items (sku, name, price_cents, stock)\n"
                       "  SELECT 'SKU-' || lpad(n::text, 3, '0'), 'Demo item ' || n, 500 + n * 125, 1000\n"
                       "  FROM generate_series(1, 20) AS n;\n") },
        // Order ids released before anything was reserved under them (releaseOrder()).
        Migration { 3, QStringLiteral("released orders"),
            QStringLiteral("CREATE TABLE released_orders (\n"
                           "  order_id text PRIMARY KEY,\n"
                           "  released_at timestamptz NOT NULL DEFAULT now()\n"
                           ");\n") },
        // The simulated supplier (StockSupplier): the demo items are refilled to their initial
        // 1000 when they fall below 100; every delivery is a stock movement.
        Migration { 4, QStringLiteral("restocking"),
            QStringLiteral("ALTER TABLE items ADD COLUMN restock_level integer CHECK (restock_level >= 0),\n"
                           "  ADD COLUMN restock_below integer CHECK (restock_below >= 0);\n"
                           "UPDATE items SET restock_level = 1000, restock_below = 100\n"
                           "  WHERE sku IN (SELECT 'SKU-' || lpad(n::text, 3, '0') FROM generate_series(1, 20) AS n);\n"
                           "CREATE TABLE stock_movements (\n"
                           "  id bigserial PRIMARY KEY,\n"
                           "  sku text NOT NULL REFERENCES items (sku),\n"
                           "  quantity integer NOT NULL CHECK (quantity > 0),\n"
                           "  kind text NOT NULL CHECK (kind IN ('restock')),\n"
                           "  created_at timestamptz NOT NULL DEFAULT now()\n"
                           ");\n") } };
}

void InventoryBehaviour::addRoutes(ServiceRouter &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/inventory/items"), [this](ServiceCall call) { listItems(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/partner/inventory"), [this](ServiceCall call) { listItems(call); });
    router.add(QStringLiteral("GET"), QStringLiteral("/inventory/items/{sku}"), [this](ServiceCall call) { getItem(call); });
    router.add(QStringLiteral("PUT"), QStringLiteral("/admin/inventory/{sku}"), [this](ServiceCall call) { putItem(call); });
    router.add(QStringLiteral("POST"), QStringLiteral("/inventory/reservations"), [this](ServiceCall call) { reserve(call); });
    router.add(QStringLiteral("POST"), QStringLiteral("/inventory/reservations/{orderId}/release"),
        [this](ServiceCall call) { release(call); });
}

void InventoryBehaviour::listItems(const ServiceCall &call)
{
    submitOr503(m_context, call, [this, call](SqlSession &connection) {
        if (m_cache) {
            if (auto cached = m_cache->get(ListKey)) {
                call.respond(cachedJson(*cached, true));
                return;
            }
        }
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT sku, name, price_cents, stock FROM items ORDER BY sku"), {}, &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        QJsonArray items;
        for (const QStringList &row : rows)
            items.append(itemJson(row));
        const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("items"), items } }).toJson(QJsonDocument::Compact);
        if (m_cache)
            m_cache->set(ListKey, body, CacheTtlSeconds);
        call.respond(cachedJson(body, false));
    });
}

void InventoryBehaviour::getItem(const ServiceCall &call)
{
    const QString sku = call.params.value(QStringLiteral("sku"));
    if (!validSku(sku)) {
        call.respond(problemResponse(400, QStringLiteral("malformed sku")));
        return;
    }
    submitOr503(m_context, call, [this, call, sku](SqlSession &connection) {
        if (m_cache) {
            const qint64 start = ServiceContext::nowUs();
            const std::optional<QByteArray> cached = m_cache->get(itemKey(sku));
            const auto parent = TraceContext::parseTraceParent(call.traceparent);
            if (parent) {
                Span span;
                span.traceId = parent->traceId.toString();
                span.spanId = parent->spanId.toString();
                span.parentSpanId = parent->parentSpanId.toString();
                span.nodeId = m_context.nodeId();
                span.name = QStringLiteral("cache GET item");
                span.kind = SpanKind::Cache;
                span.startUs = start;
                span.durationUs = ServiceContext::nowUs() - start;
                span.attributes.insert(QStringLiteral("hit"), cached.has_value());
                m_context.recordSpan(std::move(span));
            }
            if (cached) {
                call.respond(cachedJson(*cached, true));
                return;
            }
        }
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT sku, name, price_cents, stock FROM items WHERE sku = $1"), { sku },
                &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        if (rows.isEmpty()) {
            call.respond(problemResponse(404, QStringLiteral("no such item")));
            return;
        }
        const QByteArray body = QJsonDocument(itemJson(rows.first())).toJson(QJsonDocument::Compact);
        if (m_cache)
            m_cache->set(itemKey(sku), body, CacheTtlSeconds);
        call.respond(cachedJson(body, false));
    });
}

void InventoryBehaviour::putItem(const ServiceCall &call)
{
    const QString sku = call.params.value(QStringLiteral("sku"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body), &parseError);
    const QJsonObject body = document.object();
    if (!validSku(sku) || parseError.error != QJsonParseError::NoError || !document.isObject()) {
        call.respond(problemResponse(400, QStringLiteral("expected a JSON object and a valid sku")));
        return;
    }
    const QJsonValue stock = body.value(QStringLiteral("stock"));
    const QJsonValue price = body.value(QStringLiteral("priceCents"));
    const QJsonValue name = body.value(QStringLiteral("name"));
    const QJsonValue restockLevel = body.value(QStringLiteral("restockLevel"));
    const QJsonValue restockBelow = body.value(QStringLiteral("restockBelow"));
    if ((!stock.isUndefined() && (!stock.isDouble() || stock.toInt(-1) < 0))
        || (!price.isUndefined() && (!price.isDouble() || price.toInt(-1) < 0))
        || (!restockLevel.isUndefined() && (!restockLevel.isDouble() || restockLevel.toInt(-1) < 0))
        || (!restockBelow.isUndefined() && (!restockBelow.isDouble() || restockBelow.toInt(-1) < 0))
        || (!name.isUndefined() && (!name.isString() || name.toString().isEmpty() || name.toString().size() > 200))) {
        call.respond(problemResponse(400, QStringLiteral("stock, priceCents, restockLevel and restockBelow must be non-negative"
                                                         " integers, name a non-empty string")));
        return;
    }
    const QStringList params { sku, name.isUndefined() ? QString() : name.toString(),
        price.isUndefined() ? QString() : QString::number(price.toInt()),
        stock.isUndefined() ? QString() : QString::number(stock.toInt()),
        restockLevel.isUndefined() ? QString() : QString::number(restockLevel.toInt()),
        restockBelow.isUndefined() ? QString() : QString::number(restockBelow.toInt()) };
    submitOr503(m_context, call, [this, call, params](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("INSERT INTO items (sku, name, price_cents, stock, restock_level, restock_below)"
                                             " VALUES ($1, COALESCE(NULLIF($2, ''), $1), COALESCE(NULLIF($3, '')::int, 0),"
                                             "         COALESCE(NULLIF($4, '')::int, 0), NULLIF($5, '')::int, NULLIF($6, '')::int)"
                                             " ON CONFLICT (sku) DO UPDATE SET"
                                             "  name = COALESCE(NULLIF($2, ''), items.name),"
                                             "  price_cents = COALESCE(NULLIF($3, '')::int, items.price_cents),"
                                             "  stock = COALESCE(NULLIF($4, '')::int, items.stock),"
                                             "  restock_level = COALESCE(NULLIF($5, '')::int, items.restock_level),"
                                             "  restock_below = COALESCE(NULLIF($6, '')::int, items.restock_below), updated_at = now()"
                                             " RETURNING sku, name, price_cents, stock"),
                params, &rows, &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        if (m_cache)
            m_cache->del({ itemKey(params.first()), ListKey });
        call.respond(jsonResponse(200, itemJson(rows.value(0))));
    });
}

void InventoryBehaviour::reserve(const ServiceCall &call)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(call.request.body), &parseError);
    const QJsonObject body = document.object();
    const QString orderId = body.value(QStringLiteral("orderId")).toString();
    const QJsonArray lines = body.value(QStringLiteral("items")).toArray();
    bool valid = parseError.error == QJsonParseError::NoError && document.isObject() && !orderId.isEmpty()
        && orderId.size() <= 64 && !lines.isEmpty() && lines.size() <= 50;
    QList<QPair<QString, int>> wanted;
    for (const QJsonValue &value : lines) {
        const QString sku = value.toObject().value(QStringLiteral("sku")).toString();
        const int quantity = value.toObject().value(QStringLiteral("quantity")).toInt(0);
        if (!validSku(sku) || quantity <= 0 || quantity > 10000)
            valid = false;
        bool merged = false;
        for (auto &line : wanted) {
            if (line.first == sku) {
                line.second += quantity;
                merged = true;
            }
        }
        if (!merged)
            wanted.append({ sku, quantity });
    }
    if (!valid) {
        call.respond(problemResponse(400,
            QStringLiteral("expected {\"orderId\": string, \"items\": [{\"sku\": string, \"quantity\": 1..10000}, …]}")));
        return;
    }
    submitOr503(m_context, call, [this, call, orderId, wanted](SqlSession &connection) {
        QString error;
        QList<QStringList> rows;
        auto fail = [&](int status, const QString &detail) {
            QString ignored;
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            call.respond(problemResponse(status, detail));
        };
        if (!connection.exec(QStringLiteral("BEGIN"), &error))
            return fail(500, QStringLiteral("database: ") + error);
        // Idempotent per order: a retried reservation answers what was reserved before.
        if (!lockOrder(connection, orderId, &error))
            return fail(500, QStringLiteral("database: ") + error);
        if (!connection.query(QStringLiteral("SELECT sku, quantity, unit_price_cents, state FROM reservations"
                                             " WHERE order_id = $1 ORDER BY sku FOR UPDATE"),
                { orderId }, &rows, &error))
            return fail(500, QStringLiteral("database: ") + error);
        QJsonArray reserved;
        qint64 total = 0;
        bool already = !rows.isEmpty();
        if (already) {
            if (rows.first().value(3) == QLatin1String("released"))
                return fail(409, QStringLiteral("the reservation of this order was released"));
            for (const QStringList &row : rows) {
                reserved.append(QJsonObject { { QStringLiteral("sku"), row.value(0) },
                    { QStringLiteral("quantity"), row.value(1).toInt() },
                    { QStringLiteral("unitPriceCents"), row.value(2).toInt() } });
                total += qint64(row.value(1).toInt()) * row.value(2).toInt();
            }
        } else {
            QList<QStringList> released;
            if (!connection.query(QStringLiteral("SELECT 1 FROM released_orders WHERE order_id = $1"), { orderId }, &released, &error))
                return fail(500, QStringLiteral("database: ") + error);
            if (!released.isEmpty())
                return fail(409, QStringLiteral("the reservation of this order was released"));
            // Lock the item rows in sku order so concurrent orders never deadlock.
            QList<QPair<QString, int>> sorted = wanted;
            std::sort(sorted.begin(), sorted.end());
            for (const auto &line : sorted) {
                if (!connection.query(QStringLiteral("UPDATE items SET stock = stock - $2::int, updated_at = now()"
                                                     " WHERE sku = $1 AND stock >= $2::int RETURNING price_cents"),
                        { line.first, QString::number(line.second) }, &rows, &error))
                    return fail(500, QStringLiteral("database: ") + error);
                if (rows.isEmpty()) {
                    QList<QStringList> exists;
                    connection.query(QStringLiteral("SELECT stock FROM items WHERE sku = $1"), { line.first }, &exists, &error);
                    return fail(exists.isEmpty() ? 404 : 409,
                        exists.isEmpty() ? QStringLiteral("no such item: ") + line.first
                                         : QStringLiteral("insufficient stock for ") + line.first);
                }
                const int price = rows.first().value(0).toInt();
                QList<QStringList> ignored;
                if (!connection.query(QStringLiteral("INSERT INTO reservations (order_id, sku, quantity, unit_price_cents, state)"
                                                     " VALUES ($1, $2, $3::int, $4::int, 'reserved')"),
                        { orderId, line.first, QString::number(line.second), QString::number(price) }, &ignored, &error))
                    return fail(500, QStringLiteral("database: ") + error);
                reserved.append(QJsonObject { { QStringLiteral("sku"), line.first },
                    { QStringLiteral("quantity"), line.second }, { QStringLiteral("unitPriceCents"), price } });
                total += qint64(line.second) * price;
            }
        }
        if (!connection.exec(QStringLiteral("COMMIT"), &error))
            return fail(500, QStringLiteral("database: ") + error);
        if (m_cache && !already) {
            QList<QByteArray> keys { ListKey };
            for (const auto &line : wanted)
                keys.append(itemKey(line.first));
            m_cache->del(keys);
        }
        call.respond(jsonResponse(already ? 200 : 201,
            QJsonObject { { QStringLiteral("orderId"), orderId }, { QStringLiteral("items"), reserved },
                { QStringLiteral("totalCents"), total } }));
    });
}

void InventoryBehaviour::release(const ServiceCall &call)
{
    const QString orderId = call.params.value(QStringLiteral("orderId"));
    submitOr503(m_context, call, [this, call, orderId](SqlSession &connection) {
        QString error;
        QString ignored;
        if (!connection.exec(QStringLiteral("BEGIN"), &error)) {
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        const std::optional<QStringList> skus = releaseOrder(connection, orderId, &error);
        if (!skus || !connection.exec(QStringLiteral("COMMIT"), &error)) {
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
            call.respond(problemResponse(500, QStringLiteral("database: ") + error));
            return;
        }
        if (m_cache && !skus->isEmpty()) {
            QList<QByteArray> keys { ListKey };
            for (const QString &sku : *skus)
                keys.append(itemKey(sku));
            m_cache->del(keys);
        }
        call.respond(jsonResponse(200, QJsonObject { { QStringLiteral("orderId"), orderId },
                                           { QStringLiteral("releasedLines"), static_cast<int>(skus->size()) } }));
    });
}

EventConsumer::Handler InventoryBehaviour::handlerFor(const Edge &)
{
    // order.cancelled releases the order's stock; other topics are acknowledged and ignored.
    return [this](SqlSession &connection, const ConsumedEvent &event, QString *error) {
        if (event.topic != QLatin1String("order.cancelled"))
            return true;
        const QString orderId = event.payload.value(QStringLiteral("orderId")).toString();
        if (orderId.isEmpty())
            return true; // nothing to release; not retried forever
        const std::optional<QStringList> skus = releaseOrder(connection, orderId, error);
        if (!skus)
            return false;
        // Deleted before the commit: a read in between may re-cache the old stock, which the
        // TTL bounds.
        if (m_cache && !skus->isEmpty()) {
            QList<QByteArray> keys { ListKey };
            for (const QString &sku : *skus)
                keys.append(itemKey(sku));
            m_cache->del(keys);
        }
        return true;
    };
}

} // namespace Gatehouse::Runtime
