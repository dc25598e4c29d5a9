#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Gatehouse {

// Installs the app's QTranslator (":/i18n/gatehouse_<lang>.qm", embedded by the build) and Qt's
// own qtbase catalogue for `locale` into `app`; both are parented to `app`. Returns the name of
// the Gatehouse catalogue it loaded, or "" when the locale has none (the English sources then
// show). Call once, before creating windows: a language change takes effect on restart.
QString installTranslations(QCoreApplication &app, const QLocale &locale);

// The locale for a stored language choice: "" follows the system.
QLocale localeForLanguage(const QString &language);

// The languages the app ships a catalogue for, as locale names ("en", "de").
QStringList availableLanguages();

} // namespace Gatehouse
