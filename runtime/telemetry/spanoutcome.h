#pragma once

#include "model/telemetry.h"

namespace Gatehouse::Runtime {

namespace Http {
struct ClientResponse;
}

// The outcome a span records for an HTTP exchange. A server span goes by the status it
// answered (5xx server error, 4xx client error, else ok); a client span by the response it got,
// where a timeout is its own outcome and a failed exchange (no answer) counts as a server error.
SpanOutcome spanOutcomeOfStatus(int status);
SpanOutcome spanOutcomeOf(const Http::ClientResponse &response);

} // namespace Gatehouse::Runtime
