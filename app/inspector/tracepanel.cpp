#include "tracepanel.h"

#include "tracemodel.h"
#include "waterfalldelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gatehouse {

TracePanel::TracePanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_model(new TraceModel(this))
    , m_view(new QTableView(this))
    , m_events(new QTreeWidget(this))
{
    m_summary->setObjectName(QStringLiteral("traceSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("traceMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_view->setObjectName(QStringLiteral("traceWaterfall"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new WaterfallDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(TraceModel::TimelineColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(TraceModel::SpanColumn, 260);
    m_view->setColumnWidth(TraceModel::NodeColumn, 110);
    m_view->setColumnWidth(TraceModel::DurationColumn, 80);

    m_events->setObjectName(QStringLiteral("traceEvents"));
    m_events->setHeaderLabels(
        { tr("Event it caused"), tr("Key"), tr("Producer"), tr("Consumers"), tr("Delivered after") });
    m_events->setRootIsDecorated(false);
    m_events->setAlternatingRowColors(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_events);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    clear();
}

void TracePanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TracePanel::clear()
{
    m_traceId.clear();
    m_spans.clear();
    rebuild();
}

void TracePanel::setTrace(const QString &traceId, const QList<Span> &spans)
{
    m_traceId = traceId;
    m_spans.clear();
    for (const Span &span : spans) {
        if (span.traceId == traceId)
            m_spans.append(span);
    }
    rebuild();
}

void TracePanel::addSpans(const QList<Span> &spans)
{
    if (m_traceId.isEmpty())
        return;
    QSet<QString> known;
    for (const Span &span : std::as_const(m_spans))
        known.insert(span.spanId);
    bool added = false;
    for (const Span &span : spans) {
        if (span.traceId != m_traceId || known.contains(span.spanId))
            continue;
        known.insert(span.spanId);
        m_spans.append(span);
        added = true;
    }
    if (added)
        rebuild();
}

QString TracePanel::summaryText() const
{
    return m_summary->text();
}

void TracePanel::rebuild()
{
    const TraceLayout layout(m_spans);
    m_model->setLayout(layout);
    if (m_traceId.isEmpty()) {
        m_summary->setText(tr("Select a request in the Traffic dock to see its trace."));
    } else if (layout.isEmpty()) {
        m_summary->setText(tr("Trace %1: no spans (the runtime no longer holds them).").arg(m_traceId));
    } else {
        m_summary->setText(tr("Trace %1 — %2 spans on %3 nodes, %4")
                               .arg(m_traceId)
                               .arg(layout.rows().size())
                               .arg(layout.nodeIds().size())
                               .arg(TraceModel::durationText(layout.durationUs())));
    }

    m_events->clear();
    for (const TraceLayout::Event &event : layout.events()) {
        QStringList consumers;
        qint64 lastStart = 0;
        for (const Span &consume : event.consumers) {
            consumers << consume.nodeId;
            lastStart = std::max(lastStart, consume.startUs);
        }
        const bool produced = !event.produce.spanId.isEmpty();
        QString delay = QStringLiteral("—");
        if (produced && lastStart > 0)
            delay = TraceModel::durationText(std::max<qint64>(0, lastStart - event.produce.startUs));
        auto *item = new QTreeWidgetItem(m_events,
            { event.topic, event.key, produced ? event.produce.nodeId : tr("(not in this trace)"),
                consumers.isEmpty() ? tr("not consumed yet") : consumers.join(QStringLiteral(", ")), delay });
        item->setForeground(0, WaterfallDelegate::colorOf(SpanKind::KafkaProduce));
        if (produced)
            item->setToolTip(0, TraceModel::tooltip(event.produce));
    }
    for (int c = 0; c < m_events->columnCount(); ++c)
        m_events->resizeColumnToContents(c);
}

} // namespace Gatehouse
