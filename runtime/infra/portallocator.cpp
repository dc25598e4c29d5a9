#include "portallocator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Gatehouse::Runtime::PortAllocator {

namespace {

// Binds 127.0.0.1:port (0 = any) without SO_REUSEADDR, so a port in TIME_WAIT or in use by
// another listener counts as taken. Returns the bound port or 0.
int bindLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(port));
    int result = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            result = ntohs(addr.sin_port);
    }
    ::close(fd);
    return result;
}

} // namespace

int pickFreePort()
{
    return bindLoopback(0);
}

bool isPortFree(int port)
{
    return port > 0 && port < 65536 && bindLoopback(port) == port;
}

bool isListening(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(port));
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return connected;
}

} // namespace Gatehouse::Runtime::PortAllocator
