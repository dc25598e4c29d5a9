#pragma once

#include <QJsonObject>

namespace Gatehouse::Runtime {

// What the control server asks of the stack it serves. Implemented by the supervisor (and by
// tests with a real ProcessManager behind it).
class ControlHandler
{
public:
    virtual ~ControlHandler() = default;
    // The "snapshot" message without "type": {"stack":{…},"nodes":[NodeStatus…]}.
    virtual QJsonObject snapshot() = 0;
    // Runs one command message ({"id","command",…}) and returns the result fields:
    // {"ok":true,…} or {"ok":false,"code":Protocol::ErrorCode,"error":"sentence"}.
    // Must not block: long work (stopping a node) is reported later through status messages.
    virtual QJsonObject execute(const QJsonObject &command) = 0;
};

} // namespace Gatehouse::Runtime
