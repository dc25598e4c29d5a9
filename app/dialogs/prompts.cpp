#include "prompts.h"

#include "files/recoverystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace Gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Gatehouse::Prompts", text);
}

QString fileFilter()
{
    return tr("Gatehouse projects (*.gatehouse);;All files (*)");
}
} // namespace

Prompts::SaveChoice MessageBoxPrompts::askSaveChanges(QWidget *parent, const QString &documentName)
{
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
        tr("Save changes to “%1” before closing?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(tr("Your changes will be lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

void MessageBoxPrompts::showLoadProblems(QWidget *parent, const QString &fileName, const QList<LoadProblem> &problems)
{
    QStringList lines;
    for (const LoadProblem &problem : problems)
        lines.append(problem.toString());
    QMessageBox box(QMessageBox::Critical, tr("Cannot Open File"),
        tr("“%1” cannot be opened.").arg(QDir::toNativeSeparators(fileName)), QMessageBox::Ok, parent);
    // The first few problems inline, all of them under "Show Details".
    box.setInformativeText(lines.mid(0, 5).join(QLatin1Char('\n')));
    if (lines.size() > 5)
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

void MessageBoxPrompts::showError(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::critical(parent, title, message);
}

bool MessageBoxPrompts::askRestore(QWidget *parent, const RecoveryEntry &entry)
{
    const QString what
        = entry.originalFile.isEmpty() ? tr("an untitled diagram") : QDir::toNativeSeparators(entry.originalFile);
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
        tr("Gatehouse did not close normally. An autosave of %1 from %2 was found.")
            .arg(what, QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, parent);
    box.setInformativeText(tr("Restore it? If you discard it, it is deleted."));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

QString MessageBoxPrompts::askOpenFileName(QWidget *parent, const QString &directory)
{
    return QFileDialog::getOpenFileName(parent, tr("Open Diagram"), directory, fileFilter());
}

QString MessageBoxPrompts::askSaveFileName(QWidget *parent, const QString &suggestedPath)
{
    QString fileName = QFileDialog::getSaveFileName(parent, tr("Save Diagram As"), suggestedPath, fileFilter());
    if (!fileName.isEmpty() && QFileInfo(fileName).suffix().isEmpty())
        fileName += QStringLiteral(".gatehouse");
    return fileName;
}

QString MessageBoxPrompts::askImportFileName(QWidget *parent, const QString &directory, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, tr("Import Diagram"), directory, filter);
}

QString MessageBoxPrompts::askExportFileName(QWidget *parent, const QString &suggestedPath, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, tr("Export Diagram"), suggestedPath, filter);
}

} // namespace Gatehouse
