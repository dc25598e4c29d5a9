#pragma once

#include "runtimeclient/nodestatus.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QSet>

namespace Gatehouse {

class DiagramScene;
struct DocumentChange;

// Puts the live state of each node on the canvas (NodeItem::setLiveBadge): a coloured pill
// with the state ("starting", "ready", "degraded", "down", "paused", "stopped"), a client's
// traffic rate ("ready · 2.5/s") and a fault mark while the runtime reports injected faults on
// the node (NodeStatus::injectedLatencyMs / injectedErrorRate, whoever injected them). Status events apply at once; badges
// survive a rebuild of the scene and are all cleared by clear() (the stack stopped).
class NodeBadges : public QObject
{
    Q_OBJECT

public:
    explicit NodeBadges(DiagramScene *scene, QObject *parent = nullptr);

    void setStatuses(const QList<Gatehouse::NodeStatus> &statuses); // a snapshot
    void setStatus(const Gatehouse::NodeStatus &status);
    void setFaultInjected(const QString &nodeId, bool on);
    void clear();

    std::optional<NodeState> state(const QString &nodeId) const;
    bool hasFault(const QString &nodeId) const { return m_faults.contains(nodeId); }
    std::optional<double> rate(const QString &nodeId) const;
    static QString stateText(NodeState state);
    static QColor stateColor(NodeState state);

private:
    void apply(const QString &nodeId);
    void onDocumentChanged(const DocumentChange &change);

    DiagramScene *m_scene;
    QHash<QString, NodeState> m_states;
    QSet<QString> m_faults;
    QHash<QString, double> m_rates; // clients' traffic rate, once set
};

} // namespace Gatehouse
