#pragma once

#include <QWidget>

class QComboBox;
class QDataWidgetMapper;
class QLineEdit;

namespace Gatehouse {

class RouteTableModel;

// The settings of the route selected in the route table that do not fit as table columns in a
// narrow dock: rate limit, timeout, retries and fallback. Edits go through the same model (and
// so the same validation and undo step) as the table, via a QDataWidgetMapper; a refused value
// goes back to what the route holds.
class RouteDetails : public QWidget
{
    Q_OBJECT

public:
    explicit RouteDetails(RouteTableModel *model, QWidget *parent = nullptr);

    // The route shown; -1 (or a row that does not exist) shows nothing and disables the fields.
    void setRow(int row);
    int row() const { return m_row; }

    QLineEdit *rateLimitEdit() const { return m_rateLimit; }
    QLineEdit *timeoutEdit() const { return m_timeout; }
    QLineEdit *retriesEdit() const { return m_retries; }
    QComboBox *fallbackCombo() const { return m_fallback; }

private:
    void refresh();

    RouteTableModel *m_model;
    QDataWidgetMapper *m_mapper;
    QLineEdit *m_rateLimit;
    QLineEdit *m_timeout;
    QLineEdit *m_retries;
    QComboBox *m_fallback;
    int m_row = -1;
};

} // namespace Gatehouse
