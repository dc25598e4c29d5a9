#pragma once

#include "http/response.h"

#include <string>

namespace Gatehouse::Runtime::Http::detail {

// Serialises a response head and body into `out` (replacing its content); with includeBody
// false (for a body sent as a separate buffer) a non-chunked body is left out. The engine owns the
// framing fields: Content-Length, Transfer-Encoding and Connection given by the handler are
// ignored, and fields with invalid names or values are dropped (no response splitting).
void writeResponse(const Response &response, bool headRequest, bool keepAlive, int requestVersion,
                   std::string &out, bool includeBody = true);

// True when `name` is a token and `value` has no CR, LF, NUL or other control byte but HTAB.
bool isValidField(std::string_view name, std::string_view value);

} // namespace Gatehouse::Runtime::Http::detail
