#include "drawioshapeguesser.h"

#include "drawiostyles.h"

#include <QRegularExpression>

namespace Gatehouse {

namespace {

bool mentions(const QString &label, const char *pattern)
{
    const QRegularExpression re(QString::fromLatin1(pattern), QRegularExpression::CaseInsensitiveOption);
    return re.match(label).hasMatch();
}

ServiceRole guessRole(const QString &label)
{
    if (mentions(label, "\\bauth"))
        return ServiceRole::Auth;
    if (mentions(label, "\\border"))
        return ServiceRole::Order;
    if (mentions(label, "\\b(inventory|stock)"))
        return ServiceRole::Inventory;
    if (mentions(label, "\\b(payment|billing)"))
        return ServiceRole::Payment;
    if (mentions(label, "\\bnotification"))
        return ServiceRole::Notification;
    return ServiceRole::Generic;
}

ShapeGuess make(NodeKind kind, const QString &reason)
{
    ShapeGuess guess;
    guess.kind = kind;
    guess.reason = reason;
    guess.certain = true;
    return guess;
}

} // namespace

ShapeGuess DrawioShapeGuesser::guessNode(const QString &style, const QString &label)
{
    const DrawioStyles::Style parsed = DrawioStyles::parseStyle(style);
    QString shape = parsed.value(QStringLiteral("shape"));
    if (shape.isEmpty() && !parsed.names.isEmpty())
        shape = parsed.names.first(); // a named style such as "ellipse", "rhombus", "hexagon"
    shape = shape.toLower();

    const bool cacheWords = mentions(label, "redis|\\bcache");
    const bool busWords
        = mentions(label, "kafka|event.?bus|\\bbroker|\\bqueue|\\btopics?\\b|rabbit|\\bnats\\b|pub.?sub");
    const bool dbWords = mentions(label, "postgres|\\bdb\\b|database|\\bsql|mysql|mongo|\\bstore\\b");

    if (shape.contains(QLatin1String("cylinder")) || shape == QLatin1String("datastore")
        || shape.endsWith(QLatin1String(".database")) || shape.endsWith(QLatin1String(".data_storage"))) {
        if (cacheWords)
            return make(NodeKind::CacheRedis, QStringLiteral("cylinder labelled as a cache → cache.redis"));
        if (busWords)
            return make(NodeKind::BusKafka, QStringLiteral("cylinder labelled as a broker → bus.kafka"));
        return make(NodeKind::DbPostgres, QStringLiteral("cylinder → db.postgres"));
    }
    if (shape == QLatin1String("hexagon"))
        return make(NodeKind::Gateway, QStringLiteral("hexagon → gateway"));
    if (shape == QLatin1String("mxgraph.flowchart.direct_data") || shape.contains(QLatin1String("queue")))
        return make(NodeKind::BusKafka, QStringLiteral("horizontal cylinder / queue → bus.kafka"));
    if (shape.contains(QLatin1String("mobile")) || shape.contains(QLatin1String("android"))
        || shape.contains(QLatin1String("mxgraph.ios")) || shape.contains(QLatin1String("phone")))
        return make(NodeKind::ClientMobile, QStringLiteral("phone shape → client.mobile"));
    if (shape == QLatin1String("umlactor") || shape.contains(QLatin1String("networks.pc"))
        || shape.contains(QLatin1String("laptop")) || shape.contains(QLatin1String("monitor"))
        || shape.contains(QLatin1String("browser")))
        return make(NodeKind::ClientWeb, QStringLiteral("user / computer / browser shape → client.web"));

    // No telling shape: the label decides when it names the thing.
    if (mentions(label, "gateway|\\bingress\\b|\\bbff\\b"))
        return make(NodeKind::Gateway, QStringLiteral("label names a gateway → gateway"));
    if (cacheWords)
        return make(NodeKind::CacheRedis, QStringLiteral("label names a cache → cache.redis"));
    if (busWords)
        return make(NodeKind::BusKafka, QStringLiteral("label names a broker → bus.kafka"));
    if (mentions(label, "postgres|database"))
        return make(NodeKind::DbPostgres, QStringLiteral("label names a database → db.postgres"));
    if (mentions(label, "\\bmobile|\\bios\\b|android"))
        return make(NodeKind::ClientMobile, QStringLiteral("label names a mobile app → client.mobile"));
    if (mentions(label, "\\bpartner|\\bb2b\\b|third.?party"))
        return make(NodeKind::ClientPartner, QStringLiteral("label names a partner → client.partner"));
    if (mentions(label, "\\bweb ?(app|client|shop|site|ui|front)|browser|\\bspa\\b|frontend|storefront"))
        return make(NodeKind::ClientWeb, QStringLiteral("label names a web front end → client.web"));
    (void)dbWords;

    ShapeGuess guess;
    guess.kind = NodeKind::Service;
    guess.role = guessRole(label);
    if (guess.role != ServiceRole::Generic) {
        guess.certain = true;
        guess.reason = QStringLiteral("label names the %1 domain → service, role %1").arg(nameOf(guess.role));
    } else {
        guess.reason = QStringLiteral("no recognisable shape or name → generic service");
    }
    return guess;
}

EdgeKind DrawioShapeGuesser::guessEdge(NodeKind from, NodeKind to, bool dashed, QString *reason)
{
    EdgeKind kind = EdgeKind::Sync;
    if (to == NodeKind::BusKafka) {
        kind = EdgeKind::Publish;
        *reason = QStringLiteral("into the event bus → publish");
    } else if (from == NodeKind::BusKafka) {
        kind = EdgeKind::Subscribe;
        *reason = QStringLiteral("out of the event bus → subscribe");
    } else if (to == NodeKind::DbPostgres) {
        kind = EdgeKind::Owns;
        *reason = QStringLiteral("into a database → owns");
    } else if (to == NodeKind::CacheRedis) {
        kind = EdgeKind::UsesCache;
        *reason = QStringLiteral("into a cache → uses-cache");
    } else {
        *reason = dashed ? QStringLiteral("dashed, but not to or from an event bus → sync")
                         : QStringLiteral("between services/clients/gateway → sync");
    }
    if (!isEdgeAllowed(kind, from, to)) {
        const QList<EdgeKind> fitting = edgeKindsBetween(from, to);
        if (!fitting.isEmpty()) {
            kind = fitting.first();
            *reason
                = QStringLiteral("the only kind that fits %1 → %2 is %3").arg(nameOf(from), nameOf(to), nameOf(kind));
        }
    }
    return kind;
}

} // namespace Gatehouse
