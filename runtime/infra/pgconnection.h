#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct pg_conn;

namespace Gatehouse::Runtime {

// A small owning wrapper around one libpq connection (blocking), for the infra managers'
// administrative work and for tests. Not a pool: nodes use their own clients.
class PgConnection
{
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;
    PgConnection(PgConnection &&other) noexcept;
    PgConnection &operator=(PgConnection &&other) noexcept;

    // Connects with a libpq conninfo string ("host=… port=… dbname=… user=… password=…").
    // Returns false and sets `error` (libpq's message, which never contains the password).
    bool open(const QString &conninfo, QString *error);
    bool isOpen() const { return m_conn != nullptr; }
    void close();

    // Runs one or more statements (no parameters). Returns false and sets `error` on failure.
    bool exec(const QString &sql, QString *error);
    // Runs one statement with text parameters $1…$n; returns the rows as text (NULL → null
    // QString). Returns false and sets `error` on failure.
    bool query(const QString &sql, const QStringList &params, QList<QStringList> *rows, QString *error);

    // Quoting for statements that cannot take parameters (CREATE ROLE, GRANT …).
    QString quoteIdentifier(const QString &identifier) const;
    QString quoteLiteral(const QString &literal) const;
    // A SCRAM-SHA-256 verifier computed client-side, so the clear password never reaches the
    // server (and cannot end up in a server log).
    QString encryptPassword(const QString &password, const QString &role) const;

    pg_conn *handle() const { return m_conn; }

    // Builds a conninfo string, quoting values as libpq requires.
    static QString conninfo(
        const QString &host, int port, const QString &database, const QString &user, const QString &password = {});
    // One value quoted for a conninfo string ('…' with \ and ' escaped).
    static QString quoteConninfoValue(const QString &value);

private:
    pg_conn *m_conn = nullptr;
};

} // namespace Gatehouse::Runtime
