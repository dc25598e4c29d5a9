#pragma once

#include "model/lint/lintfinding.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Gatehouse {

// The Problems dock's content: one row per lint finding (severity icon, message, rule), the
// hint as a child row and tooltip. Clicking (or activating) a finding emits
// selectRequested with the node and edge ids it names.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setFindings(const QList<LintFinding> &findings);
    QList<LintFinding> findings() const { return m_findings; }
    QTreeWidget *view() const { return m_view; }

    static QIcon severityIcon(LintSeverity severity);
    static QString severityText(LintSeverity severity); // translated

Q_SIGNALS:
    void selectRequested(const QStringList &ids);

private:
    void emitSelection(QTreeWidgetItem *item);

    QList<LintFinding> m_findings;
    QTreeWidget *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Gatehouse
