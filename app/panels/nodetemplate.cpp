#include "nodetemplate.h"

#include "canvas/diagramscene.h"

#include <QCoreApplication>

namespace Gatehouse {

namespace {
const char *const context = "Gatehouse::NodeTemplate";

QString tr(const char *text)
{
    return QCoreApplication::translate(context, text);
}
} // namespace

QList<NodeTemplate> NodeTemplate::all()
{
    QList<NodeTemplate> templates;
    const NodeKind kinds[] = { NodeKind::ClientWeb, NodeKind::ClientMobile, NodeKind::ClientPartner, NodeKind::Gateway,
        NodeKind::Service, NodeKind::CacheRedis, NodeKind::BusKafka, NodeKind::DbPostgres };
    for (NodeKind kind : kinds) {
        if (kind != NodeKind::Service) {
            templates.append({ kind, ServiceRole::Generic });
            continue;
        }
        const ServiceRole roles[] = { ServiceRole::Generic, ServiceRole::Auth, ServiceRole::Order,
            ServiceRole::Inventory, ServiceRole::Payment, ServiceRole::Notification };
        for (ServiceRole role : roles)
            templates.append({ kind, role });
    }
    return templates;
}

QString NodeTemplate::displayName() const
{
    switch (kind) {
    case NodeKind::ClientWeb:
        return tr("Web app");
    case NodeKind::ClientMobile:
        return tr("Mobile app");
    case NodeKind::ClientPartner:
        return tr("Partner system");
    case NodeKind::Gateway:
        return tr("API gateway");
    case NodeKind::CacheRedis:
        return tr("Redis cache");
    case NodeKind::BusKafka:
        return tr("Kafka");
    case NodeKind::DbPostgres:
        return tr("PostgreSQL database");
    case NodeKind::Service:
        break;
    }
    switch (role) {
    case ServiceRole::Generic:
        return tr("Service");
    case ServiceRole::Auth:
        return tr("Auth service");
    case ServiceRole::Order:
        return tr("Order service");
    case ServiceRole::Inventory:
        return tr("Inventory service");
    case ServiceRole::Payment:
        return tr("Payment service");
    case ServiceRole::Notification:
        return tr("Notification service");
    }
    return tr("Service");
}

QString NodeTemplate::toolTip() const
{
    switch (kind) {
    case NodeKind::ClientWeb:
        return tr("A browser front end that calls the API gateway.");
    case NodeKind::ClientMobile:
        return tr("A mobile app that calls the API gateway.");
    case NodeKind::ClientPartner:
        return tr("A partner's system that calls the API gateway with an API key.");
    case NodeKind::Gateway:
        return tr("The single entry point: routing, authentication, rate limiting and logging.");
    case NodeKind::CacheRedis:
        return tr("A Redis instance for caching and rate-limit counters.");
    case NodeKind::BusKafka:
        return tr("A Kafka cluster carrying events between services.");
    case NodeKind::DbPostgres:
        return tr("A PostgreSQL database, owned by one service.");
    case NodeKind::Service:
        break;
    }
    switch (role) {
    case ServiceRole::Generic:
        return tr("A service that does what its edges say.");
    case ServiceRole::Auth:
        return tr("Issues and checks tokens; owns the user database.");
    case ServiceRole::Order:
        return tr("Takes orders; calls payment and publishes order events.");
    case ServiceRole::Inventory:
        return tr("Keeps stock levels; reacts to order events.");
    case ServiceRole::Payment:
        return tr("Charges payments; may be slow or fail.");
    case ServiceRole::Notification:
        return tr("Sends notifications when events arrive.");
    }
    return {};
}

QIcon NodeTemplate::icon() const
{
    return nodeKindIcon(kind);
}

QString NodeTemplate::mimeType()
{
    return DiagramScene::nodeKindMimeType();
}

QByteArray NodeTemplate::toMimeData() const
{
    const QString payload = kind == NodeKind::Service ? nameOf(kind) + QLatin1Char(':') + nameOf(role) : nameOf(kind);
    return payload.toUtf8();
}

std::optional<NodeTemplate> NodeTemplate::fromMimeData(const QByteArray &data)
{
    const QStringList parts = QString::fromUtf8(data).split(QLatin1Char(':'));
    const auto kind = nodeKindFromString(parts.value(0));
    if (!kind || parts.size() > 2)
        return std::nullopt;
    NodeTemplate result { *kind, ServiceRole::Generic };
    if (parts.size() == 2) {
        const auto role = serviceRoleFromString(parts.at(1));
        if (!role || *kind != NodeKind::Service)
            return std::nullopt;
        result.role = *role;
    }
    return result;
}

QIcon nodeKindIcon(NodeKind kind)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(nameOf(kind)));
}

} // namespace Gatehouse
