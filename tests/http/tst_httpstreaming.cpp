// Streaming with backpressure through the real gateway process (gateway-node-harness): large
// uploads and downloads pass without the gateway holding them (its VmHWM stays bounded), a
// client that stops reading throttles the upstream, 100-continue waits for the upstream path,
// and the hostile cases (client gone mid-upload, upstream gone mid-response) end cleanly.
#include "generatedbody.h"
#include "http/bodysource.h"
#include "http/eventloop.h"
#include "http/server.h"
#include "model/launchconfig.h"
#include "model/projectfile.h"
#include "rawsocket.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <csignal>

using namespace Gatehouse;
using namespace Gatehouse::Runtime::Http;

namespace {

constexpr std::size_t MiB = 1024 * 1024;
// The gateway process may use at most this much memory at its peak while 128 MiB pass through
// it (about 20 MiB of it is the process itself: Qt, the loop threads, the log writer).
constexpr qint64 kPeakRssBoundKiB = 48 * 1024;

// FNV-1a over a byte stream, fed piece by piece.
struct StreamHash
{
    std::uint64_t value = 1469598103934665603ull;
    std::uint64_t count = 0;
    void add(const char *data, std::size_t size)
    {
        for (std::size_t i = 0; i < size; ++i) {
            value ^= static_cast<unsigned char>(data[i]);
            value *= 1099511628211ull;
        }
        count += size;
    }
    std::string text() const { return std::to_string(count) + " " + std::to_string(value); }
};

std::string expectedHash(std::uint64_t size)
{
    StreamHash hash;
    for (std::uint64_t offset = 0; offset < size; offset += 64 * 1024) {
        const std::string piece
            = Test::patternPiece(offset, static_cast<std::size_t>(std::min<std::uint64_t>(64 * 1024, size - offset)));
        hash.add(piece.data(), piece.size());
    }
    return hash.text();
}

qint64 statusKiB(qint64 pid, const char *field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// What the upstream saw; written on its loop threads.
struct UpstreamRecord
{
    std::atomic<std::uint64_t> handedOut { 0 }; // response bytes given to the engine
    std::atomic<qint64> lastPieceMs { 0 }; // when the engine last asked for a piece
    std::atomic<int> uploadFailures { 0 }; // request bodies that broke off
    std::atomic<int> uploadsCompleted { 0 };
};

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::uint64_t queryNumber(const std::string &query, const std::string &name)
{
    const std::size_t at = query.find(name + "=");
    return at == std::string::npos ? 0 : std::stoull(query.substr(at + name.size() + 1));
}

// The upstream service: an engine server that streams too.
//   POST /upload     reads the body piece by piece, answers "<bytes> <fnv1a>"
//   GET  /download   ?size=N[&chunked=1][&failAfter=M] streams N pattern bytes
class Upstream
{
public:
    Upstream()
        : m_loop(2)
        , m_server(m_loop, options(),
              [this](Request request, Responder responder) { handle(std::move(request), responder); })
    {
        m_port = m_server.listen("127.0.0.1", 0).port;
        m_loop.start();
    }
    ~Upstream()
    {
        m_server.stop();
        m_loop.stop();
    }
    std::uint16_t port() const { return m_port; }
    ServerStats stats() const { return m_server.stats(); }
    UpstreamRecord record;

private:
    static ServerOptions options()
    {
        ServerOptions o;
        o.maxStreamBodyBytes = std::size_t(1) << 30;
        return o;
    }

    void handle(Request request, Responder responder)
    {
        if (request.path == "/download") {
            const std::uint64_t size = queryNumber(request.query, "size");
            Response response;
            response.headers.add("Content-Type", "application/octet-stream");
            response.bodySource = std::make_shared<Test::GeneratedBody>(
                size, queryNumber(request.query, "chunked") == 0, queryNumber(request.query, "failAfter"),
                [record = &record](std::size_t handedOut) {
                    record->lastPieceMs.store(nowMs());
                    record->handedOut.fetch_add(handedOut);
                });
            responder.send(std::move(response));
            return;
        }
        auto hash = std::make_shared<StreamHash>();
        if (!request.bodySource) {
            hash->add(request.body.data(), request.body.size());
            ++record.uploadsCompleted;
            responder.send(Response::text(200, hash->text()));
            return;
        }
        readOn(std::move(request.bodySource), hash, responder);
    }

    void readOn(std::shared_ptr<BodySource> source, std::shared_ptr<StreamHash> hash, Responder responder)
    {
        BodySource *raw = source.get();
        raw->read([this, source = std::move(source), hash, responder](BodyPiece piece) mutable {
            if (piece.failed) {
                ++record.uploadFailures;
                return;
            }
            hash->add(piece.data.data(), piece.data.size());
            if (!piece.last)
                return readOn(std::move(source), hash, responder);
            ++record.uploadsCompleted;
            responder.send(Response::text(200, hash->text()));
        });
    }

    EventLoop m_loop;
    Server m_server;
    std::uint16_t m_port = 0;
};

// A client socket with a small fixed receive buffer, so that "not reading" is felt quickly.
class Client : public HttpTest::RawConnection
{
public:
    explicit Client(std::uint16_t port)
        : HttpTest::RawConnection(port)
    {
    }
    std::string head;
    std::string pending; // bytes after the head

    bool readHead()
    {
        char chunk[16384];
        while (pending.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::recv(fd(), chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            pending.append(chunk, static_cast<std::size_t>(n));
        }
        const std::size_t end = pending.find("\r\n\r\n");
        head = pending.substr(0, end + 4);
        pending.erase(0, end + 4);
        return true;
    }
    int status() const { return head.size() > 12 ? std::atoi(head.c_str() + 9) : 0; }
    bool headHas(const std::string &lowerField) const
    {
        std::string lower = head;
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lower.find(lowerField) != std::string::npos;
    }

    // Reads raw bytes (framing included) until the peer closes; hashes nothing. Returns the count.
    std::uint64_t readUntilClose(HttpTest::CloseKind &kind, std::string *tail = nullptr)
    {
        std::uint64_t total = pending.size();
        std::string last = pending;
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::recv(fd(), chunk, sizeof chunk, 0);
            if (n > 0) {
                total += static_cast<std::uint64_t>(n);
                last.append(chunk, static_cast<std::size_t>(n));
                if (last.size() > 64)
                    last.erase(0, last.size() - 64);
                continue;
            }
            kind = n == 0                                   ? HttpTest::CloseKind::Clean
                : (errno == EAGAIN || errno == EWOULDBLOCK) ? HttpTest::CloseKind::Timeout
                                                            : HttpTest::CloseKind::Reset;
            if (tail)
                *tail = last;
            return total;
        }
    }

    // Reads a small Content-Length body whole.
    bool readText(std::string &text)
    {
        std::string lower = head;
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t at = lower.find("\r\ncontent-length: ");
        if (at == std::string::npos)
            return false;
        const std::size_t length = std::stoul(lower.substr(at + 18));
        if (!fillBytes(length))
            return false;
        text = pending.substr(0, length);
        pending.erase(0, length);
        return true;
    }

    // Reads a Content-Length or chunked body into `hash`, piece by piece.
    bool readBody(StreamHash &hash)
    {
        const bool chunked = headHas("\r\ntransfer-encoding: chunked\r\n");
        if (!chunked) {
            std::string lower = head;
            for (char &c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const std::size_t at = lower.find("\r\ncontent-length: ");
            if (at == std::string::npos)
                return false;
            std::uint64_t left = std::stoull(lower.substr(at + 18));
            return take(left, hash);
        }
        for (;;) {
            if (!fillUntil("\r\n"))
                return false;
            const std::size_t lineEnd = pending.find("\r\n");
            const std::uint64_t size = std::stoull(pending.substr(0, lineEnd), nullptr, 16);
            pending.erase(0, lineEnd + 2);
            if (!take(size, hash))
                return false;
            if (!fillBytes(2))
                return false;
            pending.erase(0, 2);
            if (size == 0)
                return true;
        }
    }

private:
    bool fill()
    {
        char chunk[65536];
        const ssize_t n = ::recv(fd(), chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        pending.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    bool fillUntil(const char *marker)
    {
        while (pending.find(marker) == std::string::npos) {
            if (!fill())
                return false;
        }
        return true;
    }
    bool fillBytes(std::size_t n)
    {
        while (pending.size() < n) {
            if (!fill())
                return false;
        }
        return true;
    }
    bool take(std::uint64_t left, StreamHash &hash)
    {
        while (left > 0) {
            if (pending.empty() && !fill())
                return false;
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, pending.size()));
            hash.add(pending.data(), n);
            pending.erase(0, n);
            left -= n;
        }
        return true;
    }
};

void setReceiveBuffer(int fd, int bytes)
{
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
}

// Sends `size` pattern bytes as a Content-Length or chunked body.
bool sendPatternBody(HttpTest::RawConnection &connection, std::uint64_t size, bool chunked, std::uint64_t stopAfter = 0)
{
    constexpr std::size_t piece = 256 * 1024;
    for (std::uint64_t offset = 0; offset < size; offset += piece) {
        if (stopAfter && offset >= stopAfter)
            return true;
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(piece, size - offset));
        std::string bytes = Test::patternPiece(offset, n);
        if (chunked) {
            char header[32];
            std::snprintf(header, sizeof header, "%zx\r\n", n);
            bytes = header + bytes + "\r\n";
        }
        if (!connection.send(bytes))
            return false;
    }
    return !chunked || connection.send("0\r\n\r\n");
}

} // namespace

class TestHttpStreaming : public QObject
{
    Q_OBJECT

    std::unique_ptr<Upstream> m_upstream;
    std::unique_ptr<QProcess> m_node;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;

    qint64 peakKiB() const { return statusKiB(m_node->processId(), "VmHWM:"); }
    qint64 rssKiB() const { return statusKiB(m_node->processId(), "VmRSS:"); }

private Q_SLOTS:
    // A fresh upstream and gateway process per test: connection counts start at zero.
    void init()
    {
        m_upstream = std::make_unique<Upstream>();
        m_dir = std::make_unique<QTemporaryDir>();
        QFile example(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(example.readAll()).object();
        QJsonArray edges = document["edges"].toArray();
        for (int i = 0; i < edges.size(); ++i) {
            QJsonObject edge = edges[i].toObject();
            if (edge["source"] == "gateway" && edge["target"] == "inventory") {
                auto route = [](const char *method, const char *path) {
                    return QJsonObject { { "method", method }, { "path", path }, { "auth", "none" },
                        { "visibility", "public" }, { "timeoutMs", 5000 } };
                };
                edge["routes"] = QJsonArray { route("POST", "/upload"), route("GET", "/download") };
                edges[i] = edge;
            }
        }
        document["edges"] = edges;
        const LoadResult loaded = ProjectFile::fromJson(QJsonDocument(document).toJson());
        QVERIFY(loaded.ok());
        NodeLaunchConfig c;
        c.nodeId = "gateway";
        c.topology = loaded.topology;
        c.publicListener = { "127.0.0.1", 0 };
        c.internalListener = { "127.0.0.1", 0 };
        c.upstreams.insert("inventory", { "127.0.0.1", m_upstream->port() });
        c.dataDir = m_dir->path();

        m_node = std::make_unique<QProcess>();
        m_node->setProgram(QStringLiteral(GATEWAY_NODE_HARNESS));
        const QString out = m_dir->filePath("stdout.txt");
        m_node->setStandardOutputFile(out); // the access log must never wait for the test to read it
        m_node->start();
        QVERIFY(m_node->waitForStarted());
        m_node->write(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
        m_node->closeWriteChannel();
        m_port = 0;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            QFile file(out);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            for (const QByteArray &line : file.readAll().split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o["event"] == "listening")
                    m_port = o["publicPort"].toInt();
            }
            return m_port > 0;
        }()),
            10000);
    }

    void cleanup()
    {
        if (m_node) {
            ::kill(static_cast<pid_t>(m_node->processId()), SIGTERM);
            QVERIFY(m_node->waitForFinished(15000));
            QCOMPARE(m_node->exitCode(), 0);
        }
        m_node.reset();
        m_upstream.reset();
        m_dir.reset();
    }

    void uploadStreams_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }

    // 128 MiB up: the upstream gets every byte in order; the gateway never holds the body.
    void uploadStreams()
    {
        QFETCH(bool, chunked);
        const std::uint64_t size = 128 * MiB;
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.connected());
        const std::string framing
            = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + std::to_string(size) + "\r\n";
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: gw\r\n" + framing + "\r\n"));
        QVERIFY(sendPatternBody(client, size, chunked));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        std::string answer;
        QVERIFY(client.readText(answer));
        QCOMPARE(QByteArray::fromStdString(answer), QByteArray::fromStdString(expectedHash(size)));
        QCOMPARE(m_upstream->record.uploadsCompleted.load(), 1);
        const qint64 peak = peakKiB();
        qInfo("gateway VmHWM after a %llu MiB upload: %lld KiB", static_cast<unsigned long long>(size / MiB), peak);
        QVERIFY2(peak > 0 && peak < kPeakRssBoundKiB, qPrintable(QString::number(peak)));
    }

    void downloadStreams_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }

    // 128 MiB down, hashed on arrival: complete, in order, and never held by the gateway.
    void downloadStreams()
    {
        QFETCH(bool, chunked);
        const std::uint64_t size = 128 * MiB;
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.send("GET /download?size=" + std::to_string(size) + (chunked ? "&chunked=1" : "")
            + " HTTP/1.1\r\nHost: gw\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        QCOMPARE(client.headHas("\r\ntransfer-encoding: chunked\r\n"), chunked);
        StreamHash hash;
        QVERIFY(client.readBody(hash));
        QCOMPARE(QByteArray::fromStdString(hash.text()), QByteArray::fromStdString(expectedHash(size)));
        const qint64 peak = peakKiB();
        qInfo("gateway VmHWM after a %llu MiB download: %lld KiB", static_cast<unsigned long long>(size / MiB), peak);
        QVERIFY2(peak > 0 && peak < kPeakRssBoundKiB, qPrintable(QString::number(peak)));
        // The connection stays usable (keep-alive after a streamed body).
        QVERIFY(client.send("GET /download?size=10 HTTP/1.1\r\nHost: gw\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        StreamHash small;
        QVERIFY(client.readBody(small));
        QCOMPARE(small.count, std::uint64_t(10));
    }

    // A client that stops reading: the gateway stops reading from the upstream, which then
    // stops producing; nothing piles up in the gateway. Reading again resumes the flow.
    void slowReaderThrottlesUpstream()
    {
        const std::uint64_t size = 512 * MiB;
        Client client(static_cast<std::uint16_t>(m_port));
        setReceiveBuffer(client.fd(), 64 * 1024);
        QVERIFY(client.send("GET /download?size=" + std::to_string(size) + " HTTP/1.1\r\nHost: gw\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        // Wait until the upstream has not been asked for a piece for a while: it is throttled.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_upstream->record.handedOut.load() > 0 && nowMs() - m_upstream->record.lastPieceMs.load() > 500, 30000);
        const std::uint64_t produced = m_upstream->record.handedOut.load();
        const qint64 rss = rssKiB();
        qInfo("client not reading: upstream produced %llu KiB of %llu MiB, gateway VmRSS %lld KiB",
            static_cast<unsigned long long>(produced / 1024), static_cast<unsigned long long>(size / MiB), rss);
        // Kernel socket buffers on both sides of the gateway hold some MiB; the rest waits.
        QVERIFY2(produced < 96 * MiB, qPrintable(QString::number(produced)));
        QVERIFY2(rss > 0 && rss < kPeakRssBoundKiB, qPrintable(QString::number(rss)));
        StreamHash hash;
        QVERIFY(client.readBody(hash));
        QCOMPARE(hash.count, size);
        QCOMPARE(m_upstream->record.handedOut.load(), size);
        QVERIFY(peakKiB() < kPeakRssBoundKiB);
    }

    // 100 Continue only once the route passed and the upstream connection is ready; a request
    // that is refused gets its answer instead, and never a 100.
    void expectContinue()
    {
        const std::uint64_t size = 1 * MiB;
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: gw\r\nExpect: 100-continue\r\nContent-Length: "
            + std::to_string(size) + "\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 100);
        QVERIFY(sendPatternBody(client, size, false));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);

        Client refused(static_cast<std::uint16_t>(m_port));
        QVERIFY(refused.send("POST /nowhere HTTP/1.1\r\nHost: gw\r\nExpect: 100-continue\r\nContent-Length: "
            + std::to_string(size) + "\r\n\r\n"));
        QVERIFY(refused.readHead());
        QCOMPARE(refused.status(), 404);
        QVERIFY(refused.headHas("\r\nconnection: close\r\n"));
    }

    // HTTP/1.0 peer and a body of unknown length: sent until the connection closes.
    void http10UnknownLength()
    {
        const std::uint64_t size = 2 * MiB + 7;
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.send("GET /download?size=" + std::to_string(size) + "&chunked=1 HTTP/1.0\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        QVERIFY(!client.headHas("transfer-encoding"));
        QVERIFY(!client.headHas("content-length"));
        HttpTest::CloseKind kind = HttpTest::CloseKind::Open;
        QCOMPARE(client.readUntilClose(kind), size);
        QCOMPARE(kind, HttpTest::CloseKind::Clean);
    }

    // Announced bodies over the gateway's streaming limit are refused up front.
    void tooLargeAnnounced()
    {
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 2147483648\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 413);
        HttpTest::CloseKind kind = HttpTest::CloseKind::Open;
        client.readUntilClose(kind);
        QCOMPARE(kind, HttpTest::CloseKind::Clean);
        QCOMPARE(m_upstream->stats().requests, std::uint64_t(0));
    }

    // Hostile: the client vanishes mid-upload. The upstream sees its body break off, that
    // upstream connection is closed (never reused for the next request), the gateway carries on.
    void clientDisconnectsMidUpload_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void clientDisconnectsMidUpload()
    {
        QFETCH(bool, chunked);
        {
            Client client(static_cast<std::uint16_t>(m_port));
            const std::string framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 67108864\r\n";
            QVERIFY(client.send("POST /upload HTTP/1.1\r\nHost: gw\r\n" + framing + "\r\n"));
            QVERIFY(sendPatternBody(client, 64 * MiB, chunked, 4 * MiB));
            QTRY_COMPARE_WITH_TIMEOUT(m_upstream->stats().requests, std::uint64_t(1), 10000);
        } // closed here, 4 MiB into 64
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->record.uploadFailures.load(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->stats().openConnections, std::uint64_t(0), 10000);
        QCOMPARE(m_upstream->record.uploadsCompleted.load(), 0);

        Client next(static_cast<std::uint16_t>(m_port));
        QVERIFY(next.send("POST /upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\n\r\nhello"));
        QVERIFY(next.readHead());
        QCOMPARE(next.status(), 200);
        QCOMPARE(m_upstream->stats().acceptedConnections, std::uint64_t(2)); // a new one
    }

    // Hostile: the upstream dies mid-response. The client's connection closes (truncated: no
    // complete Content-Length, no last chunk), promptly, and the gateway carries on.
    void upstreamDiesMidResponse_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void upstreamDiesMidResponse()
    {
        QFETCH(bool, chunked);
        const std::uint64_t size = 16 * MiB;
        Client client(static_cast<std::uint16_t>(m_port));
        QVERIFY(client.send("GET /download?size=" + std::to_string(size) + "&failAfter=" + std::to_string(MiB)
            + (chunked ? "&chunked=1" : "") + " HTTP/1.1\r\nHost: gw\r\n\r\n"));
        QVERIFY(client.readHead());
        QCOMPARE(client.status(), 200);
        HttpTest::CloseKind kind = HttpTest::CloseKind::Open;
        std::string tail;
        const std::uint64_t received = client.readUntilClose(kind, &tail);
        QCOMPARE(kind, HttpTest::CloseKind::Clean);
        QVERIFY(received < size);
        if (chunked)
            QVERIFY(tail.find("\r\n0\r\n\r\n") == std::string::npos);

        Client next(static_cast<std::uint16_t>(m_port));
        QVERIFY(next.send("GET /download?size=3 HTTP/1.1\r\nHost: gw\r\n\r\n"));
        QVERIFY(next.readHead());
        QCOMPARE(next.status(), 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpStreaming)
#include "tst_httpstreaming.moc"
