#include "nodebadges.h"

#include <QLocale>

#include "canvas/diagramscene.h"
#include "canvas/items/nodeitem.h"
#include "document/document.h"
#include "document/documentchange.h"

namespace Gatehouse {

NodeBadges::NodeBadges(DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
    // New items after a reset, an undo or a paste get their badge back.
    connect(scene->document(), &Document::changed, this, &NodeBadges::onDocumentChanged);
}

QString NodeBadges::stateText(NodeState state)
{
    switch (state) {
    case NodeState::Starting:
        return tr("starting");
    case NodeState::Ready:
        return tr("ready");
    case NodeState::Degraded:
        return tr("degraded");
    case NodeState::Down:
        return tr("down");
    case NodeState::Paused:
        return tr("paused");
    case NodeState::Stopped:
        return tr("stopped");
    }
    return {};
}

QColor NodeBadges::stateColor(NodeState state)
{
    switch (state) {
    case NodeState::Starting:
        return QColor(0x3b, 0x82, 0xc4);
    case NodeState::Ready:
        return QColor(0x2e, 0x9e, 0x5b);
    case NodeState::Degraded:
        return QColor(0xe0, 0x8e, 0x0b);
    case NodeState::Down:
        return QColor(0xc6, 0x28, 0x28);
    case NodeState::Paused:
        return QColor(0x7b, 0x4f, 0xd6);
    case NodeState::Stopped:
        return QColor(0x6b, 0x72, 0x80);
    }
    return Qt::gray;
}

void NodeBadges::setStatuses(const QList<NodeStatus> &statuses)
{
    for (const NodeStatus &status : statuses)
        setStatus(status);
}

void NodeBadges::setStatus(const NodeStatus &status)
{
    m_states.insert(status.nodeId, status.state);
    if (status.injectedLatencyMs > 0 || status.injectedErrorRate > 0)
        m_faults.insert(status.nodeId);
    else
        m_faults.remove(status.nodeId);
    if (status.ratePerSecond)
        m_rates.insert(status.nodeId, *status.ratePerSecond);
    else
        m_rates.remove(status.nodeId);
    apply(status.nodeId);
}

std::optional<double> NodeBadges::rate(const QString &nodeId) const
{
    const auto it = m_rates.constFind(nodeId);
    return it == m_rates.cend() ? std::nullopt : std::optional<double>(*it);
}

void NodeBadges::setFaultInjected(const QString &nodeId, bool on)
{
    if (on)
        m_faults.insert(nodeId);
    else
        m_faults.remove(nodeId);
    apply(nodeId);
}

std::optional<NodeState> NodeBadges::state(const QString &nodeId) const
{
    const auto it = m_states.constFind(nodeId);
    if (it == m_states.cend())
        return std::nullopt;
    return *it;
}

void NodeBadges::clear()
{
    const QList<QString> ids = m_states.keys();
    m_states.clear();
    m_faults.clear();
    m_rates.clear();
    for (const QString &id : ids)
        apply(id);
}

void NodeBadges::apply(const QString &nodeId)
{
    NodeItem *item = m_scene->nodeItem(nodeId);
    if (!item)
        return;
    const auto it = m_states.constFind(nodeId);
    if (it == m_states.cend()) {
        item->setLiveBadge(std::nullopt);
        return;
    }
    QString text = stateText(*it);
    // A client's traffic rate: the one the runtime reports (set-rate), else the diagram's.
    std::optional<double> rate = this->rate(nodeId);
    const Node *node = m_scene->document()->node(nodeId);
    if (!rate && node && isClient(node->kind) && *it != NodeState::Stopped)
        rate = node->ratePerSecond();
    if (rate)
        text = tr("%1 · %2/s").arg(text, QLocale().toString(*rate, 'f', *rate < 10 ? 1 : 0));
    item->setLiveBadge(NodeItem::LiveBadge {text, stateColor(*it), m_faults.contains(nodeId)});
}

void NodeBadges::onDocumentChanged(const DocumentChange &change)
{
    if (m_states.isEmpty())
        return;
    if (change.kind == DocumentChange::Kind::Reset || change.kind == DocumentChange::Kind::NodesAdded) {
        for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
            apply(it.key());
    }
}

} // namespace Gatehouse
