#include "inspectortestdata.h"

#include <QJsonDocument>

namespace InspectorTest {

QJsonObject topicsMessage()
{
    return QJsonDocument::fromJson(R"({"type":"topics","timeMs":1764417401000,"topics":[
        {"name":"order.created","partitions":3,"messages":120,"rate":2.0,
         "offsets":[{"partition":0,"low":0,"high":40},{"partition":1,"low":0,"high":38},{"partition":2,"low":0,"high":42}],
         "groups":[{"group":"notification","lag":3,"offsets":[{"partition":0,"committed":39,"lag":1},{"partition":1,"committed":36,"lag":2},{"partition":2,"committed":42,"lag":0}]}],
         "recent":[{"partition":0,"offset":38,"timeMs":1764417400100,"key":"o-16","headers":{"event-id":"e-16"},"payload":{"orderId":"o-16","total":12.5}},
                   {"partition":0,"offset":39,"timeMs":1764417400900,"key":"o-17","headers":{"event-id":"e-17","traceparent":"00-abc-def-01"},"payload":{"orderId":"o-17","items":[{"sku":"SKU-001","quantity":2}]}}]},
        {"name":"payment.failed","partitions":3,"messages":0,"rate":0,"offsets":[],"groups":[],
         "recent":[{"partition":2,"offset":0,"timeMs":1764417400500,"key":"k","headers":{},"payloadText":"not json at all"}]}]})")
        .object();
}

QList<BadTopics> badTopicsMessages()
{
    return {
        { "empty object", R"({})", 0 },
        { "topics not an array", R"({"type":"topics","topics":{"a":1}})", 0 },
        { "topic not an object", R"({"topics":[1,"x",null,[]]})", 0 },
        { "topic without name", R"({"topics":[{"partitions":3}]})", 0 },
        { "strings for numbers",
            R"({"topics":[{"name":"t","partitions":"3","rate":"fast","offsets":[{"partition":"0","high":"x"}]}]})", 1 },
        { "huge numbers",
            R"({"timeMs":1e300,"topics":[{"name":"t","partitions":1e30,"messages":-1e300,"offsets":[{"partition":1e20,"low":-1e99,"high":1e99}]}]})",
            1 },
        { "wrong shapes inside",
            R"({"topics":[{"name":"t","offsets":"x","groups":[{"lag":5},{"group":"g","offsets":7}],"recent":[1,{},{"headers":"h","payload":[1,2]}]}]})",
            1 },
        { "null everywhere",
            R"({"topics":[{"name":"t","partitions":null,"groups":null,"recent":[{"partition":null,"payload":null}]}]})",
            1 },
        { "not an object at all", "[1,2,3]", 0 },
    };
}

} // namespace InspectorTest
