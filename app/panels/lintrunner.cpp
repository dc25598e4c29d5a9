#include "lintrunner.h"

#include "document/document.h"
#include "model/lint/linter.h"

namespace Gatehouse {

LintRunner::LintRunner(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &LintRunner::runNow);
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        // Geometry does not change what lint says; skip the run for pure moves and resizes.
        const DocumentChange::Properties geometryOnly
            = DocumentChange::Property::Position | DocumentChange::Property::Size | DocumentChange::Property::Waypoints
            | DocumentChange::Property::StackOrder;
        const bool valueChange
            = change.kind == DocumentChange::Kind::NodesChanged || change.kind == DocumentChange::Kind::EdgesChanged;
        if (valueChange && change.properties.toInt() != 0 && (change.properties & ~geometryOnly).toInt() == 0)
            return;
        if (change.kind == DocumentChange::Kind::Reset)
            runNow();
        else
            m_timer.start();
    });
}

void LintRunner::setDelay(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void LintRunner::runNow()
{
    m_timer.stop();
    if (!m_document)
        return;
    QList<LintFinding> findings = Linter::check(m_document->topology());
    if (findings == m_findings)
        return;
    m_findings = std::move(findings);
    Q_EMIT findingsChanged(m_findings);
}

} // namespace Gatehouse
