#include "node.h"

namespace Gatehouse {

namespace {
QString key(const char *name) { return QString::fromLatin1(name); }
} // namespace

double Node::ratePerSecond() const { return properties.value(key(NodeProperty::RatePerSecond)).toDouble(0.0); }

QString Node::scenario() const
{
    const QString value = properties.value(key(NodeProperty::Scenario)).toString();
    if (!value.isEmpty())
        return value;
    switch (kind) {
    case NodeKind::ClientPartner: return QStringLiteral("partner");
    case NodeKind::ClientMobile: return QStringLiteral("mobile");
    default: return QStringLiteral("web");
    }
}

QString Node::readinessPath() const
{
    const QString value = properties.value(key(NodeProperty::ReadinessPath)).toString();
    return value.isEmpty() ? QStringLiteral("/readyz") : value;
}

int Node::internalPort() const { return properties.value(key(NodeProperty::InternalPort)).toInt(0); }
bool Node::requestLogging() const { return properties.value(key(NodeProperty::RequestLogging)).toBool(true); }

bool Node::rateLimitFailOpen() const
{
    return properties.value(key(NodeProperty::RateLimitFailMode)).toString(QStringLiteral("open")) != QLatin1String("closed");
}

int Node::latencyMs() const { return properties.value(key(NodeProperty::LatencyMs)).toInt(0); }
double Node::failureRate() const { return properties.value(key(NodeProperty::FailureRate)).toDouble(0.0); }

QString Node::databaseName() const
{
    const QString value = properties.value(key(NodeProperty::Database)).toString();
    return value.isEmpty() ? id : value;
}

} // namespace Gatehouse
