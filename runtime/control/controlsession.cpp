#include "controlsession.h"

#include "controlhandler.h"
#include "controltransport.h"

#include "runtimeclient/protocol.h"

#include <QJsonArray>
#include <QTimer>

namespace Gatehouse::Runtime {

namespace {

int nextSessionId = 1;

unsigned bit(ControlSession::Stream stream)
{
    return 1u << static_cast<unsigned>(stream);
}

} // namespace

ControlSession::ControlSession(ControlTransport *transport, ControlHandler *handler, Limits limits,
                               const QString &runtimeVersion, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_handler(handler)
    , m_limits(limits)
    , m_runtimeVersion(runtimeVersion)
    , m_id(nextSessionId++)
{
    m_transport->setParent(this);
    connect(m_transport, &ControlTransport::received, this, &ControlSession::onReceived);
    connect(m_transport, &ControlTransport::drained, this, &ControlSession::reportDropsIfDrained);
    connect(m_transport, &ControlTransport::disconnected, this, [this] { Q_EMIT closed(m_id, false); });
}

void ControlSession::writeLine(const QByteArray &line)
{
    m_transport->send(line);
    ++m_sent;
}

void ControlSession::sendEssential(const QJsonObject &message)
{
    if (m_closing)
        return;
    if (m_transport->queuedBytes() > m_limits.hardBytes) {
        // The client stopped reading long ago; it would hold the whole stack's history in our memory.
        m_closing = true;
        m_transport->abort();
        Q_EMIT closed(m_id, true);
        return;
    }
    writeLine(Protocol::encode(message));
}

void ControlSession::deliver(Stream stream, const QByteArray &line)
{
    if (m_closing || !isNegotiated() || !(m_streams & bit(stream)))
        return;
    if (stream == Stream::Status) {
        if (m_transport->queuedBytes() > m_limits.hardBytes) {
            m_closing = true;
            m_transport->abort();
            Q_EMIT closed(m_id, true);
            return;
        }
        writeLine(line);
        return;
    }
    if (m_transport->queuedBytes() > m_limits.softBytes) {
        switch (stream) {
        case Stream::Spans: ++m_droppedSpans; break;
        case Stream::Logs: ++m_droppedLogs; break;
        case Stream::Metrics: ++m_droppedMetrics; break;
        case Stream::Topics: ++m_droppedTopics; break;
        case Stream::Status: break;
        }
        return;
    }
    writeLine(line);
}

void ControlSession::reportDropsIfDrained()
{
    if (m_closing || droppedTotal() == m_reportedDrops || m_transport->queuedBytes() > m_limits.softBytes / 2)
        return;
    m_reportedDrops = droppedTotal();
    QJsonObject message = counters();
    message.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Dropped));
    writeLine(Protocol::encode(message));
}

QJsonObject ControlSession::counters() const
{
    return QJsonObject{{QStringLiteral("session"), m_id},
                       {QStringLiteral("client"), m_clientName},
                       {QStringLiteral("sent"), m_sent},
                       {QStringLiteral("queuedBytes"), m_transport->queuedBytes()},
                       {QStringLiteral("droppedSpans"), m_droppedSpans},
                       {QStringLiteral("droppedLogs"), m_droppedLogs},
                       {QStringLiteral("droppedMetrics"), m_droppedMetrics},
                       {QStringLiteral("droppedTopics"), m_droppedTopics}};
}

void ControlSession::close(const QJsonObject &lastMessage)
{
    if (m_closing)
        return;
    if (!lastMessage.isEmpty())
        sendEssential(lastMessage);
    m_closing = true;
    m_transport->close();
}

void ControlSession::onReceived(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    qsizetype newline;
    while (!m_closing && (newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        QString error;
        const auto message = Protocol::decode(line, &error);
        if (!message) {
            sendEssential(Protocol::makeError(QLatin1String(Protocol::ErrorCode::Malformed), error));
            continue;
        }
        handle(*message);
    }
    if (m_buffer.size() > Protocol::MaxLineBytes) {
        m_buffer.clear();
        close(Protocol::makeError(QLatin1String(Protocol::ErrorCode::Malformed),
                                  QStringLiteral("line longer than %1 bytes; closing").arg(Protocol::MaxLineBytes)));
    }
}

void ControlSession::handle(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String(Protocol::Type::Hello)) {
        // "protocol": one version or a list of them; the highest one both sides speak wins.
        QList<int> offered;
        const QJsonValue protocol = message.value(QStringLiteral("protocol"));
        if (protocol.isArray()) {
            const QJsonArray array = protocol.toArray();
            for (const QJsonValue &v : array)
                offered.append(v.toInt());
        } else {
            offered.append(protocol.toInt());
        }
        int chosen = 0;
        for (int v : std::as_const(offered)) {
            if (v >= Protocol::MinVersion && v <= Protocol::Version)
                chosen = std::max(chosen, v);
        }
        if (chosen == 0) {
            close(Protocol::makeError(QLatin1String(Protocol::ErrorCode::UnsupportedVersion),
                                      QStringLiteral("this runtime speaks protocol versions %1 to %2")
                                          .arg(Protocol::MinVersion)
                                          .arg(Protocol::Version)));
            return;
        }
        m_clientName = message.value(QStringLiteral("client")).toString();
        if (message.value(QStringLiteral("subscribe")).isArray()) {
            m_streams = bit(Stream::Status); // status is always on: the client's picture must stay right
            const QJsonArray streams = message.value(QStringLiteral("subscribe")).toArray();
            for (const QJsonValue &v : streams) {
                const QString s = v.toString();
                if (s == QLatin1String("logs"))
                    m_streams |= bit(Stream::Logs);
                else if (s == QLatin1String("spans"))
                    m_streams |= bit(Stream::Spans);
                else if (s == QLatin1String("metrics"))
                    m_streams |= bit(Stream::Metrics);
                else if (s == QLatin1String("topics"))
                    m_streams |= bit(Stream::Topics);
            }
        }
        m_version = chosen;
        sendEssential(QJsonObject{{QStringLiteral("type"), QLatin1String(Protocol::Type::Welcome)},
                                  {QStringLiteral("protocol"), chosen},
                                  {QStringLiteral("runtimeVersion"), m_runtimeVersion},
                                  {QStringLiteral("session"), m_id}});
        QJsonObject snapshot = m_handler->snapshot();
        snapshot.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Snapshot));
        sendEssential(snapshot);
        return;
    }
    if (!isNegotiated()) {
        sendEssential(Protocol::makeError(QLatin1String(Protocol::ErrorCode::NotNegotiated),
                                          QStringLiteral("send hello first"), message.value(QStringLiteral("id"))));
        return;
    }
    if (type == QLatin1String(Protocol::Type::Command)) {
        const QJsonValue id = message.value(QStringLiteral("id"));
        QJsonObject result;
        if (!message.value(QStringLiteral("command")).isString()) {
            result = QJsonObject{{QStringLiteral("ok"), false},
                                 {QStringLiteral("code"), QLatin1String(Protocol::ErrorCode::InvalidArgument)},
                                 {QStringLiteral("error"), QStringLiteral("a command needs a string \"command\"")}};
        } else {
            result = m_handler->execute(message);
        }
        result.insert(QStringLiteral("type"), QLatin1String(Protocol::Type::Result));
        result.insert(QStringLiteral("id"), id);
        result.insert(QStringLiteral("command"), message.value(QStringLiteral("command")));
        sendEssential(result);
        if (message.value(QStringLiteral("command")).toString() == QLatin1String("shutdown") && result.value(QStringLiteral("ok")).toBool())
            Q_EMIT shutdownRequested();
        return;
    }
    sendEssential(Protocol::makeError(QLatin1String(Protocol::ErrorCode::UnknownType),
                                      QStringLiteral("unknown message type \"%1\"").arg(type), message.value(QStringLiteral("id"))));
}

} // namespace Gatehouse::Runtime
