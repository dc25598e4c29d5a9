#pragma once

#include "clientplan.h"

#include <QJsonObject>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

namespace Gatehouse::Runtime {

namespace Http {
class Client;
class EventLoop;
} // namespace Http

class ClientLog;
class TelemetrySender;

struct ClientDriverOptions
{
    // Requests waiting for an answer at most; a tick while this many are out is dropped
    // (counted, logged at a low rate), never queued. Also the number of sessions.
    int maxInFlight = 32;
    std::chrono::milliseconds requestTimeout{10000};
    // Ticks handed to the I/O thread but not yet run, at most (a starved loop drops, too).
    int maxQueuedTicks = 256;
    // Per-request problems (drops, failures) are logged at most once per interval per kind.
    std::chrono::milliseconds logInterval{5000};
    // A token is renewed when it has less than this left (or a tenth of its lifetime).
    std::chrono::seconds tokenRenewBefore{60};
};

// Counters, readable from any thread.
struct ClientDriverStats
{
    std::uint64_t ticks = 0;     // requests the rate asked for
    std::uint64_t sent = 0;      // requests sent (logins included)
    std::uint64_t answered = 0;  // got an HTTP response, whatever its status
    std::uint64_t succeeded = 0; // 2xx/3xx
    std::uint64_t failed = 0;    // 4xx/5xx or no response (timeout, refused, …)
    std::uint64_t dropped = 0;   // ticks that sent nothing (in-flight bound, waiting for a login, …)
    std::uint64_t logins = 0;    // successful logins
    std::uint64_t ordersPlaced = 0; // 2xx answers to an order step
    int inFlight = 0;
    int peakInFlight = 0;
};

// The traffic of one client node: ticks at the configured rate (RateScheduler, open loop), each
// tick sends the next request of a free session of the scenario (ClientPlan) to the gateway
// through the pooled Beast client, with a root http.client span (edge = the client → gateway
// edge) whose `traceparent` the gateway continues. All session state lives on I/O thread 0 of
// `loop`; setRate() and stats() may be called from any thread. The loop and the client must
// outlive the driver; stop() it, then stop the client, then the loop.
class ClientDriver
{
public:
    ClientDriver(ClientPlan plan, Http::EventLoop &loop, Http::Client &client, TelemetrySender *telemetry, ClientLog &log,
                 ClientDriverOptions options = {});
    ~ClientDriver(); // stop()
    ClientDriver(const ClientDriver &) = delete;
    ClientDriver &operator=(const ClientDriver &) = delete;

    // The traffic rate in requests per second (0: none). Thread-safe; takes effect at once.
    // An idle plan (nothing to call) keeps the rate but sends nothing.
    void setRate(double perSecond);
    double rate() const;
    // No tick after this returns; requests in flight are ended by Http::Client::stop().
    void stop();

    const ClientPlan &plan() const;
    ClientDriverStats stats() const;

    class Private;

private:
    std::shared_ptr<Private> d;
};

} // namespace Gatehouse::Runtime
