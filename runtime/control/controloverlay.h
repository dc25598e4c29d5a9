#pragma once

#include "controlhandler.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace Gatehouse::Runtime {

// A ControlHandler that answers a few commands itself and passes everything else (and the
// snapshot) to another handler. Lets a part of the supervisor add a command (e.g. "topics")
// without growing StackControl. The inner handler must outlive the overlay.
class ControlOverlay : public ControlHandler
{
public:
    // Same contract as ControlHandler::execute: the result fields, must not block.
    using Command = std::function<QJsonObject(const QJsonObject &command)>;

    explicit ControlOverlay(ControlHandler *inner);

    void addCommand(const QString &name, Command command);

    QJsonObject snapshot() override;
    QJsonObject execute(const QJsonObject &command) override;

private:
    ControlHandler *m_inner;
    QHash<QString, Command> m_commands;
};

} // namespace Gatehouse::Runtime
