#include "trafficfilter.h"

#include "model/telemetry.h"
#include "trafficmodel.h"

namespace Gatehouse {

TrafficFilter::TrafficFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void TrafficFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void TrafficFilter::setStatusClass(StatusClass statusClass)
{
    if (statusClass == m_class)
        return;
    m_class = statusClass;
    invalidateRowsFilter();
}

bool TrafficFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_class != StatusClass::All) {
        const int status = index.data(TrafficModel::StatusRole).toInt();
        const auto outcome = SpanOutcome(index.data(TrafficModel::OutcomeRole).toInt());
        bool accepted = false;
        switch (m_class) {
        case StatusClass::All:
            accepted = true;
            break;
        case StatusClass::Success:
            accepted = status >= 200 && status < 300 && outcome != SpanOutcome::Timeout;
            break;
        case StatusClass::ClientError:
            accepted = status >= 400 && status < 500;
            break;
        case StatusClass::ServerError:
            accepted = status >= 500 && status < 600;
            break;
        case StatusClass::Timeout:
            accepted = outcome == SpanOutcome::Timeout;
            break;
        }
        if (!accepted)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    return index.data(TrafficModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace Gatehouse
