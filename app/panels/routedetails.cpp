#include "routedetails.h"

#include "choicedelegate.h"
#include "routetablemodel.h"

#include <QComboBox>
#include <QDataWidgetMapper>
#include <QFormLayout>
#include <QLineEdit>

namespace Gatehouse {

RouteDetails::RouteDetails(RouteTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_mapper(new QDataWidgetMapper(this))
    , m_rateLimit(new QLineEdit(this))
    , m_timeout(new QLineEdit(this))
    , m_retries(new QLineEdit(this))
    , m_fallback(new QComboBox(this))
{
    setObjectName(QStringLiteral("routeDetails"));
    m_rateLimit->setPlaceholderText(tr("none, or e.g. 100/60s"));
    m_timeout->setPlaceholderText(tr("the gateway's default"));
    m_fallback->setEditable(true); // "static 502" may be typed

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Rate &limit:"), m_rateLimit);
    form->addRow(tr("Time&out (ms):"), m_timeout);
    form->addRow(tr("Re&tries:"), m_retries);
    form->addRow(tr("Fall&back:"), m_fallback);

    m_mapper->setModel(model);
    // The table's delegate: the same text ↔ value rules, and combo boxes for choices.
    m_mapper->setItemDelegate(new ChoiceDelegate(RouteTableModel::OptionsRole, this));
    m_mapper->setSubmitPolicy(QDataWidgetMapper::AutoSubmit);
    m_mapper->addMapping(m_rateLimit, RouteTableModel::RateLimit);
    m_mapper->addMapping(m_timeout, RouteTableModel::Timeout);
    m_mapper->addMapping(m_retries, RouteTableModel::Retries);
    m_mapper->addMapping(m_fallback, RouteTableModel::Fallback);

    // A picked fallback applies at once, like in the table.
    connect(m_fallback, &QComboBox::activated, m_mapper, &QDataWidgetMapper::submit);
    // A refused value: show the route's value again (the form shows the message).
    connect(model, &RouteTableModel::rejected, m_mapper, &QDataWidgetMapper::revert, Qt::QueuedConnection);
    // The model is re-read after every document change; keep showing the same row.
    connect(model, &QAbstractItemModel::modelReset, this, &RouteDetails::refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &RouteDetails::refresh);
    setRow(-1);
}

void RouteDetails::setRow(int row)
{
    m_row = row;
    refresh();
}

void RouteDetails::refresh()
{
    const bool valid = m_row >= 0 && m_row < m_model->rowCount();
    setEnabled(valid);
    if (!valid) {
        m_mapper->setCurrentIndex(-1);
        for (QLineEdit *edit : { m_rateLimit, m_timeout, m_retries })
            edit->clear();
        m_fallback->clear();
        return;
    }
    // The fallback choices depend on the route (its static status).
    const QStringList options
        = m_model->data(m_model->index(m_row, RouteTableModel::Fallback), RouteTableModel::OptionsRole).toStringList();
    if (options != QStringList([this] {
            QStringList items;
            for (int i = 0; i < m_fallback->count(); ++i)
                items.append(m_fallback->itemText(i));
            return items;
        }())) {
        m_fallback->clear();
        m_fallback->addItems(options);
    }
    m_mapper->setCurrentIndex(m_row);
}

} // namespace Gatehouse
