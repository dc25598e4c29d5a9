#include "telemetry/spanoutcome.h"

#include "http/client.h"

namespace Gatehouse::Runtime {

SpanOutcome spanOutcomeOfStatus(int status)
{
    if (status >= 500)
        return SpanOutcome::ServerError;
    if (status >= 400)
        return SpanOutcome::ClientError;
    return SpanOutcome::Ok;
}

SpanOutcome spanOutcomeOf(const Http::ClientResponse &response)
{
    if (response.error == Http::ClientError::Timeout)
        return SpanOutcome::Timeout;
    if (!response.ok())
        return SpanOutcome::ServerError;
    return spanOutcomeOfStatus(response.status);
}

} // namespace Gatehouse::Runtime
