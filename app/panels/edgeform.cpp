#include "edgeform.h"

#include "choicedelegate.h"
#include "circuitbreakerbox.h"
#include "document/document.h"
#include "formrows.h"
#include "routedetails.h"
#include "routetablemodel.h"
#include "topictablemodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

EdgeForm::EdgeForm(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_ends(new QLabel(this))
    , m_label(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_fallbackMode(new QComboBox(this))
    , m_fallbackStatus(new QSpinBox(this))
    , m_fallbackDescription(new QLineEdit(this))
    , m_consumerGroup(new QLineEdit(this))
    , m_keyPrefix(new QLineEdit(this))
    , m_routeModel(new RouteTableModel(document, this))
    , m_topicModel(new TopicTableModel(document, this))
    , m_routeView(new QTableView(this))
    , m_topicView(new QTableView(this))
    , m_message(new QLabel(this))
{
    m_label->setObjectName(QStringLiteral("edgeLabel"));
    m_routeView->setObjectName(QStringLiteral("routeTable"));
    m_topicView->setObjectName(QStringLiteral("topicTable"));
    m_message->setObjectName(QStringLiteral("edgeMessage"));
    m_ends->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b83232;"));
    m_message->hide();

    m_timeout->setRange(0, 600000);
    m_timeout->setSingleStep(100);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("default"));
    m_retries->setRange(0, 10);
    m_fallbackMode->addItem(tr("None: the error goes back to the caller"), int(FallbackMode::None));
    m_fallbackMode->addItem(tr("Static response"), int(FallbackMode::StaticResponse));
    m_fallbackMode->addItem(tr("Defer: accept now, finish via an event"), int(FallbackMode::Defer));
    // Long choices must not make the whole dock wide.
    m_fallbackMode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fallbackMode->setMinimumContentsLength(16);
    m_fallbackStatus->setRange(200, 599);
    m_fallbackStatus->setValue(503);
    m_fallbackDescription->setPlaceholderText(tr("shown on the canvas, e.g. accept as PENDING_PAYMENT"));

    m_form = new QFormLayout;
    m_form->addRow(tr("&Label:"), m_label);
    m_form->addRow(tr("&Timeout:"), m_timeout);
    m_form->addRow(tr("&Retries:"), m_retries);
    m_form->addRow(tr("&Fallback:"), m_fallbackMode);
    m_form->addRow(tr("Fallback &status:"), m_fallbackStatus);
    m_form->addRow(tr("Fallback &text:"), m_fallbackDescription);
    m_form->addRow(tr("&Consumer group:"), m_consumerGroup);
    m_form->addRow(tr("&Key prefix:"), m_keyPrefix);

    m_routeView->setModel(m_routeModel);
    m_topicView->setModel(m_topicModel);
    // The table keeps what identifies a route; the rest of the selected route is edited below
    // it, so the table fits a narrow dock without scrolling sideways.
    for (int column = RouteTableModel::RateLimit; column < RouteTableModel::ColumnCount; ++column)
        m_routeView->setColumnHidden(column, true);
    m_routeDetails = new RouteDetails(m_routeModel, this);
    m_routeBox = makeTableBox(
        tr("Routes"), m_routeView, tr("Add Route"), tr("Remove Route"), [this] { return m_routeModel->addRoute(); },
        [this](int row) { m_routeModel->removeRoute(row); }, m_routeDetails);
    m_routeView->horizontalHeader()->setStretchLastSection(false);
    m_routeView->horizontalHeader()->setSectionResizeMode(RouteTableModel::Path, QHeaderView::Stretch);
    m_routeView->setTextElideMode(Qt::ElideMiddle);
    connect(m_routeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { m_routeDetails->setRow(current.isValid() ? current.row() : -1); });
    connect(m_routeModel, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndex current = m_routeView->currentIndex();
        m_routeDetails->setRow(current.isValid() ? current.row() : -1);
    });
    m_breakerBox = new CircuitBreakerBox(document, this);
    m_topicBox = makeTableBox(
        tr("Topics"), m_topicView, tr("Add Topic"), tr("Remove Topic"), [this] { return m_topicModel->addTopic(); },
        [this](int row) { m_topicModel->removeTopic(row); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The word-wrapping line stays outside the form: a form with a height-for-width row and
    // hidden rows corrupts memory in Qt 6.4 (QFormLayout::heightForWidth).
    layout->addWidget(m_ends);
    layout->addLayout(m_form);
    layout->addWidget(m_routeBox, 1);
    layout->addWidget(m_breakerBox);
    layout->addWidget(m_topicBox, 1);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_routeModel, &RouteTableModel::rejected, this, &EdgeForm::showMessage);
    connect(m_topicModel, &TopicTableModel::rejected, this, &EdgeForm::showMessage);
    connect(m_breakerBox, &CircuitBreakerBox::rejected, this, &EdgeForm::showMessage);
    connect(m_label, &QLineEdit::editingFinished, this, &EdgeForm::commitLabel);
    connect(m_consumerGroup, &QLineEdit::editingFinished, this, &EdgeForm::commitConsumerGroup);
    connect(m_keyPrefix, &QLineEdit::editingFinished, this, &EdgeForm::commitKeyPrefix);
    connect(m_timeout, &QSpinBox::editingFinished, this, &EdgeForm::commitTimeout);
    connect(m_retries, &QSpinBox::editingFinished, this, &EdgeForm::commitRetries);
    connect(m_fallbackMode, &QComboBox::activated, this, &EdgeForm::commitFallback);
    connect(m_fallbackStatus, &QSpinBox::editingFinished, this, &EdgeForm::commitFallback);
    connect(m_fallbackDescription, &QLineEdit::editingFinished, this, &EdgeForm::commitFallback);
}

QGroupBox *EdgeForm::makeTableBox(const QString &title, QTableView *view, const QString &addText,
    const QString &removeText, const std::function<int()> &add, const std::function<void(int)> &remove, QWidget *details)
{
    auto *box = new QGroupBox(title, this);
    view->setItemDelegate(new ChoiceDelegate(RouteTableModel::OptionsRole, view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setMinimumHeight(120);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);

    auto *addButton = new QPushButton(addText, box);
    auto *removeButton = new QPushButton(removeText, box);
    connect(addButton, &QPushButton::clicked, this, [this, view, add] {
        m_message->hide();
        const int row = add();
        if (row >= 0) {
            view->selectRow(row);
            view->edit(view->model()->index(row, 1));
        }
    });
    connect(removeButton, &QPushButton::clicked, this, [this, view, remove] {
        m_message->hide();
        const QModelIndex current = view->currentIndex();
        if (current.isValid())
            remove(current.row());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(view);
    layout->addLayout(buttons);
    if (details)
        layout->addWidget(details);
    return box;
}

void EdgeForm::setEdge(const QString &edgeId)
{
    m_edgeId = edgeId;
    m_message->hide();
    m_routeModel->setEdge(edgeId);
    m_topicModel->setEdge(edgeId);
    m_breakerBox->setEdge(edgeId);
    reload();
}

void EdgeForm::reload()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return;
    const Node *from = m_document->node(edge->source);
    const Node *to = m_document->node(edge->target);
    const QSignalBlocker b1(m_label), b2(m_timeout), b3(m_retries), b4(m_fallbackMode), b5(m_fallbackStatus),
        b6(m_fallbackDescription), b7(m_consumerGroup), b8(m_keyPrefix);

    m_ends->setText(tr("%1 from %2 to %3")
                        .arg(displayName(edge->kind), from ? from->name : edge->source, to ? to->name : edge->target));
    if (m_label->text() != edge->label)
        m_label->setText(edge->label);
    m_timeout->setValue(edge->timeoutMs);
    m_retries->setValue(edge->retries);
    m_fallbackMode->setCurrentIndex(m_fallbackMode->findData(int(edge->fallback.mode)));
    if (edge->fallback.status > 0)
        m_fallbackStatus->setValue(edge->fallback.status);
    if (m_fallbackDescription->text() != edge->fallback.description)
        m_fallbackDescription->setText(edge->fallback.description);
    if (m_consumerGroup->text() != edge->consumerGroup)
        m_consumerGroup->setText(edge->consumerGroup);
    if (m_keyPrefix->text() != edge->keyPrefix)
        m_keyPrefix->setText(edge->keyPrefix);
    m_routeModel->reload();
    m_topicModel->reload();
    m_breakerBox->reload();

    const bool gatewayRoutes = edge->kind == EdgeKind::Sync && from && from->kind == NodeKind::Gateway;
    const bool serviceCall = edge->kind == EdgeKind::Sync && !gatewayRoutes;
    const bool events = edge->kind == EdgeKind::Publish || edge->kind == EdgeKind::Subscribe;
    setFormRowShown(m_form, m_timeout, serviceCall);
    setFormRowShown(m_form, m_retries, serviceCall);
    setFormRowShown(m_form, m_fallbackMode, serviceCall);
    setFormRowShown(m_form, m_fallbackStatus, serviceCall && edge->fallback.mode == FallbackMode::StaticResponse);
    setFormRowShown(m_form, m_fallbackDescription, serviceCall && edge->fallback.mode != FallbackMode::None);
    setFormRowShown(m_form, m_consumerGroup, edge->kind == EdgeKind::Subscribe);
    setFormRowShown(m_form, m_keyPrefix, edge->kind == EdgeKind::UsesCache);
    m_routeBox->setVisible(gatewayRoutes);
    // The gateway keeps one breaker per upstream service; other sync edges have none.
    m_breakerBox->setVisible(gatewayRoutes && to && to->kind == NodeKind::Service);
    m_topicBox->setVisible(events);
}

void EdgeForm::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void EdgeForm::commitLabel()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (edge && edge->label != m_label->text().trimmed())
        m_document->setEdgeLabel(m_edgeId, m_label->text().trimmed());
}

void EdgeForm::commitConsumerGroup()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    const QString group = m_consumerGroup->text().trimmed();
    if (!edge || edge->consumerGroup == group)
        return;
    if (group.contains(QLatin1Char(' '))) {
        showMessage(tr("A consumer group name has no spaces."));
        reload();
        return;
    }
    showMessage({});
    m_document->setEdgeConsumerGroup(m_edgeId, group);
}

void EdgeForm::commitKeyPrefix()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (edge && edge->keyPrefix != m_keyPrefix->text().trimmed())
        m_document->setEdgeKeyPrefix(m_edgeId, m_keyPrefix->text().trimmed());
}

void EdgeForm::commitTimeout()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (edge && edge->timeoutMs != m_timeout->value())
        m_document->setEdgeTimeout(m_edgeId, m_timeout->value());
}

void EdgeForm::commitRetries()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (edge && edge->retries != m_retries->value())
        m_document->setEdgeRetries(m_edgeId, m_retries->value());
}

void EdgeForm::commitFallback()
{
    const Edge *edge = m_document ? m_document->edge(m_edgeId) : nullptr;
    if (!edge)
        return;
    Fallback fallback = edge->fallback;
    fallback.mode = FallbackMode(m_fallbackMode->currentData().toInt());
    fallback.status = fallback.mode == FallbackMode::StaticResponse ? m_fallbackStatus->value() : 0;
    fallback.description = fallback.mode == FallbackMode::None ? QString() : m_fallbackDescription->text().trimmed();
    if (fallback.mode != FallbackMode::StaticResponse)
        fallback.body.clear();
    if (fallback != edge->fallback)
        m_document->setEdgeFallback(m_edgeId, fallback);
}

} // namespace Gatehouse
