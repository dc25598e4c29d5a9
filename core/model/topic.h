#pragma once

#include <QString>

namespace Gatehouse {

// A Kafka topic as a publish or subscribe edge names it.
struct Topic
{
    QString name;
    int partitions = 1;
    QString key; // the payload field used as message key (ordering per key), may be empty

    bool operator==(const Topic &) const = default;
};

} // namespace Gatehouse
