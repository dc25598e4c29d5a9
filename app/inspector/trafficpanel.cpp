#include "trafficpanel.h"

#include "curlcommand.h"
#include "trafficfilter.h"
#include "trafficmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

TrafficPanel::TrafficPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new TrafficModel(this))
    , m_filter(new TrafficFilter(this))
    , m_view(new QTableView(this))
    , m_filterEdit(new QLineEdit(this))
    , m_statusCombo(new QComboBox(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_curl(new QPushButton(tr("Copy as curl"), this))
    , m_counts(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("trafficTable"));
    m_filterEdit->setObjectName(QStringLiteral("trafficFilter"));
    m_statusCombo->setObjectName(QStringLiteral("trafficStatus"));
    m_pause->setObjectName(QStringLiteral("trafficPause"));
    m_curl->setObjectName(QStringLiteral("trafficCopyCurl"));
    m_counts->setObjectName(QStringLiteral("trafficCounts"));
    m_message->setObjectName(QStringLiteral("trafficMessage"));
    m_message->setWordWrap(true);

    m_filterEdit->setPlaceholderText(tr("Filter by client, route, status or trace id"));
    m_filterEdit->setClearButtonEnabled(true);
    m_statusCombo->addItem(tr("All statuses"), int(TrafficFilter::StatusClass::All));
    m_statusCombo->addItem(tr("2xx success"), int(TrafficFilter::StatusClass::Success));
    m_statusCombo->addItem(tr("4xx client errors"), int(TrafficFilter::StatusClass::ClientError));
    m_statusCombo->addItem(tr("5xx server errors"), int(TrafficFilter::StatusClass::ServerError));
    m_statusCombo->addItem(tr("Timeouts"), int(TrafficFilter::StatusClass::Timeout));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the table; new requests are counted but not added"));
    m_curl->setToolTip(tr("Copy the selected request as a curl command (credentials as $TOKEN / $API_KEY)"));
    m_curl->setEnabled(false);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(TrafficModel::TimeColumn, 100);
    m_view->setColumnWidth(TrafficModel::ClientColumn, 170);
    m_view->setColumnWidth(TrafficModel::RouteColumn, 220);
    m_view->setColumnWidth(TrafficModel::StatusColumn, 90);
    m_view->setColumnWidth(TrafficModel::LatencyColumn, 80);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_statusCombo);
    bar->addWidget(m_pause);
    bar->addWidget(m_curl);
    bar->addWidget(m_counts);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &TrafficFilter::setText);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setStatusClass(TrafficFilter::StatusClass(m_statusCombo->currentData().toInt())); });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(m_curl, &QPushButton::clicked, this, &TrafficPanel::copyAsCurl);
    connect(m_model, &TrafficModel::countsChanged, this, &TrafficPanel::updateCounts);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            m_curl->setEnabled(current.isValid());
            if (current.isValid())
                Q_EMIT traceRequested(current.data(TrafficModel::TraceIdRole).toString());
        });
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT traceActivated(index.data(TrafficModel::TraceIdRole).toString()); });
    // Follow the newest rows while the user is at the bottom; stay put once they scroll up.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &TrafficPanel::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &TrafficPanel::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TrafficPanel::updateCounts);
    updateCounts();
}

void TrafficPanel::setGatewayAddress(const QString &host, int port)
{
    m_gatewayHost = host;
    m_gatewayPort = port;
}

void TrafficPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString TrafficPanel::countsText() const
{
    return m_counts->text();
}

void TrafficPanel::updateCounts()
{
    const QLocale locale;
    QString text = tr("%1 requests, %2 shown")
                       .arg(locale.toString(m_model->totalRequests()), locale.toString(m_filter->rowCount()));
    if (m_model->isPaused())
        text = tr("Paused — %1 new requests skipped").arg(locale.toString(m_model->skippedWhilePaused()));
    m_counts->setText(text);
}

QString TrafficPanel::selectedTraceId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TrafficModel::TraceIdRole).toString() : QString();
}

void TrafficPanel::selectTrace(const QString &traceId)
{
    const int row = m_model->rowOfTrace(traceId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

QString TrafficPanel::curlForSelection() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    const int row = m_filter->mapToSource(current).row();
    if (row < 0)
        return {};
    return curlCommand(m_model->row(row), m_gatewayHost, m_gatewayPort > 0 ? m_gatewayPort : 8080);
}

void TrafficPanel::copyAsCurl()
{
    const QString command = curlForSelection();
    if (!command.isEmpty())
        QApplication::clipboard()->setText(command);
}

} // namespace Gatehouse
