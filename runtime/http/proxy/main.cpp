// gatehouse-http-proxy: a reverse proxy made of Http::Server + Http::Client, nothing else.
// Used by tests/bench/gateway/run to compare the engine with nginx proxy_pass, and handy to
// poke the engine by hand:  gatehouse-http-proxy --listen 127.0.0.1:8080 --upstream 127.0.0.1:9000
#include "http/client.h"
#include "http/eventloop.h"
#include "http/server.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace Gatehouse::Runtime::Http;

namespace {

bool splitHostPort(const std::string &text, std::string &host, std::uint16_t &port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        return false;
    host = text.substr(0, colon);
    port = static_cast<std::uint16_t>(std::strtoul(text.c_str() + colon + 1, nullptr, 10));
    return !host.empty();
}

bool isHopByHop(std::string_view name)
{
    static constexpr std::string_view kHopByHop[] = {"connection", "keep-alive", "proxy-connection", "te", "trailer",
                                                     "transfer-encoding", "upgrade", "content-length"};
    for (auto hop : kHopByHop) {
        if (Headers::equalsIgnoreCase(name, hop))
            return true;
    }
    return false;
}

int usage()
{
    std::fprintf(stderr, "usage: gatehouse-http-proxy --listen HOST:PORT --upstream HOST:PORT [--threads N]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    std::string listenHost = "127.0.0.1", upstreamHost;
    std::uint16_t listenPort = 0, upstreamPort = 0;
    int threads = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--listen" && splitHostPort(argv[i + 1], listenHost, listenPort))
            continue;
        if (option == "--upstream" && splitHostPort(argv[i + 1], upstreamHost, upstreamPort))
            continue;
        if (option == "--threads") {
            threads = std::atoi(argv[i + 1]);
            continue;
        }
        return usage();
    }
    if (upstreamHost.empty() || argc % 2 == 0)
        return usage();

    // Handle SIGINT/SIGTERM by waiting for them here; the loop threads inherit the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    EventLoop loop(threads);
    Client client(loop);
    ServerOptions serverOptions;
    serverOptions.maxStreamBodyBytes = std::size_t(1) << 30; // large bodies stream through
    Server server(loop, serverOptions, [&](Request request, Responder responder) {
        ClientRequest upstream;
        upstream.host = upstreamHost;
        upstream.port = upstreamPort;
        upstream.method = std::move(request.method);
        upstream.target = std::move(request.target);
        // Hop-by-hop fields stop here; the rest is forwarded in place, in order, without a copy.
        upstream.headers = std::move(request.headers);
        upstream.headers.removeIf([](std::string_view name, std::string_view) { return isHopByHop(name); });
        upstream.body = std::move(request.body);
        upstream.bodySource = std::move(request.bodySource);
        upstream.streamResponse = true;
        client.request(std::move(upstream), [responder](ClientResponse reply) {
            if (!reply.ok()) {
                const int status = reply.error == ClientError::Timeout ? 504 : 502;
                responder.send(Response::text(status, std::string(nameOf(reply.error)) + "\n"));
                return;
            }
            Response response;
            response.status = reply.status;
            response.headers = std::move(reply.headers);
            response.headers.removeIf([](std::string_view name, std::string_view) { return isHopByHop(name); });
            response.body = std::move(reply.body);
            response.bodySource = std::move(reply.bodySource);
            responder.send(std::move(response));
        });
    });
    const ListenResult listening = server.listen(listenHost, listenPort);
    if (!listening.ok) {
        std::fprintf(stderr, "%s\n", listening.error.c_str());
        return 1;
    }
    loop.start();
    std::printf("listening on %s:%u with %d threads\n", listenHost.c_str(), listening.port, loop.threadCount());
    std::fflush(stdout);
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
    client.stop();
    loop.stop();
    return 0;
}
