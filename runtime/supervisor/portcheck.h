#pragma once

#include <QString>

namespace Gatehouse::Runtime {

// Whether a TCP listener could bind 127.0.0.1:port right now (SO_REUSEADDR like servers use).
bool isPortFree(int port);
// A port the kernel picks for 127.0.0.1, free at the time of the call.
int pickFreePort();
// Whether anything listens on TCP `port` (any address), read from /proc/net/tcp{,6}.
bool isListening(int port);

} // namespace Gatehouse::Runtime
