// A stand-in node process for the supervisor tests: an HTTP listener answering GET /readyz, with
// flags to be slow, never ready, crash, hang, ignore SIGTERM, log, echo its stdin (launch
// config line, control lines) or leave a grandchild behind. The process manager runs it like any node.
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto intOption = [&args](const char *name, int fallback) {
        const int i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int port = intOption("--port", 0);
    const int readyAfterMs = intOption("--ready-after-ms", 0);
    const int crashAfterMs = intOption("--crash-after-ms", -1);
    const int hangAfterMs = intOption("--hang-after-ms", -1);
    const int logLines = intOption("--log-lines", 0);
    const bool neverReady = args.contains(QLatin1String("--never-ready"));

    if (args.contains(QLatin1String("--ignore-term")))
        std::signal(SIGTERM, SIG_IGN);
    // stdin is the control channel: line 1 is the launch config, later lines control messages.
    QByteArray stdinBuffer;
    auto readStdinLine = [&stdinBuffer](QByteArray *line) {
        for (;;) {
            const qsizetype newline = stdinBuffer.indexOf('\n');
            if (newline >= 0) {
                *line = stdinBuffer.left(newline);
                stdinBuffer.remove(0, newline + 1);
                return true;
            }
            char chunk[4096];
            const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (n <= 0)
                return false;
            stdinBuffer.append(chunk, n);
        }
    };
    if (args.contains(QLatin1String("--echo-stdin"))) {
        QByteArray line;
        readStdinLine(&line);
        std::printf("stdin:%s\n", line.constData());
    }
    if (args.contains(QLatin1String("--spawn-child"))) {
        const pid_t child = ::fork();
        if (child == 0) {
            for (;;)
                ::pause();
        }
        std::printf("child:%d\n", static_cast<int>(child));
    }
    for (int i = 0; i < logLines; ++i)
        std::printf("plain line %d\n", i);
    if (logLines > 0) {
        std::printf("{\"level\":\"error\",\"message\":\"structured\",\"code\":42}\n");
        std::fprintf(stderr, "to stderr\n");
    }
    std::fflush(stdout);
    std::fflush(stderr);

    QTcpServer server;
    if (port > 0 && !server.listen(QHostAddress::LocalHost, static_cast<quint16>(port))) {
        std::fprintf(stderr, "cannot listen on %d\n", port);
        return 4;
    }
    bool ready = false;
    if (!neverReady)
        QTimer::singleShot(readyAfterMs, &app, [&ready] { ready = true; });
    QObject::connect(&server, &QTcpServer::newConnection, &app, [&server, &ready] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &ready] {
                QByteArray request = socket->property("req").toByteArray() + socket->readAll();
                socket->setProperty("req", request);
                if (!request.contains("\r\n\r\n"))
                    return;
                const bool readyz = request.startsWith("GET /readyz ");
                const QByteArray status = readyz ? (ready ? "200 OK" : "503 Service Unavailable") : "404 Not Found";
                socket->write("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    if (crashAfterMs >= 0)
        QTimer::singleShot(crashAfterMs, &app, [] { ::_exit(3); });
    if (hangAfterMs >= 0) {
        QTimer::singleShot(hangAfterMs, &app, [] {
            for (;;)
                ::pause(); // the event loop never runs again: connections are accepted by the kernel, never answered
        });
    }
    // --echo-control: print each later stdin line as "control:<line>" and quit at EOF, as a
    // node does when its supervisor goes away.
    QSocketNotifier *controlNotifier = nullptr;
    if (args.contains(QLatin1String("--echo-control"))) {
        auto printLines = [&stdinBuffer] {
            qsizetype newline;
            while ((newline = stdinBuffer.indexOf('\n')) >= 0) {
                std::printf("control:%s\n", stdinBuffer.left(newline).constData());
                stdinBuffer.remove(0, newline + 1);
            }
            std::fflush(stdout);
        };
        printLines(); // what came with the config line
        controlNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(controlNotifier, &QSocketNotifier::activated, &app, [&stdinBuffer, controlNotifier, printLines] {
            char chunk[4096];
            const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (n <= 0) {
                controlNotifier->setEnabled(false);
                std::printf("control-eof\n");
                std::fflush(stdout);
                QCoreApplication::exit(0);
                return;
            }
            stdinBuffer.append(chunk, n);
            printLines();
        });
    }
    return app.exec();
}
