#pragma once

#include "topology.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Gatehouse {

// One thing wrong with a project file: where (a JSON path such as "edges[2].routes[0].path",
// or "" for the whole file) and what, in a sentence a user understands.
struct LoadProblem
{
    QString path;
    QString message;

    QString toString() const; // "path: message" or just the message
    bool operator==(const LoadProblem &) const = default;
};

struct LoadResult
{
    Topology topology;           // valid only when problems is empty
    QList<LoadProblem> problems; // every problem found, in file order

    bool ok() const { return problems.isEmpty(); }
};

// The native `*.gatehouse` format: JSON, keys sorted, nodes and edges sorted by id, default
// values left out, so that a one-node change is a small diff. See docs/file-format.md.
class ProjectFile
{
public:
    static constexpr int CurrentFormatVersion = 1;
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    // Parses and validates; never throws, never crashes on hostile input.
    static LoadResult fromJson(const QByteArray &json);
    static QByteArray toJson(const Topology &topology);

    static LoadResult load(const QString &fileName);
    // Atomic (QSaveFile): the old file stays intact if anything fails. Returns the error, if any.
    static std::optional<QString> save(const QString &fileName, const Topology &topology);
};

} // namespace Gatehouse
