// The cost of SQL spans: the same statements through a SqlSession without and with a parent
// (each traced statement builds its span and queues it on a TelemetrySender that really ships
// to a loopback sink). Prints µs per statement; asserts nothing (tests/bench rules).
// Usage: bench_sqlspans [statements]   (default 20000)
#include "infra/pgconnection.h"
#include "infra/postgrescluster.h"
#include "infra/postgresprovisioner.h"
#include "services/sqlsession.h"
#include "telemetry/telemetrysender.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

// Accepts connections and discards what arrives (the supervisor's intake, minus the parsing).
class Sink
{
public:
    Sink()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_listener, 4);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] {
            const int connection = ::accept(m_listener, nullptr, nullptr);
            char buffer[65536];
            while (connection >= 0 && ::read(connection, buffer, sizeof buffer) > 0) {
            }
            if (connection >= 0)
                ::close(connection);
        });
    }
    ~Sink()
    {
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    int m_listener = -1;
    int m_port = 0;
    std::thread m_thread;
};

double run(SqlSession &session, int statements)
{
    const QStringList params { QStringLiteral("42") };
    QList<QStringList> rows;
    QString error;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < statements; ++i) {
        if (!session.query(QStringLiteral("SELECT $1::int + 1 FROM bench_items LIMIT 1"), params, &rows, &error)) {
            qFatal("query failed: %s", qPrintable(error));
        }
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1000.0 / statements;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int statements = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/gh-bench-sql-XXXXXX"));
    if (::geteuid() == 0)
        QFile::setPermissions(dir.path(), QFile::Permissions(0x7777));
    PostgresClusterOptions options;
    options.dataDir = dir.filePath(QStringLiteral("pg"));
    PostgresCluster postgres(options);
    QString error;
    PgConnection admin;
    if (!postgres.start(&error) || !admin.open(postgres.adminConninfo(), &error)
        || !PostgresProvisioner::ensureDatabase(admin, QStringLiteral("bench"), QStringLiteral("bench_svc"), QStringLiteral("pw-bench"), &error))
        qFatal("postgres: %s", qPrintable(error));
    PgConnection connection;
    if (!connection.open(PgConnection::conninfo(postgres.host(), postgres.port(), QStringLiteral("bench"), QStringLiteral("bench_svc"),
                                                QStringLiteral("pw-bench")),
                         &error)
        || !connection.exec(QStringLiteral("CREATE TABLE bench_items (id int); INSERT INTO bench_items VALUES (1)"), &error))
        qFatal("bench database: %s", qPrintable(error));

    Sink sink;
    TelemetrySender sender(QStringLiteral("bench"), Endpoint { QStringLiteral("127.0.0.1"), sink.port() });
    SqlSession session(connection, SqlTracing { &sender, QStringLiteral("bench"), QStringLiteral("e-bench-db") });
    run(session, statements / 10); // warm-up: plans, caches, the sender's connection

    for (int round = 0; round < 3; ++round) {
        session.setParent({});
        const double plain = run(session, statements);
        session.setParent(QByteArrayLiteral("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        const double traced = run(session, statements);
        std::printf("round %d: %d statements: untraced %.2f us/statement, traced %.2f us/statement (+%.2f us)\n", round + 1,
                    statements, plain, traced, traced - plain);
    }
    std::printf("spans sent %llu, dropped %llu\n", static_cast<unsigned long long>(sender.sentSpans()),
                static_cast<unsigned long long>(sender.droppedSpans()));
    postgres.stop();
    return 0;
}
