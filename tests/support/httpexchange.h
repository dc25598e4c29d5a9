#pragma once

#include <QByteArray>

namespace Gatehouse::Test {

struct HttpReply
{
    int status = 0;  // 0 when nothing (or no status line) came back
    QByteArray body;
};

// One HTTP/1.1 exchange with 127.0.0.1:port on a fresh connection (Connection: close), as a
// user's curl would do it: a JSON body when `body` is not empty, a bearer token when given.
// Waits for the server to close, at most `timeoutMs`.
HttpReply httpRequest(int port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
    const QByteArray &bearer = {}, int timeoutMs = 20000);

} // namespace Gatehouse::Test
