#pragma once

#include <QSortFilterProxyModel>

namespace Gatehouse {

// The Traffic dock's filter over a TrafficModel: free text (client, route, path, status, trace
// id; case-insensitive) and a status class. Re-filters only when a setting changes; new rows
// are filtered as they arrive.
class TrafficFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusClass { All, Success, ClientError, ServerError, Timeout }; // all, 2xx, 4xx, 5xx, timeouts

    explicit TrafficFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStatusClass(StatusClass statusClass);
    StatusClass statusClass() const { return m_class; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    StatusClass m_class = StatusClass::All;
};

} // namespace Gatehouse
