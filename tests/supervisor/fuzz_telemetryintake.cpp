// Fuzz target: the supervisor's telemetry intake. Any bytes, split into lines as the TCP intake
// does, must be counted or aggregated, never crash or hang; metrics and traces stay consistent.
#include "supervisor/telemetryhub.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Gatehouse::Runtime::TelemetryHub hub;
    hub.setTraceCapacity(64);
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const QByteArray &line : input.split('\n'))
        hub.ingestLine(line);
    const QJsonObject metrics = hub.metrics();
    const auto counters = hub.counters();
    if (counters.spans < 0 || metrics.isEmpty())
        __builtin_trap();
    hub.trace(QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
    return 0;
}
