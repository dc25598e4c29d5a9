#include "curlcommand.h"

#include "trafficmodel.h"

#include <QStringList>

namespace Gatehouse {

namespace {

// Single quotes keep a shell from expanding anything in the URL.
QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool hasBody(const QString &method)
{
    return method == QLatin1String("POST") || method == QLatin1String("PUT") || method == QLatin1String("PATCH");
}

} // namespace

QString curlCommand(const TrafficRow &row, const QString &host, int port)
{
    QString method = row.method;
    QString path = row.path;
    if (path.isEmpty()) {
        // "POST /orders" or "GET /orders/{id}": the route key the gateway reported.
        const QString route = row.route.trimmed();
        const qsizetype space = route.indexOf(QLatin1Char(' '));
        if (space > 0) {
            if (method.isEmpty())
                method = route.left(space);
            path = route.mid(space + 1).trimmed();
        } else {
            path = route;
        }
    }
    if (method.isEmpty())
        method = QStringLiteral("GET");
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));

    QStringList parts { QStringLiteral("curl -i") };
    if (method != QLatin1String("GET"))
        parts << QStringLiteral("-X %1").arg(method);
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    parts << shellQuoted(QStringLiteral("http://%1:%2%3").arg(hostPart).arg(port).arg(path));

    // "none" = the route needs no credentials; unknown (no gateway span) = assume it does not.
    const bool needsCredentials = !row.auth.isEmpty() && row.auth != QLatin1String("none");
    if (needsCredentials) {
        const bool partner
            = row.identity.startsWith(QLatin1String("partner:")) || path.startsWith(QLatin1String("/partner/"));
        // Double quotes: the shell fills in the user's own $TOKEN / $API_KEY.
        parts << (partner ? QStringLiteral("-H \"X-API-Key: $API_KEY\"")
                          : QStringLiteral("-H \"Authorization: Bearer $TOKEN\""));
    }
    if (hasBody(method))
        parts << QStringLiteral("-H 'Content-Type: application/json'") << QStringLiteral("--data \"$BODY\"");
    return parts.join(QLatin1Char(' '));
}

} // namespace Gatehouse
