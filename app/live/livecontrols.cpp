#include "livecontrols.h"

#include "document/document.h"
#include "livesession.h"
#include "nodebadges.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSlider>
#include <QWidgetAction>

namespace Gatehouse {

LiveControls::LiveControls(LiveSession *session, Document *document, NodeBadges *badges, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_document(document)
    , m_badges(badges)
    , m_dialogParent(dialogParent)
{
    m_prompt = [](QWidget *parent, const QString &title, const QString &label, int value, int minimum, int maximum) {
        bool ok = false;
        const int v = QInputDialog::getInt(parent, title, label, value, minimum, maximum, 1, &ok);
        return ok ? std::optional<int>(v) : std::nullopt;
    };
    connect(session, &LiveSession::started, this, [this] {
        connect(m_session->client(), &RuntimeClient::commandFinished, this, &LiveControls::onFinished,
            Qt::UniqueConnection);
    });
    connect(session, &LiveSession::stopped, this, &LiveControls::reset);
}

QString LiveControls::nodeName(const QString &nodeId) const
{
    const Node *node = m_document->node(nodeId);
    return node ? node->name : nodeId;
}

QString LiveControls::edgeName(const QString &edgeId) const
{
    const Edge *edge = m_document->edge(edgeId);
    if (!edge)
        return edgeId;
    return tr("%1 → %2").arg(nodeName(edge->source), nodeName(edge->target));
}

void LiveControls::populateMenu(QMenu *menu, const QString &nodeId, const QString &edgeId)
{
    if (m_session->state() != LiveSession::State::Running)
        return;
    if (!nodeId.isEmpty()) {
        const Node *node = m_document->node(nodeId);
        if (!node)
            return;
        const bool infrastructure = node->kind == NodeKind::DbPostgres || node->kind == NodeKind::CacheRedis
            || node->kind == NodeKind::BusKafka;
        menu->addSeparator();
        QMenu *live = menu;
        if (infrastructure) {
            QAction *info = live->addAction(tr("Runs inside the supervisor: no node controls"));
            info->setEnabled(false);
            return;
        }
        const auto status = m_session->client()->node(nodeId);
        const NodeState state = status ? status->state : NodeState::Stopped;
        const auto add = [this, live, nodeId](const QString &text, const char *name, const QString &command) {
            QAction *a = live->addAction(text, this, [this, nodeId, command] { nodeCommand(command, nodeId); });
            a->setObjectName(QLatin1String(name));
            return a;
        };
        if (state == NodeState::Stopped || state == NodeState::Down)
            add(tr("Start"), "liveStart", QStringLiteral("start"));
        else
            add(tr("Stop"), "liveStop", QStringLiteral("stop"));
        add(tr("Kill (crash)"), "liveKill", QStringLiteral("kill"));
        if (state == NodeState::Paused)
            add(tr("Resume"), "liveResume", QStringLiteral("resume"));
        else
            add(tr("Pause (hang)"), "livePause", QStringLiteral("pause"));
        add(tr("Restart"), "liveRestart", QStringLiteral("restart"));
        live->addSeparator();
        if (isClient(node->kind)) {
            const double current = m_rates.value(nodeId, node->ratePerSecond());
            auto *widget = new QWidget(menu);
            auto *layout = new QHBoxLayout(widget);
            layout->setContentsMargins(24, 4, 12, 4);
            auto *label = new QLabel(widget);
            auto *slider = new QSlider(Qt::Horizontal, widget);
            slider->setObjectName(QStringLiteral("liveRateSlider"));
            slider->setRange(0, 100);
            slider->setValue(qRound(current));
            slider->setMinimumWidth(140);
            const auto showRate = [label](int value) { label->setText(tr("Rate: %1 req/s").arg(value)); };
            showRate(slider->value());
            layout->addWidget(label);
            layout->addWidget(slider);
            connect(slider, &QSlider::valueChanged, label, showRate);
            // Sent when the user lets go (or steps with the keyboard), not on every pixel.
            connect(slider, &QSlider::sliderReleased, this, [this, nodeId, slider] { setRate(nodeId, slider->value()); });
            connect(slider, &QSlider::valueChanged, this, [this, nodeId, slider](int value) {
                if (!slider->isSliderDown())
                    setRate(nodeId, value);
            });
            auto *action = new QWidgetAction(menu);
            action->setObjectName(QStringLiteral("liveRate"));
            action->setDefaultWidget(widget);
            live->addAction(action);
            return;
        }
        QAction *latency = live->addAction(tr("Add Latency…"), this, [this, nodeId] { askLatency(nodeId, {}); });
        latency->setObjectName(QStringLiteral("liveAddLatency"));
        QAction *errors = live->addAction(tr("Add Error Rate…"), this, [this, nodeId] { askErrors(nodeId, {}); });
        errors->setObjectName(QStringLiteral("liveAddErrors"));
        QAction *clear = live->addAction(tr("Clear Faults"), this, [this, nodeId] { inject(nodeId, {}, 0, 0); });
        clear->setObjectName(QStringLiteral("liveClearFaults"));
        clear->setEnabled(m_faults.contains(nodeId));
        return;
    }
    const Edge *edge = m_document->edge(edgeId);
    if (!edge || edge->kind != EdgeKind::Sync)
        return;
    menu->addSeparator();
    QAction *latency = menu->addAction(tr("Add Latency on This Call…"), this, [this, edgeId] { askLatency({}, edgeId); });
    latency->setObjectName(QStringLiteral("liveAddLatency"));
    QAction *errors = menu->addAction(tr("Add Errors on This Call…"), this, [this, edgeId] { askErrors({}, edgeId); });
    errors->setObjectName(QStringLiteral("liveAddErrors"));
    QAction *clear = menu->addAction(tr("Clear Faults"), this, [this, edgeId] { inject({}, edgeId, 0, 0); });
    clear->setObjectName(QStringLiteral("liveClearFaults"));
    clear->setEnabled(m_faults.contains(edgeId));
}

void LiveControls::askLatency(const QString &nodeId, const QString &edgeId)
{
    const QString target = nodeId.isEmpty() ? edgeName(edgeId) : nodeName(nodeId);
    const Faults current = m_faults.value(nodeId.isEmpty() ? edgeId : nodeId);
    const auto value = m_prompt(m_dialogParent, tr("Add Latency"), tr("Extra latency for %1 (ms):").arg(target),
        current.latencyMs > 0 ? current.latencyMs : 500, 0, 60000);
    if (value)
        inject(nodeId, edgeId, *value, current.errorRate);
}

void LiveControls::askErrors(const QString &nodeId, const QString &edgeId)
{
    const QString target = nodeId.isEmpty() ? edgeName(edgeId) : nodeName(nodeId);
    const Faults current = m_faults.value(nodeId.isEmpty() ? edgeId : nodeId);
    const auto value = m_prompt(m_dialogParent, tr("Add Error Rate"), tr("Share of failing requests for %1 (%):").arg(target),
        current.errorRate > 0 ? qRound(current.errorRate * 100) : 20, 0, 100);
    if (value)
        inject(nodeId, edgeId, current.latencyMs, *value / 100.0);
}

int LiveControls::send(const QString &command, const QJsonObject &arguments, Pending pending)
{
    if (m_session->state() != LiveSession::State::Running || !m_session->client()) {
        Q_EMIT message(tr("%1: the stack is not running").arg(pending.description), true);
        return 0;
    }
    const int id = m_session->client()->sendCommand(command, arguments);
    m_pending.insert(id, std::move(pending));
    return id;
}

int LiveControls::nodeCommand(const QString &command, const QString &nodeId)
{
    const QString name = nodeName(nodeId);
    QString description;
    if (command == QLatin1String("stop"))
        description = tr("Stop %1").arg(name);
    else if (command == QLatin1String("start"))
        description = tr("Start %1").arg(name);
    else if (command == QLatin1String("kill"))
        description = tr("Kill %1").arg(name);
    else if (command == QLatin1String("pause"))
        description = tr("Pause %1").arg(name);
    else if (command == QLatin1String("resume"))
        description = tr("Resume %1").arg(name);
    else if (command == QLatin1String("restart"))
        description = tr("Restart %1").arg(name);
    else
        description = command;
    return send(command, QJsonObject {{QStringLiteral("nodeId"), nodeId}}, Pending {description, nodeId, {}, {}});
}

int LiveControls::inject(const QString &nodeId, const QString &edgeId, int latencyMs, double errorRate)
{
    QJsonObject arguments {{QStringLiteral("latencyMs"), latencyMs}, {QStringLiteral("errorRate"), errorRate}};
    const QString target = nodeId.isEmpty() ? edgeName(edgeId) : nodeName(nodeId);
    if (nodeId.isEmpty())
        arguments.insert(QStringLiteral("edgeId"), edgeId);
    else
        arguments.insert(QStringLiteral("nodeId"), nodeId);
    QString description;
    if (latencyMs == 0 && errorRate <= 0)
        description = tr("Clear faults on %1").arg(target);
    else
        description = tr("Inject %1 ms latency and %2 % errors on %3")
                          .arg(latencyMs)
                          .arg(QLocale().toString(errorRate * 100, 'f', 0), target);
    return send(QStringLiteral("inject"), arguments, Pending {description, nodeId, edgeId, Faults {latencyMs, errorRate}});
}

int LiveControls::setRate(const QString &nodeId, double ratePerSecond)
{
    const QString description
        = tr("Set the rate of %1 to %2 req/s").arg(nodeName(nodeId), QLocale().toString(ratePerSecond, 'f', 1));
    m_rates.insert(nodeId, ratePerSecond);
    return send(QStringLiteral("set-rate"),
        QJsonObject {{QStringLiteral("nodeId"), nodeId}, {QStringLiteral("ratePerSecond"), ratePerSecond}},
        Pending {description, nodeId, {}, {}});
}

void LiveControls::onFinished(int id, bool ok, const QJsonObject &result)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return; // someone else's command (the inspector's, a shutdown)
    const Pending pending = *it;
    m_pending.erase(it);
    if (!ok) {
        const QString code = result.value(QStringLiteral("code")).toString();
        QString reason = result.value(QStringLiteral("error")).toString();
        if (code == QLatin1String("unsupported"))
            reason = tr("this runtime does not support it yet");
        else if (reason.isEmpty())
            reason = code;
        Q_EMIT message(tr("%1 failed: %2").arg(pending.description, reason), true);
        return;
    }
    // The badge bolt, the edge marks and m_faults follow the runtime's status and edgeFaults
    // messages (applyStatus / applyEdgeFaults), not this acknowledgement.
    Q_EMIT message(tr("%1: done").arg(pending.description), false);
}

void LiveControls::reset()
{
    m_pending.clear();
    m_faults.clear();
    m_edgeFaultIds.clear();
    m_rates.clear();
}

void LiveControls::applyStatus(const NodeStatus &status)
{
    if (status.injectedLatencyMs > 0 || status.injectedErrorRate > 0)
        m_faults.insert(status.nodeId, Faults {status.injectedLatencyMs, status.injectedErrorRate});
    else
        m_faults.remove(status.nodeId);
    if (status.ratePerSecond)
        m_rates.insert(status.nodeId, *status.ratePerSecond);
}

void LiveControls::applyEdgeFaults(const QJsonObject &edgeFaults)
{
    for (const QString &id : std::as_const(m_edgeFaultIds))
        m_faults.remove(id);
    m_edgeFaultIds.clear();
    for (auto it = edgeFaults.begin(); it != edgeFaults.end(); ++it) {
        const QJsonObject f = it.value().toObject();
        const Faults faults {f.value(QStringLiteral("latencyMs")).toInt(), f.value(QStringLiteral("errorRate")).toDouble()};
        if (faults.latencyMs > 0 || faults.errorRate > 0) {
            m_faults.insert(it.key(), faults);
            m_edgeFaultIds.insert(it.key());
        }
    }
}

} // namespace Gatehouse
