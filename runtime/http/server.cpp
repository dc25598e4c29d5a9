#include "http/server.h"

#include "http/detail/eventloopprivate.h"
#include "http/detail/requestdecoder.h"
#include "http/detail/responsewriter.h"
#include "http/eventloop.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <sys/socket.h>
#include <unordered_map>

namespace Gatehouse::Runtime::Http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using detail::Acceptor;
using detail::Socket;

namespace {
class Connection;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::size_t kInlineBodyBytes = 4096;
constexpr std::size_t kMaxLingerBytes = 1024 * 1024;
constexpr std::chrono::milliseconds kLingerTimeout{2000};
} // namespace

// Per loop thread state; touched only on that thread.
// What one loop thread owns; on its own cache lines, so that the per-request counter below is
// never written by two threads on one line.
struct alignas(64) ServerShard
{
    std::atomic<std::uint64_t> requests{0}; // written by this shard's thread only; read by stats()
    std::unique_ptr<asio::steady_timer> sweepTimer;
    std::vector<std::shared_ptr<Acceptor>> acceptors;
    std::unordered_map<Connection *, std::weak_ptr<Connection>> connections;
};

class Server::Private : public std::enable_shared_from_this<Server::Private>
{
public:
    Private(EventLoop &loop, ServerOptions options, Handler handler)
        : loop(loop.impl())
        , options(std::move(options))
        , handler(std::move(handler))
        , shards(static_cast<std::size_t>(loop.threadCount()))
    {
        limits.maxHeaderBytes = this->options.maxHeaderBytes;
        limits.maxTargetBytes = this->options.maxTargetBytes;
        limits.maxHeaderFields = this->options.maxHeaderFields;
        limits.maxBodyBytes = this->options.maxBodyBytes;
        limits.maxStreamBodyBytes = this->options.maxStreamBodyBytes;
        limits.inlineBodyBytes = this->options.streamBodyAbove;
        limits.streamPieceBytes = BodySource::PieceBytes;
    }

    void accept(int index, std::shared_ptr<Acceptor> acceptor, int listenerId);
    void sweep(int index);
    std::chrono::milliseconds sweepInterval() const
    {
        const auto shortest = std::min({options.requestTimeout, options.keepAliveTimeout, options.writeTimeout});
        return std::clamp(shortest / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
    }
    void connectionClosed(int index, Connection *connection);
    void beginStop(int index);
    void forceClose(int index);

    detail::EventLoopPrivate &loop;
    ServerOptions options;
    Handler handler;
    detail::DecoderLimits limits;
    std::vector<ServerShard> shards;
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> open{0};
    std::atomic<std::uint64_t> rejected{0};
    std::mutex stopMutex;
    std::condition_variable stopCondition;
};

namespace {

class Connection : public std::enable_shared_from_this<Connection>
{
public:
    Connection(std::shared_ptr<Server::Private> server, int index, Socket socket, int listenerId)
        : m_server(std::move(server))
        , m_index(index)
        , m_socket(std::move(socket))
        , m_decoder(m_server->limits)
        , m_listenerId(listenerId)
    {
        error_code ec;
        const auto remote = m_socket.remote_endpoint(ec);
        if (!ec) {
            m_remoteAddress = remote.address().to_string();
            m_remotePort = remote.port();
        }
        m_in.resize(kReadChunk);
    }

    void start()
    {
        m_phase = Phase::Reading;
        process();
    }

    auto executor() { return m_socket.get_executor(); }

    void deliver(Response &&response)
    {
        if (m_phase != Phase::Handling)
            return;
        // A request body the handler did not read to the end cannot be skipped reliably:
        // the connection closes after this response.
        const bool keepAlive = m_keepAlive && !m_closeAfterResponse && !m_streamingIn;
        const int status = response.status;
        const bool bodyAllowed = !(status < 200 || status == 204 || status == 304);
        if (response.bodySource && bodyAllowed && !m_headRequest)
            return deliverStreamed(std::move(response), keepAlive);
        response.bodySource.reset(); // HEAD or a status without body: abandoned
        // A large body goes out as a second buffer instead of being copied behind the head.
        const bool separateBody = !m_headRequest && !response.chunked && response.body.size() > kInlineBodyBytes;
        detail::writeResponse(response, m_headRequest, keepAlive, m_version, m_out, !separateBody);
        if (separateBody)
            m_body = std::move(response.body);
        m_keepAlive = keepAlive;
        write();
    }

    // Server stop: idle connections close now, busy ones after their response.
    void beginStop()
    {
        m_closeAfterResponse = true;
        if (m_phase == Phase::Reading && !m_decoder.started() && m_begin == m_end)
            close();
    }

    void close()
    {
        if (m_phase == Phase::Closed)
            return;
        m_phase = Phase::Closed;
        m_timerMode = TimerMode::None;
        error_code ec;
        m_socket.close(ec);
        // Outside this call stack: the consumer of a streamed request body learns that it ended,
        // and a streamed response's producer is abandoned (its upstream connection closes).
        failBodyLater("the client connection closed");
        auto source = std::move(m_outSource);
        m_outSource.reset();
        if (source)
            asio::post(executor(), [source = std::move(source)] {});
        m_server->connectionClosed(m_index, this);
    }

    // Request body streaming (Request::bodySource), on this connection's thread.
    // `request` is the sequence number of the request the source belongs to: a source that
    // outlives its request (keep-alive moved on) must not touch the next one.
    void readBody(std::uint64_t request, BodySource::Callback callback);
    void abandonBody(std::uint64_t request);
    std::uint64_t requestSequence() const { return m_requestSeq; }
    std::uint64_t bodyTransferred() const { return m_bodyTransferred.load(std::memory_order_relaxed); }

private:
    enum class Phase { Reading, Handling, Writing, Lingering, Closed };
    enum class TimerMode { None, Idle, Request, Write, Linger };

    void process()
    {
        for (;;) {
            if (m_begin < m_end) {
                m_begin += m_decoder.feed(m_in.data() + m_begin, m_end - m_begin);
                if (m_begin == m_end)
                    m_begin = m_end = 0;
            }
            if (m_decoder.state() != detail::RequestDecoder::State::Error && m_decoder.streaming())
                return dispatch();
            switch (m_decoder.state()) {
            case detail::RequestDecoder::State::Error:
                return reject(m_decoder.errorStatus());
            case detail::RequestDecoder::State::Complete:
                return dispatch();
            case detail::RequestDecoder::State::HeaderDone:
                if (m_decoder.expectsContinue() && !m_continueSent && m_begin == m_end)
                    return sendContinue();
                return read();
            case detail::RequestDecoder::State::NeedMore:
                return read();
            }
        }
    }

    // Deadlines are checked by the shard's sweep timer (Server::Private::sweep) rather than a
    // timer per connection: arming an Asio timer per phase costs syscalls on every request.
    void armTimer(TimerMode mode, std::chrono::milliseconds timeout)
    {
        m_timerMode = mode;
        m_deadline = std::chrono::steady_clock::now() + timeout;
    }

    void cancelTimer() { m_timerMode = TimerMode::None; }

public:
    void checkDeadline(std::chrono::steady_clock::time_point now)
    {
        if (m_bodyReading && m_streamingIn && now >= m_bodyDeadline)
            bodyFailed("the request body did not arrive in time", 408);
        if (m_timerMode != TimerMode::None && now >= m_deadline)
            onTimeout();
    }

private:
    void onTimeout()
    {
        const TimerMode mode = m_timerMode;
        m_timerMode = TimerMode::None;
        switch (mode) {
        case TimerMode::Request:
            if (m_phase == Phase::Reading)
                return reject(408);
            return;
        case TimerMode::Idle:
        case TimerMode::Write:
        case TimerMode::Linger:
            return close();
        case TimerMode::None:
            return;
        }
    }

    void read()
    {
        const bool idle = !m_decoder.started() && m_begin == m_end;
        if (idle) {
            if (m_timerMode != TimerMode::Idle)
                armTimer(TimerMode::Idle,
                         m_served == 0 ? m_server->options.requestTimeout : m_server->options.keepAliveTimeout);
        } else if (m_timerMode != TimerMode::Request) {
            // Armed once per request, so trickling bytes (slowloris) do not extend it.
            armTimer(TimerMode::Request, m_server->options.requestTimeout);
        }
        makeReadRoom();
        m_socket.async_read_some(asio::buffer(m_in.data() + m_end, m_in.size() - m_end),
                                 [self = shared_from_this()](const error_code &ec, std::size_t n) {
                                     if (self->m_phase != Phase::Reading)
                                         return;
                                     if (ec)
                                         return self->close();
                                     if (self->m_timerMode == TimerMode::Idle)
                                         self->cancelTimer();
                                     self->m_end += n;
                                     self->process();
                                 });
    }

    void sendContinue()
    {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        m_continueSent = true;
        asio::async_write(m_socket, asio::buffer(kContinue.data(), kContinue.size()),
                          [self = shared_from_this()](const error_code &ec, std::size_t) {
                              if (self->m_phase != Phase::Reading)
                                  return;
                              if (ec)
                                  return self->close();
                              self->read();
                          });
    }

    void dispatch();

    void reject(int status)
    {
        ++m_server->rejected;
        m_keepAlive = false;
        Response response = Response::text(status, std::string(reasonPhrase(status)) + "\n");
        detail::writeResponse(response, false, false, 11, m_out);
        write();
    }

    void write()
    {
        m_phase = Phase::Writing;
        armTimer(TimerMode::Write, m_server->options.writeTimeout);
        const std::array<asio::const_buffer, 2> buffers{asio::buffer(m_out), asio::buffer(m_body)};
        asio::async_write(m_socket, buffers, [self = shared_from_this()](const error_code &ec, std::size_t) {
            if (self->m_phase != Phase::Writing)
                return;
            if (ec)
                return self->close();
            self->afterWrite();
        });
    }

    void deliverStreamed(Response &&response, bool keepAlive);
    void nextResponsePiece();
    void onResponsePiece(BodyPiece piece);
    void pumpBody();
    void readBodySocket();
    // At least half a read chunk free after m_end: the unread bytes move to the front first,
    // the buffer doubles only when that is not enough.
    void makeReadRoom();
    void bodyFailed(std::string reason, int status);
    void failBodyLater(std::string reason)
    {
        if (!m_bodyWaiter)
            return;
        asio::post(executor(), [callback = std::move(m_bodyWaiter), reason = std::move(reason)] {
            BodyPiece piece;
            piece.failed = true;
            piece.error = reason;
            callback(std::move(piece));
        });
        m_bodyWaiter = nullptr;
    }

    void afterWrite()
    {
        ++m_served;
        m_body.clear();
        m_body.shrink_to_fit();
        m_outSource.reset();
        if (m_streamingIn) {
            // The response is out but the request body is not read to its end: stop here.
            m_streamingIn = false;
            m_keepAlive = false;
            failBodyLater("the response was sent before the request body was read");
        }
        const std::size_t maxRequests = m_server->options.maxRequestsPerConnection;
        if (!m_keepAlive || m_closeAfterResponse || (maxRequests && m_served >= maxRequests))
            return linger();
        if (m_out.capacity() > 64 * 1024)
            std::string().swap(m_out);
        cancelTimer();
        m_decoder.reset();
        m_continueSent = false;
        m_bodyEnded = false;
        m_bodyError.clear();
        m_bodyTransferred.store(0, std::memory_order_relaxed);
        m_phase = Phase::Reading;
        process();
    }

    // Half-close and drain what the peer still sends, so that unread request bytes do not turn
    // our close into a reset that would destroy the response before the peer read it.
    void linger()
    {
        m_phase = Phase::Lingering;
        error_code ec;
        m_socket.shutdown(Socket::shutdown_send, ec);
        if (ec)
            return close();
        armTimer(TimerMode::Linger, std::min(kLingerTimeout, m_server->options.requestTimeout));
        m_begin = m_end = 0;
        if (m_bodyReading)
            return; // that read's completion continues the drain
        drain();
    }

public:
    void drain()
    {
        m_socket.async_read_some(asio::buffer(m_in), [self = shared_from_this()](const error_code &ec, std::size_t n) {
            if (self->m_phase != Phase::Lingering)
                return;
            self->m_drained += n;
            if (ec || self->m_drained > kMaxLingerBytes)
                return self->close();
            self->drain();
        });
    }

private:
    std::shared_ptr<Server::Private> m_server;
    int m_index;
    Socket m_socket;
    detail::RequestDecoder m_decoder;
    int m_listenerId;
    std::string m_remoteAddress;
    std::uint16_t m_remotePort = 0;
    std::vector<char> m_in;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::string m_out;
    std::string m_body;
    Phase m_phase = Phase::Reading;
    TimerMode m_timerMode = TimerMode::None;
    std::chrono::steady_clock::time_point m_deadline;
    std::size_t m_served = 0;
    std::size_t m_drained = 0;
    int m_version = 11;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_continueSent = false;
    bool m_closeAfterResponse = false;

    // Streamed request body.
    bool m_streamingIn = false;   // dispatched with a bodySource whose end is not reached
    bool m_bodyEnded = false;     // the streamed body was read to its end
    bool m_bodyReading = false;   // a socket read for the body is outstanding
    std::string m_bodyError;
    BodySource::Callback m_bodyWaiter;
    std::chrono::steady_clock::time_point m_bodyDeadline;
    std::atomic<std::uint64_t> m_bodyTransferred{0};
    std::uint64_t m_requestSeq = 0; // requests dispatched on this connection

    // Streamed response body.
    std::shared_ptr<BodySource> m_outSource;
    detail::StreamFraming m_outFraming = detail::StreamFraming::Length;
    std::uint64_t m_outRemaining = 0;
    bool m_outLast = false;
    std::string m_tail;
};

// The request body of a streaming request, read through its connection.
class ServerBodySource final : public BodySource
{
public:
    ServerBodySource(std::shared_ptr<Connection> connection, std::int64_t length)
        : m_connection(std::move(connection))
        , m_length(length)
        , m_request(m_connection->requestSequence())
    {
    }
    ~ServerBodySource() override
    {
        asio::post(m_connection->executor(),
                   [connection = m_connection, request = m_request] { connection->abandonBody(request); });
    }

    std::int64_t length() const override { return m_length; }
    std::uint64_t transferred() const override { return m_connection->bodyTransferred(); }
    void read(Callback callback) override
    {
        asio::dispatch(m_connection->executor(),
                       [connection = m_connection, request = m_request, callback = std::move(callback)]() mutable {
                           connection->readBody(request, std::move(callback));
                       });
    }

private:
    std::shared_ptr<Connection> m_connection;
    std::int64_t m_length;
    std::uint64_t m_request;
};

void Connection::readBody(std::uint64_t request, BodySource::Callback callback)
{
    if (request != m_requestSeq || !m_streamingIn || m_phase == Phase::Closed || m_phase == Phase::Lingering) {
        BodyPiece piece;
        if (request == m_requestSeq && m_bodyEnded) {
            piece.last = true;
        } else {
            piece.failed = true;
            piece.error = m_bodyError.empty() ? std::string("the request body is no longer available") : m_bodyError;
        }
        return callback(std::move(piece));
    }
    m_bodyWaiter = std::move(callback);
    pumpBody();
}

void Connection::abandonBody(std::uint64_t request)
{
    if (request != m_requestSeq || !m_streamingIn)
        return;
    // Nobody will read the rest: the connection cannot carry another request.
    m_streamingIn = false;
    m_keepAlive = false;
    m_bodyWaiter = nullptr;
    m_bodyError = "abandoned";
}

void Connection::pumpBody()
{
    while (m_bodyWaiter && m_streamingIn) {
        const auto state = m_decoder.state();
        if (state == detail::RequestDecoder::State::Error)
            return bodyFailed("invalid or too large request body", m_decoder.errorStatus());
        const bool complete = state == detail::RequestDecoder::State::Complete;
        if (m_decoder.bodyPending() > 0 || complete) {
            BodyPiece piece;
            piece.data = m_decoder.takeBody();
            piece.last = complete;
            m_bodyTransferred.fetch_add(piece.data.size(), std::memory_order_relaxed);
            if (complete) {
                m_streamingIn = false;
                m_bodyEnded = true;
            }
            auto callback = std::move(m_bodyWaiter);
            m_bodyWaiter = nullptr;
            return callback(std::move(piece));
        }
        if (m_begin < m_end) {
            const std::size_t consumed = m_decoder.feed(m_in.data() + m_begin, m_end - m_begin);
            m_begin += consumed;
            if (m_begin == m_end)
                m_begin = m_end = 0;
            if (consumed > 0 || m_decoder.bodyPending() > 0 || m_decoder.state() != state)
                continue;
        }
        // Nothing decodable buffered: ask the peer. 100 Continue goes out only now that the
        // handler wants the body (for the gateway: once the upstream connection is ready).
        if (m_decoder.expectsContinue() && !m_continueSent && m_phase == Phase::Handling
            && m_bodyTransferred.load(std::memory_order_relaxed) == 0) {
            static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            m_continueSent = true;
            m_bodyReading = true; // no other read while the interim response is written
            asio::async_write(m_socket, asio::buffer(kContinue.data(), kContinue.size()),
                              [self = shared_from_this()](const error_code &ec, std::size_t) {
                                  self->m_bodyReading = false;
                                  if (self->m_phase == Phase::Closed)
                                      return;
                                  if (ec)
                                      return self->close();
                                  if (self->m_phase == Phase::Lingering)
                                      return self->drain();
                                  self->readBodySocket();
                              });
            return;
        }
        return readBodySocket();
    }
}

void Connection::makeReadRoom()
{
    if (m_in.size() - m_end >= kReadChunk / 2)
        return;
    if (m_begin > 0) {
        std::memmove(m_in.data(), m_in.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_in.size() - m_end < kReadChunk / 2)
        m_in.resize(m_in.size() * 2);
}

void Connection::readBodySocket()
{
    if (m_bodyReading || !m_streamingIn || !m_bodyWaiter)
        return;
    makeReadRoom();
    m_bodyReading = true;
    m_bodyDeadline = std::chrono::steady_clock::now() + m_server->options.requestTimeout;
    m_socket.async_read_some(asio::buffer(m_in.data() + m_end, m_in.size() - m_end),
                             [self = shared_from_this()](const error_code &ec, std::size_t n) {
                                 self->m_bodyReading = false;
                                 if (self->m_phase == Phase::Closed)
                                     return;
                                 if (self->m_phase == Phase::Lingering) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained > kMaxLingerBytes)
                                         return self->close();
                                     return self->drain();
                                 }
                                 if (ec)
                                     return self->bodyFailed("the client closed the connection during the body", 0);
                                 self->m_end += n;
                                 self->pumpBody();
                             });
}

// The body broke off: the client went away (status 0), sent a bad or too large body, or
// stalled. With no response started yet the engine answers `status` itself; otherwise (or when
// the peer is gone) the connection closes. Either way the consumer gets a failed piece.
void Connection::bodyFailed(std::string reason, int status)
{
    if (!m_streamingIn)
        return;
    m_streamingIn = false;
    m_keepAlive = false;
    m_bodyError = reason;
    auto callback = std::move(m_bodyWaiter);
    m_bodyWaiter = nullptr;
    if (status != 0 && m_phase == Phase::Handling)
        reject(status);
    else if (m_phase != Phase::Lingering)
        close();
    if (callback) {
        BodyPiece piece;
        piece.failed = true;
        piece.error = std::move(reason);
        callback(std::move(piece));
    }
}

void Connection::deliverStreamed(Response &&response, bool keepAlive)
{
    const std::int64_t length = response.bodySource->length();
    if (length >= 0)
        m_outFraming = detail::StreamFraming::Length;
    else if (m_version == 11)
        m_outFraming = detail::StreamFraming::Chunked;
    else
        m_outFraming = detail::StreamFraming::UntilClose; // HTTP/1.0 peer, unknown length
    if (m_outFraming == detail::StreamFraming::UntilClose)
        keepAlive = false;
    m_outRemaining = length >= 0 ? static_cast<std::uint64_t>(length) : 0;
    m_outLast = false;
    detail::writeStreamHead(response, keepAlive, m_version, m_outFraming, m_outRemaining, m_out);
    m_keepAlive = keepAlive;
    m_outSource = std::move(response.bodySource);
    m_phase = Phase::Writing;
    armTimer(TimerMode::Write, m_server->options.writeTimeout);
    asio::async_write(m_socket, asio::buffer(m_out), [self = shared_from_this()](const error_code &ec, std::size_t) {
        if (self->m_phase != Phase::Writing)
            return;
        if (ec)
            return self->close();
        self->nextResponsePiece();
    });
}

// Pulls the next piece of a streamed response only after the previous one was written: a
// client that reads slowly slows the producer (the upstream) down instead of filling memory.
void Connection::nextResponsePiece()
{
    cancelTimer(); // waiting for the producer is not the peer's fault
    if (!m_outSource)
        return close();
    m_outSource->read([self = shared_from_this()](BodyPiece piece) {
        asio::dispatch(self->executor(),
                       [self, piece = std::move(piece)]() mutable { self->onResponsePiece(std::move(piece)); });
    });
}

void Connection::onResponsePiece(BodyPiece piece)
{
    if (m_phase != Phase::Writing)
        return;
    if (piece.failed)
        return close(); // truncated on the wire: the peer must not take it for complete
    if (m_outFraming == detail::StreamFraming::Length) {
        if (piece.data.size() > m_outRemaining || (piece.last && piece.data.size() != m_outRemaining))
            return close(); // the producer broke its announced length
        m_outRemaining -= piece.data.size();
    }
    m_out.clear();
    m_tail.clear();
    if (m_outFraming == detail::StreamFraming::Chunked) {
        if (!piece.data.empty()) {
            detail::appendChunkHeader(m_out, piece.data.size());
            m_tail = "\r\n";
        }
        if (piece.last)
            m_tail += "0\r\n\r\n";
    }
    m_body = std::move(piece.data);
    m_outLast = piece.last;
    armTimer(TimerMode::Write, m_server->options.writeTimeout);
    const std::array<asio::const_buffer, 3> buffers{asio::buffer(m_out), asio::buffer(m_body), asio::buffer(m_tail)};
    asio::async_write(m_socket, buffers, [self = shared_from_this()](const error_code &ec, std::size_t) {
        if (self->m_phase != Phase::Writing)
            return;
        if (ec)
            return self->close();
        if (!self->m_outLast)
            return self->nextResponsePiece();
        self->m_out.clear();
        self->afterWrite();
    });
}

} // namespace

namespace detail {

class ResponderState
{
public:
    explicit ResponderState(std::shared_ptr<Connection> connection)
        : m_connection(std::move(connection))
    {
    }
    ~ResponderState()
    {
        if (!m_sent.load())
            send(Response::text(500, "handler dropped the request\n"));
    }

    void send(Response &&response)
    {
        if (m_sent.exchange(true))
            return;
        auto connection = m_connection;
        asio::dispatch(connection->executor(), [connection, response = std::move(response)]() mutable {
            connection->deliver(std::move(response));
        });
    }

    bool isSent() const { return m_sent.load(); }

private:
    std::shared_ptr<Connection> m_connection;
    std::atomic<bool> m_sent{false};
};

} // namespace detail

void Connection::dispatch()
{
    Request request = m_decoder.takeRequest();
    ++m_requestSeq;
    if (m_decoder.streaming()) {
        m_streamingIn = true;
        m_bodyEnded = false;
        request.bodySource = std::make_shared<ServerBodySource>(shared_from_this(), m_decoder.contentLength());
    }
    request.remoteAddress = m_remoteAddress;
    request.remotePort = m_remotePort;
    request.listenerId = m_listenerId;
    const std::size_t maxRequests = m_server->options.maxRequestsPerConnection;
    m_keepAlive = request.keepAlive && !m_closeAfterResponse && (!maxRequests || m_served + 1 < maxRequests);
    request.keepAlive = m_keepAlive;
    m_headRequest = request.method == "HEAD";
    m_version = request.version;
    m_phase = Phase::Handling;
    cancelTimer();
    m_server->shards[static_cast<std::size_t>(m_index)].requests.fetch_add(1, std::memory_order_relaxed);
    Responder responder(std::make_shared<detail::ResponderState>(shared_from_this()));
    try {
        m_server->handler(std::move(request), Responder(responder)); // a copy: kept for the 500 below
    } catch (...) {
        responder.send(Response::text(500, "handler failed\n"));
    }
}

Responder::Responder(std::shared_ptr<detail::ResponderState> state)
    : m_state(std::move(state))
{
}

void Responder::send(Response &&response) const
{
    if (m_state)
        m_state->send(std::move(response));
}

bool Responder::isSent() const
{
    return m_state && m_state->isSent();
}

void Server::Private::accept(int index, std::shared_ptr<Acceptor> acceptor, int listenerId)
{
    acceptor->async_accept(loop.context(index), [self = shared_from_this(), index, acceptor, listenerId](
                                                    const error_code &ec, Socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor->is_open())
            return;
        if (!ec && !self->stopping.load()) {
            error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            ++self->accepted;
            ++self->open;
            auto connection = std::make_shared<Connection>(self, index, std::move(socket), listenerId);
            self->shards[static_cast<std::size_t>(index)].connections.emplace(connection.get(), connection);
            connection->start();
        }
        self->accept(index, acceptor, listenerId);
    });
}

void Server::Private::sweep(int index)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    if (!shard.sweepTimer)
        shard.sweepTimer = std::make_unique<asio::steady_timer>(loop.context(index));
    shard.sweepTimer->expires_after(sweepInterval());
    shard.sweepTimer->async_wait([self = shared_from_this(), index](const error_code &ec) {
        if (ec)
            return;
        const auto now = std::chrono::steady_clock::now();
        std::vector<std::shared_ptr<Connection>> due;
        for (auto &[raw, weak] : self->shards[static_cast<std::size_t>(index)].connections) {
            if (auto connection = weak.lock())
                due.push_back(std::move(connection));
        }
        for (auto &connection : due)
            connection->checkDeadline(now);
        self->sweep(index);
    });
}

void Server::Private::connectionClosed(int index, Connection *connection)
{
    shards[static_cast<std::size_t>(index)].connections.erase(connection);
    if (--open == 0 && stopping.load()) {
        std::lock_guard lock(stopMutex);
        stopCondition.notify_all();
    }
}

void Server::Private::beginStop(int index)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    for (auto &acceptor : shard.acceptors) {
        error_code ec;
        acceptor->close(ec);
    }
    shard.acceptors.clear();
    std::vector<std::shared_ptr<Connection>> connections;
    for (auto &[raw, weak] : shard.connections) {
        if (auto connection = weak.lock())
            connections.push_back(std::move(connection));
    }
    for (auto &connection : connections)
        connection->beginStop();
}

void Server::Private::forceClose(int index)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    shard.sweepTimer.reset();
    for (auto &acceptor : shard.acceptors) {
        error_code ec;
        acceptor->close(ec);
    }
    shard.acceptors.clear();
    std::vector<std::shared_ptr<Connection>> connections;
    for (auto &[raw, weak] : shard.connections) {
        if (auto connection = weak.lock())
            connections.push_back(std::move(connection));
    }
    for (auto &connection : connections)
        connection->close();
}

Server::Server(EventLoop &loop, ServerOptions options, Handler handler)
    : m_d(std::make_shared<Private>(loop, std::move(options), std::move(handler)))
{
}

Server::~Server()
{
    stop();
}

ListenResult Server::listen(const std::string &address, std::uint16_t port, int listenerId)
{
    ListenResult result;
    error_code ec;
    const auto ip = asio::ip::make_address(address == "localhost" ? std::string("127.0.0.1") : address, ec);
    if (ec) {
        result.error = "invalid address " + address + ": " + ec.message();
        return result;
    }
    std::vector<std::shared_ptr<Acceptor>> acceptors;
    std::uint16_t boundPort = port;
    for (int i = 0; i < m_d->loop.threadCount(); ++i) {
        auto acceptor = std::make_shared<Acceptor>(m_d->loop.context(i));
        const tcp::endpoint endpoint(ip, boundPort);
        acceptor->open(endpoint.protocol(), ec);
        if (!ec)
            acceptor->set_option(Acceptor::reuse_address(true), ec);
        if (!ec)
            acceptor->set_option(ReusePort(true), ec);
        if (!ec)
            acceptor->bind(endpoint, ec);
        if (!ec)
            acceptor->listen(asio::socket_base::max_listen_connections, ec);
        if (ec) {
            result.error = "cannot listen on " + address + ":" + std::to_string(boundPort) + ": " + ec.message();
            return result;
        }
        boundPort = acceptor->local_endpoint().port();
        acceptors.push_back(std::move(acceptor));
    }
    for (int i = 0; i < m_d->loop.threadCount(); ++i) {
        asio::post(m_d->loop.context(i), [d = m_d, i, acceptor = acceptors[static_cast<std::size_t>(i)], listenerId] {
            if (d->stopping.load())
                return;
            auto &shard = d->shards[static_cast<std::size_t>(i)];
            if (!shard.sweepTimer)
                d->sweep(i);
            shard.acceptors.push_back(acceptor);
            d->accept(i, acceptor, listenerId);
        });
    }
    result.ok = true;
    result.port = boundPort;
    return result;
}

void Server::stop()
{
    if (m_d->stopping.exchange(true))
        return;
    if (!m_d->loop.isRunning())
        return;
    for (int i = 0; i < m_d->loop.threadCount(); ++i)
        asio::post(m_d->loop.context(i), [d = m_d, i] { d->beginStop(i); });
    {
        std::unique_lock lock(m_d->stopMutex);
        m_d->stopCondition.wait_for(lock, m_d->options.gracefulStopTimeout, [this] { return m_d->open.load() == 0; });
    }
    // Close what is left and drop every loop-bound object (acceptors, sweep timers) on its own
    // thread, so nothing of this server outlives its io_context.
    m_d->loop.runOnEveryThread([d = m_d](int i) { d->forceClose(i); });
    std::unique_lock lock(m_d->stopMutex);
    m_d->stopCondition.wait_for(lock, std::chrono::seconds(5), [this] { return m_d->open.load() == 0; });
}

ServerStats Server::stats() const
{
    ServerStats stats;
    stats.acceptedConnections = m_d->accepted.load();
    stats.openConnections = m_d->open.load();
    for (const ServerShard &shard : m_d->shards)
        stats.requests += shard.requests.load(std::memory_order_relaxed);
    stats.rejectedRequests = m_d->rejected.load();
    return stats;
}

const ServerOptions &Server::options() const
{
    return m_d->options;
}

} // namespace Gatehouse::Runtime::Http
