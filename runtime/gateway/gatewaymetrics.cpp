#include "gatewaymetrics.h"

namespace Gatehouse::Runtime {

QByteArray prometheusLabel(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void GatewayMetrics::observeRequest(const QString &route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{ route, status }];
    Histogram &h = m_durations[route];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void GatewayMetrics::countRateLimit(const QString &decision)
{
    std::lock_guard lock(m_mutex);
    ++m_rateLimit[decision];
}

void GatewayMetrics::countAuth(const QString &decision)
{
    std::lock_guard lock(m_mutex);
    ++m_auth[decision];
}

void GatewayMetrics::countUpstream(const QString &upstream, const QString &outcome)
{
    std::lock_guard lock(m_mutex);
    ++m_upstream[{ upstream, outcome }];
}

void GatewayMetrics::countRetry(const QString &upstream)
{
    std::lock_guard lock(m_mutex);
    ++m_retries[upstream];
}

QByteArray GatewayMetrics::render(const QByteArray &extra) const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP gatehouse_gateway_requests_total Requests answered, by route and status.\n"
           "# TYPE gatehouse_gateway_requests_total counter\n";
    for (const auto &[key, count] : m_requests) {
        out += "gatehouse_gateway_requests_total{route=\"" + prometheusLabel(key.first) + "\",status=\""
            + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }
    out += "# HELP gatehouse_gateway_request_duration_seconds Time from request to response, by route.\n"
           "# TYPE gatehouse_gateway_request_duration_seconds histogram\n";
    for (const auto &[route, h] : m_durations) {
        const QByteArray label = "route=\"" + prometheusLabel(route) + '"';
        for (size_t i = 0; i < Buckets.size(); ++i) {
            out += "gatehouse_gateway_request_duration_seconds_bucket{" + label + ",le=\""
                + QByteArray::number(Buckets[i]) + "\"} " + QByteArray::number(h.buckets[i]) + '\n';
        }
        out += "gatehouse_gateway_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} "
            + QByteArray::number(h.count) + '\n';
        out += "gatehouse_gateway_request_duration_seconds_sum{" + label + "} " + QByteArray::number(h.sum, 'g', 9)
            + '\n';
        out += "gatehouse_gateway_request_duration_seconds_count{" + label + "} " + QByteArray::number(h.count) + '\n';
    }
    auto simple
        = [&out](const char *name, const char *help, const char *labelName, const std::map<QString, quint64> &map) {
              out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
              for (const auto &[key, count] : map)
                  out += QByteArray(name) + '{' + labelName + "=\"" + prometheusLabel(key) + "\"} "
                      + QByteArray::number(count) + '\n';
          };
    simple("gatehouse_gateway_ratelimit_decisions_total", "Rate-limit decisions.", "decision", m_rateLimit);
    simple("gatehouse_gateway_auth_decisions_total", "Authentication decisions.", "decision", m_auth);
    simple("gatehouse_gateway_upstream_retries_total", "Retried upstream attempts.", "upstream", m_retries);
    out += "# HELP gatehouse_gateway_upstream_attempts_total Upstream attempts by outcome.\n"
           "# TYPE gatehouse_gateway_upstream_attempts_total counter\n";
    for (const auto &[key, count] : m_upstream) {
        out += "gatehouse_gateway_upstream_attempts_total{upstream=\"" + prometheusLabel(key.first) + "\",outcome=\""
            + prometheusLabel(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }
    out += extra;
    return out;
}

} // namespace Gatehouse::Runtime
