#include "gatewaymetrics.h"

#include <atomic>

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

GatewayMetrics::Shard &GatewayMetrics::shard()
{
    // Threads get consecutive numbers the first time they count, so the I/O threads (the first
    // to serve requests) land on different shards; any later thread shares one, which only
    // costs a wait, never a wrong count.
    static std::atomic<std::size_t> nextThread { 0 };
    thread_local const std::size_t thread = nextThread.fetch_add(1, std::memory_order_relaxed);
    return m_shards[thread % ShardCount];
}

namespace {

// The same string data: equal without comparing characters (see GatewayMetrics::LastCounted).
bool sameData(const QString &a, const QString &b)
{
    return a.constData() == b.constData() && a.size() == b.size();
}

} // namespace

void GatewayMetrics::observeRequest(const QString &route, int status, double seconds)
{
    Shard &s = shard();
    std::lock_guard lock(s.mutex);
    LastCounted &last = s.last;
    if (!last.requests || status != last.status || !sameData(route, last.route)) {
        last.route = route;
        last.status = status;
        last.requests = &s.counters.requests[{ route, status }];
        last.durations = &s.counters.durations[route];
    }
    ++*last.requests;
    Histogram &h = *last.durations;
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void GatewayMetrics::countRateLimit(const QString &decision)
{
    Shard &s = shard();
    std::lock_guard lock(s.mutex);
    ++s.counters.rateLimit[decision];
}

void GatewayMetrics::countAuth(const QString &decision)
{
    Shard &s = shard();
    std::lock_guard lock(s.mutex);
    ++s.counters.auth[decision];
}

void GatewayMetrics::countUpstream(const QString &upstream, const QString &outcome)
{
    Shard &s = shard();
    std::lock_guard lock(s.mutex);
    LastCounted &last = s.last;
    if (!last.upstreamCount || !sameData(upstream, last.upstream) || !sameData(outcome, last.outcome)) {
        last.upstream = upstream;
        last.outcome = outcome;
        last.upstreamCount = &s.counters.upstream[{ upstream, outcome }];
    }
    ++*last.upstreamCount;
}

void GatewayMetrics::countRetry(const QString &upstream)
{
    Shard &s = shard();
    std::lock_guard lock(s.mutex);
    ++s.counters.retries[upstream];
}

void GatewayMetrics::Counters::addTo(Counters &total) const
{
    for (const auto &[key, count] : requests)
        total.requests[key] += count;
    for (const auto &[route, h] : durations) {
        Histogram &sum = total.durations[route];
        for (size_t i = 0; i < Buckets.size(); ++i)
            sum.buckets[i] += h.buckets[i];
        sum.count += h.count;
        sum.sum += h.sum;
    }
    for (const auto &[key, count] : rateLimit)
        total.rateLimit[key] += count;
    for (const auto &[key, count] : auth)
        total.auth[key] += count;
    for (const auto &[key, count] : upstream)
        total.upstream[key] += count;
    for (const auto &[key, count] : retries)
        total.retries[key] += count;
}

QByteArray GatewayMetrics::render(const QByteArray &extra) const
{
    Counters total;
    for (const Shard &s : m_shards) {
        std::lock_guard lock(s.mutex);
        s.counters.addTo(total);
    }
    QByteArray out;
    out += "# HELP gatehouse_gateway_requests_total Requests answered, by route and status.\n"
           "# TYPE gatehouse_gateway_requests_total counter\n";
    for (const auto &[key, count] : total.requests) {
        out += "gatehouse_gateway_requests_total{route=\"" + prometheusLabel(key.first) + "\",status=\""
            + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }
    out += "# HELP gatehouse_gateway_request_duration_seconds Time from request to response, by route.\n"
           "# TYPE gatehouse_gateway_request_duration_seconds histogram\n";
    for (const auto &[route, h] : total.durations) {
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
    simple("gatehouse_gateway_ratelimit_decisions_total", "Rate-limit decisions.", "decision", total.rateLimit);
    simple("gatehouse_gateway_auth_decisions_total", "Authentication decisions.", "decision", total.auth);
    simple("gatehouse_gateway_upstream_retries_total", "Retried upstream attempts.", "upstream", total.retries);
    out += "# HELP gatehouse_gateway_upstream_attempts_total Upstream attempts by outcome.\n"
           "# TYPE gatehouse_gateway_upstream_attempts_total counter\n";
    for (const auto &[key, count] : total.upstream) {
        out += "gatehouse_gateway_upstream_attempts_total{upstream=\"" + prometheusLabel(key.first) + "\",outcome=\""
            + prometheusLabel(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }
    out += extra;
    return out;
}

} // namespace Gatehouse::Runtime
