#pragma once

// A real engine server on 127.0.0.1:0 with a small routing handler, shared by the HTTP tests.
#include "http/eventloop.h"
#include "http/server.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace HttpTest {

using namespace Gatehouse::Runtime::Http;

// Routes:
//   /echo…        200, body = request body (a streamed one gathered first); X-Method, X-Path, X-Query, X-Version, X-Listener
//   /chunked      200 with a chunked body "hello chunked world"
//   /later        answered from another thread, body "later"
//   /drop         the handler drops the responder (engine answers 500)
//   /throw        the handler throws (engine answers 500)
//   /header?name  200, body = value of request header `name`
//   /hold         kept unanswered until release() (stop/timeout tests)
//   anything else 200 "ok"
class TestServer
{
public:
    explicit TestServer(ServerOptions options = {}, int threads = 2)
        : m_loop(threads)
        , m_server(m_loop, options, [this](Request request, Responder responder) { handle(std::move(request), responder); })
    {
        const auto result = m_server.listen("127.0.0.1", 0, 1);
        m_port = result.port;
        const auto internal = m_server.listen("127.0.0.1", 0, 2);
        m_internalPort = internal.port;
        m_loop.start();
    }
    ~TestServer()
    {
        release();
        m_server.stop();
        m_loop.stop();
        std::lock_guard lock(m_mutex);
        for (auto &thread : m_threads)
            thread.join();
    }

    std::uint16_t port() const { return m_port; }
    std::uint16_t internalPort() const { return m_internalPort; }
    Server &server() { return m_server; }
    EventLoop &loop() { return m_loop; }

    // Answers every /hold request received so far with 200 "released".
    void release()
    {
        std::vector<Responder> held;
        {
            std::lock_guard lock(m_mutex);
            held.swap(m_held);
        }
        for (auto &responder : held)
            responder.send(Response::text(200, "released"));
    }
    // Streamed request bodies that broke off (client gone, bad chunk, limit, stall).
    int bodyFailures() const { return m_bodyFailures.load(); }
    std::size_t heldCount()
    {
        std::lock_guard lock(m_mutex);
        return m_held.size();
    }

private:
    void handle(Request request, Responder responder)
    {
        const std::string &path = request.path;
        if (path.rfind("/echo", 0) == 0 && request.bodySource) {
            // A streamed body (ServerOptions::maxStreamBodyBytes): gathered, then echoed.
            auto source = std::move(request.bodySource);
            readWholeBody(std::move(source), 64 * 1024 * 1024,
                          [this, responder](bool ok, std::string body, std::string) {
                              if (!ok) {
                                  ++m_bodyFailures;
                                  return responder.send(Response::text(400, "body broke off\n"));
                              }
                              responder.send(Response::text(200, std::move(body)));
                          });
            return;
        }
        if (path.rfind("/echo", 0) == 0) {
            Response response = Response::text(200, request.body);
            response.headers.add("X-Method", request.method);
            response.headers.add("X-Path", request.path);
            response.headers.add("X-Query", request.query);
            response.headers.add("X-Version", std::to_string(request.version));
            response.headers.add("X-Listener", std::to_string(request.listenerId));
            return responder.send(std::move(response));
        }
        if (path == "/chunked") {
            Response response = Response::text(200, "hello chunked world");
            response.chunked = true;
            return responder.send(std::move(response));
        }
        if (path == "/later") {
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([responder] { responder.send(Response::text(200, "later")); });
            return;
        }
        if (path == "/drop")
            return;
        if (path == "/throw")
            throw std::runtime_error("handler failure");
        if (path == "/header")
            return responder.send(Response::text(200, std::string(request.headers.value(request.query))));
        if (path == "/hold") {
            std::lock_guard lock(m_mutex);
            m_held.push_back(responder);
            return;
        }
        responder.send(Response::text(200, "ok"));
    }

    EventLoop m_loop;
    Server m_server;
    std::uint16_t m_port = 0;
    std::uint16_t m_internalPort = 0;
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
    std::vector<Responder> m_held;
    std::atomic<int> m_bodyFailures{0};
};

} // namespace HttpTest
