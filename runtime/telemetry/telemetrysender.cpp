#include "telemetrysender.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

namespace Gatehouse::Runtime {

namespace asio = boost::asio;
using asio::ip::tcp;

TelemetrySender::TelemetrySender(const QString &nodeId, const Endpoint &endpoint)
    : TelemetrySender(nodeId, endpoint, Options {})
{
}

TelemetrySender::TelemetrySender(const QString &nodeId, const Endpoint &endpoint, const Options &options)
    : m_nodeId(nodeId)
    , m_endpoint(endpoint)
    , m_options(options)
{
    if (m_endpoint.isSet())
        m_thread = std::thread([this] { run(); });
}

TelemetrySender::~TelemetrySender()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool TelemetrySender::record(Span span)
{
    if (!m_endpoint.isSet()) {
        ++m_droppedSpans;
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<int>(m_spans.size() + m_logs.size()) >= m_options.capacity) {
            ++m_droppedSpans;
            return false;
        }
        m_spans.push_back(std::move(span));
        if (static_cast<int>(m_spans.size()) < m_options.batchMax)
            return true; // the flush interval picks it up; no wake-up per span
    }
    m_wake.notify_one();
    return true;
}

bool TelemetrySender::log(const QString &level, const QString &message, const QJsonObject &fields)
{
    if (!m_endpoint.isSet()) {
        ++m_droppedLogs;
        return false;
    }
    QJsonObject line { { QStringLiteral("type"), QStringLiteral("log") }, { QStringLiteral("nodeId"), m_nodeId },
        { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("level"), level }, { QStringLiteral("message"), message } };
    if (!fields.isEmpty())
        line.insert(QStringLiteral("fields"), fields);
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<int>(m_spans.size() + m_logs.size()) >= m_options.capacity) {
            ++m_droppedLogs;
            return false;
        }
        m_logs.push_back(std::move(line));
    }
    m_wake.notify_one();
    return true;
}

void TelemetrySender::run()
{
    asio::io_context io;
    tcp::socket socket(io);
    const std::string host = m_endpoint.host.toStdString();
    const std::string port = std::to_string(m_endpoint.port);
    auto nextConnectAttempt = std::chrono::steady_clock::time_point {};

    auto ensureConnected = [&]() -> bool {
        if (socket.is_open())
            return true;
        if (std::chrono::steady_clock::now() < nextConnectAttempt)
            return false;
        boost::system::error_code ec;
        tcp::resolver resolver(io);
        const auto endpoints = resolver.resolve(host, port, ec);
        if (!ec)
            asio::connect(socket, endpoints, ec);
        if (ec) {
            socket.close(ec);
            nextConnectAttempt = std::chrono::steady_clock::now() + m_options.reconnectDelay;
            m_connected = false;
            return false;
        }
        socket.set_option(tcp::no_delay(true), ec);
        m_connected = true;
        return true;
    };

    for (;;) {
        std::deque<Span> spans;
        std::deque<QJsonObject> logs;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_options.flushInterval, [this] {
                return m_stopping || !m_logs.empty() || static_cast<int>(m_spans.size()) >= m_options.batchMax;
            });
            stopping = m_stopping;
            spans.swap(m_spans);
            logs.swap(m_logs);
        }

        if (!spans.empty() || !logs.empty()) {
            const auto spanCount = static_cast<quint64>(spans.size());
            QByteArray payload;
            for (const QJsonObject &line : logs)
                payload += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            while (!spans.empty()) {
                QJsonArray batch;
                const auto count = std::min<std::size_t>(spans.size(), static_cast<std::size_t>(m_options.batchMax));
                for (std::size_t i = 0; i < count; ++i) {
                    batch.append(spans.front().toJson());
                    spans.pop_front();
                }
                const QJsonObject line { { QStringLiteral("type"), QStringLiteral("spans") },
                    { QStringLiteral("nodeId"), m_nodeId }, { QStringLiteral("spans"), batch } };
                payload += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            }
            bool sent = false;
            if (ensureConnected()) {
                boost::system::error_code ec;
                asio::write(socket, asio::buffer(payload.constData(), static_cast<std::size_t>(payload.size())), ec);
                if (ec) {
                    socket.close(ec);
                    m_connected = false;
                } else {
                    sent = true;
                }
            }
            if (sent) {
                m_sentSpans += spanCount;
            } else {
                m_droppedSpans += spanCount;
                m_droppedLogs += static_cast<quint64>(logs.size());
            }
        }
        if (stopping)
            break;
    }
    boost::system::error_code ec;
    socket.close(ec);
}

} // namespace Gatehouse::Runtime
