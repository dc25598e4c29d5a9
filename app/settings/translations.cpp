#include "settings/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Gatehouse {

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (standard buttons, file dialogs); missing on minimal installs, which is fine.
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return own->filePath();
    }
    delete own;
    return {};
}

QLocale localeForLanguage(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QStringList availableLanguages()
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({ QStringLiteral("gatehouse_*.qm") });
    for (const QString &file : files)
        names << file.mid(10, file.size() - 13); // "gatehouse_" … ".qm"
    return names;
}

} // namespace Gatehouse
