#pragma once

// Plain POSIX sockets for driving the engine byte by byte from a test thread. Every blocking
// call has a generous receive timeout (a hang guard, never an assertion on time).
#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace HttpTest {

constexpr int kGuardSeconds = 20;

inline void setGuardTimeout(int fd)
{
    timeval tv{kGuardSeconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// The outcome of reading until the peer stops sending.
enum class CloseKind { Open, Clean, Reset, Timeout };

struct ParsedResponse
{
    int status = 0;
    std::string head;
    std::string body;
    bool chunked = false;
};

class RawConnection
{
public:
    explicit RawConnection(std::uint16_t port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        setGuardTimeout(m_fd);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    ~RawConnection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool connected() const { return m_connected; }
    int fd() const { return m_fd; }

    bool send(const std::string &bytes)
    {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    // Reads one response (Content-Length, chunked, or no body for 1xx/204/304/HEAD).
    std::optional<ParsedResponse> readResponse(bool headRequest = false)
    {
        ParsedResponse response;
        std::size_t headEnd;
        while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill())
                return std::nullopt;
        }
        response.head = m_buffer.substr(0, headEnd + 2);
        m_buffer.erase(0, headEnd + 4);
        if (response.head.size() < 12 || response.head.compare(0, 5, "HTTP/") != 0)
            return std::nullopt;
        response.status = std::stoi(response.head.substr(9, 3));
        const std::string lower = lowered(response.head);
        if (headRequest || response.status < 200 || response.status == 204 || response.status == 304)
            return response;
        if (lower.find("\r\ntransfer-encoding: chunked\r\n") != std::string::npos) {
            response.chunked = true;
            for (;;) {
                std::size_t lineEnd;
                while ((lineEnd = m_buffer.find("\r\n")) == std::string::npos) {
                    if (!fill())
                        return std::nullopt;
                }
                const std::size_t size = std::stoul(m_buffer.substr(0, lineEnd), nullptr, 16);
                m_buffer.erase(0, lineEnd + 2);
                while (m_buffer.size() < size + 2) {
                    if (!fill())
                        return std::nullopt;
                }
                response.body += m_buffer.substr(0, size);
                m_buffer.erase(0, size + 2);
                if (size == 0)
                    return response;
            }
        }
        const std::size_t at = lower.find("\r\ncontent-length: ");
        if (at == std::string::npos)
            return response;
        const std::size_t length = std::stoul(lower.substr(at + 18));
        while (m_buffer.size() < length) {
            if (!fill())
                return std::nullopt;
        }
        response.body = m_buffer.substr(0, length);
        m_buffer.erase(0, length);
        return response;
    }

    // Reads until the peer closes: Clean for FIN, Reset for RST, Timeout after the guard.
    CloseKind waitForClose()
    {
        m_buffer.clear();
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n > 0) {
                m_extra.append(chunk, static_cast<std::size_t>(n));
                continue;
            }
            if (n == 0)
                return CloseKind::Clean;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return CloseKind::Timeout;
            return CloseKind::Reset;
        }
    }
    // Bytes received by waitForClose() after the last response.
    const std::string &extra() const { return m_extra; }

private:
    static std::string lowered(std::string s)
    {
        for (char &c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }

    bool fill()
    {
        char chunk[16384];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int m_fd = -1;
    bool m_connected = false;
    std::string m_buffer;
    std::string m_extra;
};

// A listening socket on 127.0.0.1:0 the test drives by hand (a misbehaving upstream).
class RawListener
{
public:
    RawListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 16);
        socklen_t len = sizeof addr;
        getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        setGuardTimeout(m_fd);
    }
    ~RawListener() { closeListener(); }
    void closeListener()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    std::uint16_t port() const { return m_port; }
    // Accepts one connection (guarded by the receive timeout); -1 on failure.
    int accept()
    {
        const int fd = ::accept(m_fd, nullptr, nullptr);
        if (fd >= 0)
            setGuardTimeout(fd);
        return fd;
    }

private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

// Reads from `fd` until `buffer` holds a full request head; returns false on EOF/error.
inline bool readRequestHead(int fd, std::string &buffer)
{
    char chunk[4096];
    while (buffer.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
}

inline bool sendAll(int fd, const std::string &bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace HttpTest
