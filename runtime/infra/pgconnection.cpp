#include "pgconnection.h"

#include <libpq-fe.h>
#include <utility>

namespace Gatehouse::Runtime {

namespace {

QString lastError(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

} // namespace

PgConnection::~PgConnection()
{
    close();
}

PgConnection::PgConnection(PgConnection &&other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr))
{
}

PgConnection &PgConnection::operator=(PgConnection &&other) noexcept
{
    if (this != &other) {
        close();
        m_conn = std::exchange(other.m_conn, nullptr);
    }
    return *this;
}

bool PgConnection::open(const QString &conninfo, QString *error)
{
    close();
    PGconn *conn = PQconnectdb(conninfo.toUtf8().constData());
    if (!conn) {
        *error = QStringLiteral("out of memory creating a PostgreSQL connection");
        return false;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        *error = lastError(conn);
        PQfinish(conn);
        return false;
    }
    // NOTICEs ("relation already exists, skipping") are expected in idempotent DDL; they
    // would otherwise go to stderr.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    m_conn = conn;
    return true;
}

void PgConnection::close()
{
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

bool PgConnection::exec(const QString &sql, QString *error)
{
    if (!m_conn) {
        *error = QStringLiteral("not connected");
        return false;
    }
    PGresult *result = PQexec(m_conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
    if (!ok)
        *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    return ok;
}

bool PgConnection::query(const QString &sql, const QStringList &params, QList<QStringList> *rows, QString *error)
{
    if (!m_conn) {
        *error = QStringLiteral("not connected");
        return false;
    }
    QList<QByteArray> values;
    values.reserve(params.size());
    for (const QString &p : params)
        values << p.toUtf8();
    QList<const char *> pointers;
    for (const QByteArray &v : std::as_const(values))
        pointers << v.constData();
    PGresult *result = PQexecParams(m_conn, sql.toUtf8().constData(), int(pointers.size()), nullptr,
        pointers.isEmpty() ? nullptr : pointers.constData(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    } else if (rows) {
        rows->clear();
        const int n = PQntuples(result);
        const int columns = PQnfields(result);
        for (int r = 0; r < n; ++r) {
            QStringList row;
            for (int c = 0; c < columns; ++c)
                row << (PQgetisnull(result, r, c) ? QString() : QString::fromUtf8(PQgetvalue(result, r, c)));
            rows->append(row);
        }
    }
    PQclear(result);
    return ok;
}

QString PgConnection::quoteIdentifier(const QString &identifier) const
{
    const QByteArray utf8 = identifier.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

QString PgConnection::quoteLiteral(const QString &literal) const
{
    const QByteArray utf8 = literal.toUtf8();
    char *quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

QString PgConnection::encryptPassword(const QString &password, const QString &role) const
{
    char *verifier
        = PQencryptPasswordConn(m_conn, password.toUtf8().constData(), role.toUtf8().constData(), "scram-sha-256");
    if (!verifier)
        return {};
    const QString result = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return result;
}

QString PgConnection::quoteConninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString PgConnection::conninfo(
    const QString &host, int port, const QString &database, const QString &user, const QString &password)
{
    QStringList parts;
    parts << QStringLiteral("host=") + quoteConninfoValue(host);
    if (port > 0)
        parts << QStringLiteral("port=%1").arg(port);
    parts << QStringLiteral("dbname=") + quoteConninfoValue(database);
    parts << QStringLiteral("user=") + quoteConninfoValue(user);
    if (!password.isEmpty())
        parts << QStringLiteral("password=") + quoteConninfoValue(password);
    parts << QStringLiteral("connect_timeout=5");
    return parts.join(QLatin1Char(' '));
}

} // namespace Gatehouse::Runtime
