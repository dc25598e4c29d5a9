#include "telemetryhub.h"

#include "runtimeclient/protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace Gatehouse::Runtime {

TelemetryHub::TelemetryHub(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TelemetryHub::onNewConnection);
}

bool TelemetryHub::listen(int port, QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, static_cast<quint16>(port)))
        return true;
    if (error)
        *error = QStringLiteral("telemetry intake cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server.errorString());
    return false;
}

int TelemetryHub::port() const
{
    return m_server.serverPort();
}

void TelemetryHub::close()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void TelemetryHub::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray();
            buffer.append(socket->readAll());
            qsizetype start = 0;
            qsizetype newline;
            while ((newline = buffer.indexOf('\n', start)) >= 0) {
                ingestLine(buffer.mid(start, newline - start));
                start = newline + 1;
            }
            buffer.remove(0, start);
            if (buffer.size() > m_maxLineBytes) {
                ++m_counters.droppedConnections;
                socket->abort();
                socket->deleteLater();
                return;
            }
            socket->setProperty("buffer", buffer);
        });
    }
}

void TelemetryHub::ingestLine(const QByteArray &line, const QString &connectionNodeId)
{
    if (line.trimmed().isEmpty())
        return;
    const auto message = Protocol::decode(line, nullptr);
    if (!message) {
        ++m_counters.malformedLines;
        return;
    }
    const QString type = message->value(QStringLiteral("type")).toString();
    QString nodeId = message->value(QStringLiteral("nodeId")).toString();
    if (nodeId.isEmpty())
        nodeId = connectionNodeId;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();

    if (type == QLatin1String("spans")) {
        QList<Span> spans;
        const QJsonArray array = message->value(QStringLiteral("spans")).toArray();
        for (const QJsonValue &value : array) {
            std::optional<Span> span = Span::fromJson(value.toObject());
            if (!span) {
                ++m_counters.invalidSpans;
                continue;
            }
            if (span->nodeId.isEmpty())
                span->nodeId = nodeId;
            const bool error = span->outcome != SpanOutcome::Ok && span->outcome != SpanOutcome::ClientError;
            const bool clientError = span->outcome == SpanOutcome::ClientError;
            // Aggregated by arrival time: node clocks and the supervisor's are the same machine's.
            if (span->kind == SpanKind::HttpServer || span->kind == SpanKind::KafkaConsume) {
                auto it = m_nodes.find(span->nodeId);
                if (it == m_nodes.end())
                    it = m_nodes.insert(span->nodeId, MetricsWindow(m_windowMs));
                it->add(nowMs, span->durationUs, error, clientError);
            }
            if (!span->edgeId.isEmpty()) {
                auto it = m_edges.find(span->edgeId);
                if (it == m_edges.end())
                    it = m_edges.insert(span->edgeId, MetricsWindow(m_windowMs));
                it->add(nowMs, span->durationUs, error, clientError);
            }
            m_ring.push_back(*span);
            if (m_ring.size() > m_traceCapacity)
                m_ring.pop_front();
            spans.append(*span);
        }
        m_counters.spans += spans.size();
        if (!spans.isEmpty())
            Q_EMIT spansReceived(spans);
    } else if (type == QLatin1String("log")) {
        ++m_counters.logs;
        QJsonObject out{{QStringLiteral("type"), QLatin1String(Protocol::Type::Log)},
                        {QStringLiteral("nodeId"), nodeId},
                        {QStringLiteral("stream"), QStringLiteral("telemetry")},
                        {QStringLiteral("level"), message->value(QStringLiteral("level")).toString(QStringLiteral("info"))},
                        {QStringLiteral("message"), message->value(QStringLiteral("message")).toString()}};
        const QDateTime time = QDateTime::fromString(message->value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        out.insert(QStringLiteral("timeMs"), time.isValid() ? time.toMSecsSinceEpoch() : nowMs);
        if (message->value(QStringLiteral("fields")).isObject())
            out.insert(QStringLiteral("fields"), message->value(QStringLiteral("fields")));
        Q_EMIT logReceived(out);
    } else {
        ++m_counters.ignoredLines; // a newer node's line type: skipped, as docs/gateway.md asks
    }
}

QJsonObject TelemetryHub::metrics()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto collect = [nowMs](QHash<QString, MetricsWindow> &windows) {
        QJsonObject out;
        for (auto it = windows.begin(); it != windows.end();) {
            if (it->isEmpty(nowMs)) {
                it = windows.erase(it);
                continue;
            }
            out.insert(it.key(), it->summary(nowMs));
            ++it;
        }
        return out;
    };
    return QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Metrics)},
                       {QStringLiteral("timeMs"), nowMs},
                       {QStringLiteral("windowMs"), m_windowMs},
                       {QStringLiteral("nodes"), collect(m_nodes)},
                       {QStringLiteral("edges"), collect(m_edges)},
                       {QStringLiteral("intake"),
                        QJsonObject{{QStringLiteral("spans"), m_counters.spans},
                                    {QStringLiteral("invalidSpans"), m_counters.invalidSpans},
                                    {QStringLiteral("logs"), m_counters.logs},
                                    {QStringLiteral("malformedLines"), m_counters.malformedLines},
                                    {QStringLiteral("ignoredLines"), m_counters.ignoredLines},
                                    {QStringLiteral("droppedConnections"), m_counters.droppedConnections}}}};
}

QList<Span> TelemetryHub::trace(const QString &traceId) const
{
    QList<Span> spans;
    for (const Span &s : m_ring) {
        if (s.traceId == traceId)
            spans.append(s);
    }
    return spans;
}

} // namespace Gatehouse::Runtime
