#include "controloverlay.h"

namespace Gatehouse::Runtime {

ControlOverlay::ControlOverlay(ControlHandler *inner)
    : m_inner(inner)
{
}

void ControlOverlay::addCommand(const QString &name, Command command)
{
    m_commands.insert(name, std::move(command));
}

QJsonObject ControlOverlay::snapshot()
{
    return m_inner->snapshot();
}

QJsonObject ControlOverlay::execute(const QJsonObject &command)
{
    const auto own = m_commands.constFind(command.value(QStringLiteral("command")).toString());
    if (own != m_commands.constEnd())
        return (*own)(command);
    return m_inner->execute(command);
}

} // namespace Gatehouse::Runtime
