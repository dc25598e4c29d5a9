#pragma once

#include <QString>

namespace Gatehouse::Runtime {

// Which traces the span stream forwards (`up --trace-sampling`, the `set-sampling` command).
// The decision depends on the trace id only, so every span of a sampled trace is forwarded,
// from whichever node, and no span of an unsampled one is; the same id and percentage always
// give the same answer (in every process: a fixed hash, not qHash's per-process seed).
namespace TraceSampling {

// 100 keeps every trace, 0 none; otherwise FNV-1a(traceId) mod 100 < percent.
bool keeps(const QString &traceId, int percent);

} // namespace TraceSampling

} // namespace Gatehouse::Runtime
