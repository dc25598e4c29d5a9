#pragma once

#include <QString>

namespace Gatehouse {

struct TrafficRow;

// "Copy as curl" for one request of the Traffic dock: a command a user can paste into a shell
// to send the same request to the gateway's public listener again. Credentials are never
// copied (the app never sees them): a route that needed a bearer token gets
// `-H "Authorization: Bearer $TOKEN"`, a partner route `-H "X-API-Key: $API_KEY"`, and a
// request with a body `--data "$BODY"` — shell variables the user sets. The path is the
// concrete one from the gateway's access log when known, else the route pattern.
QString curlCommand(const TrafficRow &row, const QString &host, int port);

} // namespace Gatehouse
