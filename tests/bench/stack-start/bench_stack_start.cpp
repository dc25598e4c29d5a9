// Times the cold (initdb) and warm start of the example's infrastructure: 5 databases + roles +
// migrations, redis-server and the Kafka mock with the example's topics. Prints each part's
// share. Not a test: figures depend on the machine.
//
// usage: bench_stack_start [project.gatehouse] [runs]   (default: examples/api-gateway.gatehouse, 3)
#include "infra/infrastack.h"
#include "model/projectfile.h"
#include "secrets/filesecretstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <sys/stat.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

// What a service typically migrates on first start: its domain table, the outbox and the
// processed-events table (DESIGN §5).
QList<Migration> serviceMigrations(const QString &service)
{
    const QString table = QString(service).replace(QLatin1Char('-'), QLatin1Char('_')) + QStringLiteral("_items");
    return {
        Migration { 1, QStringLiteral("domain"),
            QStringLiteral("CREATE TABLE %1 (id bigserial PRIMARY KEY, payload jsonb NOT NULL, "
                           "created_at timestamptz NOT NULL DEFAULT now())")
                .arg(table) },
        Migration { 2, QStringLiteral("outbox"),
            QStringLiteral("CREATE TABLE outbox (id bigserial PRIMARY KEY, topic text NOT NULL, key text, "
                           "payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), sent_at "
                           "timestamptz); CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL") },
        Migration { 3, QStringLiteral("processed_events"),
            QStringLiteral("CREATE TABLE processed_events (event_id text PRIMARY KEY, processed_at "
                           "timestamptz NOT NULL DEFAULT now())") },
    };
}

void print(QTextStream &out, const char *label, const InfraTimings &t)
{
    const double total = double(std::max<qint64>(1, t.totalMs));
    auto line = [&](const char *part, qint64 ms) {
        out << QStringLiteral("  %1 %2 ms  %3%\n")
                   .arg(QString::fromLatin1(part), -22)
                   .arg(ms, 6)
                   .arg(100.0 * double(ms) / total, 5, 'f', 1);
    };
    out << label << QStringLiteral(": total %1 ms\n").arg(t.totalMs);
    line("secrets", t.secretsMs);
    line(t.fromTemplate ? "postgres template copy" : "postgres initdb", t.postgresInitdbMs);
    line("postgres start+ping", t.postgresStartMs);
    line("databases+roles", t.postgresProvisionMs);
    line("role pings+migrations", t.migrationsMs);
    line("redis start+AUTH/PING", t.redisMs);
    line("kafka mock+metadata", t.kafkaMs);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const QString project = args.value(1, QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/api-gateway.gatehouse"));
    const int runs = std::max(1, args.value(2, QStringLiteral("3")).toInt());
    const LoadResult loaded = ProjectFile::load(project);
    if (!loaded.ok()) {
        out << "cannot load " << project << "\n";
        return 1;
    }

    InfraStackOptions options;
    options.stackId = QStringLiteral("bench");
    for (const Node &node : loaded.topology.nodes) {
        if (node.kind == NodeKind::Service)
            options.migrations.insert(node.id, serviceMigrations(node.id));
    }

    for (int run = 1; run <= runs; ++run) {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/gh-bench-XXXXXX"));
        ::chmod(QFile::encodeName(dir.path()).constData(), 0711); // postgres must traverse it as root
        // The file store keeps the keychain's D-Bus round trips out of the infra figures.
        FileSecretStore store(dir.filePath(QStringLiteral("secrets.json")));
        options.postgresTemplateDir = dir.filePath(QStringLiteral("cache/postgres-template"));
        // Figures scale with how busy the machine is: print the load next to them.
        QFile loadavg(QStringLiteral("/proc/loadavg"));
        const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray();
        out << "run " << run << "/" << runs << "  (loadavg " << load << ", " << QThread::idealThreadCount()
            << " cores)\n";
        const struct
        {
            const char *label;
            const char *stackDir;
        } steps[] = { { "cold (initdb)", "stack-a" }, { "warm", "stack-a" }, { "cold (template copy)", "stack-b" },
            { "warm", "stack-b" } };
        for (const auto &step : steps) {
            options.dataDir = dir.filePath(QString::fromLatin1(step.stackDir));
            InfraStack stack(loaded.topology, store, options);
            QString error;
            if (!stack.start(&error)) {
                out << step.label << " start failed: " << error << "\n";
                return 1;
            }
            print(out, step.label, stack.timings());
            QElapsedTimer stopTimer;
            stopTimer.start();
            stack.stop();
            out << QStringLiteral("  stop                   %1 ms\n").arg(stopTimer.elapsed(), 6);
        }
    }
    return 0;
}
