#pragma once

#include "model/launchconfig.h"

#include <QHash>
#include <QString>
#include <optional>

namespace Gatehouse::Runtime {

// Where the running infrastructure answers, with credentials — the same shape whether the
// runtime started it (embedded) or the project points to existing servers (external). The
// supervisor copies the parts a node needs into its NodeLaunchConfig. Holds secrets: keep it in
// memory, never log or serialise it.
struct InfraEndpoints
{
    QHash<QString, PostgresAccess> databases; // service node id → its own database and role
    std::optional<RedisAccess> redis;
    std::optional<KafkaAccess> kafka;

    bool operator==(const InfraEndpoints &) const = default;
};

} // namespace Gatehouse::Runtime
