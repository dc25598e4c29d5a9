#pragma once

#include <QStyledItemDelegate>

namespace Gatehouse {

// Edits a cell with a combo box when the model offers choices under `optionsRole` (a
// QStringList), and with the default line edit otherwise. The combo is editable when
// `editableChoices` so a user may type a value not in the list (the model validates it).
class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ChoiceDelegate(int optionsRole, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    int m_optionsRole;
};

} // namespace Gatehouse
