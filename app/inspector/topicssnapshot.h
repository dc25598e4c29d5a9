#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Gatehouse {

// One `topics` message of the control protocol (docs/runtime-protocol.md, contract B), read
// defensively: a missing or mistyped field becomes empty/zero, entries without a name are
// skipped, nothing in it can make the reader fail. Numbers that do not fit are clamped.
struct TopicsSnapshot
{
    struct PartitionOffsets
    {
        int partition = 0;
        qint64 low = 0;
        qint64 high = 0;
    };
    struct GroupOffset
    {
        int partition = 0;
        qint64 committed = 0;
        qint64 lag = 0;
    };
    struct Group
    {
        QString group;
        qint64 lag = 0;
        QList<GroupOffset> offsets;
    };
    struct Message
    {
        int partition = 0;
        qint64 offset = 0;
        qint64 timeMs = 0;
        QString key;
        QJsonObject headers;
        QJsonValue payload { QJsonValue::Undefined }; // the JSON payload; Undefined when it was not JSON
        QString payloadText; // the payload as text when it was not JSON
    };
    struct Topic
    {
        QString name;
        int partitions = 0;
        qint64 messages = 0;
        double rate = 0; // messages/s over the last 10 s
        QList<PartitionOffsets> offsets;
        QList<Group> groups;
        QList<Message> recent; // newest last
    };

    qint64 timeMs = 0;
    QList<Topic> topics;

    static TopicsSnapshot fromJson(const QJsonObject &message);
};

} // namespace Gatehouse
