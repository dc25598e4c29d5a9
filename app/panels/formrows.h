#pragma once

class QFormLayout;
class QWidget;

namespace Gatehouse {

// Shows or hides one row (label and field) of a form. Keep word-wrapping labels out of such a
// form: Qt 6.4's QFormLayout::heightForWidth() writes out of bounds when rows are hidden.
void setFormRowShown(QFormLayout *form, QWidget *field, bool shown);

} // namespace Gatehouse
