#pragma once

namespace Gatehouse::Runtime {

// Loopback TCP ports for the servers the runtime starts. A picked port is free at the moment
// of the call only; callers retry with a new one when the server then fails to bind.
namespace PortAllocator {

// Binds 127.0.0.1:0, reads the port the kernel chose and closes the socket. 0 on failure.
int pickFreePort();

// True when nothing listens on 127.0.0.1:`port` and we could bind it right now.
bool isPortFree(int port);

// True when a TCP connect to 127.0.0.1:`port` succeeds (something listens). Unlike
// !isPortFree(), a port that only has TIME_WAIT leftovers counts as not listening.
bool isListening(int port);

} // namespace PortAllocator

} // namespace Gatehouse::Runtime
