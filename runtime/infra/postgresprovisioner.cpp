#include "postgresprovisioner.h"

#include "pgconnection.h"

namespace Gatehouse::Runtime::PostgresProvisioner {

bool ensureDatabase(
    PgConnection &admin, const QString &database, const QString &role, const QString &password, QString *error)
{
    QString sqlError;
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("Cannot %1 for the database %2 (role %3): %4").arg(what, database, role, sqlError);
        return false;
    };
    const QString verifier = admin.encryptPassword(password, role);
    if (verifier.isEmpty()) {
        sqlError = QString::fromUtf8("libpq could not compute the SCRAM verifier");
        return fail(QStringLiteral("set the password"));
    }
    const QString roleId = admin.quoteIdentifier(role);
    const QString dbId = admin.quoteIdentifier(database);

    QList<QStringList> rows;
    if (!admin.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), { role }, &rows, &sqlError))
        return fail(QStringLiteral("look up the role"));
    // The verifier, not the clear password, travels in the statement. ALTER touches only LOGIN
    // and PASSWORD: changing other attributes needs a superuser on an external server.
    const QString roleSql = rows.isEmpty()
        ? QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %2")
        : QStringLiteral("ALTER ROLE %1 LOGIN PASSWORD %2");
    if (!admin.exec(roleSql.arg(roleId, admin.quoteLiteral(verifier)), &sqlError))
        return fail(QStringLiteral("create the role"));

    // A non-superuser admin (external servers: CREATEROLE + CREATEDB) must be a member of the
    // role to create a database owned by it and to manage its grants (PostgreSQL 15 rules).
    if (!admin.query(QStringLiteral("SELECT rolsuper, pg_has_role(current_user, $1, 'MEMBER') FROM pg_roles "
                                    "WHERE rolname = current_user"),
            { role }, &rows, &sqlError))
        return fail(QStringLiteral("check the admin's privileges"));
    if (rows.value(0).value(0) != QLatin1String("t") && rows.value(0).value(1) != QLatin1String("t")
        && !admin.exec(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(roleId), &sqlError))
        return fail(QStringLiteral("let the admin manage the role"));

    if (!admin.query(QStringLiteral("SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1"),
            { database }, &rows, &sqlError))
        return fail(QStringLiteral("look up the database"));
    if (rows.isEmpty()) {
        // CREATE DATABASE cannot run in a transaction block: its own statement.
        if (!admin.exec(
                QStringLiteral("CREATE DATABASE %1 OWNER %2 TEMPLATE template1 STRATEGY FILE_COPY").arg(dbId, roleId),
                &sqlError))
            return fail(QStringLiteral("create the database"));
    } else if (rows.first().value(0) != role) {
        if (!admin.exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(dbId, roleId), &sqlError))
            return fail(QStringLiteral("hand the database to its role"));
    }
    if (!admin.exec(
            QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2")
                .arg(dbId, roleId),
            &sqlError))
        return fail(QStringLiteral("restrict connections"));
    return true;
}

bool revokePublicConnect(PgConnection &admin, const QStringList &databases, QString *error)
{
    for (const QString &database : databases) {
        QString sqlError;
        if (!admin.exec(QStringLiteral("REVOKE CONNECT, TEMPORARY ON DATABASE %1 FROM PUBLIC")
                            .arg(admin.quoteIdentifier(database)),
                &sqlError)) {
            *error = QStringLiteral("Cannot close the database %1 to other roles: %2").arg(database, sqlError);
            return false;
        }
    }
    return true;
}

} // namespace Gatehouse::Runtime::PostgresProvisioner
