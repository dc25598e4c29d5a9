#pragma once

// Synthetic spans shaped like the ones the runtime's nodes record (runtime/gateway/gateway.cpp,
// runtime/services/servicenode.cpp, servicecontext.cpp).
#include "model/telemetry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace InspectorTest {

inline QString traceId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

inline QString spanId(int n)
{
    return QStringLiteral("%1").arg(n, 16, 16, QLatin1Char('0'));
}

inline Gatehouse::Span span(const QString &trace, const QString &id, const QString &parent, const QString &node,
    Gatehouse::SpanKind kind, const QString &name, qint64 startUs, qint64 durationUs, int status = 0,
    const QJsonObject &attributes = {})
{
    Gatehouse::Span s;
    s.traceId = trace;
    s.spanId = id;
    s.parentSpanId = parent;
    s.nodeId = node;
    s.kind = kind;
    s.name = name;
    s.startUs = startUs;
    s.durationUs = durationUs;
    s.httpStatus = status;
    s.attributes = attributes;
    if (status >= 500)
        s.outcome = Gatehouse::SpanOutcome::ServerError;
    else if (status >= 400)
        s.outcome = Gatehouse::SpanOutcome::ClientError;
    return s;
}

// The gateway's public http.server span of a request.
inline Gatehouse::Span gatewaySpan(int n, const QString &route = QStringLiteral("GET /inventory/items"),
    int status = 200, const QString &parent = {}, const QString &client = QStringLiteral("sub:alice"),
    const QString &auth = QStringLiteral("ok"))
{
    return span(traceId(n), spanId(n * 10 + 1), parent, QStringLiteral("gateway"), Gatehouse::SpanKind::HttpServer,
        route, 1764417400000000LL + n * 1000, 5000, status,
        QJsonObject { { QStringLiteral("client"), client }, { QStringLiteral("listener"), QStringLiteral("public") },
            { QStringLiteral("auth"), auth }, { QStringLiteral("rateLimit"), QStringLiteral("allowed") } });
}

// A client node's root http.client span (edge client → gateway).
inline Gatehouse::Span clientSpan(int n, const QString &name = QStringLiteral("GET /inventory/items"), int status = 200)
{
    Gatehouse::Span s = span(traceId(n), spanId(n * 10), {}, QStringLiteral("web"), Gatehouse::SpanKind::HttpClient,
        name, 1764417400000000LL + n * 1000 - 300, 5600, status);
    s.edgeId = QStringLiteral("e-web-gateway");
    return s;
}

} // namespace InspectorTest

// In inspectortestdata.cpp: moc cannot read raw string literals in a file with Q_OBJECT.
namespace InspectorTest {

// A `topics` message as contract B describes it: two topics, JSON and non-JSON payloads.
QJsonObject topicsMessage();

struct BadTopics
{
    const char *name;
    QByteArray json;
    int topics; // how many topics a defensive reader keeps
};
QList<BadTopics> badTopicsMessages();

} // namespace InspectorTest
