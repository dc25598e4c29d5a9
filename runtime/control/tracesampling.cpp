#include "tracesampling.h"

#include <cstdint>

namespace Gatehouse::Runtime::TraceSampling {

bool keeps(const QString &traceId, int percent)
{
    if (percent >= 100)
        return true;
    if (percent <= 0)
        return false;
    // Trace ids are hex; lower-case them so one trace is judged once whoever spelled it.
    const QByteArray bytes = traceId.toLower().toLatin1();
    std::uint32_t hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= std::uint8_t(c);
        hash *= 16777619u;
    }
    return int(hash % 100u) < percent;
}

} // namespace Gatehouse::Runtime::TraceSampling
