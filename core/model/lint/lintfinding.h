#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace Gatehouse {

enum class LintSeverity { Info, Warning, Error };

QString nameOf(LintSeverity severity); // "info", "warning", "error"

// One thing a design reviewer would flag. Names what it is about by ids, so the editor can
// select it and the headless validator can print it.
struct LintFinding
{
    QString ruleId; // stable, e.g. "shared-database"
    LintSeverity severity = LintSeverity::Warning;
    QStringList nodeIds;
    QStringList edgeIds;
    QString message; // what is wrong, one sentence
    QString hint;    // how to fix it, one sentence

    bool operator==(const LintFinding &) const = default;
};

} // namespace Gatehouse
