#pragma once

#include "model/topology.h"
#include "render/renderoptions.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Gatehouse {

// What a format can do. Write = a lossless save (read back gives the same topology);
// Export = a one-way picture or diagram for other tools.
enum class FormatCapability { Read = 0x1, Write = 0x2, Export = 0x4 };
Q_DECLARE_FLAGS(FormatCapabilities, FormatCapability)
Q_DECLARE_OPERATORS_FOR_FLAGS(FormatCapabilities)

// One line of an import report: which cell (format-specific id, may be empty) and what was
// recognised, guessed or dropped, in a sentence a user understands.
struct ImportNote
{
    enum class Kind {
        Recognised, // our own cell, read back exactly
        Guessed, // a hand-drawn shape mapped to a kind by a heuristic
        Kept, // kept as a generic service / sync edge: no clear intent
        Dropped // not imported (decoration, dangling edge, …)
    };
    Kind kind = Kind::Kept;
    QString cell;
    QString message;

    QString toString() const;
    bool operator==(const ImportNote &) const = default;
};

struct ReadOptions
{
    int page = 0; // multi-page files: which page, counted from 0 …
    QString pageName; // … or by name when set
};

struct ReadResult
{
    std::optional<Topology> topology; // set on success
    QString error; // why reading failed (empty on success)
    QList<ImportNote> notes; // what an import recognised, guessed and dropped
    QStringList pages; // page names, for formats with pages

    bool ok() const { return topology.has_value(); }
};

// Options for write(); each format uses the ones that apply to it.
struct WriteOptions
{
    bool compressed = false; // draw.io: compressed page content
    double scale = 1.0; // PNG (pixels per scene unit) and SVG (size only)
    bool transparent = false; // PNG/SVG: no background fill (default white)
    ViewFilters filters = allViewFilters(); // PNG/SVG: what the view shows (canvas filters)
    bool legend = true; // PNG/SVG/draw.io: draw the legend
};

struct WriteResult
{
    QByteArray bytes;
    QString error; // empty on success

    bool ok() const { return error.isEmpty(); }
};

// One file format behind the common interface. Formats are stateless and immutable after
// construction, so one instance can serve several threads. Files larger than maxReadSize()
// are refused before parsing.
class FileFormat
{
public:
    virtual ~FileFormat();

    virtual QString name() const = 0; // stable id: "gatehouse", "drawio", "svg", "png"
    virtual QString displayName() const = 0; // "draw.io diagram"
    virtual QStringList extensions() const = 0; // lower case, without dot; first is the default
    virtual FormatCapabilities capabilities() const = 0;
    virtual qint64 maxReadSize() const { return 64 * 1024 * 1024; }

    // Default implementations report "not supported"; formats override what they can.
    virtual ReadResult read(const QByteArray &data, const ReadOptions &options) const;
    virtual WriteResult write(const Topology &topology, const WriteOptions &options) const;

    bool canRead() const { return capabilities().testFlag(FormatCapability::Read); }
    bool canWrite() const
    {
        return capabilities().testFlag(FormatCapability::Write) || capabilities().testFlag(FormatCapability::Export);
    }

    // File helpers: size-capped read; atomic write through QSaveFile (the old file survives a failure).
    ReadResult readFile(const QString &fileName, const ReadOptions &options = {}) const;
    std::optional<QString> writeFile(
        const QString &fileName, const Topology &topology, const WriteOptions &options = {}) const;
};

// Writes `bytes` atomically via QSaveFile; returns the error, if any.
std::optional<QString> saveFileAtomically(const QString &fileName, const QByteArray &bytes);

} // namespace Gatehouse
