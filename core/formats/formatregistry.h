#pragma once

#include "fileformat.h"

#include <memory>
#include <vector>

namespace Gatehouse {

// The file formats an application knows. Owned by the app (or a test, or the command line),
// not a global: create one, add formats, pass it by reference. Owns its formats.
class FormatRegistry
{
public:
    FormatRegistry() = default;
    FormatRegistry(const FormatRegistry &) = delete;
    FormatRegistry &operator=(const FormatRegistry &) = delete;

    // A registry with every built-in format: gatehouse (native), drawio, svg, png.
    static std::unique_ptr<FormatRegistry> createDefault();

    // Takes ownership. A format whose name is already registered replaces the old one.
    void add(std::unique_ptr<FileFormat> format);

    const FileFormat *byName(const QString &name) const;
    // By the file name's extension (case-insensitive; "x.drawio.xml" matches "drawio.xml" first).
    const FileFormat *forFileName(const QString &fileName, FormatCapability capability) const;
    QList<const FileFormat *> formats() const;
    QList<const FileFormat *> formats(FormatCapability capability) const;
    QStringList names() const;

private:
    std::vector<std::unique_ptr<FileFormat>> m_formats;
};

} // namespace Gatehouse
