#include "http/client.h"

#include "http/detail/eventloopprivate.h"
#include "http/detail/responsewriter.h"
#include "http/detail/tokenchars.h"
#include "http/detail/wirewriter.h"
#include "http/eventloop.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include "http/detail/responseparser.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace Gatehouse::Runtime::Http {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using namespace std::string_view_literals; // literals appended to the wire without a strlen

std::string_view nameOf(ClientError error)
{
    switch (error) {
    case ClientError::None: return "none";
    case ClientError::ConnectRefused: return "connect-refused";
    case ClientError::Timeout: return "timeout";
    case ClientError::Reset: return "reset";
    case ClientError::Protocol: return "protocol";
    case ClientError::TooLarge: return "too-large";
    case ClientError::Resolve: return "resolve";
    case ClientError::Cancelled: return "cancelled";
    case ClientError::RequestBody: return "request-body";
    }
    return "unknown";
}

namespace {

struct Pool;
struct Exchange;

// Interim (1xx) responses read past before a final one; more is a misbehaving upstream.
constexpr int kMaxInterimResponses = 16;
// Cap on the field-list reservation carried over between responses (one odd answer with
// thousands of fields must not make every later one reserve as much).
constexpr std::size_t kMaxFieldsHint = 64;

// One upstream TCP connection, owned by its pool; lives on one loop thread.
struct UpstreamConnection : std::enable_shared_from_this<UpstreamConnection>
{
    explicit UpstreamConnection(asio::io_context &context)
        : socket(context)
    {
    }
    detail::Socket socket;
    std::chrono::steady_clock::time_point idleSince;
    boost::beast::flat_buffer buffer;
    std::optional<detail::ResponseParser> parser;
    std::string wire; // the request head being sent; its capacity serves the next request too
    std::string framingHead; // what a streamed answer's parser is shown of its head (readHead)
    std::size_t fieldsHint = 8; // fields in the last response: the next one likely has as many
    bool idle = false;
    bool closed = false;
    bool everUsed = false;
};

struct Exchange : std::enable_shared_from_this<Exchange>
{
    // Built around the request (moved in, not assigned over a default one: it has four strings).
    Exchange(ClientRequest &&request, Client::Callback &&callback)
        : request(std::move(request))
        , callback(std::move(callback))
    {
    }
    ~Exchange();

    ClientRequest request;
    Client::Callback callback;
    std::chrono::steady_clock::time_point deadline;
    std::shared_ptr<UpstreamConnection> connection;
    std::shared_ptr<Pool> pool;
    int thread = 0; // the loop thread (and Client shard) that runs it
    std::chrono::milliseconds timeout{0};
    bool done = false; // the callback has run (or is running)
    bool retried = false;
    bool headRequest = false;
    int interims = 0; // 1xx responses read past so far

    // Streamed request body (request.bodySource).
    bool uploading = false;         // pieces still to be sent
    bool uploadReadStarted = false; // a piece was taken from the source: no retry any more
    bool waitingOnSource = false;   // paused by the body's producer, not by the upstream
    bool uploadChunked = false;
    bool uploadLast = false;
    std::string uploadHead, uploadData, uploadTail;

    // Streamed response body (ClientResponse::bodySource), after the callback ran.
    bool streaming = false;
    BodySource::Callback bodyWaiter;
    std::atomic<std::uint64_t> bodyTransferred{0};

    // Links in the pool's list of active exchanges (started, not finished): intrusive, so
    // tracking a request costs no allocation. Touched only on the pool's loop thread.
    Exchange *activePrev = nullptr;
    Exchange *activeNext = nullptr;
    bool activeLinked = false;
};

} // namespace

class Client::Private : public std::enable_shared_from_this<Client::Private>
{
public:
    Private(EventLoop &loop, ClientOptions options)
        : loop(loop.impl())
        , options(std::move(options))
        , shards(static_cast<std::size_t>(loop.threadCount()))
    {
        const auto threads = static_cast<std::size_t>(loop.threadCount());
        capPerThread = std::max<std::size_t>(1, (this->options.maxConnectionsPerUpstream + threads - 1) / threads);
    }

    // What one loop thread owns; on its own cache lines, so that the per-request counters below
    // are never written by two threads on one line.
    struct alignas(64) Shard
    {
        std::atomic<std::uint64_t> requests{0}; // written by this shard's thread only; read by stats()
        std::atomic<std::uint64_t> reused{0};
        // One per upstream host:port. A loop thread talks to few upstreams: a linear scan costs
        // less than building and hashing a key string per request.
        std::vector<std::shared_ptr<Pool>> pools;
        std::unique_ptr<tcp::resolver> resolver;
        std::unique_ptr<asio::steady_timer> sweepTimer;
        // An eighth of the shortest timeout seen, within 5–250 ms: timeouts fire at most that late.
        std::chrono::milliseconds sweepInterval{250};
        bool sweeping = false;
        bool stopped = false;
    };

    // Exchanges, pools and connections are passed by reference: every caller holds its own
    // reference for the call, so no reference count changes hands (atomics) per call.
    void start(int index, const std::shared_ptr<Exchange> &exchange);
    void acquire(const std::shared_ptr<Exchange> &exchange);
    void connectNew(const std::shared_ptr<Exchange> &exchange);
    void send(const std::shared_ptr<Exchange> &exchange);
    void newParser(const Exchange &exchange, UpstreamConnection &connection);
    void readResponse(const std::shared_ptr<Exchange> &exchange);
    void readHead(const std::shared_ptr<Exchange> &exchange);
    bool takeBufferedHead(const std::shared_ptr<Exchange> &exchange);
    void readHeadWithBeast(const std::shared_ptr<Exchange> &exchange);
    void onResponse(const std::shared_ptr<Exchange> &exchange, const error_code &ec);
    void onHead(const std::shared_ptr<Exchange> &exchange, const error_code &ec);
    void pumpUpload(const std::shared_ptr<Exchange> &exchange);
    void onUploadPiece(std::shared_ptr<Exchange> exchange, std::shared_ptr<UpstreamConnection> connection,
                       BodyPiece piece);
    void readResponseBody(const std::shared_ptr<Exchange> &exchange, BodySource::Callback callback);
    void endStream(const std::shared_ptr<Exchange> &exchange, bool ok);
    void failStream(const std::shared_ptr<Exchange> &exchange, std::string error);
    void abandonStream(const std::shared_ptr<Exchange> &exchange);
    void finish(const std::shared_ptr<Exchange> &exchange, ClientResponse response);
    void fail(const std::shared_ptr<Exchange> &exchange, ClientError error, std::string message);
    void release(const std::shared_ptr<Pool> &pool, const std::shared_ptr<UpstreamConnection> &connection, bool reusable);
    void discard(Pool &pool, const std::shared_ptr<UpstreamConnection> &connection);
    void sweep(int index);
    void pump(const std::shared_ptr<Pool> &pool);
    void stopShard(int index);

    detail::EventLoopPrivate &loop;
    ClientOptions options;
    std::size_t capPerThread = 1;
    std::vector<Shard> shards;
    std::atomic<bool> stopped{false};
    std::atomic<std::uint64_t> opened{0};
};

namespace {

struct Pool
{
    asio::io_context *context = nullptr;
    std::string host;
    std::uint16_t port = 0;
    std::vector<tcp::endpoint> endpoints;
    bool resolved = false;
    bool resolving = false;
    std::vector<std::shared_ptr<UpstreamConnection>> idle;
    std::size_t total = 0;
    std::deque<std::shared_ptr<Exchange>> waiting;
    std::deque<std::shared_ptr<Exchange>> resolveWaiting;
    Exchange *active = nullptr; // started, not finished (intrusive list, see Exchange)

    void link(Exchange &exchange)
    {
        if (exchange.activeLinked)
            return;
        exchange.activeLinked = true;
        exchange.activePrev = nullptr;
        exchange.activeNext = active;
        if (active)
            active->activePrev = &exchange;
        active = &exchange;
    }
    void unlink(Exchange &exchange)
    {
        if (!exchange.activeLinked)
            return;
        exchange.activeLinked = false;
        if (exchange.activePrev)
            exchange.activePrev->activeNext = exchange.activeNext;
        else
            active = exchange.activeNext;
        if (exchange.activeNext)
            exchange.activeNext->activePrev = exchange.activePrev;
        exchange.activePrev = exchange.activeNext = nullptr;
    }
    // Strong references to every active exchange (callbacks may change the list meanwhile).
    std::vector<std::shared_ptr<Exchange>> activeSnapshot() const
    {
        std::vector<std::shared_ptr<Exchange>> result;
        for (Exchange *e = active; e; e = e->activeNext) {
            if (auto strong = e->weak_from_this().lock())
                result.push_back(std::move(strong));
        }
        return result;
    }
};

Exchange::~Exchange()
{
    if (activeLinked && pool)
        pool->unlink(*this);
}

// Takes a streamed answer's head out of `received` in one pass, when the whole head is there
// and every line of it is plain: CR LF line ends, and each field line a token name right before
// the colon and a value of field-value bytes (detail::isFieldLine). The fields go into
// parser.headers as they are checked; the status line and the framing fields into
// `framingHead`, for Beast to frame the body with (it checks the status line). Returns the
// head's length, final empty line included; 0 when it took nothing (a partial head, a folded
// line, a bad byte, a head over `limit`): the caller then leaves the whole head to Beast, whose
// verdict on odd heads stays the one the client has always had.
std::size_t takeResponseHead(std::string_view received, std::size_t limit, detail::ResponseParser &parser,
                             std::string &framingHead)
{
    framingHead.clear();
    const auto notTaken = [&parser] {
        parser.headers.clear();
        return std::size_t(0);
    };
    for (std::size_t lineStart = 0;;) {
        const std::size_t lf = received.find('\n', lineStart);
        if (lf == std::string_view::npos || lf >= limit || lf == lineStart || received[lf - 1] != '\r')
            return notTaken();
        const std::string_view line = received.substr(lineStart, lf - 1 - lineStart);
        const std::string_view lineWithEnd = received.substr(lineStart, lf + 1 - lineStart);
        if (lineStart == 0) {
            if (line.empty())
                return notTaken();
            framingHead.append(lineWithEnd);
        } else if (line.empty()) {
            framingHead.append("\r\n");
            return lf + 1;
        } else {
            const std::size_t nameLength = detail::fieldNameLength(line);
            if (nameLength == std::string_view::npos || !detail::isFieldValue(line.substr(nameLength + 1)))
                return notTaken();
            detail::takeFieldLine(parser, line, nameLength, lineWithEnd, framingHead);
        }
        lineStart = lf + 1;
    }
}

void serialize(Exchange &exchange, std::string &out)
{
    const ClientRequest &request = exchange.request;
    out.clear();
    // Room for the request line, the fields, Host and the framing field: one resize.
    const std::size_t room = 96 + request.method.size() + request.target.size() + request.host.size();
    detail::WireWriter wire(out, detail::WireWriter::roomFor(request.headers, room));
    wire.put(request.method);
    wire.put(' ');
    wire.put(request.target.empty() ? std::string_view("/") : std::string_view(request.target));
    wire.put(" HTTP/1.1\r\n"sv);
    bool hasHost = false;
    const auto &fields = request.headers.fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto &[name, value] = fields[i];
        // Expect is dropped: the body follows the head at once, the client never waits for a 100.
        if (detail::isFramingFieldOfTheWriter(name) || (name.size() == 6 && Headers::equalsIgnoreCase(name, "expect"))
            || (i >= request.headers.parsedCount() && !detail::isValidField(name, value)))
            continue;
        hasHost = hasHost || (name.size() == 4 && Headers::equalsIgnoreCase(name, "host"));
        wire.putField(name, value);
    }
    if (!hasHost) {
        wire.put("Host: "sv);
        wire.put(request.host);
        wire.put(':');
        wire.putNumber(request.port);
        wire.put("\r\n"sv);
    }
    const bool bodyExpected = !request.body.empty() || request.method == "POST"sv || request.method == "PUT"sv
        || request.method == "PATCH"sv;
    if (request.bodySource) {
        const std::int64_t length = request.bodySource->length();
        exchange.uploadChunked = length < 0;
        if (length < 0) {
            wire.put("Transfer-Encoding: chunked\r\n"sv);
        } else {
            wire.put("Content-Length: "sv);
            wire.putNumber(static_cast<std::uint64_t>(length));
            wire.put("\r\n"sv);
        }
    } else if (bodyExpected) {
        wire.put("Content-Length: "sv);
        wire.putNumber(request.body.size());
        wire.put("\r\n"sv);
    }
    wire.put("\r\n"sv); // the body goes out as a second buffer
    wire.finish();
}

} // namespace

namespace {

// A response body still arriving from the upstream, read through the client's exchange.
class ClientBodySource final : public BodySource
{
public:
    ClientBodySource(std::shared_ptr<Client::Private> client, std::shared_ptr<Exchange> exchange, std::int64_t length)
        : m_client(std::move(client))
        , m_exchange(std::move(exchange))
        , m_length(length)
    {
    }
    ~ClientBodySource() override
    {
        asio::post(m_client->loop.context(m_exchange->thread),
                   [client = m_client, exchange = m_exchange] { client->abandonStream(exchange); });
    }

    std::int64_t length() const override { return m_length; }
    std::uint64_t transferred() const override { return m_exchange->bodyTransferred.load(std::memory_order_relaxed); }
    void read(Callback callback) override
    {
        asio::dispatch(m_client->loop.context(m_exchange->thread),
                       [client = m_client, exchange = m_exchange, callback = std::move(callback)]() mutable {
                           client->readResponseBody(std::move(exchange), std::move(callback));
                       });
    }

private:
    std::shared_ptr<Client::Private> m_client;
    std::shared_ptr<Exchange> m_exchange;
    std::int64_t m_length;
};

} // namespace

void Client::Private::start(int index, const std::shared_ptr<Exchange> &exchange)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    if (shard.stopped || stopped.load())
        return fail(exchange, ClientError::Cancelled, "client stopped");
    shard.requests.fetch_add(1, std::memory_order_relaxed);
    const auto timeout = exchange->request.timeout.count() > 0 ? exchange->request.timeout : options.defaultTimeout;
    exchange->thread = index;
    exchange->timeout = timeout;
    exchange->deadline = std::chrono::steady_clock::now() + timeout;
    shard.sweepInterval = std::min(shard.sweepInterval, std::clamp(std::min(timeout, options.idleTimeout) / 8,
                                                                   std::chrono::milliseconds(5),
                                                                   std::chrono::milliseconds(250)));
    if (!shard.sweeping)
        sweep(index);
    const auto &host = exchange->request.host;
    const auto port = exchange->request.port;
    auto found = std::find_if(shard.pools.begin(), shard.pools.end(),
                              [&](const std::shared_ptr<Pool> &p) { return p->port == port && p->host == host; });
    if (found != shard.pools.end()) {
        exchange->pool = *found;
    } else {
        auto pool = std::make_shared<Pool>();
        pool->context = &loop.context(index);
        pool->host = exchange->request.host;
        pool->port = exchange->request.port;
        error_code ec;
        const auto ip = asio::ip::make_address(pool->host == "localhost" ? std::string("127.0.0.1") : pool->host, ec);
        if (!ec) {
            pool->endpoints.emplace_back(ip, pool->port);
            pool->resolved = true;
        }
        shard.pools.push_back(pool);
        exchange->pool = std::move(pool);
    }
    const auto &pool = exchange->pool; // the exchange keeps its pool for its whole life
    pool->link(*exchange);
    exchange->headRequest = exchange->request.method == "HEAD"sv;
    if (pool->resolved)
        return acquire(exchange);
    pool->resolveWaiting.push_back(exchange);
    if (pool->resolving)
        return;
    pool->resolving = true;
    if (!shard.resolver)
        shard.resolver = std::make_unique<tcp::resolver>(loop.context(index));
    shard.resolver->async_resolve(
        pool->host, std::to_string(pool->port),
        [self = shared_from_this(), pool](const error_code &ec, tcp::resolver::results_type results) {
            pool->resolving = false;
            auto waiting = std::move(pool->resolveWaiting);
            pool->resolveWaiting.clear();
            if (ec || results.empty()) {
                for (auto &exchange : waiting)
                    self->fail(exchange, ClientError::Resolve, "cannot resolve " + pool->host);
                return;
            }
            for (const auto &entry : results)
                pool->endpoints.push_back(entry.endpoint());
            pool->resolved = true;
            for (auto &exchange : waiting) {
                if (!exchange->done)
                    self->acquire(exchange);
            }
        });
}

void Client::Private::acquire(const std::shared_ptr<Exchange> &exchange)
{
    Pool &pool = *exchange->pool;
    while (!pool.idle.empty()) {
        auto connection = std::move(pool.idle.back());
        pool.idle.pop_back();
        if (connection->closed) {
            continue;
        }
        connection->idle = false;
        exchange->connection = std::move(connection);
        return send(exchange);
    }
    if (pool.total < capPerThread)
        return connectNew(exchange);
    pool.waiting.push_back(exchange);
}

void Client::Private::connectNew(const std::shared_ptr<Exchange> &exchange)
{
    Pool &pool = *exchange->pool;
    ++pool.total;
    auto connection = std::make_shared<UpstreamConnection>(*pool.context);
    exchange->connection = connection;
    asio::async_connect(connection->socket, pool.endpoints,
                        [self = shared_from_this(), exchange, connection](const error_code &ec, const tcp::endpoint &) {
                            if (exchange->done || exchange->connection != connection) {
                                self->discard(*exchange->pool, connection);
                                self->pump(exchange->pool);
                                return;
                            }
                            if (ec) {
                                self->discard(*exchange->pool, connection);
                                exchange->connection.reset();
                                self->fail(exchange, ClientError::ConnectRefused, ec.message());
                                return;
                            }
                            ++self->opened;
                            error_code ignored;
                            connection->socket.set_option(tcp::no_delay(true), ignored);
                            self->send(exchange);
                        });
}

void Client::Private::send(const std::shared_ptr<Exchange> &exchange)
{
    const auto &connection = exchange->connection;
    if (connection->everUsed)
        shards[static_cast<std::size_t>(exchange->thread)].reused.fetch_add(1, std::memory_order_relaxed);
    newParser(*exchange, *connection);
    connection->buffer.consume(connection->buffer.size());
    if (connection->wire.capacity() > 64 * 1024)
        std::string().swap(connection->wire); // one huge head does not stay with the connection
    serialize(*exchange, connection->wire);
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(connection->wire), asio::buffer(exchange->request.body)};
    asio::async_write(connection->socket, buffers,
                      [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                          if (exchange->done || exchange->connection != connection)
                              return;
                          if (ec)
                              return self->onResponse(exchange, ec);
                          // The upload runs alongside the read: an upstream may answer early.
                          if (exchange->request.bodySource) {
                              exchange->uploading = true;
                              self->pumpUpload(exchange);
                          }
                          self->readResponse(exchange);
                      });
}

void Client::Private::newParser(const Exchange &exchange, UpstreamConnection &connection)
{
    connection.parser.emplace(connection.fieldsHint);
    connection.parser->header_limit(static_cast<std::uint32_t>(options.maxResponseHeaderBytes));
    if (exchange.request.streamResponse)
        // Streamed: bounded by pieces, not by size. (Not boost::none: Beast 1.74 compares a
        // Content-Length against an empty optional as "too large".)
        connection.parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    else
        connection.parser->body_limit(options.maxResponseBodyBytes);
    if (exchange.headRequest)
        connection.parser->skip(true);
}

// Reads the response head (streamed) or the whole response; bytes already buffered are parsed
// first (an interim 1xx response may have arrived together with the final one).
void Client::Private::readResponse(const std::shared_ptr<Exchange> &exchange)
{
    const auto &connection = exchange->connection;
    if (exchange->request.streamResponse)
        return readHead(exchange);
    bhttp::async_read(connection->socket, connection->buffer, *connection->parser,
                      [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                          if (exchange->done || exchange->connection != connection)
                              return;
                          self->onResponse(exchange, ec);
                      });
}

// A streamed answer's head: when it is all in the first bytes read (nearly always: a head is
// a few hundred bytes), its fields go into Headers straight from takeResponseHead's checked
// lines and Beast's parser is shown the status line and the framing fields only, so it does not
// parse every field a second time. Otherwise Beast reads and parses the whole head as it
// arrives (readHeadWithBeast): heads that come in pieces are not scanned over and over, and odd
// ones get Beast's verdict.
void Client::Private::readHead(const std::shared_ptr<Exchange> &exchange)
{
    if (takeBufferedHead(exchange))
        return;
    const auto &connection = exchange->connection;
    if (connection->buffer.size() > 0)
        return readHeadWithBeast(exchange);
    connection->socket.async_read_some(
        connection->buffer.prepare(16 * 1024),
        [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t n) {
            if (exchange->done || exchange->connection != connection)
                return;
            if (ec)
                return self->onHead(exchange, ec);
            connection->buffer.commit(n);
            if (!self->takeBufferedHead(exchange))
                self->readHeadWithBeast(exchange);
        });
}

bool Client::Private::takeBufferedHead(const std::shared_ptr<Exchange> &exchange)
{
    const auto &connection = exchange->connection;
    const auto bytes = connection->buffer.data();
    if (bytes.size() == 0)
        return false;
    const std::string_view received(static_cast<const char *>(bytes.data()), bytes.size());
    auto &parser = *connection->parser;
    parser.headers.reserve(connection->fieldsHint, std::min(received.size(), options.maxResponseHeaderBytes));
    const std::size_t length = takeResponseHead(received, options.maxResponseHeaderBytes, parser, connection->framingHead);
    if (length == 0)
        return false;
    error_code ec;
    detail::putFramingHead(parser, connection->framingHead, ec);
    connection->buffer.consume(length);
    onHead(exchange, ec);
    return true;
}

void Client::Private::readHeadWithBeast(const std::shared_ptr<Exchange> &exchange)
{
    const auto &connection = exchange->connection;
    bhttp::async_read_header(connection->socket, connection->buffer, *connection->parser,
                             [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                                 if (exchange->done || exchange->connection != connection)
                                     return;
                                 self->onHead(exchange, ec);
                             });
}

void Client::Private::pumpUpload(const std::shared_ptr<Exchange> &exchange)
{
    exchange->waitingOnSource = true;
    exchange->uploadReadStarted = true;
    auto source = exchange->request.bodySource;
    source->read([self = shared_from_this(), exchange, connection = exchange->connection](BodyPiece piece) mutable {
        asio::dispatch(self->loop.context(exchange->thread), [self, exchange, connection, piece = std::move(piece)]() mutable {
            self->onUploadPiece(std::move(exchange), std::move(connection), std::move(piece));
        });
    });
}

void Client::Private::onUploadPiece(std::shared_ptr<Exchange> exchange, std::shared_ptr<UpstreamConnection> connection,
                                    BodyPiece piece)
{
    exchange->waitingOnSource = false;
    if (exchange->connection != connection || !exchange->uploading)
        return; // the exchange ended meanwhile
    if (piece.failed) {
        // The upstream must never take a truncated body for a whole one: the connection closes.
        exchange->uploading = false;
        exchange->request.bodySource.reset();
        if (!exchange->done)
            return fail(exchange, ClientError::RequestBody, "request body: " + piece.error);
        if (exchange->streaming)
            return failStream(exchange, "request body: " + piece.error);
        return;
    }
    exchange->uploadHead.clear();
    exchange->uploadTail.clear();
    if (exchange->uploadChunked) {
        if (!piece.data.empty()) {
            detail::appendChunkHeader(exchange->uploadHead, piece.data.size());
            exchange->uploadTail = "\r\n";
        }
        if (piece.last)
            exchange->uploadTail += "0\r\n\r\n";
    }
    exchange->uploadData = std::move(piece.data);
    exchange->uploadLast = piece.last;
    exchange->deadline = std::chrono::steady_clock::now() + exchange->timeout;
    const std::array<asio::const_buffer, 3> buffers{asio::buffer(exchange->uploadHead),
                                                    asio::buffer(exchange->uploadData),
                                                    asio::buffer(exchange->uploadTail)};
    asio::async_write(connection->socket, buffers,
                      [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                          if (exchange->connection != connection || !exchange->uploading)
                              return;
                          if (ec) {
                              // The upstream stopped reading (it may have answered already): the
                              // response read decides what happens; the connection is not reused.
                              exchange->uploading = false;
                              exchange->request.bodySource.reset();
                              return;
                          }
                          exchange->deadline = std::chrono::steady_clock::now() + exchange->timeout;
                          if (exchange->uploadLast) {
                              exchange->uploading = false;
                              exchange->uploadData.clear();
                              exchange->request.bodySource.reset();
                              return;
                          }
                          self->pumpUpload(exchange);
                      });
}

void Client::Private::onResponse(const std::shared_ptr<Exchange> &exchange, const error_code &ec)
{
    auto connection = exchange->connection; // a copy: the exchange lets go of it below
    auto &parser = *connection->parser;
    const bool reusedConnection = connection->everUsed;
    connection->everUsed = true;
    if (ec) {
        const bool nothingReceived = !parser.got_some() && connection->buffer.size() == 0;
        const bool closedByPeer = ec == asio::error::eof || ec == asio::error::connection_reset
            || ec == asio::error::broken_pipe || ec == bhttp::error::end_of_stream;
        discard(*exchange->pool, connection);
        exchange->connection.reset();
        const bool uploadStarted = exchange->uploadReadStarted;
        exchange->uploading = false;
        if (reusedConnection && nothingReceived && closedByPeer && !exchange->retried && !uploadStarted
            && exchange->interims == 0) {
            // A pooled connection the upstream had already closed: retry once on a new one.
            exchange->retried = true;
            return acquire(exchange);
        }
        if (ec == bhttp::error::body_limit || ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow)
            fail(exchange, ClientError::TooLarge, ec.message());
        else if (closedByPeer || ec == bhttp::error::partial_message)
            fail(exchange, ClientError::Reset, ec.message());
        else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category())
            fail(exchange, ClientError::Protocol, ec.message());
        else
            fail(exchange, ClientError::Reset, ec.message());
        pump(exchange->pool);
        return;
    }
    if (parser.isInterim()) {
        // 103 Early Hints, 100 Continue, …: informational; the final response follows.
        connection->everUsed = reusedConnection;
        if (++exchange->interims > kMaxInterimResponses)
            return fail(exchange, ClientError::Protocol, "too many interim (1xx) responses");
        newParser(*exchange, *connection);
        return readResponse(exchange);
    }
    ClientResponse response;
    response.status = parser.status;
    response.version = parser.version;
    response.reusedConnection = reusedConnection;
    response.headers = std::move(parser.headers);
    response.body = std::move(parser.body);
    connection->fieldsHint = std::min<std::size_t>(response.headers.size(), kMaxFieldsHint);
    const bool reusable = parser.reusable() && connection->buffer.size() == 0
        && !exchange->request.bodySource; // a body not sent to its end leaves the stream unusable
    exchange->uploading = false;
    exchange->request.bodySource.reset();
    exchange->connection.reset();
    release(exchange->pool, connection, reusable);
    finish(exchange, std::move(response));
}

void Client::Private::onHead(const std::shared_ptr<Exchange> &exchange, const error_code &ec)
{
    if (ec)
        return onResponse(exchange, ec);
    auto connection = exchange->connection;
    auto &parser = *connection->parser;
    // Whatever of the body arrived with the head is parsed here and now: a small answer is then
    // complete without a second asynchronous read (which would cost a post per request).
    parser.eager(true);
    while (!parser.is_done() && connection->buffer.size() > 0) {
        if (parser.chunked() && connection->buffer.size() < 5)
            break; // see RequestDecoder: Beast 1.74 wants the final chunk whole
        error_code parseError;
        const std::size_t n = parser.put(connection->buffer.data(), parseError);
        connection->buffer.consume(n);
        if (parseError == bhttp::error::need_more)
            break;
        if (parseError)
            return onResponse(exchange, parseError);
        if (n == 0)
            break;
    }
    if (parser.is_done())
        return onResponse(exchange, ec);
    const auto length = parser.content_length();
    if (!parser.chunked() && length && *length <= exchange->request.streamResponseAbove) {
        // Small: read it whole, one callback, as without streaming.
        bhttp::async_read(connection->socket, connection->buffer, parser,
                          [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                              if (exchange->done || exchange->connection != connection)
                                  return;
                              self->onResponse(exchange, ec);
                          });
        return;
    }
    ClientResponse response;
    response.status = parser.status;
    response.version = parser.version;
    response.reusedConnection = connection->everUsed;
    connection->everUsed = true;
    response.headers = std::move(parser.headers); // the body keeps arriving in parser.body
    connection->fieldsHint = std::min<std::size_t>(response.headers.size(), kMaxFieldsHint);
    response.bodySource = std::make_shared<ClientBodySource>(
        shared_from_this(), exchange, length ? static_cast<std::int64_t>(*length) : std::int64_t(-1));
    // The exchange stays active (the sweep watches its reads) until the body ends.
    exchange->streaming = true;
    exchange->done = true;
    exchange->deadline = std::chrono::steady_clock::now() + exchange->timeout;
    auto callback = std::move(exchange->callback);
    exchange->callback = nullptr;
    if (callback)
        callback(std::move(response));
}

void Client::Private::readResponseBody(const std::shared_ptr<Exchange> &exchange, BodySource::Callback callback)
{
    if (!exchange->streaming || !exchange->connection) {
        BodyPiece piece;
        piece.failed = true;
        piece.error = "the response body is no longer available";
        return callback(std::move(piece));
    }
    auto connection = exchange->connection;
    auto &parser = *connection->parser;
    auto &body = parser.body;
    if (!body.empty() || parser.is_done()) {
        BodyPiece piece;
        piece.data.swap(body);
        piece.last = parser.is_done();
        exchange->bodyTransferred.fetch_add(piece.data.size(), std::memory_order_relaxed);
        if (piece.last)
            endStream(exchange, true);
        return callback(std::move(piece));
    }
    // Read from the upstream only now that the reader wants more: that is the backpressure.
    exchange->bodyWaiter = std::move(callback);
    exchange->deadline = std::chrono::steady_clock::now() + exchange->timeout;
    bhttp::async_read_some(connection->socket, connection->buffer, parser,
                           [self = shared_from_this(), exchange, connection](const error_code &ec, std::size_t) {
                               if (exchange->connection != connection || !exchange->streaming)
                                   return;
                               auto waiter = std::move(exchange->bodyWaiter);
                               exchange->bodyWaiter = nullptr;
                               if (ec) {
                                   self->endStream(exchange, false);
                                   BodyPiece piece;
                                   piece.failed = true;
                                   piece.error = "upstream: " + ec.message();
                                   if (waiter)
                                       waiter(std::move(piece));
                                   return;
                               }
                               if (waiter)
                                   self->readResponseBody(exchange, std::move(waiter));
                           });
}

void Client::Private::endStream(const std::shared_ptr<Exchange> &exchange, bool ok)
{
    if (!exchange->streaming)
        return;
    exchange->streaming = false;
    auto connection = std::move(exchange->connection);
    exchange->connection.reset();
    auto pool = exchange->pool;
    if (pool)
        pool->unlink(*exchange);
    bool reusable = false;
    if (ok && connection && connection->parser)
        reusable = connection->parser->reusable() && connection->buffer.size() == 0 && !exchange->request.bodySource;
    exchange->uploading = false;
    exchange->request.bodySource.reset();
    if (!connection || !pool)
        return;
    if (ok) {
        connection->parser.reset(); // frees the piece buffer of an idle connection
        release(pool, connection, reusable);
    } else {
        discard(*pool, connection);
        pump(pool);
    }
}

void Client::Private::failStream(const std::shared_ptr<Exchange> &exchange, std::string error)
{
    if (!exchange->streaming)
        return;
    auto waiter = std::move(exchange->bodyWaiter);
    exchange->bodyWaiter = nullptr;
    endStream(exchange, false);
    if (waiter) {
        BodyPiece piece;
        piece.failed = true;
        piece.error = std::move(error);
        waiter(std::move(piece));
    }
}

void Client::Private::abandonStream(const std::shared_ptr<Exchange> &exchange)
{
    exchange->bodyWaiter = nullptr;
    endStream(exchange, false);
}

void Client::Private::finish(const std::shared_ptr<Exchange> &exchange, ClientResponse response)
{
    if (exchange->done)
        return;
    exchange->done = true;
    if (exchange->pool)
        exchange->pool->unlink(*exchange);
    auto callback = std::move(exchange->callback);
    exchange->callback = nullptr;
    if (callback)
        callback(std::move(response));
}

void Client::Private::fail(const std::shared_ptr<Exchange> &exchange, ClientError error, std::string message)
{
    if (exchange->done)
        return;
    exchange->uploading = false;
    exchange->request.bodySource.reset();
    if (auto connection = exchange->connection) {
        exchange->connection.reset();
        if (exchange->pool)
            discard(*exchange->pool, connection);
        if (exchange->pool)
            pump(exchange->pool);
    }
    if (exchange->pool) {
        auto &waiting = exchange->pool->waiting;
        std::erase(waiting, exchange);
    }
    ClientResponse response;
    response.error = error;
    response.errorMessage = std::move(message);
    finish(exchange, std::move(response));
}

void Client::Private::discard(Pool &pool, const std::shared_ptr<UpstreamConnection> &connection)
{
    if (connection->closed)
        return;
    connection->closed = true;
    connection->idle = false;
    error_code ignored;
    connection->socket.close(ignored);
    if (pool.total > 0)
        --pool.total;
}

void Client::Private::release(const std::shared_ptr<Pool> &pool, const std::shared_ptr<UpstreamConnection> &connection,
                              bool reusable)
{
    if (!reusable || stopped.load() || pool->idle.size() >= options.maxIdlePerUpstream) {
        discard(*pool, connection);
    } else {
        connection->idle = true;
        connection->idleSince = std::chrono::steady_clock::now();
        pool->idle.push_back(connection);
    }
    pump(pool);
}

// Timeouts and idle expiry are checked by one timer per loop thread instead of a timer per
// request (arming Asio timers costs syscalls on every request). Upstreams that close an idle
// connection are noticed when it is next used (the request is then retried once) or at expiry.
void Client::Private::sweep(int index)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    if (!shard.sweepTimer)
        shard.sweepTimer = std::make_unique<asio::steady_timer>(loop.context(index));
    shard.sweeping = true;
    shard.sweepTimer->expires_after(shard.sweepInterval);
    shard.sweepTimer->async_wait([self = shared_from_this(), index](const error_code &ec) {
        if (ec)
            return;
        auto &shard = self->shards[static_cast<std::size_t>(index)];
        shard.sweeping = false;
        if (shard.stopped)
            return;
        const auto now = std::chrono::steady_clock::now();
        bool busy = false;
        // Callbacks may start new requests (and add pools): iterate over a snapshot.
        const std::vector<std::shared_ptr<Pool>> pools = shard.pools;
        for (auto &pool : pools) {
            std::vector<std::shared_ptr<Exchange>> expired;
            for (auto &exchange : pool->activeSnapshot()) {
                if (now < exchange->deadline || exchange->waitingOnSource)
                    continue; // a streamed request body's producer holds it up, not the upstream
                if (exchange->streaming ? exchange->bodyWaiter != nullptr : !exchange->done)
                    expired.push_back(std::move(exchange)); // a streamed response waits for its reader
            }
            for (auto &exchange : expired) {
                if (exchange->streaming)
                    self->failStream(exchange, "the upstream stopped sending the response body");
                else
                    self->fail(exchange, ClientError::Timeout, "upstream did not answer in time");
            }
            std::erase_if(pool->idle, [&](const std::shared_ptr<UpstreamConnection> &connection) {
                if (now - connection->idleSince < self->options.idleTimeout)
                    return false;
                self->discard(*pool, connection);
                return true;
            });
            busy = busy || pool->active || !pool->idle.empty();
        }
        if (busy && !shard.sweeping)
            self->sweep(index);
    });
}

void Client::Private::pump(const std::shared_ptr<Pool> &pool)
{
    while (!pool->waiting.empty() && (!pool->idle.empty() || pool->total < capPerThread)) {
        auto exchange = std::move(pool->waiting.front());
        pool->waiting.pop_front();
        if (!exchange->done)
            acquire(exchange);
    }
}

void Client::Private::stopShard(int index)
{
    auto &shard = shards[static_cast<std::size_t>(index)];
    shard.stopped = true;
    if (shard.sweepTimer)
        shard.sweepTimer->cancel();
    if (shard.resolver)
        shard.resolver->cancel();
    const std::vector<std::shared_ptr<Pool>> pools = shard.pools;
    for (auto &pool : pools) {
        for (auto &exchange : pool->activeSnapshot()) {
            if (exchange->streaming)
                failStream(exchange, "client stopped");
            else
                fail(exchange, ClientError::Cancelled, "client stopped");
        }
        auto idle = std::move(pool->idle);
        pool->idle.clear();
        for (auto &connection : idle)
            discard(*pool, connection);
    }
    // Drop every loop-bound object on its own thread, so none outlives its io_context.
    shard.pools.clear();
    shard.sweepTimer.reset();
    shard.resolver.reset();
}

Client::Client(EventLoop &loop, ClientOptions options)
    : m_d(std::make_shared<Private>(loop, std::move(options)))
{
}

Client::~Client()
{
    stop();
}

void Client::request(ClientRequest &&request, Callback &&callback)
{
    int index = m_d->loop.currentIndex();
    if (index < 0)
        index = m_d->loop.nextIndex();
    auto exchange = std::make_shared<Exchange>(std::move(request), std::move(callback));
    if (m_d->loop.currentIndex() == index)
        return m_d->start(index, std::move(exchange));
    asio::post(m_d->loop.context(index), [d = m_d, index, exchange] { d->start(index, exchange); });
}

void Client::stop()
{
    if (m_d->stopped.exchange(true))
        return;
    if (!m_d->loop.isRunning())
        return;
    m_d->loop.runOnEveryThread([d = m_d](int i) { d->stopShard(i); });
}

ClientStats Client::stats() const
{
    ClientStats stats;
    stats.connectionsOpened = m_d->opened.load();
    for (const auto &shard : m_d->shards) {
        stats.requests += shard.requests.load(std::memory_order_relaxed);
        stats.reusedRequests += shard.reused.load(std::memory_order_relaxed);
    }
    return stats;
}

} // namespace Gatehouse::Runtime::Http
