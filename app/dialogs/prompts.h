#pragma once

#include "model/projectfile.h"

#include <QList>
#include <QString>

class QWidget;

namespace Gatehouse {

struct RecoveryEntry;

// Every question and message the main window puts to the user, behind one interface so tests
// can answer them (and see what was asked) without a modal dialog. MessageBoxPrompts is the
// real implementation.
class Prompts
{
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~Prompts() = default;

    // "Save changes to <name>?" before closing or replacing a modified document.
    virtual SaveChoice askSaveChanges(QWidget *parent, const QString &documentName) = 0;
    // A file could not be opened; `problems` are the loader's messages with their JSON paths.
    virtual void showLoadProblems(QWidget *parent, const QString &fileName, const QList<LoadProblem> &problems) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
    // An autosave from a session that ended abnormally was found: restore it?
    virtual bool askRestore(QWidget *parent, const RecoveryEntry &entry) = 0;
    // File dialogs; an empty result means cancelled.
    virtual QString askOpenFileName(QWidget *parent, const QString &directory) = 0;
    virtual QString askSaveFileName(QWidget *parent, const QString &suggestedPath) = 0;
    // Import and export of other formats; `filter` is a QFileDialog name filter.
    virtual QString askImportFileName(QWidget *parent, const QString &directory, const QString &filter) = 0;
    virtual QString askExportFileName(QWidget *parent, const QString &suggestedPath, const QString &filter) = 0;
};

// Prompts with QMessageBox and QFileDialog.
class MessageBoxPrompts : public Prompts
{
public:
    SaveChoice askSaveChanges(QWidget *parent, const QString &documentName) override;
    void showLoadProblems(QWidget *parent, const QString &fileName, const QList<LoadProblem> &problems) override;
    void showError(QWidget *parent, const QString &title, const QString &message) override;
    bool askRestore(QWidget *parent, const RecoveryEntry &entry) override;
    QString askOpenFileName(QWidget *parent, const QString &directory) override;
    QString askSaveFileName(QWidget *parent, const QString &suggestedPath) override;
    QString askImportFileName(QWidget *parent, const QString &directory, const QString &filter) override;
    QString askExportFileName(QWidget *parent, const QString &suggestedPath, const QString &filter) override;
};

} // namespace Gatehouse
