#include "problemspanel.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {
constexpr int FindingIndexRole = Qt::UserRole + 1;
}

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setColumnCount(2);
    m_view->setHeaderLabels({ tr("Problem"), tr("Rule") });
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    m_summary->setContentsMargins(4, 2, 4, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);

    connect(m_view, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { emitSelection(item); });
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { emitSelection(item); });
    setFindings({});
}

void ProblemsPanel::setFindings(const QList<LintFinding> &findings)
{
    m_findings = findings;
    m_view->clear();
    int errors = 0;
    int warnings = 0;
    for (int i = 0; i < findings.size(); ++i) {
        const LintFinding &finding = findings.at(i);
        errors += finding.severity == LintSeverity::Error;
        warnings += finding.severity == LintSeverity::Warning;
        auto *item = new QTreeWidgetItem(m_view, { finding.message, finding.ruleId });
        item->setIcon(0, severityIcon(finding.severity));
        item->setData(0, FindingIndexRole, i);
        item->setToolTip(
            0, finding.hint.isEmpty() ? finding.message : tr("%1\nHint: %2").arg(finding.message, finding.hint));
        item->setToolTip(1, severityText(finding.severity));
        if (!finding.hint.isEmpty()) {
            auto *hint = new QTreeWidgetItem(item, { tr("Hint: %1").arg(finding.hint) });
            hint->setData(0, FindingIndexRole, i);
            hint->setForeground(0, palette().brush(QPalette::PlaceholderText));
        }
    }
    if (findings.isEmpty())
        m_summary->setText(tr("No problems found."));
    else
        m_summary->setText(tr("Errors: %1   Warnings: %2   Info: %3")
                               .arg(errors)
                               .arg(warnings)
                               .arg(findings.size() - errors - warnings));
}

QIcon ProblemsPanel::severityIcon(LintSeverity severity)
{
    return QIcon(QStringLiteral(":/icons/severity-%1.svg").arg(nameOf(severity)));
}

QString ProblemsPanel::severityText(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return tr("Info");
    case LintSeverity::Warning:
        return tr("Warning");
    case LintSeverity::Error:
        return tr("Error");
    }
    return {};
}

void ProblemsPanel::emitSelection(QTreeWidgetItem *item)
{
    bool ok = false;
    const int index = item ? item->data(0, FindingIndexRole).toInt(&ok) : -1;
    if (!ok || index < 0 || index >= m_findings.size())
        return;
    const LintFinding &finding = m_findings.at(index);
    Q_EMIT selectRequested(finding.nodeIds + finding.edgeIds);
}

} // namespace Gatehouse
