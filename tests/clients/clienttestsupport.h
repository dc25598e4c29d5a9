// Real servers for the client tests: a Beast HTTP server on 127.0.0.1:0 standing in for the
// gateway's public listener (it holds answers back until released, answers with a set status,
// or issues tokens), and a telemetry intake on a TCP port that keeps every line.
#pragma once

#include "http/eventloop.h"
#include "http/server.h"

#include "model/launchconfig.h"
#include "model/topology.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

namespace ClientTest {

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

struct SeenRequest
{
    std::string method;
    std::string target;
    std::string traceparent;
    std::string authorization;
    std::string apiKey;
    std::string body;
};

// The "gateway" a client talks to in the unit tests.
class TestServer
{
public:
    enum class Mode { Hold, Status, Tokens };

    TestServer()
        : m_loop(1)
        , m_server(m_loop, Http::ServerOptions{}, [this](Http::Request request, Http::Responder responder) {
            handle(std::move(request), std::move(responder));
        })
    {
        m_port = m_server.listen("127.0.0.1", 0).port;
        m_loop.start();
    }
    ~TestServer()
    {
        release();
        m_server.stop();
        m_loop.stop();
    }

    int port() const { return m_port; }
    std::atomic<Mode> mode{Mode::Status};
    std::atomic<int> status{200};
    std::atomic<int> requests{0};

    int held() const
    {
        std::lock_guard lock(m_mutex);
        return static_cast<int>(m_held.size());
    }
    // Answers every held request (200) and stops holding new ones.
    void release()
    {
        std::vector<Http::Responder> held;
        {
            std::lock_guard lock(m_mutex);
            held.swap(m_held);
            mode = Mode::Status;
        }
        for (const Http::Responder &r : held)
            r.send(Http::Response::text(200, "{\"items\":[]}", "application/json"));
    }
    std::vector<SeenRequest> seen() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    int logins() const
    {
        std::lock_guard lock(m_mutex);
        return m_tokensIssued;
    }
    // Tokens mode: forget every token issued so far (the next use answers 401).
    void revokeTokens()
    {
        std::lock_guard lock(m_mutex);
        m_valid.clear();
    }

private:
    void handle(Http::Request request, Http::Responder responder)
    {
        ++requests;
        std::lock_guard lock(m_mutex);
        m_seen.push_back(SeenRequest{request.method, request.target, std::string(request.headers.value("traceparent")),
                                     std::string(request.headers.value("authorization")),
                                     std::string(request.headers.value("x-api-key")), request.body});
        switch (mode.load()) {
        case Mode::Hold:
            m_held.push_back(responder);
            return;
        case Mode::Status:
            responder.send(Http::Response::text(status.load(), "{\"items\":[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}],\"orderId\":\"o-1\"}",
                                                "application/json"));
            return;
        case Mode::Tokens:
            if (request.method == "POST" && request.path == "/auth/login") {
                const std::string token = "token-" + std::to_string(++m_tokensIssued);
                m_valid.push_back("Bearer " + token);
                responder.send(Http::Response::text(
                    200, "{\"accessToken\":\"" + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}", "application/json"));
                return;
            }
            const std::string auth(request.headers.value("authorization"));
            const bool ok = std::find(m_valid.begin(), m_valid.end(), auth) != m_valid.end();
            responder.send(Http::Response::text(ok ? 200 : 401, ok ? "{\"items\":[{\"sku\":\"A-1\"}]}" : "{\"detail\":\"token expired\"}",
                                                "application/json"));
            return;
        }
    }

    Http::EventLoop m_loop;
    Http::Server m_server;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::vector<Http::Responder> m_held;
    std::vector<SeenRequest> m_seen;
    std::vector<std::string> m_valid;
    int m_tokensIssued = 0;
};

// The supervisor's telemetry intake, as far as a node can tell: newline-delimited JSON on TCP.
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
    QList<QJsonObject> logs() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &line : lines) {
            if (line["type"] == "log")
                out.append(line);
        }
        return out;
    }
    QList<QJsonObject> lines;

private:
    QTcpServer m_server;
    QByteArray m_buffer;
};

// client "web" → gateway "gw" (edge "e-web-gw") → service "svc" with `routes`.
inline Topology smallTopology(const QList<Route> &routes, NodeKind clientKind = NodeKind::ClientWeb,
                              ServiceRole role = ServiceRole::Generic)
{
    Topology t;
    t.name = "small";
    Node client;
    client.id = "web";
    client.kind = clientKind;
    client.lane = Lane::Clients;
    Node gateway;
    gateway.id = "gw";
    gateway.kind = NodeKind::Gateway;
    gateway.lane = Lane::Gateway;
    Node service;
    service.id = "svc";
    service.kind = NodeKind::Service;
    service.role = role;
    t.nodes = {client, gateway, service};
    Edge toGateway;
    toGateway.id = "e-web-gw";
    toGateway.kind = EdgeKind::Sync;
    toGateway.source = "web";
    toGateway.target = "gw";
    Edge toService;
    toService.id = "e-gw-svc";
    toService.kind = EdgeKind::Sync;
    toService.source = "gw";
    toService.target = "svc";
    toService.routes = routes;
    t.edges = {toGateway, toService};
    return t;
}

inline Route route(const QString &method, const QString &path, AuthMode auth,
                   RouteVisibility visibility = RouteVisibility::Public)
{
    Route r;
    r.method = method;
    r.path = path;
    r.auth = auth;
    r.visibility = visibility;
    return r;
}

inline NodeLaunchConfig launchConfig(const Topology &topology, int gatewayPort, int telemetryPort = 0,
                                     const QString &nodeId = "web")
{
    NodeLaunchConfig c;
    c.nodeId = nodeId;
    c.topology = topology;
    if (gatewayPort > 0)
        c.upstreams.insert("gw", Endpoint{"127.0.0.1", gatewayPort});
    c.telemetry.port = telemetryPort;
    return c;
}

} // namespace ClientTest
