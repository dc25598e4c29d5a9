#include "migrationrunner.h"

#include "pgconnection.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

namespace Gatehouse::Runtime {

namespace {

// Any fixed number: all Gatehouse migration runners serialise on it, per database.
constexpr const char *AdvisoryLockKey = "4242170001";

const char createTable[] = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                           " version integer PRIMARY KEY,"
                           " name text NOT NULL,"
                           " applied_at timestamptz NOT NULL DEFAULT now())";

} // namespace

bool MigrationRunner::loadFolder(const QString &folder, QList<Migration> *migrations, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_([A-Za-z0-9_.-]+)\\.sql$"));
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = QStringLiteral("The migrations folder %1 does not exist.").arg(folder);
        return false;
    }
    QMap<int, Migration> byVersion;
    const QStringList files = dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = pattern.match(file);
        const int version = match.hasMatch() ? match.captured(1).toInt() : 0;
        if (version <= 0) {
            *error = QStringLiteral("The migration file %1 in %2 is not named <version>_<name>.sql with a "
                                    "positive version.")
                         .arg(file, folder);
            return false;
        }
        if (byVersion.contains(version)) {
            *error = QStringLiteral("Two migrations in %1 have version %2.").arg(folder).arg(version);
            return false;
        }
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read the migration %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
        byVersion.insert(version, Migration { version, match.captured(2), QString::fromUtf8(f.readAll()) });
    }
    *migrations = byVersion.values();
    return true;
}

QList<int> MigrationRunner::appliedVersions(PgConnection &connection, QString *error)
{
    QList<int> versions;
    QList<QStringList> rows;
    if (!connection.query(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"), {}, &rows, error))
        return versions;
    for (const QStringList &row : std::as_const(rows))
        versions << row.value(0).toInt();
    return versions;
}

int MigrationRunner::apply(PgConnection &connection, const QList<Migration> &migrations, QString *error)
{
    int previous = 0;
    for (const Migration &m : migrations) {
        if (m.version <= previous) {
            *error = QStringLiteral("Migration versions must increase strictly (%1 after %2).")
                         .arg(m.version)
                         .arg(previous);
            return -1;
        }
        previous = m.version;
    }
    QString sqlError;
    if (!connection.exec(QString::fromLatin1(createTable), &sqlError)) {
        *error = QStringLiteral("Cannot create schema_migrations: %1").arg(sqlError);
        return -1;
    }
    // Fast path for warm starts: versions already recorded need no transaction. Pending ones are
    // re-checked under the lock below, so a concurrent runner cannot apply one twice.
    const QList<int> done = appliedVersions(connection, &sqlError);
    int applied = 0;
    for (const Migration &m : migrations) {
        if (done.contains(m.version))
            continue;
        auto rollback = [&] {
            QString ignored;
            connection.exec(QStringLiteral("ROLLBACK"), &ignored);
        };
        if (!connection.exec(QStringLiteral("BEGIN"), &sqlError)
            || !connection.exec(
                QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(QLatin1String(AdvisoryLockKey)), &sqlError)) {
            rollback();
            *error = QStringLiteral("Cannot start the migration transaction: %1").arg(sqlError);
            return -1;
        }
        QList<QStringList> rows;
        if (!connection.query(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = $1"),
                { QString::number(m.version) }, &rows, &sqlError)) {
            rollback();
            *error = QStringLiteral("Cannot read schema_migrations: %1").arg(sqlError);
            return -1;
        }
        if (!rows.isEmpty()) {
            rollback();
            continue;
        }
        if (!connection.exec(m.sql, &sqlError)
            || !connection.query(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)"),
                { QString::number(m.version), m.name }, nullptr, &sqlError)
            || !connection.exec(QStringLiteral("COMMIT"), &sqlError)) {
            rollback();
            *error = QStringLiteral("Migration %1 (%2) failed and was rolled back: %3")
                         .arg(m.version)
                         .arg(m.name, sqlError);
            return -1;
        }
        ++applied;
    }
    return applied;
}

} // namespace Gatehouse::Runtime
