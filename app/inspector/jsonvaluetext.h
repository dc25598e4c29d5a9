#pragma once

#include <QJsonValue>
#include <QString>

namespace Gatehouse {

// One JSON value as a reader wants it in a log line or a tooltip: a string bare, a number as a
// number, true/false, an object or array as compact JSON, null as nothing.
QString jsonValueText(const QJsonValue &value);

} // namespace Gatehouse
