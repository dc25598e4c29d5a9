#pragma once

#include <QList>
#include <QString>

namespace Gatehouse::Runtime {

class PgConnection;

// One versioned schema change of one service. Versions are positive and strictly increasing.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;

    bool operator==(const Migration &) const = default;
};

// Applies a service's migrations to its own database, as its own role, each in one transaction
// together with its row in `schema_migrations` (version, name, applied_at). Already applied
// versions are skipped, so running again is a no-op. A transaction-scoped advisory lock keeps two
// runners from applying the same version twice. A failing migration rolls back and stops.
class MigrationRunner
{
public:
    // Loads "<version>_<name>.sql" files from a folder (or a Qt resource folder ":/…"), sorted by
    // version. Returns false and sets `error` for a malformed name or a duplicate version.
    static bool loadFolder(const QString &folder, QList<Migration> *migrations, QString *error);

    // Returns the number of migrations applied now (0 when all were applied before), or -1 and
    // sets `error`.
    static int apply(PgConnection &connection, const QList<Migration> &migrations, QString *error);

    // Versions recorded in schema_migrations (empty when the table does not exist).
    static QList<int> appliedVersions(PgConnection &connection, QString *error);
};

} // namespace Gatehouse::Runtime
