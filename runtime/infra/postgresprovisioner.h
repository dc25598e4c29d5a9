#pragma once

#include "migrationrunner.h"

#include <QString>

namespace Gatehouse::Runtime {

class PgConnection;

// Creates one service's database and login role over an administrative connection, for the
// embedded cluster and for an external server alike (given an admin DSN with CREATEROLE and
// CREATEDB). Idempotent: on a warm start it only re-sets the password and the grants.
//
// After ensureDatabase() the role owns its database and can connect to it; CONNECT on it is
// revoked from PUBLIC, so no other role (except superusers) can connect. revokePublicConnect()
// also closes the default "postgres" and "template1" databases to PUBLIC, so a service role
// reaches its own database only.
namespace PostgresProvisioner {

bool ensureDatabase(
    PgConnection &admin, const QString &database, const QString &role, const QString &password, QString *error);
bool revokePublicConnect(PgConnection &admin, const QStringList &databases, QString *error);

} // namespace PostgresProvisioner

} // namespace Gatehouse::Runtime
