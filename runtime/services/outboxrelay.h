#pragma once

#include "model/launchconfig.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>

namespace Gatehouse::Runtime {

// Publishes a service's outbox rows to Kafka and marks each row sent when the broker confirms
// it (delivery report). Rows whose delivery failed (broker down, timeout) stay unsent and are
// produced again on a later pass, so a broker restart loses nothing; a row delivered twice is
// harmless because consumers are idempotent on the event id. Runs on its own thread with its
// own database connection and producer; wakes on the outbox's NOTIFY or every pollIntervalMs.
class OutboxRelay
{
public:
    struct Options
    {
        int pollIntervalMs = 50;
        int batchSize = 500;
        int messageTimeoutMs = 5000; // librdkafka gives up on a message after this (then we retry)
    };

    struct Stats
    {
        std::uint64_t produced = 0;  // produce calls (including re-publications)
        std::uint64_t delivered = 0; // rows marked sent
        std::uint64_t failed = 0;    // delivery reports with an error
    };

    OutboxRelay(QString conninfo, KafkaAccess kafka, QString clientId, Options options);
    ~OutboxRelay(); // stop()
    OutboxRelay(const OutboxRelay &) = delete;
    OutboxRelay &operator=(const OutboxRelay &) = delete;

    bool start(QString *error);
    void stop();
    Stats stats() const;

    class Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace Gatehouse::Runtime
