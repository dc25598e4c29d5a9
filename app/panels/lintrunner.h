#pragma once

#include "model/lint/lintfinding.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Gatehouse {

class Document;

// Runs Linter::check over the document shortly after it stops changing (debounced, default
// 300 ms) and publishes the findings. A Reset runs it at once, so an opened file shows its
// problems immediately.
class LintRunner : public QObject
{
    Q_OBJECT

public:
    explicit LintRunner(Document *document, QObject *parent = nullptr);

    void setDelay(int milliseconds);
    QList<LintFinding> findings() const { return m_findings; }
    // Runs the linter now (cancels a pending run).
    void runNow();

Q_SIGNALS:
    void findingsChanged(const QList<Gatehouse::LintFinding> &findings);

private:
    QPointer<Document> m_document;
    QTimer m_timer;
    QList<LintFinding> m_findings;
};

} // namespace Gatehouse
