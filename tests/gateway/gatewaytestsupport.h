#pragma once

// Real parts for the gateway tests: a redis-server on an ephemeral port, upstream services on
// the HTTP engine, an ES256 key pair with token minting (libjwt), a telemetry intake, and a
// blocking HTTP/1.1 client on plain sockets (so a test can keep one keep-alive connection and
// compare raw response bytes).
#include "generatedbody.h"
#include "http/eventloop.h"
#include "http/server.h"

#include <QByteArray>
#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <arpa/inet.h>
#include <atomic>
#include <jwt.h>
#include <mutex>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace GatewayTest {

inline int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// --- a blocking HTTP/1.1 client on one connection --------------------------------------------
struct Reply
{
    int status = 0;
    QByteArray raw; // the whole response, head and body
    QHash<QByteArray, QByteArray> headers; // lower-case names, last value wins
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class Connection
{
public:
    explicit Connection(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval tv { 20, 0 }; // a hang guard, not an assertion on time
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    ~Connection() { ::close(m_fd); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    bool connected() const { return m_connected; }

    // Sends one request and reads one response. status 0 when the connection broke.
    Reply request(const QByteArray &method, const QByteArray &target,
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: gateway.test\r\n";
        for (const auto &h : headers)
            out += h.first + ": " + h.second + "\r\n";
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        Reply reply;
        if (::send(m_fd, out.constData(), size_t(out.size()), MSG_NOSIGNAL) != out.size())
            return reply;
        qsizetype headEnd = -1;
        while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!readMore())
                return reply;
        }
        const QByteArray head = m_buffer.left(headEnd);
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2)
            return reply;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                reply.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = reply.headers.value("content-length", "0").toLongLong();
        while (m_buffer.size() < headEnd + 4 + length) {
            if (!readMore())
                return reply;
        }
        reply.raw = m_buffer.left(headEnd + 4 + length);
        reply.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        reply.status = statusLine.at(1).toInt();
        return reply;
    }

private:
    bool readMore()
    {
        char chunk[16384];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }
    int m_fd = -1;
    bool m_connected = false;
    QByteArray m_buffer;
};

inline Reply get(int port, const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    Connection c(port);
    return c.request("GET", target, headers);
}

// --- redis-server ---------------------------------------------------------------------------
class RedisServer
{
public:
    ~RedisServer() { stop(); }
    // `port` 0: a free one; a restart may pass the previous port again.
    bool start(int port = 0)
    {
        m_port = port > 0 ? port : freePort();
        m_process.setProgram(QStringLiteral("redis-server"));
        m_process.setArguments({ "--port", QString::number(m_port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
            "no", "--dir", m_dir.path() });
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        // Ready when it answers PING.
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
            if (s.waitForConnected(500)) {
                s.write("PING\r\n");
                if (s.waitForReadyRead(1000) && s.readAll().startsWith("+PONG"))
                    return true;
            }
            if (m_process.state() != QProcess::Running)
                return false;
            QThread::msleep(20); // polling interval while waiting for a condition
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }
    int port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    // Runs one command (inline protocol) and returns the raw reply.
    QByteArray command(const QByteArray &line)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (!s.waitForConnected(2000))
            return {};
        s.write(line + "\r\n");
        s.waitForReadyRead(2000);
        return s.readAll();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

// --- an upstream service --------------------------------------------------------------------
// Echoes what it received as JSON. "/slow/<ms>…" answers after <ms>; "/flaky" answers with the
// status in `flakyStatus`; "/fail-once/<x>" answers 503 the first time, 200 after;
// "/download/<bytes>" streams that many bytes ("…/chunked": length unknown; "…/fail-after/<n>":
// the body breaks off after n bytes).
class Upstream
{
public:
    Upstream()
        : m_loop(1)
        , m_server(m_loop, Gatehouse::Runtime::Http::ServerOptions {},
              [this](Gatehouse::Runtime::Http::Request request, Gatehouse::Runtime::Http::Responder responder) {
                  handle(std::move(request), std::move(responder));
              })
    {
        m_port = m_server.listen("127.0.0.1", 0).port;
        m_loop.start();
    }
    ~Upstream()
    {
        m_server.stop();
        {
            std::lock_guard lock(m_mutex);
            for (auto &t : m_sleepers)
                t.join();
        }
        m_loop.stop();
    }
    int port() const { return m_port; }
    std::atomic<int> flakyStatus { 200 };
    std::atomic<int> hits { 0 };

    QJsonObject lastRequest() const
    {
        std::lock_guard lock(m_mutex);
        return m_last;
    }

private:
    void handle(Gatehouse::Runtime::Http::Request request, Gatehouse::Runtime::Http::Responder responder)
    {
        ++hits;
        QJsonObject echo;
        echo["method"] = QString::fromStdString(request.method);
        echo["target"] = QString::fromStdString(request.target);
        for (const char *name : { "traceparent", "tracestate", "x-gatehouse-subject", "x-gatehouse-role",
                 "x-gatehouse-partner", "x-api-key", "x-forwarded-for", "x-forwarded-host", "authorization",
                 "x-custom" }) {
            if (request.headers.contains(name))
                echo[name] = QString::fromStdString(std::string(request.headers.value(name)));
        }
        QJsonArray fieldNames; // every field name received, lower-case, in order
        for (const auto &field : request.headers.fields())
            fieldNames.append(QString::fromUtf8(field.first).toLower());
        echo["fields"] = fieldNames;
        {
            std::lock_guard lock(m_mutex);
            m_last = echo;
        }
        Gatehouse::Runtime::Http::Response response;
        response.status = 200;
        response.headers.add("Content-Type", "application/json");
        response.headers.add("X-Upstream", "yes");
        if (request.headers.contains("x-answer-hop-fields")) {
            // Fields that belong to this hop only: the gateway must not pass them on.
            response.headers.add("Keep-Alive", "timeout=9");
            response.headers.add("Proxy-Authenticate", "Basic realm=\"upstream\"");
            response.headers.add("Trailer", "X-Checksum");
        }
        response.body = QJsonDocument(echo).toJson(QJsonDocument::Compact).toStdString();
        const QString path = QString::fromStdString(request.path);
        if (path == "/flaky")
            response.status = flakyStatus.load();
        if (path.startsWith("/download/")) {
            response.body.clear();
            response.headers = {};
            response.headers.add("Content-Type", "application/octet-stream");
            response.bodySource = std::make_shared<Gatehouse::Test::GeneratedBody>(path.section('/', 2, 2).toULongLong(),
                !path.endsWith("/chunked"), path.section("/fail-after/", 1, 1).toULongLong());
        }
        if (path.startsWith("/fail-once/")) {
            std::lock_guard lock(m_mutex);
            if (!m_failedOnce.contains(path)) {
                m_failedOnce.insert(path);
                response.status = 503;
            }
        }
        if (path.startsWith("/slow/")) {
            const int ms = path.section('/', 2, 2).toInt();
            std::lock_guard lock(m_mutex);
            m_sleepers.emplace_back([responder, response = std::move(response), ms]() mutable {
                std::this_thread::sleep_for(std::chrono::milliseconds(ms)); // the simulated slow service
                responder.send(std::move(response));
            });
            return;
        }
        responder.send(std::move(response));
    }

    Gatehouse::Runtime::Http::EventLoop m_loop;
    Gatehouse::Runtime::Http::Server m_server;
    int m_port = 0;
    mutable std::mutex m_mutex;
    QJsonObject m_last;
    std::vector<std::thread> m_sleepers;
    QSet<QString> m_failedOnce;
};

// --- tokens ---------------------------------------------------------------------------------
class Keys
{
public:
    Keys()
    {
        EVP_PKEY *key = EVP_EC_gen("P-256");
        BIO *priv = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
        m_private = readBio(priv);
        BIO *pub = BIO_new(BIO_s_mem());
        PEM_write_bio_PUBKEY(pub, key);
        m_public = readBio(pub);
        EVP_PKEY_free(key);
    }
    QByteArray publicPem() const { return m_public; }
    QByteArray privatePem() const { return m_private; }

    // A token with the given claims; `exp`/`nbf` relative to now (0 = absent for nbf).
    QByteArray token(const QJsonObject &claims, jwt_alg_t alg = JWT_ALG_ES256, const QByteArray &key = {}) const
    {
        jwt_t *jwt = nullptr;
        jwt_new(&jwt);
        const QByteArray json = QJsonDocument(claims).toJson(QJsonDocument::Compact);
        jwt_add_grants_json(jwt, json.constData());
        const QByteArray k = key.isEmpty() ? m_private : key;
        if (alg == JWT_ALG_NONE)
            jwt_set_alg(jwt, alg, nullptr, 0);
        else
            jwt_set_alg(jwt, alg, reinterpret_cast<const unsigned char *>(k.constData()), int(k.size()));
        char *out = jwt_encode_str(jwt);
        const QByteArray result(out ? out : "");
        free(out);
        jwt_free(jwt);
        return result;
    }

    static QJsonObject claims(const QString &sub, const QString &role, qint64 expIn = 300)
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return QJsonObject { { "iss", "gatehouse-auth" }, { "aud", "gatehouse-api" }, { "sub", sub }, { "role", role },
            { "exp", double(now + expIn) }, { "iat", double(now) } };
    }

private:
    static QByteArray readBio(BIO *bio)
    {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        QByteArray out(data, size);
        BIO_free(bio);
        return out;
    }
    QByteArray m_private;
    QByteArray m_public;
};

// --- telemetry intake -----------------------------------------------------------------------
class TelemetrySink : public QObject
{
public:
    TelemetrySink()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] {
                    m_buffer += s->readAll();
                    qsizetype nl;
                    while ((nl = m_buffer.indexOf('\n')) >= 0) {
                        lines.append(QJsonDocument::fromJson(m_buffer.left(nl)).object());
                        m_buffer.remove(0, nl + 1);
                    }
                });
            }
        });
    }
    int port() const { return m_server.serverPort(); }
    QList<QJsonObject> spans() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &line : lines) {
            if (line["type"] == "spans") {
                for (const QJsonValue &v : line["spans"].toArray())
                    out.append(v.toObject());
            }
        }
        return out;
    }
    QList<QJsonObject> lines;

private:
    QTcpServer m_server;
    QByteArray m_buffer;
};

} // namespace GatewayTest
