#pragma once

#include "model/route.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <optional>

namespace Gatehouse {

class Document;

// The routes of one sync edge as an editable table. Reads straight from the Document; every
// accepted edit is one Document::setEdgeRoute (one undo step named after the route). Invalid
// input is refused (setData returns false) and reported through rejected(message).
// Enumerated columns expose their choices through OptionsRole (a QStringList) for the delegate.
class RouteTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Method, Path, Visibility, Auth, RateLimit, Timeout, Retries, Fallback, ColumnCount };
    static constexpr int OptionsRole = Qt::UserRole + 1;

    explicit RouteTableModel(Document *document, QObject *parent = nullptr);

    void setEdge(const QString &edgeId); // empty: no edge
    QString edgeId() const { return m_edgeId; }
    // Re-reads the routes (after a Document change of this edge).
    void reload();

    // Adds "GET /new" (or the next free path) as one undo step; returns its row.
    int addRoute();
    void removeRoute(int row);

    // Applies `text` to `column` of `route`. Returns the error sentence if the text is not valid.
    static std::optional<QString> applyText(Route &route, int column, const QString &text);
    // The text shown for a column (also what applyText accepts back).
    static QString columnText(const Route &route, int column);
    static QStringList methods();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void rejected(const QString &message);

private:
    QList<Route> currentRoutes() const;

    QPointer<Document> m_document;
    QString m_edgeId;
    QList<Route> m_routes; // cached copy of the edge's routes
};

} // namespace Gatehouse
