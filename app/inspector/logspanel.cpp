#include "logspanel.h"

#include "logfilter.h"
#include "logmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

LogsPanel::LogsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_filter(new LogFilter(this))
    , m_view(new QTableView(this))
    , m_node(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_filterEdit(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("Follow"), this))
    , m_message(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("logsTable"));
    m_node->setObjectName(QStringLiteral("logsNode"));
    m_level->setObjectName(QStringLiteral("logsLevel"));
    m_filterEdit->setObjectName(QStringLiteral("logsFilter"));
    m_follow->setObjectName(QStringLiteral("logsFollow"));
    m_message->setObjectName(QStringLiteral("logsMessage"));
    m_message->setWordWrap(true);

    m_node->addItem(tr("All nodes (merged)"), QString());
    m_level->addItem(tr("Debug and above"), int(LogLine::Level::Debug));
    m_level->addItem(tr("Info and above"), int(LogLine::Level::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLine::Level::Warning));
    m_level->addItem(tr("Errors only"), int(LogLine::Level::Error));
    m_filterEdit->setPlaceholderText(tr("Filter log text"));
    m_filterEdit->setClearButtonEnabled(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view"));

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(LogModel::TimeColumn, 100);
    m_view->setColumnWidth(LogModel::NodeColumn, 120);
    m_view->setColumnWidth(LogModel::LevelColumn, 80);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_node);
    bar->addWidget(m_level);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_follow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_model, &LogModel::nodeSeen, this, &LogsPanel::addNode);
    connect(
        m_node, &QComboBox::currentIndexChanged, this, [this] { m_filter->setNode(m_node->currentData().toString()); });
    connect(m_level, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setMinimumLevel(LogLine::Level(m_level->currentData().toInt())); });
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &LogFilter::setText);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_view->scrollToBottom();
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });
}

void LogsPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void LogsPanel::addNode(const QString &nodeId)
{
    if (m_node->findData(nodeId) >= 0)
        return;
    // Sorted after the "all nodes" entry.
    int at = 1;
    while (at < m_node->count() && m_node->itemData(at).toString() < nodeId)
        ++at;
    m_node->insertItem(at, nodeId, nodeId);
}

void LogsPanel::clear()
{
    const QString current = m_node->currentData().toString();
    m_model->clear();
    while (m_node->count() > 1)
        m_node->removeItem(1);
    // A node picked before the run stays picked: its lines will come again.
    if (!current.isEmpty()) {
        addNode(current);
        m_node->setCurrentIndex(1);
    }
}

} // namespace Gatehouse
