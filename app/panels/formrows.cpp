#include "formrows.h"

#include <QFormLayout>
#include <QWidget>

namespace Gatehouse {

void setFormRowShown(QFormLayout *form, QWidget *field, bool shown)
{
    if (QWidget *label = form->labelForField(field))
        label->setVisible(shown);
    field->setVisible(shown);
}

} // namespace Gatehouse
